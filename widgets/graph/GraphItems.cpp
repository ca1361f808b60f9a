#include "GraphItems.h"

#include "theme/Theme.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::ui {

namespace {

QColor healthColor(graph::Health h, const QPalette& palette)
{
    switch (h) {
    case graph::Health::Healthy:
        return semanticColor(Semantic::Ok, palette);
    case graph::Health::Degraded:
        return semanticColor(Semantic::Warning, palette);
    case graph::Health::Failing:
        return semanticColor(Semantic::Critical, palette);
    case graph::Health::NoTraffic:
        break;
    }
    return semanticColor(Semantic::Unknown, palette);
}

QString statsLine(const graph::WindowStats& s)
{
    return QCoreApplication::translate("ServiceGraphView", "%1 req/s · %2 % err · p95 %3 ms")
        .arg(s.requestRate(), 0, 'f', 1)
        .arg(s.errorRate() * 100, 0, 'f', 1)
        .arg(qRound(s.p95Ms()));
}

} // namespace

QString nodeToolTip(const graph::GraphNode& n)
{
    QString t = n.members > 0
                    ? QCoreApplication::translate(
                          "ServiceGraphView", "%1: a collapsed group of %n nodes (double-click to expand)",
                          nullptr, n.members)
                          .arg(n.name)
                    : n.name + u" (" + graph::nodeKindName(n.kind) + u')';
    if (n.failingMembers > 0 || n.degradedMembers > 0)
        t += u'\n' + QCoreApplication::translate("ServiceGraphView", "%1 failing, %2 degraded")
                         .arg(n.failingMembers)
                         .arg(n.degradedMembers);
    if (!n.region.isEmpty())
        t += u'\n' + QCoreApplication::translate("ServiceGraphView", "region %1").arg(n.region);
    if (!n.nameSpace.isEmpty())
        t += u'\n' + QCoreApplication::translate("ServiceGraphView", "namespace %1").arg(n.nameSpace);
    t += u'\n' + QCoreApplication::translate("ServiceGraphView", "now: %1").arg(statsLine(n.stats));
    t += u'\n' + QCoreApplication::translate("ServiceGraphView", "baseline: %1").arg(statsLine(n.baseline));
    t += u'\n' + QCoreApplication::translate("ServiceGraphView", "p50 %1 ms, p99 %2 ms")
                     .arg(qRound(n.stats.p50Ms()))
                     .arg(qRound(n.stats.p99Ms()));
    return plainToolTip(t);
}

QString edgeToolTip(const graph::ServiceGraph& g, const graph::GraphEdge& e)
{
    const bool traces = (e.observedBy & graph::SeenInTraces) != 0;
    const bool metrics = (e.observedBy & graph::SeenInMetrics) != 0;
    const QString seen = traces && metrics
                             ? QCoreApplication::translate("ServiceGraphView", "traces and metrics")
                         : metrics ? QCoreApplication::translate("ServiceGraphView", "metrics")
                                   : QCoreApplication::translate("ServiceGraphView", "traces");
    QString provenance;
    switch (e.provenance) {
    case graph::Provenance::Observed:
        provenance = QCoreApplication::translate("ServiceGraphView", "observed in %1").arg(seen);
        break;
    case graph::Provenance::Declared:
        provenance =
            QCoreApplication::translate("ServiceGraphView", "declared in the catalog, no traffic seen");
        break;
    case graph::Provenance::Both:
        provenance = QCoreApplication::translate("ServiceGraphView", "observed in %1 and declared").arg(seen);
        break;
    }
    QString t = g.node(e.from).key() + u" → " + g.node(e.to).key() + u'\n' + provenance;
    if (e.async)
        t += u'\n' + QCoreApplication::translate("ServiceGraphView", "asynchronous (through a queue)");
    if (e.metrics.present) {
        t += u'\n' + QCoreApplication::translate("ServiceGraphView", "metrics: %1 req/s · %2 % err · p95 %3")
                         .arg(e.metrics.requestsPerSecond, 0, 'f', 1)
                         .arg(e.metrics.errorRate() * 100, 0, 'f', 1)
                         .arg(e.metrics.p95Ms >= 0 ? QString::number(qRound(e.metrics.p95Ms)) + u" ms"
                                                   : QStringLiteral("–"));
    }
    if (traces) {
        t += u'\n' + statsLine(e.stats);
        t += u'\n' + QCoreApplication::translate("ServiceGraphView", "p50 %1 ms, p99 %2 ms")
                         .arg(qRound(e.stats.p50Ms()))
                         .arg(qRound(e.stats.p99Ms()));
    }
    return plainToolTip(t);
}

GraphNodeItem::GraphNodeItem(const graph::GraphNode& node, QSizeF size)
    : m_key(node.key())
    , m_title(node.members > 0
                  ? QCoreApplication::translate("ServiceGraphView", "%1 (%n nodes)", nullptr, node.members)
                        .arg(node.name.section(u':', 1)) // "region:us-east": the kind is in the tooltip
              : node.region.isEmpty() ? node.name
                                      : node.name + u" · " + node.region)
    , m_numbers(node.stats.requests > 0 ? QCoreApplication::translate("ServiceGraphView", "%1/s · %2 % err")
                                              .arg(node.stats.requestRate(), 0, 'f', 1)
                                              .arg(node.stats.errorRate() * 100, 0, 'f', 1)
                                        : QCoreApplication::translate("ServiceGraphView", "no traffic"))
    , m_kind(node.kind)
    , m_health(graph::nodeHealth(node))
    , m_size(size)
    , m_members(node.members)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setToolTip(nodeToolTip(node));
    setZValue(1);
    setCursor(Qt::PointingHandCursor);
}

QRectF GraphNodeItem::boundingRect() const
{
    return QRectF(-m_size.width() / 2 - 4, -m_size.height() / 2 - 4, m_size.width() + 8, m_size.height() + 8);
}

void GraphNodeItem::setHighlight(Highlight h)
{
    if (h == m_highlight)
        return;
    m_highlight = h;
    update();
}

void GraphNodeItem::setMatch(bool match)
{
    m_match = match;
    update();
}

void GraphNodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const QRectF r(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height());
    QColor fill = healthColor(m_health, palette);
    QColor base = palette.color(QPalette::Base);
    // A light tint of the health colour keeps the text readable in both themes.
    QColor tint =
        QColor::fromRgbF(base.redF() * 0.72 + fill.redF() * 0.28, base.greenF() * 0.72 + fill.greenF() * 0.28,
                         base.blueF() * 0.72 + fill.blueF() * 0.28);
    const bool dimmed = m_highlight == Highlight::Dimmed;
    p->setOpacity(dimmed ? 0.35 : 1.0);

    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    if (lod < kDetailZoom) {
        // Far out: a filled box, its outline only when it says something (highlight, selection).
        QColor edge = fill;
        if (m_highlight == Highlight::Failing)
            edge = semanticColor(Semantic::Critical, palette);
        else if (m_highlight == Highlight::Affected)
            edge = semanticColor(Semantic::Warning, palette);
        if (isSelected() || m_match)
            edge = palette.color(QPalette::Highlight);
        const bool outlined = edge != fill;
        p->fillRect(r, outlined ? edge : tint);
        if (outlined)
            p->fillRect(r.adjusted(12, 12, -12, -12), tint);
        else
            p->fillRect(QRectF(r.left(), r.top(), r.width(), 8), fill);
        return;
    }

    QPen border(fill, m_members > 0 ? 4 : 2);
    if (m_highlight == Highlight::Failing)
        border = QPen(semanticColor(Semantic::Critical, palette), 5);
    else if (m_highlight == Highlight::Affected)
        border = QPen(semanticColor(Semantic::Warning, palette), 4);
    if (isSelected() || m_match)
        border = QPen(palette.color(QPalette::Highlight), 4);
    if (m_kind == graph::NodeKind::External)
        border.setStyle(Qt::DashLine);
    p->setPen(border);
    p->setBrush(tint);
    const double radius = m_kind == graph::NodeKind::Database ? 16 : m_kind == graph::NodeKind::Queue ? 2 : 8;
    p->drawRoundedRect(r, radius, radius);
    if (m_kind == graph::NodeKind::Database) // the cylinder's rim
        p->drawArc(QRectF(r.left(), r.top(), r.width(), 12), 180 * 16, 180 * 16);
    if (m_members > 0) // a stack: the group stands for several nodes
        p->drawLine(QPointF(r.left() + 6, r.bottom() + 3), QPointF(r.right() - 6, r.bottom() + 3));

    p->setPen(palette.color(QPalette::Text));
    QFont f = p->font();
    f.setBold(true);
    p->setFont(f);
    const QRectF top(r.left() + 6, r.top() + 3, r.width() - 12, r.height() / 2 - 1);
    p->drawText(top, Qt::AlignCenter,
                p->fontMetrics().elidedText(m_title, Qt::ElideMiddle, int(top.width())));
    f.setBold(false);
    p->setFont(f);
    const QRectF bottom(r.left() + 6, r.center().y(), r.width() - 12, r.height() / 2 - 3);
    p->drawText(bottom, Qt::AlignCenter,
                p->fontMetrics().elidedText(m_numbers, Qt::ElideRight, int(bottom.width())));
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged) {
        for (GraphEdgeItem* e : std::as_const(m_edges))
            e->updatePath();
        if (scene() && scene()->mouseGrabberItem() == this)
            m_dragged = true;
    }
    return QGraphicsObject::itemChange(change, value);
}

void GraphNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsObject::mouseReleaseEvent(event);
    if (m_dragged) {
        m_dragged = false;
        Q_EMIT moved(m_key, pos());
    }
}

GraphEdgeItem::GraphEdgeItem(const graph::GraphEdge& edge, GraphNodeItem* from, GraphNodeItem* to)
    : m_from(from)
    , m_to(to)
    , m_provenance(edge.provenance)
    , m_async(edge.async)
    , m_errors(edge.stats.requests >= 5 && edge.stats.errorRate() >= 0.05)
{
    from->m_edges.append(this);
    to->m_edges.append(this);
    setZValue(0);
    setPen(QPen(Qt::black, 6)); // only for the bounding rect: paint() picks the real pen
    updatePath();
}

void GraphEdgeItem::setHighlight(Highlight h)
{
    m_highlight = h;
    update();
}

void GraphEdgeItem::updatePath()
{
    const QPointF a = m_from->pos();
    const QPointF b = m_to->pos();
    const QRectF fr = m_from->boundingRect().adjusted(4, 4, -4, -4);
    const QRectF tr = m_to->boundingRect().adjusted(4, 4, -4, -4);
    // Leave the box where the line points: top/bottom when mostly vertical, else the sides.
    auto exitPoint = [](QPointF c, const QRectF& box, QPointF towards) {
        const QPointF d = towards - c;
        if (std::abs(d.y()) * box.width() >= std::abs(d.x()) * box.height())
            return QPointF(c.x(), c.y() + (d.y() > 0 ? box.bottom() : box.top()));
        return QPointF(c.x() + (d.x() > 0 ? box.right() : box.left()), c.y());
    };
    const QPointF start = exitPoint(a, fr, b);
    const QPointF end = exitPoint(b, tr, a);
    QPainterPath path(start);
    const double bend = std::abs(end.y() - start.y()) * 0.4;
    if (std::abs(end.y() - start.y()) > std::abs(end.x() - start.x()) * 0.3)
        path.cubicTo(start + QPointF(0, end.y() > start.y() ? bend : -bend),
                     end - QPointF(0, end.y() > start.y() ? bend : -bend), end);
    else
        path.lineTo(end);
    setPath(path);
    m_line = QLineF(start, end);
    const double angle =
        std::atan2(end.y() - path.pointAtPercent(0.95).y(), end.x() - path.pointAtPercent(0.95).x());
    const double size = 10;
    m_arrow = QPolygonF({end, end - QPointF(std::cos(angle - 0.4) * size, std::sin(angle - 0.4) * size),
                         end - QPointF(std::cos(angle + 0.4) * size, std::sin(angle + 0.4) * size)});
}

void GraphEdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    QColor c = m_errors ? semanticColor(Semantic::Critical, palette) : palette.color(QPalette::Mid);
    double width = m_errors ? 2.2 : 1.4;
    if (m_highlight == Highlight::Affected) {
        c = semanticColor(Semantic::Critical, palette);
        width = 3.2;
    }
    p->setOpacity(m_highlight == Highlight::Dimmed ? 0.25 : 1.0);
    if (lod < kArrowZoom) {
        // A cosmetic straight line: no curve to flatten, no dash pattern, no arrow head.
        QPen pen(c, m_highlight == Highlight::Affected ? 2 : 0);
        pen.setCosmetic(true);
        p->setPen(pen);
        p->drawLine(m_line);
        return;
    }
    QPen pen(c, width);
    pen.setStyle(m_provenance == graph::Provenance::Declared ? Qt::DashLine : Qt::SolidLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());
    if (lod < kDetailZoom)
        return;
    p->setPen(QPen(c, 1));
    p->setBrush(m_async ? QBrush(palette.color(QPalette::Base)) : QBrush(c));
    p->drawPolygon(m_arrow);
}

void GraphEdgeItem::setShown(bool shown, bool batched)
{
    m_shown = shown;
    setVisible(shown && !batched);
}

GraphEdgeItem::Ink GraphEdgeItem::ink() const
{
    switch (m_highlight) {
    case Highlight::Affected:
        return Ink::Affected;
    case Highlight::Dimmed:
        return Ink::Dimmed;
    case Highlight::Failing:
    case Highlight::None:
        break;
    }
    return m_errors ? Ink::Errors : Ink::Normal;
}

void GraphEdgeItem::drawBatch(QPainter* p, const QList<GraphEdgeItem*>& edges, const QRectF& exposed,
                              const QPalette& palette)
{
    std::array<QList<QLineF>, 4> lines;
    for (const GraphEdgeItem* e : edges) {
        if (!e->m_shown)
            continue;
        const QLineF& l = e->m_line;
        const QRectF box = QRectF(l.p1(), l.p2()).normalized();
        if (box.right() < exposed.left() || box.left() > exposed.right() || box.bottom() < exposed.top() ||
            box.top() > exposed.bottom())
            continue;
        lines[size_t(e->ink())].append(l);
    }
    const QColor mid = palette.color(QPalette::Mid);
    const QColor critical = semanticColor(Semantic::Critical, palette);
    const struct
    {
        QColor color;
        double width;
        double opacity;
    } inks[] = {{mid, 0, 1.0}, {critical, 0, 1.0}, {critical, 2, 1.0}, {mid, 0, 0.25}};
    // Dimmed first, the blast radius last: the lit chain is drawn over the rest.
    for (size_t i : {size_t(Ink::Dimmed), size_t(Ink::Normal), size_t(Ink::Errors), size_t(Ink::Affected)}) {
        if (lines[i].isEmpty())
            continue;
        QPen pen(inks[i].color, inks[i].width);
        pen.setCosmetic(true);
        p->setPen(pen);
        p->setOpacity(inks[i].opacity);
        p->drawLines(lines[i]);
    }
    p->setOpacity(1.0);
}

} // namespace wf::ui
