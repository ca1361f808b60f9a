// Our own layered (Sugiyama-style) layout for graphs too large for bounded Graphviz dot.
#include "GraphLayout.h"
#include "LayoutShape.h"

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

    // Weakly connected components, numbered by their first node, each keeping the layers' order.
    std::vector<int> parent(static_cast<size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](int v) {
        while (parent[size_t(v)] != v)
            v = parent[size_t(v)] = parent[size_t(parent[size_t(v)])];
        return v;
    };
    for (int v = 0; v < n; ++v) {
        for (int w : out[size_t(v)]) {
            const int a = root(v);
            const int b = root(w);
            parent[size_t(std::max(a, b))] = std::min(a, b);
        }
    }
    std::vector<int> componentOf(static_cast<size_t>(n), -1);
    std::vector<ComponentLayers> components;
    for (int v = 0; v < n; ++v) {
        const int r = root(v);
        if (componentOf[size_t(r)] < 0) {
            componentOf[size_t(r)] = int(components.size());
            components.emplace_back();
        }
        componentOf[size_t(v)] = componentOf[size_t(r)];
    }
    // Longest-path layers start at 0 in every component and leave no gaps, so the global layer index
    // is the component's own.
    for (int li = 0; li < layers; ++li) {
        for (int v : rows[size_t(li)]) {
            auto& own = components[size_t(componentOf[size_t(v)])].layers;
            if (own.size() <= size_t(li))
                own.resize(size_t(li) + 1);
            own[size_t(li)].push_back(v);
        }
    }
    const std::vector<QPointF> centres = arrangeComponents(n, components, o);
    for (int v = 0; v < n; ++v)
        result.positions.insert(graph.node(v).key(), centres[size_t(v)]);
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace wf::graph
