#include "MetricEdgeFetcher.h"

namespace wf::graph {

struct MetricEdgeFetcher::Pending
{
    std::array<prometheus::MetricsResult, 3> results;
    std::array<prometheus::MetricsCall, 3> calls;
    int outstanding = 0;
    qint64 atMs = 0;
};

MetricEdgeFetcher::MetricEdgeFetcher(prometheus::MetricsSource* source, MetricEdgeQueries queries,
                                     QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_queries(std::move(queries))
{}

MetricEdgeFetcher::~MetricEdgeFetcher()
{
    cancel();
}

void MetricEdgeFetcher::cancel()
{
    if (!m_pending)
        return;
    std::shared_ptr<Pending> pending = std::move(m_pending); // callbacks see it is no longer current
    for (prometheus::MetricsCall& c : pending->calls)
        c.cancel();
}

void MetricEdgeFetcher::fetch(qint64 atMs)
{
    cancel();
    if (!m_source || !m_queries.isConfigured())
        return;
    auto pending = std::make_shared<Pending>();
    pending->atMs = atMs;
    m_pending = pending;
    const std::array<QString, 3> exprs{m_queries.rateQuery, m_queries.errorRateQuery, m_queries.latencyQuery};
    for (size_t i = 0; i < exprs.size(); ++i) {
        if (exprs[i].trimmed().isEmpty())
            continue;
        ++pending->outstanding;
    }
    for (size_t i = 0; i < exprs.size(); ++i) {
        if (exprs[i].trimmed().isEmpty())
            continue;
        pending->calls[i] = m_source->queryInstant(
            prometheus::InstantQuery{exprs[i], atMs}, this, [this, pending, i](prometheus::MetricsResult r) {
                pending->results[i] = std::move(r);
                if (--pending->outstanding > 0 || m_pending != pending)
                    return;
                m_pending.reset();
                Q_EMIT fetched(metricEdgesFromResults(m_queries, pending->results[0], pending->results[1],
                                                      pending->results[2]),
                               pending->atMs);
            });
    }
}

} // namespace wf::graph
