// Fuzzes the metrics-edge mapping with any Prometheus answer: the bytes are decoded by the real
// decoder and used as the rate, error and latency answers at once. It must never crash, and what it
// accepts must hold together: every edge has two named ends, finite non-negative rates, errors no more
// than requests, and merging into a graph gives edges between valid, distinct nodes.
#include "graph/MetricEdges.h"
#include "prometheus/PromResponseDecoder.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_metric_edges: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    prometheus::DecodeLimits limits;
    limits.maxSeries = 2000;
    limits.maxSamples = 20000;
    const prometheus::MetricsResult r = prometheus::decodeQueryResponse(body, 200, limits);
    graph::MetricEdgeQueries q = graph::MetricEdgeQueries::istio();
    q.maxEdges = 500;
    const graph::MetricEdgeSet set = graph::metricEdgesFromResults(q, r, r, r);
    check(set.ok == r.ok(), "ok does not follow the rate answer");
    check(int(set.edges.size()) <= q.maxEdges, "over the edge limit");
    for (const graph::MetricEdgeSample& e : set.edges) {
        check(!e.source.isEmpty() && !e.destination.isEmpty(), "an edge without an end");
        check(std::isfinite(e.requestsPerSecond) && e.requestsPerSecond >= 0, "a bad rate");
        check(e.errorsPerSecond >= 0 && e.errorsPerSecond <= e.requestsPerSecond, "errors beyond requests");
    }
    graph::ServiceGraph g;
    g.windowToNs = 30'000'000'000;
    graph::applyMetricEdges(g, set);
    for (const graph::GraphEdge& e : g.edges()) {
        check(e.from >= 0 && e.from < g.nodeCount() && e.to >= 0 && e.to < g.nodeCount(),
              "an edge off the graph");
        check(e.from != e.to, "a self edge");
        check(e.stats.errors <= e.stats.requests, "edge errors beyond requests");
    }
    return 0;
}
