#include "telemetry/Metric.h"

namespace wf::telemetry {

qsizetype Metric::pointCount() const
{
    switch (type) {
    case MetricType::Gauge:
    case MetricType::Sum:
        return numberPoints.size();
    case MetricType::Histogram:
        return qsizetype(histogramPoints.size());
    case MetricType::ExponentialHistogram:
        return qsizetype(exponentialHistogramPoints.size());
    case MetricType::Summary:
        return qsizetype(summaryPoints.size());
    case MetricType::Empty:
        break;
    }
    return 0;
}

MetricBatch::MetricBatch()
    : d(std::make_shared<const Data>())
{}

MetricBatch::MetricBatch(std::vector<Resource> resources, std::vector<Scope> scopes,
                         std::vector<Metric> metrics)
{
    qsizetype points = 0;
    for (const Metric& m : metrics)
        points += m.pointCount();
    d = std::make_shared<const Data>(
        Data{std::move(resources), std::move(scopes), std::move(metrics), points});
}

const Resource& MetricBatch::resourceOf(const Metric& m) const
{
    static const Resource none;
    const auto i = std::size_t(m.resourceIndex);
    return m.resourceIndex >= 0 && i < d->resources.size() ? d->resources[i] : none;
}

const Scope& MetricBatch::scopeOf(const Metric& m) const
{
    static const Scope none;
    const auto i = std::size_t(m.scopeIndex);
    return m.scopeIndex >= 0 && i < d->scopes.size() ? d->scopes[i] : none;
}

} // namespace wf::telemetry
