#pragma once
// The service graph on a QGraphicsView: nodes coloured by health against their own baseline, edges
// solid when observed and dashed when only declared, numbers on hover; pan (drag the background),
// zoom (wheel, +/-), fit (F), search, filters (errors only, N hops around the selected node), and the
// blast radius highlighted. Layout runs on the worker pool (QThreadPool); a newer graph supersedes an
// older layout still running, and positions carry over between refreshes (user moves are pinned).
#include "graph/BlastRadius.h"
#include "graph/GraphLayout.h"
#include "graph/ServiceGraph.h"

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace wf::ui {

class GraphNodeItem;
class GraphEdgeItem;

class ServiceGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit ServiceGraphView(QWidget* parent = nullptr);
    ~ServiceGraphView() override;

    // Shows `graph`; its layout arrives asynchronously (layoutApplied). Keeps the blast radius
    // highlight only if setBlastRadius is called again for the new graph.
    void setGraph(graph::ServiceGraph graph);
    const graph::ServiceGraph& graph() const { return m_graph; }

    void setBlastRadius(const graph::BlastRadius& radius);
    void clearBlastRadius();
    // Keys of the highlighted nodes (failing and affected), sorted: what the user sees lit up.
    QStringList highlightedNodes() const;
    QStringList failingNodes() const;

    // Selects and centres the first node whose key contains `text` (case-insensitive).
    bool findNode(const QString& text);
    QString selectedNode() const;
    // Selects the node with this key without moving the view (a refresh keeps the user's selection).
    bool selectNode(const QString& key);
    void setErrorsOnly(bool on);
    void setHopFilter(int hops); // 0: off; else only nodes within `hops` of the selected node
    int visibleNodeCount() const;
    void fitAll();

    QHash<QString, QPointF> positions() const { return m_positions; }
    bool layoutPending() const { return m_layoutPending; }
    // True while the user pans or zooms (and a moment after): frames are drawn without antialiasing.
    bool inMotion() const { return m_settle.isActive(); }
    double zoom() const { return transform().m11(); }
    void zoomBy(double factor);
    const graph::LayoutResult& lastLayout() const { return m_lastLayout; }

Q_SIGNALS:
    void layoutApplied();
    void nodeActivated(const QString& key);     // selection changed to this node (empty: none)
    void nodeDoubleClicked(const QString& key); // the dock collapses or expands its group

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuildScene();
    void applyLayout(const graph::LayoutResult& result, quint64 generation);
    void applyFilters();
    void applyHighlight();
    void beginMotion();
    void updateItemCaching(bool force = false);

    graph::ServiceGraph m_graph;
    QTimer m_settle;             // restores antialiasing once panning and zooming stopped
    bool m_cached = false;       // node items draw from ItemCoordinateCache pixmaps (moving, readable zoom)
    bool m_batchedEdges = false; // far out: edges drawn in one batch by drawBackground
public:
    bool edgesBatched() const { return m_batchedEdges; }

private:
    std::optional<graph::BlastRadius> m_radius;
    QHash<QString, GraphNodeItem*> m_nodeItems;
    QList<GraphEdgeItem*> m_edgeItems;
    QHash<QString, QPointF> m_positions;
    QSet<QString> m_pinned;
    graph::LayoutResult m_lastLayout;
    graph::LayoutOptions m_layoutOptions;
    QFutureWatcher<graph::LayoutResult>* m_watcher = nullptr;
    quint64 m_generation = 0;
    bool m_layoutPending = false;
    bool m_fitAfterLayout = true;
    bool m_errorsOnly = false;
    int m_hops = 0;
};

} // namespace wf::ui
