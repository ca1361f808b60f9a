#pragma once
// MetricsSource over the in-memory OTLP series store: the PromQL subset of LocalPromQL.h, evaluated on
// the global thread pool (the store is thread-safe), answered like Prometheus would (matrix/vector).
#include "MetricsSource.h"

#include <functional>
#include <memory>

namespace wf::signalstore {
class SeriesStore;
}

namespace wf::prometheus {

class LocalSeriesMetricsSource : public MetricsSource
{
public:
    using Clock = std::function<qint64()>; // now in ms since the epoch, for instant queries without a time

    explicit LocalSeriesMetricsSource(std::shared_ptr<const signalstore::SeriesStore> store, Clock now = {});

    MetricsCall queryRange(const RangeQuery& query, QObject* context, Callback done) override;
    // The latest one-minute step at or before the time: the value (or rate) of that step per series.
    MetricsCall queryInstant(const InstantQuery& query, QObject* context, Callback done) override;
    QString queryLanguageNote() const override;

private:
    MetricsCall run(const QString& expr, qint64 fromMs, qint64 toMs, qint64 stepMs, bool instant,
                    QObject* context, Callback done);
    std::shared_ptr<const signalstore::SeriesStore> m_store;
    Clock m_now;
};

} // namespace wf::prometheus
