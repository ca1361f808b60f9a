#include "GraphGrouping.h"

#include "NodeHealth.h"

#include <algorithm>

namespace wf::graph {

namespace {

void addStats(WindowStats& into, const WindowStats& s)
{
    into.requests += s.requests;
    into.errors += s.errors;
    into.seconds = std::max(into.seconds, s.seconds);
    into.latency.merge(s.latency);
}

void sortUnique(std::vector<int>& v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

QString groupByName(GroupBy by)
{
    switch (by) {
    case GroupBy::Region:
        return QStringLiteral("region");
    case GroupBy::Cluster:
        return QStringLiteral("cluster");
    case GroupBy::Namespace:
        return QStringLiteral("namespace");
    case GroupBy::None:
        break;
    }
    return QStringLiteral("none");
}

GroupBy groupByFromName(const QString& name)
{
    for (GroupBy by : {GroupBy::Region, GroupBy::Cluster, GroupBy::Namespace}) {
        if (name == groupByName(by))
            return by;
    }
    return GroupBy::None;
}

QString groupKeyOf(const GraphNode& n, GroupBy by)
{
    const QString& value = by == GroupBy::Region    ? n.region
                           : by == GroupBy::Cluster ? n.cluster
                                                    : n.nameSpace;
    if (by == GroupBy::None || value.isEmpty())
        return {};
    return groupByName(by) + u':' + value;
}

QStringList groupKeys(const ServiceGraph& g, GroupBy by)
{
    QSet<QString> keys;
    for (const GraphNode& n : g.nodes()) {
        if (QString k = groupKeyOf(n, by); !k.isEmpty())
            keys.insert(k);
    }
    QStringList out(keys.cbegin(), keys.cend());
    out.sort();
    return out;
}

GroupedGraph collapseGroups(const ServiceGraph& g, GroupBy by, const QSet<QString>& collapsed)
{
    GroupedGraph out;
    out.displayed.resize(size_t(g.nodeCount()), -1);
    ServiceGraph& r = out.graph;
    r.windowFromNs = g.windowFromNs;
    r.windowToNs = g.windowToNs;
    r.bucketNs = g.bucketNs;
    r.seriesFromNs = g.seriesFromNs;
    for (int i = 0; i < g.nodeCount(); ++i) {
        const GraphNode& n = g.node(i);
        const QString group = groupKeyOf(n, by);
        if (group.isEmpty() || !collapsed.contains(group)) {
            out.displayed[size_t(i)] = r.addNode(n);
            continue;
        }
        int gi = r.findNode(group);
        if (gi < 0) {
            GraphNode gn;
            gn.name = group;
            gn.kind = NodeKind::Service;
            gn.provenance = Provenance::Declared;
            // The region stays empty (it is part of a node's key); cluster and namespace are kept.
            gn.cluster = by == GroupBy::Cluster ? n.cluster : QString();
            gn.nameSpace = by == GroupBy::Namespace ? n.nameSpace : QString();
            gi = r.addNode(gn);
        }
        GraphNode& gn = r.node(gi);
        gn.provenance = gn.provenance | n.provenance;
        ++gn.members;
        addStats(gn.stats, n.stats);
        addStats(gn.baseline, n.baseline);
        const Health h = nodeHealth(n);
        gn.failingMembers += h == Health::Failing ? 1 : 0;
        gn.degradedMembers += h == Health::Degraded ? 1 : 0;
        out.displayed[size_t(i)] = gi;
    }
    for (const GraphEdge& e : g.edges()) {
        const int from = out.displayed[size_t(e.from)];
        const int to = out.displayed[size_t(e.to)];
        if (from == to)
            continue; // inside a collapsed group
        const bool existed = r.findEdge(from, to) >= 0;
        GraphEdge& m = r.edge(r.addEdge(from, to, e.provenance, e.async));
        m.async = existed ? m.async && e.async : e.async;
        m.observedBy |= e.observedBy;
        addStats(m.stats, e.stats);
        if (e.metrics.present) {
            m.metrics.present = true;
            m.metrics.requestsPerSecond += e.metrics.requestsPerSecond;
            m.metrics.errorsPerSecond += e.metrics.errorsPerSecond;
            m.metrics.p95Ms = std::max(m.metrics.p95Ms, e.metrics.p95Ms);
        }
    }
    for (const TracePath& t : g.tracePaths()) {
        TracePath m;
        m.entry = t.entry >= 0 ? out.displayed[size_t(t.entry)] : -1;
        m.failed = t.failed;
        for (int n : t.nodes)
            m.nodes.push_back(out.displayed[size_t(n)]);
        for (int n : t.errorNodes)
            m.errorNodes.push_back(out.displayed[size_t(n)]);
        sortUnique(m.nodes);
        sortUnique(m.errorNodes);
        r.tracePaths().push_back(std::move(m));
    }
    return out;
}

} // namespace wf::graph
