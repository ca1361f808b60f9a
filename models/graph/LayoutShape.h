#pragma once
// Turns the ordered layers of each connected component into positions whose bounding box is close to
// a target aspect ratio (the view's, ~16:10), so a fitted large graph fills the view instead of
// shrinking to a tall strip. Per component: overfull layers wrap into sub-rows and a deep sequence of
// layers wraps into side-by-side columns (read like newspaper columns, callers still above callees
// within a column); the shape closest to the target wins. Components are then packed in rows,
// largest first. Deterministic: the same layers give the same positions.
#include "GraphLayout.h"

#include <QPointF>

#include <vector>

namespace wf::graph {

struct ComponentLayers
{
    std::vector<std::vector<int>> layers; // node indices, each layer in its left-to-right order
};

// Centre of every node (indexed like the graph), the drawing's top edge at y = 0, centred on x = 0.
std::vector<QPointF> arrangeComponents(int nodeCount, const std::vector<ComponentLayers>& components,
                                       const LayoutOptions& options);

} // namespace wf::graph
