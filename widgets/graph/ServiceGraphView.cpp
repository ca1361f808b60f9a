#include "ServiceGraphView.h"

#include "GraphItems.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPromise>
#include <QScrollBar>
#include <QThreadPool>
#include <QWheelEvent>

#include <deque>

using namespace Qt::StringLiterals;

namespace wf::ui {

ServiceGraphView::ServiceGraphView(QWidget* parent)
    : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    // Frames at 1,000 nodes: a BSP index so a frame only visits the items in view; the painter state
    // is not saved around each item (every paint() sets what it uses); pans scroll the pixels already
    // drawn and repaint the strip uncovered (SmartViewportUpdate keeps that accelerated scrolling).
    scene()->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setDragMode(ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setCacheMode(CacheNone);
    m_settle.setSingleShot(true);
    m_settle.setInterval(150);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        setRenderHint(QPainter::Antialiasing, true);
        updateItemCaching();
        viewport()->update();
    });
    setFocusPolicy(Qt::StrongFocus);
    setToolTip({});
    connect(scene(), &QGraphicsScene::selectionChanged, this,
            [this] { Q_EMIT nodeActivated(selectedNode()); });
}

ServiceGraphView::~ServiceGraphView()
{
    if (m_watcher)
        m_watcher->waitForFinished(); // the job reads nothing of ours, but its result must not land late
}

void ServiceGraphView::setGraph(graph::ServiceGraph g)
{
    m_graph = std::move(g);
    m_radius.reset();
    rebuildScene();
    // Off the UI thread, with what we know: positions of nodes we already showed, and user moves.
    const quint64 generation = ++m_generation;
    m_layoutPending = true;
    auto* watcher = new QFutureWatcher<graph::LayoutResult>(this);
    if (m_watcher)
        m_watcher->disconnect(this); // superseded: its result is dropped
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<graph::LayoutResult>::finished, this, [this, watcher, generation] {
        if (generation == m_generation)
            applyLayout(watcher->result(), generation);
        watcher->deleteLater();
        if (m_watcher == watcher)
            m_watcher = nullptr;
    });
    // QThreadPool + QPromise is what QtConcurrent::run does, without a new link dependency.
    auto promise = std::make_shared<QPromise<graph::LayoutResult>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, graph = m_graph, previous = m_positions, pinned = m_pinned, options = m_layoutOptions] {
            promise->addResult(graph::relayout(graph, previous, pinned, options));
            promise->finish();
        });
}

void ServiceGraphView::rebuildScene()
{
    scene()->clear();
    m_nodeItems.clear();
    m_edgeItems.clear();
    const QSizeF size(m_layoutOptions.nodeWidth, m_layoutOptions.nodeHeight);
    for (const graph::GraphNode& n : m_graph.nodes()) {
        auto* item = new GraphNodeItem(n, size);
        // Until the layout arrives: where it was, else hidden (no flash of nodes piled at 0,0).
        if (const auto it = m_positions.constFind(n.key()); it != m_positions.cend())
            item->setPos(*it);
        else
            item->setVisible(false);
        connect(item, &GraphNodeItem::moved, this, [this](const QString& key, QPointF p) {
            m_positions.insert(key, p);
            m_pinned.insert(key);
            if (m_batchedEdges)
                viewport()->update(); // its edges are drawn by the view, not by their items
        });
        scene()->addItem(item);
        m_nodeItems.insert(n.key(), item);
    }
    updateItemCaching(true); // the new items get the mode for the current zoom
    for (const graph::GraphEdge& e : m_graph.edges()) {
        auto* item = new GraphEdgeItem(e, m_nodeItems.value(m_graph.node(e.from).key()),
                                       m_nodeItems.value(m_graph.node(e.to).key()));
        item->setToolTip(edgeToolTip(m_graph, e));
        scene()->addItem(item);
        m_edgeItems.append(item);
    }
    applyFilters();
}

void ServiceGraphView::applyLayout(const graph::LayoutResult& result, quint64)
{
    m_lastLayout = result;
    for (auto it = result.positions.cbegin(); it != result.positions.cend(); ++it)
        m_positions.insert(it.key(), it.value());
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it) {
        if (const auto p = m_positions.constFind(it.key()); p != m_positions.cend())
            it.value()->setPos(*p);
    }
    for (GraphEdgeItem* e : std::as_const(m_edgeItems))
        e->updatePath();
    m_layoutPending = false;
    applyFilters();
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-80, -80, 80, 80));
    if (m_fitAfterLayout) {
        fitAll();
        m_fitAfterLayout = false;
    }
    Q_EMIT layoutApplied();
}

void ServiceGraphView::setBlastRadius(const graph::BlastRadius& radius)
{
    m_radius = radius;
    applyHighlight();
}

void ServiceGraphView::clearBlastRadius()
{
    m_radius.reset();
    applyHighlight();
}

void ServiceGraphView::applyHighlight()
{
    QSet<QString> failing;
    QSet<QString> affected;
    if (m_radius) {
        for (int n : m_radius->failing)
            failing.insert(m_graph.node(n).key());
        for (int n : m_radius->affected)
            affected.insert(m_graph.node(n).key());
    }
    const bool active = m_radius.has_value() && !m_radius->failing.empty();
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it) {
        Highlight h = Highlight::None;
        if (active)
            h = failing.contains(it.key())    ? Highlight::Failing
                : affected.contains(it.key()) ? Highlight::Affected
                                              : Highlight::Dimmed;
        it.value()->setHighlight(h);
    }
    for (GraphEdgeItem* e : std::as_const(m_edgeItems)) {
        Highlight h = Highlight::None;
        if (active) {
            const bool lit = (affected.contains(e->from()->key()) || failing.contains(e->from()->key())) &&
                             (affected.contains(e->to()->key()) || failing.contains(e->to()->key()));
            h = lit ? Highlight::Affected : Highlight::Dimmed;
        }
        e->setHighlight(h);
    }
    if (m_batchedEdges)
        viewport()->update();
}

QStringList ServiceGraphView::highlightedNodes() const
{
    QStringList out;
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it) {
        if (it.value()->highlight() == Highlight::Failing || it.value()->highlight() == Highlight::Affected)
            out << it.key();
    }
    out.sort();
    return out;
}

QStringList ServiceGraphView::failingNodes() const
{
    QStringList out;
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it) {
        if (it.value()->highlight() == Highlight::Failing)
            out << it.key();
    }
    out.sort();
    return out;
}

bool ServiceGraphView::findNode(const QString& text)
{
    const QString needle = text.trimmed();
    GraphNodeItem* found = nullptr;
    for (GraphNodeItem* item : std::as_const(m_nodeItems)) {
        const bool match = !needle.isEmpty() && item->key().contains(needle, Qt::CaseInsensitive);
        item->setMatch(match);
        if (match && (found == nullptr || item->key() < found->key()))
            found = item;
    }
    if (found == nullptr)
        return false;
    scene()->clearSelection();
    found->setVisible(true);
    found->setSelected(true);
    centerOn(found);
    return true;
}

bool ServiceGraphView::selectNode(const QString& key)
{
    GraphNodeItem* item = m_nodeItems.value(key);
    if (item == nullptr)
        return false;
    scene()->clearSelection();
    item->setSelected(true);
    return true;
}

QString ServiceGraphView::selectedNode() const
{
    const auto items = scene()->selectedItems();
    for (QGraphicsItem* i : items) {
        if (auto* n = dynamic_cast<GraphNodeItem*>(i))
            return n->key();
    }
    return {};
}

void ServiceGraphView::setErrorsOnly(bool on)
{
    m_errorsOnly = on;
    applyFilters();
}

void ServiceGraphView::setHopFilter(int hops)
{
    m_hops = std::max(hops, 0);
    applyFilters();
}

void ServiceGraphView::applyFilters()
{
    std::vector<char> show(size_t(m_graph.nodeCount()), 1);
    if (m_errorsOnly) {
        for (int i = 0; i < m_graph.nodeCount(); ++i) {
            const graph::Health h = graph::nodeHealth(m_graph.node(i));
            show[size_t(i)] = h == graph::Health::Degraded || h == graph::Health::Failing ||
                              m_graph.node(i).stats.errors > 0;
        }
    }
    const QString selected = selectedNode();
    if (m_hops > 0 && !selected.isEmpty()) {
        const int start = m_graph.findNode(selected);
        std::vector<int> dist(size_t(m_graph.nodeCount()), -1);
        std::deque<int> queue{start};
        dist[size_t(start)] = 0;
        while (!queue.empty()) {
            const int n = queue.front();
            queue.pop_front();
            if (dist[size_t(n)] >= m_hops)
                continue;
            auto visit = [&](int other) {
                if (dist[size_t(other)] < 0) {
                    dist[size_t(other)] = dist[size_t(n)] + 1;
                    queue.push_back(other);
                }
            };
            for (int e : m_graph.outEdges(n))
                visit(m_graph.edge(e).to);
            for (int e : m_graph.inEdges(n))
                visit(m_graph.edge(e).from);
        }
        for (size_t i = 0; i < show.size(); ++i)
            show[i] = show[i] && dist[i] >= 0;
    }
    for (int i = 0; i < m_graph.nodeCount(); ++i) {
        const QString key = m_graph.node(i).key();
        if (GraphNodeItem* item = m_nodeItems.value(key))
            item->setVisible(show[size_t(i)] && m_positions.contains(key));
    }
    for (GraphEdgeItem* e : std::as_const(m_edgeItems))
        e->setShown(e->from()->isVisible() && e->to()->isVisible(), m_batchedEdges);
    if (m_batchedEdges)
        viewport()->update();
}

int ServiceGraphView::visibleNodeCount() const
{
    int n = 0;
    for (GraphNodeItem* item : m_nodeItems)
        n += item->isVisible() ? 1 : 0;
    return n;
}

void ServiceGraphView::fitAll()
{
    const QRectF r = scene()->itemsBoundingRect();
    if (r.isEmpty())
        return;
    fitInView(r.adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
    updateItemCaching();
}

void ServiceGraphView::zoomBy(double factor)
{
    const double current = transform().m11();
    const double next = std::clamp(current * factor, 0.02, 4.0);
    beginMotion();
    scale(next / current, next / current);
    updateItemCaching();
}

void ServiceGraphView::beginMotion()
{
    if (!m_settle.isActive())
        setRenderHint(QPainter::Antialiasing, false);
    m_settle.start();
    updateItemCaching();
}

void ServiceGraphView::updateItemCaching(bool force)
{
    // While the user pans or zooms at a readable zoom, a node's text is the expensive part: drawn
    // once into a pixmap at the item's own size and blitted each frame. Once the view is still, the
    // nodes are drawn directly again, so the text is sharp (a scaled pixmap is not). Zoomed out the
    // node is a plain box, cheaper to fill than a pixmap to scale; past 100 % few nodes are in view.
    const double z = zoom();
    const bool batched = z < kArrowZoom;
    if (batched != m_batchedEdges || force) {
        m_batchedEdges = batched;
        for (GraphEdgeItem* e : std::as_const(m_edgeItems))
            e->setShown(e->shown(), batched);
    }
    const bool cached = m_settle.isActive() && z >= kDetailZoom && z <= 1.01;
    if (cached == m_cached && !force)
        return;
    m_cached = cached;
    for (GraphNodeItem* item : std::as_const(m_nodeItems))
        item->setCacheMode(cached ? QGraphicsItem::ItemCoordinateCache : QGraphicsItem::NoCache);
}

void ServiceGraphView::drawBackground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawBackground(painter, rect);
    if (m_batchedEdges)
        GraphEdgeItem::drawBatch(painter, m_edgeItems, rect, palette());
}

void ServiceGraphView::paintEvent(QPaintEvent* event)
{
    updateItemCaching(); // any transform change (fitInView from outside too) picks the right mode
    QGraphicsView::paintEvent(event);
}

void ServiceGraphView::scrollContentsBy(int dx, int dy)
{
    beginMotion();
    QGraphicsView::scrollContentsBy(dx, dy);
}

void ServiceGraphView::mouseDoubleClickEvent(QMouseEvent* event)
{
    for (QGraphicsItem* item : items(event->position().toPoint())) {
        if (auto* node = dynamic_cast<GraphNodeItem*>(item)) {
            Q_EMIT nodeDoubleClicked(node->key());
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void ServiceGraphView::wheelEvent(QWheelEvent* event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void ServiceGraphView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_F:
        fitAll();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

} // namespace wf::ui
