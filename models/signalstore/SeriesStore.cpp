#include "SeriesStore.h"

#include "SeriesEvaluation.h"
#include "SeriesMath.h"
#include "StoredSeries.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace wf::signalstore {

using telemetry::AggregationTemporality;
using telemetry::MetricType;

namespace {

// More output steps than this is a query mistake (a step far too small for the range), not a chart.
constexpr qint64 kMaxSteps = 11'000;
// How far ahead of this machine's clock a sender's timestamps may drive the retention clock: one
// point from a host whose clock is a year ahead must not expire everything everyone else sent.
constexpr qint64 kMaxClockSkewNs = 10LL * 60 * 1'000'000'000;
// OTLP DataPointFlags: the point marks a series as gone, it carries no value.
constexpr quint32 kNoRecordedValue = 1;

struct MetricEntry
{
    MetricInfo info;
    bool monotonic = false;
    std::unordered_map<QString, StoredSeries> series; // by identity key (labels, bounds)
};

SeriesKind kindOf(const telemetry::Metric& m)
{
    const bool delta = m.temporality == AggregationTemporality::Delta;
    switch (m.type) {
    case MetricType::Sum:
        return delta ? SeriesKind::DeltaSum : SeriesKind::CumulativeSum;
    case MetricType::Histogram:
        return delta ? SeriesKind::DeltaHistogram : SeriesKind::CumulativeHistogram;
    default:
        return SeriesKind::Gauge;
    }
}

// An attribute set as labels (in the sender's order) and as a canonical key (sorted), so equal sets
// are the same series whatever order the sender listed them in.
struct LabelPart
{
    QList<std::pair<QString, QString>> labels;
    QString key;
};

LabelPart labelPartOf(const telemetry::Attributes& attributes)
{
    LabelPart part;
    part.labels.reserve(attributes.size());
    for (const telemetry::KeyValue& kv : attributes)
        part.labels.append({kv.key, kv.value.displayString()});
    auto sorted = part.labels;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [k, v] : sorted)
        part.key += k + QChar(0x1f) + v + QChar(0x1e);
    return part;
}

QString boundsKeyOf(const std::vector<double>& bounds)
{
    QString key;
    for (double b : bounds)
        key += QString::number(b, 'g', 17) + QChar(0x1e);
    return key;
}

// Whether `function` applies to a metric of this type; the message for the user when not.
QString functionMismatch(const MetricEntry& m, SeriesQuery::Function function)
{
    const auto type = MetricType(m.info.type);
    const bool histogram = type == MetricType::Histogram;
    switch (function) {
    case SeriesQuery::Function::Raw:
        if (histogram)
            return QCoreApplication::translate(
                       "SeriesStore", "%1 is a histogram: ask for a quantile or the mean, not raw values.")
                .arg(m.info.name);
        return {};
    case SeriesQuery::Function::Rate:
        if (histogram || (type == MetricType::Sum && m.monotonic))
            return {};
        return type == MetricType::Gauge
                   ? QCoreApplication::translate(
                         "SeriesStore",
                         "%1 is a gauge: a rate needs a monotonic counter; show its raw values.")
                         .arg(m.info.name)
                   : QCoreApplication::translate(
                         "SeriesStore",
                         "%1 is a sum that can go down: a rate needs a monotonic counter; show its raw "
                         "values.")
                         .arg(m.info.name);
    case SeriesQuery::Function::Quantile:
    case SeriesQuery::Function::Mean:
        if (histogram)
            return {};
        return QCoreApplication::translate("SeriesStore",
                                           "%1 is not a histogram: quantiles and means need a histogram.")
            .arg(m.info.name);
    }
    return {};
}

} // namespace

struct SeriesStore::Private
{
    qint64 retentionNs = 0;
    qint64 maxSeries = 0;

    mutable std::shared_mutex mutex;
    std::map<QString, MetricEntry> metrics; // by name
    qint64 seriesCount = 0;
    qint64 pointCount = 0;
    qint64 newestNs = std::numeric_limits<qint64>::min();
    qint64 lastSweepCutoffNs = std::numeric_limits<qint64>::min();

    qint64 cutoffNs() const
    {
        return newestNs < std::numeric_limits<qint64>::min() + retentionNs
                   ? std::numeric_limits<qint64>::min()
                   : newestNs - retentionNs;
    }

    // The series for these labels, created within the maxSeries budget; null when refused. The
    // resource's part and the bounds' key are the same for many points: the caller makes them once.
    StoredSeries* seriesFor(MetricEntry& m, const telemetry::Metric& metric, const LabelPart& resource,
                            const telemetry::Attributes& attributes, const std::vector<double>& bounds,
                            const QString& boundsKey)
    {
        const LabelPart point = labelPartOf(attributes);
        const QString key = point.key + QChar(0x1d) + resource.key + QChar(0x1d) + boundsKey;
        if (auto it = m.series.find(key); it != m.series.end())
            return &it->second;
        if (seriesCount >= maxSeries)
            return nullptr;
        StoredSeries& s = m.series[key];
        s.kind = kindOf(metric);
        s.labels = point.labels + resource.labels;
        s.bounds = bounds;
        ++seriesCount;
        ++m.info.seriesCount;
        return &s;
    }

    // Points older than the retention go; series left without points go too, freeing their slot.
    void sweep()
    {
        const qint64 cutoff = cutoffNs();
        for (auto& [name, m] : metrics) {
            for (auto it = m.series.begin(); it != m.series.end();) {
                pointCount -= qint64(it->second.trimBefore(cutoff));
                if (it->second.size() == 0) {
                    it = m.series.erase(it);
                    --seriesCount;
                    --m.info.seriesCount;
                } else {
                    ++it;
                }
            }
        }
        std::erase_if(metrics, [](const auto& entry) { return entry.second.series.empty(); });
        lastSweepCutoffNs = cutoff;
    }
};

SeriesStore::SeriesStore(qint64 retentionNs, qint64 maxSeries)
    : d(std::make_unique<Private>())
{
    d->retentionNs = std::max<qint64>(1, retentionNs);
    d->maxSeries = std::max<qint64>(0, maxSeries);
}

SeriesStore::~SeriesStore() = default;

qint64 SeriesStore::append(const telemetry::MetricBatch& batch, qint64* refused)
{
    qint64 kept = 0;
    qint64 refusedHere = 0;
    std::unique_lock lock(d->mutex);

    // The clock is the data's own: retention counts back from the newest point seen, so a replay of
    // old telemetry (or a simulation) is kept as it would have been live.
    const qint64 ceiling = QDateTime::currentMSecsSinceEpoch() * 1'000'000 + kMaxClockSkewNs;
    for (const telemetry::Metric& metric : batch.metrics()) {
        for (qint64 t : metric.numberPoints.timeNs)
            d->newestNs = std::max(d->newestNs, std::min(t, ceiling));
        for (const auto& p : metric.histogramPoints)
            d->newestNs = std::max(d->newestNs, std::min(p.timeNs, ceiling));
    }
    const qint64 cutoff = d->cutoffNs();

    for (const telemetry::Metric& metric : batch.metrics()) {
        if (metric.type != MetricType::Gauge && metric.type != MetricType::Sum &&
            metric.type != MetricType::Histogram)
            continue; // exponential histograms and summaries are not kept (yet)
        if (metric.name.isEmpty())
            continue;
        MetricEntry& m = d->metrics[metric.name];
        if (m.info.name.isEmpty()) {
            m.info.name = metric.name;
            m.info.unit = metric.unit;
            m.info.description = metric.description;
            m.info.type = int(metric.type);
            m.monotonic = metric.isMonotonic;
        }
        if (m.info.type != int(metric.type))
            continue; // another sender's metric of the same name and another type: not mixable
        const LabelPart resource = labelPartOf(batch.resourceOf(metric).attributes());
        const QString noBounds;
        std::vector<double> lastBounds;
        QString lastBoundsKey;

        const telemetry::NumberPoints& np = metric.numberPoints;
        for (qsizetype i = 0; i < np.size(); ++i) {
            const auto at = std::size_t(i);
            if ((np.flags[at] & kNoRecordedValue) || np.timeNs[at] < cutoff)
                continue;
            StoredSeries* s = d->seriesFor(m, metric, resource, np.attributes[at], {}, noBounds);
            if (!s) {
                ++refusedHere;
                continue;
            }
            if (s->insertNumber(np.timeNs[at], np.startNs[at], np.values[at]))
                ++d->pointCount;
            ++kept;
        }
        for (const telemetry::HistogramPoint& p : metric.histogramPoints) {
            if ((p.flags & kNoRecordedValue) || p.timeNs < cutoff ||
                p.bucketCounts.size() != p.explicitBounds.size() + 1)
                continue;
            if (lastBoundsKey.isEmpty() || p.explicitBounds != lastBounds) {
                lastBounds = p.explicitBounds;
                lastBoundsKey = boundsKeyOf(lastBounds) + QChar(0x1e);
            }
            StoredSeries* s =
                d->seriesFor(m, metric, resource, p.attributes, p.explicitBounds, lastBoundsKey);
            if (!s) {
                ++refusedHere;
                continue;
            }
            const std::vector<double> buckets(p.bucketCounts.begin(), p.bucketCounts.end());
            if (s->insertHistogram(p.timeNs, p.startNs, double(p.count),
                                   p.sum.value_or(std::numeric_limits<double>::quiet_NaN()), buckets))
                ++d->pointCount;
            ++kept;
        }
        if (m.series.empty())
            d->metrics.erase(metric.name);
    }

    // Sweeping walks every series: do it once per sixteenth of the retention the clock moved.
    if (d->lastSweepCutoffNs == std::numeric_limits<qint64>::min() ||
        cutoff - d->lastSweepCutoffNs >= d->retentionNs / 16)
        d->sweep();

    if (refused)
        *refused = refusedHere;
    return kept;
}

QueryResult<std::vector<SeriesSet>> SeriesStore::query(const SeriesQuery& q) const
{
    QueryResult<std::vector<SeriesSet>> result;
    if (q.stepNs <= 0) {
        result.error = QCoreApplication::translate("SeriesStore", "The step must be longer than zero.");
        return result;
    }
    if (q.toNs <= q.fromNs) {
        result.error = QCoreApplication::translate("SeriesStore",
                                                   "The time range is empty: it must end after it starts.");
        return result;
    }
    if (q.function == SeriesQuery::Function::Quantile && !(q.quantile >= 0 && q.quantile <= 1)) {
        result.error = QCoreApplication::translate("SeriesStore", "A quantile must lie between 0 and 1.");
        return result;
    }

    std::shared_lock lock(d->mutex);
    const auto found = d->metrics.find(q.metric);
    if (found == d->metrics.end()) {
        result.error = QCoreApplication::translate("SeriesStore", "No metric named \"%1\" has been received.")
                           .arg(q.metric);
        return result;
    }
    const MetricEntry& m = found->second;
    if (const QString mismatch = functionMismatch(m, q.function); !mismatch.isEmpty()) {
        result.error = mismatch;
        return result;
    }

    // Series by their group's label values; std::map keeps the groups in a stable, sorted order.
    std::map<QStringList, std::vector<const StoredSeries*>> groups;
    qint64 firstNs = std::numeric_limits<qint64>::max();
    qint64 lastNs = std::numeric_limits<qint64>::min();
    // Compiled once per query, not once per series.
    std::vector<std::pair<const LabelMatcher*, QRegularExpression>> others;
    for (const LabelMatcher& lm : q.matchers) {
        QRegularExpression re;
        if (lm.op != LabelMatcher::Op::NotEqual) {
            re.setPattern(QRegularExpression::anchoredPattern(lm.value));
            if (!re.isValid()) {
                result.error =
                    QCoreApplication::translate("SeriesStore", "Invalid regular expression for %1: %2")
                        .arg(lm.key, re.errorString());
                return result;
            }
        }
        others.emplace_back(&lm, std::move(re));
    }
    const auto otherMatchersHold = [&others](const StoredSeries& s) {
        return std::all_of(others.begin(), others.end(), [&s](const auto& o) {
            const QString v = s.label(o.first->key);
            switch (o.first->op) {
            case LabelMatcher::Op::NotEqual:
                return v != o.first->value;
            case LabelMatcher::Op::Regex:
                return o.second.match(v).hasMatch();
            case LabelMatcher::Op::NotRegex:
                return !o.second.match(v).hasMatch();
            }
            return false;
        });
    };
    for (const auto& [key, s] : m.series) {
        const bool matches = std::all_of(q.match.begin(), q.match.end(),
                                         [&s](const auto& kv) { return s.label(kv.first) == kv.second; }) &&
                             otherMatchersHold(s);
        if (!matches || s.size() == 0)
            continue;
        QStringList values;
        for (const QString& k : q.groupBy)
            values.append(s.label(k));
        groups[values].push_back(&s);
        firstNs = std::min(firstNs, s.timesNs.front());
        lastNs = std::max(lastNs, s.timesNs.back());
    }
    const qint64 spanFrom = std::max(q.fromNs, firstNs);
    const qint64 spanTo = std::min(q.toNs - 1, lastNs);
    if (spanFrom <= spanTo && stepIndexOf(spanTo, q.stepNs) - stepIndexOf(spanFrom, q.stepNs) >= kMaxSteps) {
        result.error =
            QCoreApplication::translate(
                "SeriesStore",
                "The step is too small for this time range (more than %1 points); choose a larger step.")
                .arg(kMaxSteps);
        return result;
    }

    const StepWindow window{q.fromNs, q.toNs, q.stepNs};
    for (const auto& [values, members] : groups) {
        StepValues v;
        switch (q.function) {
        case SeriesQuery::Function::Raw:
            v = evaluateRaw(members, window);
            break;
        case SeriesQuery::Function::Rate:
            v = evaluateRate(members, window);
            break;
        case SeriesQuery::Function::Quantile:
        case SeriesQuery::Function::Mean:
            v = evaluateHistogram(members, window, q.function, q.quantile);
            break;
        }
        if (v.steps.empty())
            continue;
        SeriesSet set;
        for (qsizetype i = 0; i < q.groupBy.size(); ++i)
            set.labels.append({q.groupBy[i], values[i]});
        set.timesNs.reserve(v.steps.size());
        for (qint64 step : v.steps)
            set.timesNs.push_back(step * q.stepNs);
        set.values = std::move(v.values);
        result.value.push_back(std::move(set));
    }
    result.ok = true;
    return result;
}

QList<MetricInfo> SeriesStore::metrics() const
{
    std::shared_lock lock(d->mutex);
    QList<MetricInfo> out;
    for (const auto& [name, m] : d->metrics)
        out.append(m.info);
    return out;
}

qint64 SeriesStore::seriesCount() const
{
    std::shared_lock lock(d->mutex);
    return d->seriesCount;
}

qint64 SeriesStore::pointCount() const
{
    std::shared_lock lock(d->mutex);
    return d->pointCount;
}

} // namespace wf::signalstore
