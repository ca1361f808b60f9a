#include "GraphLayout.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmath>
#include <graphviz/gvc.h>
#include <mutex>

namespace wf::graph {

QString layoutEngineName(LayoutEngine engine)
{
    switch (engine) {
    case LayoutEngine::None:
        return QStringLiteral("none");
    case LayoutEngine::GraphvizDot:
        return QStringLiteral("graphviz-dot");
    case LayoutEngine::Layered:
        return QStringLiteral("layered");
    case LayoutEngine::Incremental:
        return QStringLiteral("incremental");
    }
    return {};
}

namespace {

// Graphviz keeps global state (the context, the string pool): one layout at a time.
std::mutex& graphvizMutex()
{
    static std::mutex m;
    return m;
}

void set(void* object, const char* name, const QByteArray& value)
{
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.constData()), const_cast<char*>(""));
}

LayoutResult graphvizDot(const ServiceGraph& graph, const LayoutOptions& o)
{
    QElapsedTimer timer;
    timer.start();
    LayoutResult result;
    result.engine = LayoutEngine::GraphvizDot;
    std::lock_guard lock(graphvizMutex());
    GVC_t* gvc = gvContext();
    if (gvc == nullptr) {
        result.error = QCoreApplication::translate("GraphLayout", "Graphviz could not start.");
        return result;
    }
    Agraph_t* g = agopen(const_cast<char*>("services"), Agdirected, nullptr);
    set(g, "rankdir", "TB");
    // Bounded iterations: unbounded dot did not finish 1,000 nodes in 900 s (see issue 7).
    set(g, "nslimit", "2");
    set(g, "nslimit1", "2");
    set(g, "mclimit", "0.5");
    set(g, "searchsize", "20");
    constexpr double kPointsPerInch = 72.0;
    const QByteArray width = QByteArray::number(o.nodeWidth / kPointsPerInch, 'f', 3);
    const QByteArray height = QByteArray::number(o.nodeHeight / kPointsPerInch, 'f', 3);
    set(g, "nodesep", QByteArray::number(o.nodeGap / kPointsPerInch, 'f', 3));
    set(g, "ranksep", QByteArray::number((o.rankGap - o.nodeHeight) / kPointsPerInch, 'f', 3));
    std::vector<Agnode_t*> nodes(size_t(graph.nodeCount()));
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const QByteArray name = "n" + QByteArray::number(i);
        Agnode_t* n = agnode(g, const_cast<char*>(name.constData()), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "width", width);
        set(n, "height", height);
        set(n, "label", "");
        nodes[size_t(i)] = n;
    }
    for (const GraphEdge& e : graph.edges())
        agedge(g, nodes[size_t(e.from)], nodes[size_t(e.to)], nullptr, 1);
    if (gvLayout(gvc, g, "dot") != 0) {
        result.error =
            QCoreApplication::translate("GraphLayout", "Graphviz dot failed to lay out the graph.");
    } else {
        const boxf bb = GD_bb(g);
        const double cx = (bb.LL.x + bb.UR.x) / 2;
        for (int i = 0; i < graph.nodeCount(); ++i) {
            const pointf p = ND_coord(nodes[size_t(i)]);
            // Graphviz's y grows upwards.
            result.positions.insert(graph.node(i).key(), QPointF(p.x - cx, bb.UR.y - p.y));
        }
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    gvFreeContext(gvc);
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace

LayoutResult layoutGraph(const ServiceGraph& graph, const LayoutOptions& options)
{
    if (graph.nodeCount() > 0 && graph.nodeCount() <= options.graphvizMaxNodes) {
        LayoutResult dot = graphvizDot(graph, options);
        if (dot.error.isEmpty())
            return dot;
        LayoutResult fallback = layeredLayout(graph, options);
        fallback.error = dot.error;
        return fallback;
    }
    return layeredLayout(graph, options);
}

LayoutResult relayout(const ServiceGraph& graph, const QHash<QString, QPointF>& previous,
                      const QSet<QString>& pinned, const LayoutOptions& o)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<int> fresh;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        if (!previous.contains(graph.node(i).key()))
            fresh.push_back(i);
    }
    if (previous.isEmpty() || int(fresh.size()) > o.incrementalMaxNew) {
        LayoutResult full = layoutGraph(graph, o);
        for (const QString& key : pinned) {
            if (full.positions.contains(key) && previous.contains(key))
                full.positions.insert(key, previous.value(key));
        }
        return full;
    }

    LayoutResult result;
    result.engine = LayoutEngine::Incremental;
    // Placed nodes bucketed in a grid of node-sized cells, to test a spot against its neighbours only.
    const double cellW = o.nodeWidth + o.nodeGap;
    const double cellH = o.nodeHeight + o.nodeGap;
    QHash<quint64, QList<QPointF>> grid;
    auto cellKey = [](qint32 cx, qint32 cy) { return (quint64(quint32(cx)) << 32) | quint32(cy); };
    auto cellX = [&](QPointF p) { return qint32(std::floor(p.x() / cellW)); };
    auto cellY = [&](QPointF p) { return qint32(std::floor(p.y() / cellH)); };
    auto occupy = [&](QPointF p) { grid[cellKey(cellX(p), cellY(p))].append(p); };
    auto isFree = [&](QPointF p) {
        for (qint32 dx = -1; dx <= 1; ++dx) {
            for (qint32 dy = -1; dy <= 1; ++dy) {
                const auto it = grid.constFind(cellKey(cellX(p) + dx, cellY(p) + dy));
                if (it == grid.cend())
                    continue;
                for (const QPointF& q : *it) {
                    if (std::abs(q.x() - p.x()) < cellW && std::abs(q.y() - p.y()) < cellH)
                        return false;
                }
            }
        }
        return true;
    };
    double maxY = 0;
    double minX = 0;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const auto it = previous.constFind(graph.node(i).key());
        if (it == previous.cend())
            continue;
        result.positions.insert(it.key(), *it);
        occupy(*it);
        maxY = std::max(maxY, it->y());
        minX = std::min(minX, it->x());
    }
    for (int v : fresh) {
        // Below the callers, above the callees, centred on them: where dot would roughly put it.
        double sx = 0;
        double sy = 0;
        int count = 0;
        for (int e : graph.inEdges(v)) {
            if (const auto it = result.positions.constFind(graph.node(graph.edge(e).from).key());
                it != result.positions.cend()) {
                sx += it->x();
                sy += it->y() + o.rankGap;
                ++count;
            }
        }
        for (int e : graph.outEdges(v)) {
            if (const auto it = result.positions.constFind(graph.node(graph.edge(e).to).key());
                it != result.positions.cend()) {
                sx += it->x();
                sy += it->y() - o.rankGap;
                ++count;
            }
        }
        QPointF want = count > 0 ? QPointF(sx / count, sy / count) : QPointF(minX, maxY + o.rankGap);
        // Nearest free cell, searching outwards along the row first, then the rows around it.
        QPointF placed = want;
        for (int radius = 0; radius < 1000; ++radius) {
            bool found = false;
            for (int dy : {0, 1, -1}) {
                for (int dx : {radius, -radius}) {
                    const QPointF p(want.x() + dx * cellW, want.y() + dy * cellH);
                    if (isFree(p)) {
                        placed = p;
                        found = true;
                        break;
                    }
                }
                if (found)
                    break;
            }
            if (found)
                break;
        }
        occupy(placed);
        result.positions.insert(graph.node(v).key(), placed);
    }
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace wf::graph
