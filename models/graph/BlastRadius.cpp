#include "BlastRadius.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <deque>

namespace wf::graph {

QString verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::None:
        return QCoreApplication::translate("BlastRadius", "no failure selected");
    case Verdict::SingleService:
        return QCoreApplication::translate("BlastRadius", "single service");
    case Verdict::SingleDependency:
        return QCoreApplication::translate("BlastRadius", "single dependency");
    case Verdict::SingleRegion:
        return QCoreApplication::translate("BlastRadius", "single region");
    case Verdict::MultiRegion:
        return QCoreApplication::translate("BlastRadius", "multi-region");
    }
    return {};
}

bool BlastRadius::isFailing(int node) const
{
    return std::find(failing.begin(), failing.end(), node) != failing.end();
}

bool BlastRadius::isAffected(int node) const
{
    return std::find(affected.begin(), affected.end(), node) != affected.end();
}

std::vector<int> pickFailingNodes(const ServiceGraph& graph, const HealthThresholds& thresholds)
{
    std::vector<char> breaching(size_t(graph.nodeCount()), 0);
    std::vector<int> all;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode& n = graph.node(i);
        if (breachesErrorBaseline(n, thresholds) || breachesLatencyBaseline(n, thresholds)) {
            breaching[size_t(i)] = 1;
            all.push_back(i);
        }
    }
    // Breaching nodes reachable from each breaching node through synchronous calls among them. A node
    // is the deepest point of its chain when whatever breaching node it reaches also reaches it back
    // (nothing, or the rest of a cycle at the bottom).
    std::vector<int> slot(size_t(graph.nodeCount()), -1);
    for (size_t k = 0; k < all.size(); ++k)
        slot[size_t(all[k])] = int(k);
    std::vector<std::vector<char>> reach(all.size(), std::vector<char>(all.size(), 0));
    for (size_t k = 0; k < all.size(); ++k) {
        std::vector<int> stack{all[k]};
        while (!stack.empty()) {
            const int n = stack.back();
            stack.pop_back();
            for (int e : graph.outEdges(n)) {
                const GraphEdge& edge = graph.edge(e);
                const int s = slot[size_t(edge.to)];
                if (edge.async || s < 0 || reach[k][size_t(s)])
                    continue;
                reach[k][size_t(s)] = 1;
                stack.push_back(edge.to);
            }
        }
    }
    std::vector<int> deepest;
    for (size_t k = 0; k < all.size(); ++k) {
        bool bottom = true;
        for (size_t j = 0; j < all.size() && bottom; ++j) {
            if (j != k && reach[k][j] && !reach[j][k])
                bottom = false;
        }
        if (bottom)
            deepest.push_back(all[k]);
    }
    return deepest.empty() ? all : deepest;
}

BlastRadius computeBlastRadius(const ServiceGraph& graph, std::vector<int> failing)
{
    BlastRadius r;
    std::sort(failing.begin(), failing.end());
    failing.erase(std::unique(failing.begin(), failing.end()), failing.end());
    std::erase_if(failing, [&](int n) { return n < 0 || n >= graph.nodeCount(); });
    r.failing = failing;
    if (failing.empty())
        return r;

    // Breadth-first over reversed synchronous edges: nearest dependents first.
    std::vector<int> dist(size_t(graph.nodeCount()), -1);
    std::deque<int> queue;
    for (int f : failing) {
        dist[size_t(f)] = 0;
        queue.push_back(f);
    }
    while (!queue.empty()) {
        const int n = queue.front();
        queue.pop_front();
        for (int e : graph.inEdges(n)) {
            const GraphEdge& edge = graph.edge(e);
            if (edge.async || dist[size_t(edge.from)] >= 0)
                continue;
            dist[size_t(edge.from)] = dist[size_t(n)] + 1;
            r.affected.push_back(edge.from);
            r.hops.push_back(dist[size_t(edge.from)]);
            queue.push_back(edge.from);
        }
    }

    QSet<QString> regions;
    QSet<QString> groups;
    auto note = [&](int n) {
        const GraphNode& node = graph.node(n);
        if (!node.region.isEmpty())
            regions.insert(node.region);
        if (!node.nameSpace.isEmpty())
            groups.insert(node.nameSpace);
        if (!node.cluster.isEmpty())
            groups.insert(node.cluster);
    };
    for (int f : failing)
        note(f);
    for (int a : r.affected)
        note(a);
    r.regions = QStringList(regions.begin(), regions.end());
    r.regions.sort();
    r.groups = QStringList(groups.begin(), groups.end());
    r.groups.sort();

    // Entry points: from trace paths when there are any; else the affected nodes nobody calls.
    std::vector<char> isFailing(size_t(graph.nodeCount()), 0);
    for (int f : failing)
        isFailing[size_t(f)] = 1;
    std::vector<EntryImpact> byEntry(size_t(graph.nodeCount()));
    for (const TracePath& p : graph.tracePaths()) {
        if (p.entry < 0)
            continue;
        EntryImpact& e = byEntry[size_t(p.entry)];
        e.entry = p.entry;
        ++e.traces;
        const bool through =
            std::any_of(p.nodes.begin(), p.nodes.end(), [&](int n) { return isFailing[size_t(n)]; });
        if (through) {
            ++e.throughFailing;
            e.failedThrough += p.failed ? 1 : 0;
        }
    }
    for (const EntryImpact& e : byEntry) {
        if (e.entry >= 0 && e.throughFailing > 0)
            r.entries.push_back(e);
    }
    if (graph.tracePaths().empty()) {
        for (int a : r.affected) {
            const auto& in = graph.inEdges(a);
            if (std::none_of(in.begin(), in.end(), [&](int e) { return !graph.edge(e).async; }))
                r.entries.push_back(EntryImpact{a, 0, 0, 0});
        }
    }
    std::stable_sort(r.entries.begin(), r.entries.end(),
                     [](const EntryImpact& a, const EntryImpact& b) { return a.share() > b.share(); });

    if (r.regions.size() > 1)
        r.verdict = Verdict::MultiRegion;
    else if (failing.size() == 1 && (graph.node(failing.front()).kind == NodeKind::Database ||
                                     graph.node(failing.front()).kind == NodeKind::Queue))
        r.verdict = Verdict::SingleDependency;
    else if (failing.size() == 1 && r.affected.empty())
        r.verdict = Verdict::SingleService;
    else
        r.verdict = Verdict::SingleRegion;
    return r;
}

} // namespace wf::graph
