#pragma once
// Metric points from OTLP, in memory: one series per (metric, resource attributes, point attributes),
// each a pair of columns (times, values) per kind, trimmed by retention. Temporality is resolved at
// ingest: cumulative sums and histograms are stored as received and differenced at query time with
// counter resets (value drops or a new start time) detected; delta points are stored as deltas.
// Thread-safe: a shared mutex lets queries run while nothing is being appended.
#include "SignalQueries.h"
#include "telemetry/Metric.h"

#include <QList>

#include <memory>
#include <vector>

namespace wf::signalstore {

class SeriesStore
{
public:
    SeriesStore(qint64 retentionNs, qint64 maxSeries);
    ~SeriesStore();
    SeriesStore(const SeriesStore&) = delete;
    SeriesStore& operator=(const SeriesStore&) = delete;

    // Returns the number of points kept; points of new series beyond maxSeries are refused
    // (*refused counts them when not null).
    qint64 append(const telemetry::MetricBatch& batch, qint64* refused = nullptr);

    // Unknown metric, or a function that does not fit its type (Rate of a gauge, Quantile of a sum):
    // ok false with a message for the user.
    QueryResult<std::vector<SeriesSet>> query(const SeriesQuery& query) const;

    QList<MetricInfo> metrics() const; // sorted by name
    qint64 seriesCount() const;
    qint64 pointCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wf::signalstore
