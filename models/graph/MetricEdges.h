#pragma once
// Service graph edges from metrics that carry source and destination labels (service-mesh request
// totals such as Istio's istio_requests_total, Linkerd's response_total, or any counter the user
// labels that way). Three configurable instant queries give, per source/destination pair, the request
// rate, the error rate and a latency quantile; metricEdgesFromResults() turns their answers into edge
// samples and applyMetricEdges() merges them into a graph derived from traces, so an edge seen only by
// the mesh still counts and an edge seen by both is marked so (GraphEdge::observedBy).
#include "ServiceGraph.h"
#include "prometheus/MetricsTypes.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace wf::graph {

struct MetricEdgeQueries
{
    QString rateQuery;      // requests per second per pair; empty: metrics edges are off
    QString errorRateQuery; // failed requests per second per pair; empty: no error numbers
    QString latencyQuery;   // a latency quantile per pair (histogram_quantile); empty: no latency
    QString sourceLabel = QStringLiteral("source_workload");
    QString destinationLabel = QStringLiteral("destination_workload");
    QString sourceNamespaceLabel = QStringLiteral("source_workload_namespace"); // optional
    QString destinationNamespaceLabel = QStringLiteral("destination_workload_namespace");
    double latencyToMs = 1.0; // Istio's durations are milliseconds; use 1000 for a seconds histogram
    int maxEdges = 20'000;    // pairs beyond this are dropped, with a warning

    bool isConfigured() const { return !rateQuery.trimmed().isEmpty(); }
    // The queries for Istio's standard metrics over the last 5 minutes.
    static MetricEdgeQueries istio();
};

struct MetricEdgeSample
{
    QString source;
    QString destination;
    QString sourceNamespace;
    QString destinationNamespace;
    double requestsPerSecond = 0;
    double errorsPerSecond = 0;
    double p95Ms = -1;
};

struct MetricEdgeSet
{
    std::vector<MetricEdgeSample> edges; // one per pair, sorted by source then destination
    QStringList warnings;                // per-query errors and skipped series, for the status line
    bool ok = true;                      // false when the rate query itself failed: keep the old edges
};

// Joins the three answers on (source, destination). Series without both labels, with a non-finite or
// negative rate, or with the same pair twice (the query did not aggregate) are skipped and counted in
// a warning. A failed error or latency query leaves those numbers out; a failed rate query fails all.
MetricEdgeSet metricEdgesFromResults(const MetricEdgeQueries& queries, const prometheus::MetricsResult& rate,
                                     const prometheus::MetricsResult& errors,
                                     const prometheus::MetricsResult& latency);

// Adds the samples to `graph`: nodes are matched by name (every region's node of that name gets the
// edge's numbers once, on the first match), missing ones are created as services; edges get
// SeenInMetrics and EdgeMetrics, and, when traces saw no traffic on them, request and error counts
// over the graph's window so health and blast radius work on mesh-only edges too. Returns the number
// of edges touched.
int applyMetricEdges(ServiceGraph& graph, const MetricEdgeSet& set);

} // namespace wf::graph

Q_DECLARE_METATYPE(wf::graph::MetricEdgeSet)
