#pragma once
// Positions for the service graph, computed off the UI thread (pure functions: the view runs them on
// the worker pool and keeps only the newest result).
//
// Engines:
//   - Graphviz `dot` through its library, for graphs up to `graphvizMaxNodes` (150): the best layered
//     drawing, with network-simplex and crossing-minimisation iterations bounded (nslimit, mclimit)
//     so it finishes in well under a second. Graphviz is not thread-safe: calls are serialised.
//   - Our own layered layout for larger graphs (cycle removal by DFS, longest-path layers, barycentre
//     crossing reduction, then shaped to the view's aspect ratio: overfull layers wrapped into rows,
//     deep layer sequences wrapped into columns, components packed in rows; see LayoutShape.h):
//     O(iterations * edges), a few ms at 1,000 nodes / 3,000 edges, where bounded dot took 20 s and sfdp
//     (force-directed, not layered, so callers would no longer sit above callees) 0.3 s on a similar graph.
//
// Stability: relayout() keeps every node it already has a position for (including the ones the user
// moved) and places up to `incrementalMaxNew` new nodes next to their placed neighbours, in O(nodes);
// beyond that it lays everything out again and keeps only pinned (user-moved) positions.
#include "ServiceGraph.h"

#include <QHash>
#include <QPointF>
#include <QSet>
#include <QString>

#include <vector>

namespace wf::graph {

struct LayoutOptions
{
    int graphvizMaxNodes = 150;
    int incrementalMaxNew = 10;
    double nodeWidth = 180; // scene units (pixels at 100 %)
    double nodeHeight = 46;
    double nodeGap = 30;  // between neighbours in a row
    double rankGap = 120; // between layers
    // Width / height the layered layout aims for: the view's shape (16:10), so a fitted large graph
    // fills it. A fixed value, not the live viewport's, so resizing the window does not move nodes.
    double targetAspect = 1.6;
};

enum class LayoutEngine { None, GraphvizDot, Layered, Incremental };
QString layoutEngineName(LayoutEngine engine);

struct LayoutResult
{
    QHash<QString, QPointF> positions; // node key -> centre
    LayoutEngine engine = LayoutEngine::None;
    double milliseconds = 0;
    QString error; // Graphviz failed: the layered layout was used instead
};

// A full layout.
LayoutResult layoutGraph(const ServiceGraph& graph, const LayoutOptions& options = {});
// Full layout by our layered engine regardless of size (benchmarks, and the fallback).
LayoutResult layeredLayout(const ServiceGraph& graph, const LayoutOptions& options = {});
// Keeps `previous` positions; see above. `pinned` are positions the user chose and always win.
LayoutResult relayout(const ServiceGraph& graph, const QHash<QString, QPointF>& previous,
                      const QSet<QString>& pinned, const LayoutOptions& options = {});

} // namespace wf::graph
