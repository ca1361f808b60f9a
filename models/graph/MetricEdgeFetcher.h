#pragma once
// Runs the three MetricEdgeQueries as instant queries on any MetricsSource (Prometheus or the local
// series store) and hands back the joined MetricEdgeSet. A new fetch() cancels the one still running,
// so a slow server never builds a backlog and an old answer never overwrites a newer one.
#include "MetricEdges.h"
#include "prometheus/MetricsSource.h"

#include <QObject>

#include <array>
#include <memory>

namespace wf::graph {

class MetricEdgeFetcher : public QObject
{
    Q_OBJECT
public:
    // `source` must outlive the fetcher.
    MetricEdgeFetcher(prometheus::MetricsSource* source, MetricEdgeQueries queries,
                      QObject* parent = nullptr);
    ~MetricEdgeFetcher() override;

    const MetricEdgeQueries& queries() const { return m_queries; }
    // Edges as of atMs (ms since the epoch; 0: the source's now).
    void fetch(qint64 atMs);
    void cancel();
    bool isRunning() const { return m_pending != nullptr; }

Q_SIGNALS:
    void fetched(const wf::graph::MetricEdgeSet& set, qint64 atMs);

private:
    struct Pending;
    prometheus::MetricsSource* m_source;
    MetricEdgeQueries m_queries;
    std::shared_ptr<Pending> m_pending;
};

} // namespace wf::graph
