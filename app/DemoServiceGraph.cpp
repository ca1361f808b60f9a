#include "DemoServiceGraph.h"

#include "graph/BlastRadiusJson.h"
#include "graph/BlastRadiusPanel.h"
#include "graph/GraphItems.h"
#include "graph/LiveServiceGraph.h"
#include "graph/ServiceGraphDock.h"
#include "graph/ServiceGraphView.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QPixmap>
#include <QtConcurrent/QtConcurrentRun>

namespace wf::app {

struct DemoServiceGraph::Built
{
    graph::ServiceGraph graph;
    graph::GraphWindows windows;
    QStringList failingKeys;
    double milliseconds = 0;
};

DemoServiceGraph::DemoServiceGraph(ui::ServiceGraphDock* dock, QObject* parent)
    : QObject(parent)
    , m_dock(dock)
    , m_live(std::make_shared<graph::LiveServiceGraph>())
{
    m_ingest.setMaxThreadCount(1);
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &DemoServiceGraph::refresh);
    m_timer.start();
    connect(dock->view(), &ui::ServiceGraphView::layoutApplied, this, [this] {
        if (m_focusPending)
            focusOnBlastRadius();
    });
}

DemoServiceGraph::~DemoServiceGraph()
{
    m_timer.stop();
    m_ingest.clear();
    m_ingest.waitForDone();
}

void DemoServiceGraph::addSpans(std::shared_ptr<const telemetry::SpanBatch> batch)
{
    if (!batch)
        return;
    // A stalled graph must not grow without bound behind the receiver: drop, and say so in counters.
    if (m_queued.fetch_add(1) >= kMaxQueuedBatches) {
        m_queued.fetch_sub(1);
        m_dropped.fetch_add(1);
        return;
    }
    m_ingest.start([this, live = m_live, batch = std::move(batch)] {
        live->addSpans(*batch);
        m_queued.fetch_sub(1); // the destructor waits for this job, so `this` is alive
    });
}

void DemoServiceGraph::refresh()
{
    if (m_building || !m_dock)
        return;
    const qint64 latest = m_live->latestNs();
    if (latest <= 0)
        return; // no spans yet
    m_building = true;
    const graph::GraphWindows windows = m_baseline.windowsEndingAt(latest);
    const quint64 generation = ++m_generation;
    auto* watcher = new QFutureWatcher<std::shared_ptr<Built>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_building = false;
        if (generation == m_generation)
            apply(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([live = m_live, windows] {
        QElapsedTimer clock;
        clock.start();
        auto built = std::make_shared<Built>();
        built->windows = windows;
        built->graph =
            live->graph(windows.fromNs, windows.toNs, windows.baselineFromNs, windows.baselineToNs);
        for (int n : graph::pickFailingNodes(built->graph))
            built->failingKeys << built->graph.node(n).key();
        built->failingKeys.sort();
        built->milliseconds = double(clock.nsecsElapsed()) / 1e6;
        // Keep a bounded history; the frozen baseline is well inside it.
        live->pruneBefore(windows.toNs - kHistoryNs);
        return built;
    }));
}

void DemoServiceGraph::apply(const std::shared_ptr<Built>& built)
{
    m_lastBuildMs = built->milliseconds;
    m_baseline.update(built->windows, !built->failingKeys.isEmpty());
    if (!m_dock)
        return;
    ui::ServiceGraphView* view = m_dock->view();
    // The user's selection survives the refresh and keeps its blast radius; else the auto-picked one.
    const QString selected = view->selectedNode();
    m_dock->setGraph(std::move(built->graph));
    const graph::ServiceGraph& g = view->graph();
    const bool keepSelection = !selected.isEmpty() && view->selectNode(selected);
    std::vector<int> failing;
    for (const QString& k : keepSelection ? QStringList{selected} : built->failingKeys) {
        if (const int n = g.findNode(k); n >= 0)
            failing.push_back(n);
    }
    m_radius = graph::computeBlastRadius(g, failing);
    view->setBlastRadius(m_radius);
    m_dock->panel()->setBlastRadius(g, m_radius);
    // The symptom: the selected node, else the entry point whose traffic the failure hurts most.
    m_symptom = keepSelection              ? g.findNode(selected)
                : m_radius.entries.empty() ? -1
                                           : m_radius.entries.front().entry;
    m_ranking.clear();
    if (m_symptom >= 0) {
        m_ranking = graph::rankSymptomCauses(g, m_symptom);
        m_dock->showSymptom(g.node(m_symptom).key());
    }
    if (built->failingKeys != m_failingKeys) {
        m_failingKeys = built->failingKeys;
        m_focusPending = !m_failingKeys.isEmpty();
        Q_EMIT failingChanged(m_failingKeys);
    }
    Q_EMIT refreshed();
}

void DemoServiceGraph::focusOnBlastRadius()
{
    // The whole demo graph (two regions side by side) fits a 1600x1000 window only below the zoom at
    // which node names are drawn; the failure's own chain fits at a readable zoom.
    m_focusPending = false;
    ui::ServiceGraphView* view = m_dock->view();
    QRectF lit;
    for (QGraphicsItem* item : view->scene()->items()) {
        const auto* node = dynamic_cast<ui::GraphNodeItem*>(item);
        if (node && node->isVisible() &&
            (node->highlight() == ui::Highlight::Failing || node->highlight() == ui::Highlight::Affected))
            lit |= node->sceneBoundingRect();
    }
    if (lit.isEmpty())
        return;
    view->fitInView(lit.adjusted(-60, -40, 60, 40), Qt::KeepAspectRatio);
    if (view->transform().m11() > 1.0)
        view->setTransform(QTransform()); // never larger than life
    view->centerOn(lit.center());
}

GraphPin DemoServiceGraph::capture() const
{
    GraphPin pin;
    if (!m_dock || m_dock->view()->graph().nodeCount() == 0)
        return pin;
    const graph::ServiceGraph& g = m_dock->view()->graph();
    pin.title = graph::blastRadiusTitle(g, m_radius);
    pin.data = graph::blastRadiusJson(g, m_radius, m_symptom, m_ranking);
    pin.data.insert(QStringLiteral("refreshMs"), m_lastBuildMs);
    QBuffer buffer(&pin.png);
    buffer.open(QIODevice::WriteOnly);
    m_dock->grab().save(&buffer, "PNG");
    return pin;
}

} // namespace wf::app
