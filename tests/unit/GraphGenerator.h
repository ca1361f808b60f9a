#pragma once
// A synthetic service graph of any size for the widget test, screenshots and benchmarks: services
// calling "deeper" services (plus a few calls back up, so there are cycles), one database per ten
// services, two regions, and a handful of nodes failing against their baseline.
#include "graph/ServiceGraph.h"

#include <QRandomGenerator>

namespace wf::graph::testdata {

inline ServiceGraph generatedGraph(int nodes, int edges, quint32 seed = 7)
{
    QRandomGenerator rng(seed);
    ServiceGraph g;
    for (int i = 0; i < nodes; ++i) {
        GraphNode n;
        const bool db = i % 10 == 9;
        n.name = (db ? QStringLiteral("db-") : QStringLiteral("svc-")) + QString::number(i);
        n.kind = db ? NodeKind::Database : NodeKind::Service;
        n.region = i % 2 == 0 ? QStringLiteral("eu-west") : QStringLiteral("us-east");
        n.nameSpace = QStringLiteral("team-") + QString::number(i % 12);
        n.stats.seconds = n.baseline.seconds = 60;
        n.stats.requests = n.baseline.requests = 100 + rng.bounded(5000);
        n.baseline.errors = n.baseline.requests / 200;
        n.stats.errors = i % 97 == 5 ? n.stats.requests / 4 : n.baseline.errors;
        for (int k = 0; k < 20; ++k) {
            n.stats.latency.add(qint64(rng.bounded(5, 80)) * 1'000'000);
            n.baseline.latency.add(qint64(rng.bounded(5, 80)) * 1'000'000);
        }
        g.addNode(n);
    }
    int made = 0;
    int guard = 0;
    while (made < edges && ++guard < edges * 20) {
        const int from = int(rng.bounded(nodes));
        const bool back = rng.bounded(100) < 3;
        const int span = std::max(2, nodes / 8);
        int to = back ? from - 1 - int(rng.bounded(span)) : from + 1 + int(rng.bounded(span));
        if (to < 0 || to >= nodes || g.node(from).kind == NodeKind::Database)
            continue;
        if (g.findEdge(from, to) >= 0)
            continue;
        const int e = g.addEdge(from, to, rng.bounded(10) == 0 ? Provenance::Declared : Provenance::Observed);
        g.edge(e).stats.requests = 100;
        g.edge(e).stats.errors = g.node(to).stats.errors > g.node(to).baseline.errors * 2 ? 30 : 0;
        ++made;
    }
    return g;
}

} // namespace wf::graph::testdata
