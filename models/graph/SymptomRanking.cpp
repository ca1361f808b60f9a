#include "SymptomRanking.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <deque>

namespace wf::graph {

double correlation(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size() || a.size() < 2)
        return 0;
    const auto n = double(a.size());
    double ma = 0;
    double mb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
    }
    if (va <= 1e-12 || vb <= 1e-12)
        return 0;
    return cov / std::sqrt(va * vb);
}

std::vector<SymptomCandidate> rankSymptomCauses(const ServiceGraph& graph, int symptom)
{
    std::vector<SymptomCandidate> out;
    if (symptom < 0 || symptom >= graph.nodeCount())
        return out;

    std::vector<int> hops(size_t(graph.nodeCount()), -1);
    std::deque<int> queue{symptom};
    hops[size_t(symptom)] = 0;
    while (!queue.empty()) {
        const int n = queue.front();
        queue.pop_front();
        for (int e : graph.outEdges(n)) {
            const int to = graph.edge(e).to;
            if (hops[size_t(to)] < 0) {
                hops[size_t(to)] = hops[size_t(n)] + 1;
                queue.push_back(to);
            }
        }
    }

    auto contains = [](const std::vector<int>& sorted, int x) {
        return std::binary_search(sorted.begin(), sorted.end(), x);
    };
    std::vector<qint64> failingWith(size_t(graph.nodeCount()), 0);
    std::vector<qint64> originIn(size_t(graph.nodeCount()), 0);
    qint64 failing = 0;
    for (const TracePath& p : graph.tracePaths()) {
        if (!contains(p.errorNodes, symptom))
            continue;
        ++failing;
        for (int n : p.errorNodes) {
            if (hops[size_t(n)] <= 0)
                continue;
            ++failingWith[size_t(n)];
            const auto& out = graph.outEdges(n);
            const bool passedOn = std::any_of(out.begin(), out.end(), [&](int e) {
                const GraphEdge& edge = graph.edge(e);
                return !edge.async && edge.to != n && contains(p.errorNodes, edge.to);
            });
            if (!passedOn)
                ++originIn[size_t(n)];
        }
    }

    const GraphNode& s = graph.node(symptom);
    for (int n = 0; n < graph.nodeCount(); ++n) {
        if (hops[size_t(n)] <= 0)
            continue;
        const GraphNode& c = graph.node(n);
        SymptomCandidate k;
        k.node = n;
        k.hops = hops[size_t(n)];
        k.failingTraces = failing;
        k.failingShare = failing > 0 ? double(failingWith[size_t(n)]) / double(failing) : 0;
        k.originShare = failing > 0 ? double(originIn[size_t(n)]) / double(failing) : 0;
        k.errorCorrelation = correlation(c.series.errorRate, s.series.errorRate);
        k.latencyCorrelation = correlation(c.series.meanLatencyMs, s.series.meanLatencyMs);
        const double corr = std::max({0.0, k.errorCorrelation, k.latencyCorrelation});
        k.score = 0.40 * k.failingShare + 0.35 * k.originShare + 0.25 * corr;
        k.evidence =
            QCoreApplication::translate(
                "SymptomRanking", "errors in %1 % of the symptom's %2 failing traces, first error in %3 %; "
                                  "error-rate correlation %4, latency correlation %5; own error rate %6 % "
                                  "(baseline %7 %)")
                .arg(qRound(k.failingShare * 100))
                .arg(failing)
                .arg(qRound(k.originShare * 100))
                .arg(k.errorCorrelation, 0, 'f', 2)
                .arg(k.latencyCorrelation, 0, 'f', 2)
                .arg(c.stats.errorRate() * 100, 0, 'f', 1)
                .arg(c.baseline.errorRate() * 100, 0, 'f', 1);
        out.push_back(std::move(k));
    }
    std::stable_sort(out.begin(), out.end(), [](const SymptomCandidate& a, const SymptomCandidate& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.hops < b.hops;
    });
    return out;
}

} // namespace wf::graph
