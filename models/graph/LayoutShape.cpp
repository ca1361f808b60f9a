#include "LayoutShape.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wf::graph {

namespace {

// Spacing derived from the node size, so callers that change it keep the proportions.
struct Metrics
{
    double cellW;      // one node plus the gap to its right neighbour
    double subRowStep; // between the sub-rows of one wrapped layer: closer than between layers
    double rankStep;   // between layers
    double columnGap;  // between the columns of a wrapped layer sequence: room for the edges
    double componentGapX;
    double componentGapY;
    explicit Metrics(const LayoutOptions& o)
        : cellW(o.nodeWidth + o.nodeGap)
        , subRowStep(o.nodeHeight * 1.8)
        , rankStep(o.rankGap)
        , columnGap(1.5 * (o.nodeWidth + o.nodeGap))
        , componentGapX(o.nodeWidth + o.nodeGap)
        , componentGapY(o.rankGap)
    {}
};

// One way to draw a component: at most `cap` nodes a row, layers split over `columns` columns.
struct Shape
{
    int cap = 1;
    std::vector<int> columnOf; // per layer
    std::vector<double> columnWidth;
    double width = 0;
    double height = 0;
};

int subRows(size_t layerSize, int cap)
{
    return std::max(1, int((layerSize + size_t(cap) - 1) / size_t(cap)));
}

double layerWidth(size_t layerSize, int cap, const Metrics& m, const LayoutOptions& o)
{
    const int perRow = std::min(int(layerSize), cap);
    // Odd sub-rows are shifted by half a cell (see placeComponent), which widens a wrapped layer.
    return perRow * m.cellW - o.nodeGap + (subRows(layerSize, cap) > 1 ? m.cellW / 2 : 0);
}

Shape makeShape(const ComponentLayers& c, int cap, int columns, const Metrics& m, const LayoutOptions& o)
{
    Shape s;
    s.cap = cap;
    const size_t layers = c.layers.size();
    // Each layer's vertical extent including the gap below it; layers go to the column their middle
    // falls into, which balances the columns' heights.
    std::vector<double> extent(layers);
    double total = 0;
    for (size_t i = 0; i < layers; ++i) {
        extent[i] = (subRows(c.layers[i].size(), cap) - 1) * m.subRowStep + m.rankStep;
        total += extent[i];
    }
    const double perColumn = total / columns;
    s.columnOf.resize(layers);
    s.columnWidth.assign(size_t(columns), 0);
    std::vector<double> columnHeight(size_t(columns), 0);
    double before = 0;
    for (size_t i = 0; i < layers; ++i) {
        const int col = std::min(columns - 1, int((before + extent[i] / 2) / perColumn));
        s.columnOf[i] = col;
        s.columnWidth[size_t(col)] =
            std::max(s.columnWidth[size_t(col)], layerWidth(c.layers[i].size(), cap, m, o));
        columnHeight[size_t(col)] += extent[i];
        before += extent[i];
    }
    // A column can stay empty when one layer is taller than a column's share: drop it.
    for (int col = columns - 1; col >= 0; --col) {
        if (columnHeight[size_t(col)] == 0) {
            s.columnWidth.erase(s.columnWidth.begin() + col);
            columnHeight.erase(columnHeight.begin() + col);
            for (int& ci : s.columnOf) {
                if (ci > col)
                    --ci;
            }
        }
    }
    s.width = std::accumulate(s.columnWidth.begin(), s.columnWidth.end(), 0.0) +
              double(s.columnWidth.size() - 1) * m.columnGap;
    s.height = *std::max_element(columnHeight.begin(), columnHeight.end()) - m.rankStep + o.nodeHeight;
    return s;
}

// What the user sees when the drawing is fitted into a view of the target aspect: the larger this
// extent, the smaller every node. Minimising it favours the target shape and little empty space.
double fittedExtent(double width, double height, double targetAspect)
{
    return std::max(width, height * targetAspect);
}

// Searches the row caps and column counts for the shape that is largest when fitted to the view;
// fewer columns and less wrapping win near-ties, since both lengthen edges.
Shape bestShape(const ComponentLayers& c, const Metrics& m, const LayoutOptions& o)
{
    constexpr int kMinCap = 8; // narrower rows than this read as a list, not a layer
    int widest = 1;
    for (const auto& layer : c.layers)
        widest = std::max(widest, int(layer.size()));
    std::vector<int> caps{widest};
    for (double cap = widest / 1.2; cap >= kMinCap; cap /= 1.2) {
        if (int(cap) != caps.back())
            caps.push_back(int(cap));
    }
    const int maxColumns = std::clamp(int(c.layers.size()) / 4, 1, 64);
    Shape best;
    double bestScore = 1e300;
    for (int cap : caps) {
        for (int columns = 1; columns <= maxColumns; ++columns) {
            Shape s = makeShape(c, cap, columns, m, o);
            const double score = std::log(fittedExtent(s.width, s.height, o.targetAspect)) +
                                 0.01 * double(s.columnWidth.size() - 1) +
                                 0.02 * std::log(double(widest) / cap);
            if (score < bestScore) {
                bestScore = score;
                best = std::move(s);
            }
        }
    }
    return best;
}

// Node centres of one component with its bounding box's top-left corner at `origin`.
void placeComponent(const ComponentLayers& c, const Shape& s, QPointF origin, const Metrics& m,
                    const LayoutOptions& o, std::vector<QPointF>& out)
{
    std::vector<double> columnLeft(s.columnWidth.size(), origin.x());
    for (size_t col = 1; col < columnLeft.size(); ++col)
        columnLeft[col] = columnLeft[col - 1] + s.columnWidth[col - 1] + m.columnGap;
    std::vector<double> columnY(s.columnWidth.size(), origin.y() + o.nodeHeight / 2);
    for (size_t i = 0; i < c.layers.size(); ++i) {
        const auto& layer = c.layers[i];
        const size_t col = size_t(s.columnOf[i]);
        const int rows = subRows(layer.size(), s.cap);
        double& y = columnY[col];
        for (int r = 0; r < rows; ++r) {
            const size_t begin = size_t(r) * size_t(s.cap);
            const size_t end = std::min(layer.size(), begin + size_t(s.cap));
            // Odd sub-rows shift by half a cell so edges between sub-rows do not run through nodes.
            const double shift = rows > 1 && r % 2 == 1 ? m.cellW / 2 : 0;
            const double rowWidth = double(end - begin) * m.cellW - o.nodeGap + (rows > 1 ? m.cellW / 2 : 0);
            const double left = columnLeft[col] + (s.columnWidth[col] - rowWidth) / 2 + shift;
            for (size_t k = begin; k < end; ++k)
                out[size_t(layer[k])] = QPointF(left + double(k - begin) * m.cellW + o.nodeWidth / 2, y);
            y += r + 1 < rows ? m.subRowStep : m.rankStep;
        }
    }
}

struct Packed
{
    std::vector<QPointF> origin; // per component, in packing order
    double width = 0;
    double height = 0;
};

// Shelf packing: components left to right until `rowWidth` is reached, then a new row below.
Packed shelves(const std::vector<Shape>& shapes, const std::vector<int>& order, double rowWidth,
               const Metrics& m)
{
    Packed p;
    p.origin.resize(shapes.size());
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    for (int ci : order) {
        const Shape& s = shapes[size_t(ci)];
        if (x > 0 && x + s.width > rowWidth) {
            y += rowHeight + m.componentGapY;
            x = 0;
            rowHeight = 0;
        }
        p.origin[size_t(ci)] = QPointF(x, y);
        p.width = std::max(p.width, x + s.width);
        rowHeight = std::max(rowHeight, s.height);
        x += s.width + m.componentGapX;
    }
    p.height = y + rowHeight;
    return p;
}

} // namespace

std::vector<QPointF> arrangeComponents(int nodeCount, const std::vector<ComponentLayers>& components,
                                       const LayoutOptions& o)
{
    std::vector<QPointF> out(static_cast<size_t>(nodeCount));
    if (components.empty())
        return out;
    const Metrics m(o);
    std::vector<Shape> shapes;
    shapes.reserve(components.size());
    for (const auto& c : components)
        shapes.push_back(bestShape(c, m, o));

    // Tallest first (then widest, then the order given) fills the shelves with little waste.
    std::vector<int> order(components.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Shape& sa = shapes[size_t(a)];
        const Shape& sb = shapes[size_t(b)];
        if (sa.height != sb.height)
            return sa.height > sb.height;
        return sa.width > sb.width;
    });
    double widest = 0;
    double sumWidth = 0;
    for (const Shape& s : shapes) {
        widest = std::max(widest, s.width);
        sumWidth += s.width + m.componentGapX;
    }
    Packed best = shelves(shapes, order, widest, m);
    double bestScore = fittedExtent(best.width, best.height, o.targetAspect);
    for (double rowWidth = widest * 1.1; rowWidth < sumWidth * 1.1; rowWidth *= 1.1) {
        Packed p = shelves(shapes, order, rowWidth, m);
        const double score = fittedExtent(p.width, p.height, o.targetAspect);
        if (score < bestScore) {
            bestScore = score;
            best = std::move(p);
        }
    }
    const QPointF centre(best.width / 2, 0);
    for (size_t ci = 0; ci < components.size(); ++ci)
        placeComponent(components[ci], shapes[ci], best.origin[ci] - centre, m, o, out);
    return out;
}

} // namespace wf::graph
