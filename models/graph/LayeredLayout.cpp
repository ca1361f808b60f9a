// Our own layered (Sugiyama-style) layout for graphs too large for bounded Graphviz dot.
#include "GraphLayout.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wf::graph {

LayoutResult layeredLayout(const ServiceGraph& graph, const LayoutOptions& o)
{
    QElapsedTimer timer;
    timer.start();
    const int n = graph.nodeCount();
    LayoutResult result;
    result.engine = LayoutEngine::Layered;
    if (n == 0)
        return result;

    // Adjacency without self loops or duplicates.
    std::vector<std::vector<int>> out(static_cast<size_t>(n));
    for (const GraphEdge& e : graph.edges()) {
        if (e.from != e.to)
            out[size_t(e.from)].push_back(e.to);
    }
    for (auto& v : out) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }

    // Break cycles: an iterative DFS drops edges that point back into the current path.
    std::vector<char> state(size_t(n), 0); // 0 new, 1 on the path, 2 done
    std::vector<std::vector<int>> dag(static_cast<size_t>(n));
    for (int root = 0; root < n; ++root) {
        if (state[size_t(root)] != 0)
            continue;
        std::vector<std::pair<int, size_t>> stack{{root, 0}};
        state[size_t(root)] = 1;
        while (!stack.empty()) {
            auto& [v, i] = stack.back();
            if (i < out[size_t(v)].size()) {
                const int w = out[size_t(v)][i++];
                if (state[size_t(w)] == 1)
                    continue; // back edge: left out of the layering
                dag[size_t(v)].push_back(w);
                if (state[size_t(w)] == 0) {
                    state[size_t(w)] = 1;
                    stack.emplace_back(w, 0);
                }
            } else {
                state[size_t(v)] = 2;
                stack.pop_back();
            }
        }
    }

    // Longest-path layers in topological order (Kahn).
    std::vector<int> indegree(size_t(n), 0);
    std::vector<std::vector<int>> preds(static_cast<size_t>(n));
    for (int v = 0; v < n; ++v) {
        for (int w : dag[size_t(v)]) {
            ++indegree[size_t(w)];
            preds[size_t(w)].push_back(v);
        }
    }
    std::vector<int> order;
    order.reserve(size_t(n));
    for (int v = 0; v < n; ++v) {
        if (indegree[size_t(v)] == 0)
            order.push_back(v);
    }
    std::vector<int> layer(size_t(n), 0);
    for (size_t i = 0; i < order.size(); ++i) {
        const int v = order[i];
        for (int w : dag[size_t(v)]) {
            layer[size_t(w)] = std::max(layer[size_t(w)], layer[size_t(v)] + 1);
            if (--indegree[size_t(w)] == 0)
                order.push_back(w);
        }
    }
    const int layers = 1 + *std::max_element(layer.begin(), layer.end());
    std::vector<std::vector<int>> rows(static_cast<size_t>(layers));
    for (int v : order)
        rows[size_t(layer[size_t(v)])].push_back(v);

    // Barycentre sweeps: each node moves to the mean relative position of its neighbours in the
    // layers already placed (down: callers; up: callees). Long edges count with their far end.
    std::vector<double> pos(size_t(n), 0);
    auto number = [&](const std::vector<int>& row) {
        const double width = std::max<double>(double(row.size()) - 1, 1);
        for (size_t i = 0; i < row.size(); ++i)
            pos[size_t(row[i])] = double(i) / width;
    };
    for (const auto& row : rows)
        number(row);
    std::vector<double> key(size_t(n), 0);
    for (int sweep = 0; sweep < 8; ++sweep) {
        const bool down = sweep % 2 == 0;
        for (int li = 0; li < layers; ++li) {
            auto& row = rows[size_t(down ? li : layers - 1 - li)];
            for (int v : row) {
                const auto& nb = down ? preds[size_t(v)] : dag[size_t(v)];
                if (nb.empty()) {
                    key[size_t(v)] = pos[size_t(v)];
                    continue;
                }
                double sum = 0;
                for (int w : nb)
                    sum += pos[size_t(w)];
                key[size_t(v)] = sum / double(nb.size());
            }
            std::stable_sort(row.begin(), row.end(),
                             [&](int a, int b) { return key[size_t(a)] < key[size_t(b)]; });
            number(row);
        }
    }

    // Wide layers wrap into several rows, so 1,000 nodes stay roughly as wide as they are tall.
    const int maxPerRow = std::max(12, int(std::ceil(std::sqrt(double(n)) * 2.0)));
    const double cellW = o.nodeWidth + o.nodeGap;
    double y = 0;
    for (const auto& row : rows) {
        const int sub = int((row.size() + size_t(maxPerRow) - 1) / size_t(maxPerRow));
        for (int s = 0; s < sub; ++s) {
            const size_t begin = size_t(s) * size_t(maxPerRow);
            const size_t end = std::min(row.size(), begin + size_t(maxPerRow));
            const double width = double(end - begin) * cellW;
            for (size_t i = begin; i < end; ++i) {
                const double x = -width / 2 + (double(i - begin) + 0.5) * cellW;
                // Odd sub-rows shift by half a cell so edges between them do not run through nodes.
                result.positions.insert(graph.node(row[i]).key(), QPointF(x + (s % 2) * cellW / 2, y));
            }
            y += s + 1 < sub ? o.nodeHeight * 1.8 : o.rankGap;
        }
    }
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace wf::graph
