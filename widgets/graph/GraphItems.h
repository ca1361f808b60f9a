#pragma once
// The scene items of ServiceGraphView: a node box (health colour, name, numbers, blast-radius
// outline) and an edge (solid when observed, dashed when only declared, arrow at the dependency).
#include "charts/ChartOptions.h"
#include "graph/NodeHealth.h"
#include "graph/ServiceGraph.h"

#include <QGraphicsObject>
#include <QGraphicsPathItem>
#include <QLineF>

namespace wf::ui {

enum class Highlight { None, Failing, Affected, Dimmed };

// Below this zoom nodes are plain boxes (no text, no rounded corners) and edges straight lines without
// arrows: at 1,000 nodes that is what keeps a frame under 16 ms, and text that small is unreadable.
constexpr double kDetailZoom = 0.45;
// Below this zoom edges lose their arrows and dash patterns too.
constexpr double kArrowZoom = 0.3;

class GraphNodeItem : public QGraphicsObject
{
    Q_OBJECT
public:
    GraphNodeItem(const graph::GraphNode& node, QSizeF size);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const QString& key() const { return m_key; }
    graph::Health health() const { return m_health; }
    bool isGroup() const { return m_members > 0; }
    void setHighlight(Highlight h);
    Highlight highlight() const { return m_highlight; }
    void setMatch(bool match); // the search found it

Q_SIGNALS:
    void moved(const QString& key, QPointF position); // by the user, after the drag ended

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    QString m_key;
    QString m_title;
    QString m_numbers;
    graph::NodeKind m_kind;
    graph::Health m_health;
    QSizeF m_size;
    Highlight m_highlight = Highlight::None;
    bool m_match = false;
    bool m_dragged = false;
    int m_members = 0;
    QList<class GraphEdgeItem*> m_edges;
    friend class GraphEdgeItem;
};

class GraphEdgeItem : public QGraphicsPathItem
{
public:
    GraphEdgeItem(const graph::GraphEdge& edge, GraphNodeItem* from, GraphNodeItem* to);
    void updatePath();
    void setHighlight(Highlight h);
    GraphNodeItem* from() const { return m_from; }
    GraphNodeItem* to() const { return m_to; }

    // Whether the filters show it; far out (below kArrowZoom) the item itself stays hidden and the
    // view draws every shown edge in one batch (drawBatch), which per-item painting cannot match.
    void setShown(bool shown, bool batched);
    bool shown() const { return m_shown; }
    enum class Ink { Normal, Errors, Affected, Dimmed };
    Ink ink() const;
    const QLineF& line() const { return m_line; }
    static void drawBatch(QPainter* painter, const QList<GraphEdgeItem*>& edges, const QRectF& exposed,
                          const QPalette& palette);

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    GraphNodeItem* m_from;
    GraphNodeItem* m_to;
    graph::Provenance m_provenance;
    bool m_async;
    bool m_errors;
    Highlight m_highlight = Highlight::None;
    QPolygonF m_arrow;
    QLineF m_line;
    bool m_shown = true;
};

// Tooltips go through plainToolTip (charts/ChartOptions.h): escaped, so a service named "<b>x"
// shows as typed.
QString nodeToolTip(const graph::GraphNode& node);
QString edgeToolTip(const graph::ServiceGraph& graph, const graph::GraphEdge& edge);

} // namespace wf::ui
