#include "MetricEdges.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace wf::graph {

namespace {

using Pair = std::pair<QString, QString>;

QString labelValue(const prometheus::SeriesSet& s, const QString& name)
{
    for (const auto& [k, v] : s.labels) {
        if (k == name)
            return v;
    }
    return {};
}

// The last finite value of a series (instant queries give one point; range queries the latest).
double lastValue(const prometheus::SeriesSet& s)
{
    for (auto it = s.values.rbegin(); it != s.values.rend(); ++it) {
        if (std::isfinite(*it))
            return *it;
    }
    return std::nan("");
}

QString queryError(const char* which, const prometheus::MetricsResult& r)
{
    return QCoreApplication::translate("MetricEdges", "%1 query: %2")
        .arg(QCoreApplication::translate("MetricEdges", which), r.error.message);
}

} // namespace

MetricEdgeQueries MetricEdgeQueries::istio()
{
    MetricEdgeQueries q;
    q.rateQuery = QStringLiteral(
        "sum by (source_workload, source_workload_namespace, destination_workload, "
        "destination_workload_namespace) (rate(istio_requests_total{reporter=\"source\"}[5m]))");
    q.errorRateQuery =
        QStringLiteral("sum by (source_workload, source_workload_namespace, destination_workload, "
                       "destination_workload_namespace) "
                       "(rate(istio_requests_total{reporter=\"source\",response_code=~\"5..\"}[5m]))");
    q.latencyQuery =
        QStringLiteral("histogram_quantile(0.95, sum by (le, source_workload, source_workload_namespace, "
                       "destination_workload, destination_workload_namespace) "
                       "(rate(istio_request_duration_milliseconds_bucket{reporter=\"source\"}[5m])))");
    return q;
}

MetricEdgeSet metricEdgesFromResults(const MetricEdgeQueries& q, const prometheus::MetricsResult& rate,
                                     const prometheus::MetricsResult& errors,
                                     const prometheus::MetricsResult& latency)
{
    MetricEdgeSet out;
    if (!rate.ok()) {
        out.ok = false;
        out.warnings << queryError(QT_TRANSLATE_NOOP("MetricEdges", "rate"), rate);
        return out;
    }
    QHash<Pair, int> index;
    int skipped = 0;
    int duplicates = 0;
    for (const prometheus::SeriesSet& s : rate.series) {
        const QString src = labelValue(s, q.sourceLabel);
        const QString dst = labelValue(s, q.destinationLabel);
        const double v = lastValue(s);
        if (src.isEmpty() || dst.isEmpty() || !std::isfinite(v) || v < 0) {
            ++skipped;
            continue;
        }
        if (index.contains({src, dst})) {
            ++duplicates;
            continue;
        }
        if (int(out.edges.size()) >= q.maxEdges) {
            out.warnings << QCoreApplication::translate("MetricEdges",
                                                        "more than %1 edges: the rest are left out")
                                .arg(q.maxEdges);
            break;
        }
        MetricEdgeSample e;
        e.source = src;
        e.destination = dst;
        e.sourceNamespace = labelValue(s, q.sourceNamespaceLabel);
        e.destinationNamespace = labelValue(s, q.destinationNamespaceLabel);
        e.requestsPerSecond = v;
        index.insert({src, dst}, int(out.edges.size()));
        out.edges.push_back(e);
    }
    auto join = [&](const prometheus::MetricsResult& r, auto&& set) {
        for (const prometheus::SeriesSet& s : r.series) {
            const auto it =
                index.constFind({labelValue(s, q.sourceLabel), labelValue(s, q.destinationLabel)});
            const double v = lastValue(s);
            if (it != index.cend() && std::isfinite(v) && v >= 0)
                set(out.edges[size_t(*it)], v);
        }
    };
    if (!q.errorRateQuery.trimmed().isEmpty()) {
        if (errors.ok())
            join(errors,
                 [](MetricEdgeSample& e, double v) { e.errorsPerSecond = std::min(v, e.requestsPerSecond); });
        else
            out.warnings << queryError(QT_TRANSLATE_NOOP("MetricEdges", "error rate"), errors);
    }
    if (!q.latencyQuery.trimmed().isEmpty()) {
        if (latency.ok())
            join(latency, [&q](MetricEdgeSample& e, double v) { e.p95Ms = v * q.latencyToMs; });
        else
            out.warnings << queryError(QT_TRANSLATE_NOOP("MetricEdges", "latency"), latency);
    }
    if (skipped > 0)
        out.warnings << QCoreApplication::translate(
            "MetricEdges", "%n series without source and destination labels skipped", nullptr, skipped);
    if (duplicates > 0)
        out.warnings << QCoreApplication::translate(
            "MetricEdges", "%n series repeat a source/destination pair: aggregate the query by those labels",
            nullptr, duplicates);
    std::sort(out.edges.begin(), out.edges.end(), [](const MetricEdgeSample& a, const MetricEdgeSample& b) {
        return std::tie(a.source, a.destination) < std::tie(b.source, b.destination);
    });
    return out;
}

int applyMetricEdges(ServiceGraph& g, const MetricEdgeSet& set)
{
    const double seconds = g.windowToNs > g.windowFromNs ? double(g.windowToNs - g.windowFromNs) / 1e9 : 0.0;
    auto nodeFor = [&g](const QString& name, const QString& ns) {
        const std::vector<int> found = g.findByName(name);
        if (!found.empty())
            return found.front();
        GraphNode n;
        n.name = name;
        n.nameSpace = ns;
        n.kind = NodeKind::Service;
        return g.addNode(n);
    };
    // Nodes whose numbers come from metrics because traces saw none: summed over incoming edges.
    std::vector<char> metricsOnlyNode(size_t(g.nodeCount()), 0);
    for (int i = 0; i < g.nodeCount(); ++i)
        metricsOnlyNode[size_t(i)] = g.node(i).stats.requests == 0;
    int touched = 0;
    for (const MetricEdgeSample& s : set.edges) {
        const int from = nodeFor(s.source, s.sourceNamespace);
        const int to = nodeFor(s.destination, s.destinationNamespace);
        if (from == to)
            continue; // a workload calling itself draws nothing useful
        metricsOnlyNode.resize(size_t(g.nodeCount()), 1);
        const int ei = g.addEdge(from, to, Provenance::Observed);
        GraphEdge& e = g.edge(ei);
        e.observedBy |= SeenInMetrics;
        e.metrics.present = true;
        e.metrics.requestsPerSecond = s.requestsPerSecond;
        e.metrics.errorsPerSecond = s.errorsPerSecond;
        e.metrics.p95Ms = s.p95Ms;
        if (e.stats.requests == 0 && seconds > 0) {
            // Bounded before rounding: a corrupt answer of 1e300 req/s must not overflow the counts.
            constexpr double kMaxCount = 1e12;
            e.stats.seconds = seconds;
            e.stats.requests = std::llround(std::min(s.requestsPerSecond * seconds, kMaxCount));
            e.stats.errors =
                std::min(e.stats.requests, std::llround(std::min(s.errorsPerSecond * seconds, kMaxCount)));
            if (metricsOnlyNode[size_t(to)]) {
                WindowStats& n = g.node(to).stats;
                n.seconds = seconds;
                n.requests += e.stats.requests;
                n.errors += e.stats.errors;
            }
        }
        ++touched;
    }
    return touched;
}

} // namespace wf::graph
