#pragma once

// Metrics as decoded from OTLP metric requests. Gauge and Sum points, by far the most numerous, are
// columnar (parallel arrays), because charts and M4 decimation read whole time and value columns;
// histogram, exponential-histogram and summary points are rows, each with its own bucket arrays.
// Exemplars are not kept (nothing in Watchfloor shows them yet).

#include "telemetry/AnyValue.h"
#include "telemetry/Resource.h"

#include <memory>
#include <optional>
#include <vector>

namespace wf::telemetry {

enum class MetricType : quint8 { Empty, Gauge, Sum, Histogram, ExponentialHistogram, Summary };
// Values as in metrics/v1 AggregationTemporality.
enum class AggregationTemporality : quint8 { Unspecified = 0, Delta = 1, Cumulative = 2 };

// Gauge/Sum points, one entry per point in every column.
struct NumberPoints
{
    std::vector<qint64> startNs; // 0 when the sender gave none (gauges usually)
    std::vector<qint64> timeNs;
    std::vector<double> values;    // every point as double, int points converted, for charts
    std::vector<qint64> intValues; // exact value of int points (0 for double points)
    std::vector<quint8> isInt;     // 1 if the point was sent as asInt
    std::vector<quint32> flags;
    std::vector<Attributes> attributes;

    qsizetype size() const { return qsizetype(timeNs.size()); }

    friend bool operator==(const NumberPoints&, const NumberPoints&) = default;
};

struct HistogramPoint
{
    qint64 startNs = 0;
    qint64 timeNs = 0;
    Attributes attributes;
    quint64 count = 0;
    std::optional<double> sum;
    std::optional<double> min;
    std::optional<double> max;
    std::vector<double> explicitBounds;
    std::vector<quint64> bucketCounts; // explicitBounds.size() + 1 when the sender follows the spec
    quint32 flags = 0;

    friend bool operator==(const HistogramPoint&, const HistogramPoint&) = default;
};

struct ExponentialBuckets
{
    qint32 offset = 0;
    std::vector<quint64> bucketCounts;

    friend bool operator==(const ExponentialBuckets&, const ExponentialBuckets&) = default;
};

struct ExponentialHistogramPoint
{
    qint64 startNs = 0;
    qint64 timeNs = 0;
    Attributes attributes;
    quint64 count = 0;
    std::optional<double> sum;
    std::optional<double> min;
    std::optional<double> max;
    qint32 scale = 0;
    quint64 zeroCount = 0;
    double zeroThreshold = 0;
    ExponentialBuckets positive;
    ExponentialBuckets negative;
    quint32 flags = 0;

    friend bool operator==(const ExponentialHistogramPoint&, const ExponentialHistogramPoint&) = default;
};

struct Quantile
{
    double quantile = 0;
    double value = 0;

    friend bool operator==(const Quantile&, const Quantile&) = default;
};

struct SummaryPoint
{
    qint64 startNs = 0;
    qint64 timeNs = 0;
    Attributes attributes;
    quint64 count = 0;
    double sum = 0;
    std::vector<Quantile> quantiles;
    quint32 flags = 0;

    friend bool operator==(const SummaryPoint&, const SummaryPoint&) = default;
};

struct Metric
{
    QString name;
    QString description;
    QString unit;
    MetricType type = MetricType::Empty;
    AggregationTemporality temporality = AggregationTemporality::Unspecified; // Sum, (Exp)Histogram
    bool isMonotonic = false;                                                 // Sum only
    qint32 resourceIndex = -1;
    qint32 scopeIndex = -1;
    // Only the container matching `type` is filled.
    NumberPoints numberPoints; // Gauge, Sum
    std::vector<HistogramPoint> histogramPoints;
    std::vector<ExponentialHistogramPoint> exponentialHistogramPoints;
    std::vector<SummaryPoint> summaryPoints;

    qsizetype pointCount() const;

    friend bool operator==(const Metric&, const Metric&) = default;
};

class MetricBatch
{
public:
    MetricBatch();
    MetricBatch(std::vector<Resource> resources, std::vector<Scope> scopes, std::vector<Metric> metrics);

    const std::vector<Resource>& resources() const { return d->resources; }
    const std::vector<Scope>& scopes() const { return d->scopes; }
    const std::vector<Metric>& metrics() const { return d->metrics; }
    qsizetype size() const { return qsizetype(d->metrics.size()); }
    bool isEmpty() const { return d->metrics.empty(); }
    qsizetype pointCount() const { return d->pointCount; }

    const Resource& resourceOf(const Metric& m) const;
    const Scope& scopeOf(const Metric& m) const;

private:
    struct Data
    {
        std::vector<Resource> resources;
        std::vector<Scope> scopes;
        std::vector<Metric> metrics;
        qsizetype pointCount = 0;
    };
    std::shared_ptr<const Data> d;
};

} // namespace wf::telemetry
