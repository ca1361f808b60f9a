// OTLP/JSON ExportMetricsServiceRequest -> MetricBatch.
//
// The unit OTLP counts is the data point (rejected_data_points), so points are accepted or rejected
// one by one. An error in the metric itself (a name that is not a string, an unknown temporality, two
// data fields) rejects all of its points; the walk goes on through the metric so they are counted.

#include "otlp/JsonEnvelope.h"
#include "otlp/OtlpJson.h"

namespace wf::otlp {

using namespace json;
using telemetry::Metric;
using telemetry::MetricType;

namespace {

const FieldName kMetricFields[] = {
    {"name", "name", 1},
    {"description", "description", 2},
    {"unit", "unit", 3},
    {"gauge", "gauge", 5},
    {"sum", "sum", 7},
    {"histogram", "histogram", 9},
    {"exponentialHistogram", "exponential_histogram", 10},
    {"summary", "summary", 11},
};
// Gauge, Sum, Histogram, ExponentialHistogram, Summary share these numbers.
const FieldName kDataFields[] = {{"dataPoints", "data_points", 1},
                                 {"aggregationTemporality", "aggregation_temporality", 2},
                                 {"isMonotonic", "is_monotonic", 3}};
const FieldName kNumberPointFields[] = {
    {"startTimeUnixNano", "start_time_unix_nano", 2},
    {"timeUnixNano", "time_unix_nano", 3},
    {"asDouble", "as_double", 4},
    {"asInt", "as_int", 6},
    {"attributes", "attributes", 7},
    {"flags", "flags", 8},
};
const FieldName kHistogramPointFields[] = {
    {"startTimeUnixNano", "start_time_unix_nano", 2},
    {"timeUnixNano", "time_unix_nano", 3},
    {"count", "count", 4},
    {"sum", "sum", 5},
    {"bucketCounts", "bucket_counts", 6},
    {"explicitBounds", "explicit_bounds", 7},
    {"attributes", "attributes", 9},
    {"flags", "flags", 10},
    {"min", "min", 11},
    {"max", "max", 12},
};
const FieldName kExpHistogramPointFields[] = {
    {"attributes", "attributes", 1},
    {"startTimeUnixNano", "start_time_unix_nano", 2},
    {"timeUnixNano", "time_unix_nano", 3},
    {"count", "count", 4},
    {"sum", "sum", 5},
    {"scale", "scale", 6},
    {"zeroCount", "zero_count", 7},
    {"positive", "positive", 8},
    {"negative", "negative", 9},
    {"flags", "flags", 10},
    {"min", "min", 12},
    {"max", "max", 13},
    {"zeroThreshold", "zero_threshold", 14},
};
const FieldName kBucketsFields[] = {{"offset", "offset", 1}, {"bucketCounts", "bucket_counts", 2}};
const FieldName kSummaryPointFields[] = {
    {"startTimeUnixNano", "start_time_unix_nano", 2},
    {"timeUnixNano", "time_unix_nano", 3},
    {"count", "count", 4},
    {"sum", "sum", 5},
    {"quantileValues", "quantile_values", 6},
    {"attributes", "attributes", 7},
    {"flags", "flags", 8},
};
const FieldName kQuantileFields[] = {{"quantile", "quantile", 1}, {"value", "value", 2}};

const EnumName kTemporalities[] = {{"AGGREGATION_TEMPORALITY_UNSPECIFIED", 0},
                                   {"AGGREGATION_TEMPORALITY_DELTA", 1},
                                   {"AGGREGATION_TEMPORALITY_CUMULATIVE", 2}};

const EnvelopeNames kNames{{"resourceMetrics", "resource_metrics", 0},
                           {"scopeMetrics", "scope_metrics", 0},
                           {"metrics", "metrics", 0},
                           "resourceMetrics",
                           "scopeMetrics",
                           "metrics"};

bool readAttributes(Reader& r, od::value& v, telemetry::Attributes& out)
{
    Reader::ScratchList scratch(r);
    telemetry::KeyValueList& attrs = scratch.get();
    quint32 dropped = 0;
    if (!r.attributes(v, attrs, dropped))
        return false;
    out = telemetry::Attributes(scratch.take(), dropped);
    return true;
}

bool readOptionalDouble(Reader& r, od::value& v, std::optional<double>& out)
{
    od::json_type t;
    if (!r.type(v, t))
        return false;
    if (t == od::json_type::null)
        return true;
    double d = 0;
    if (!r.dbl(v, d))
        return false;
    out = d;
    return true;
}

// A repeated number field (bucket counts, bounds), bounded by maxBuckets.
template<typename T, typename ReadFn>
bool readList(Reader& r, od::value& v, std::vector<T>& out, ReadFn&& read)
{
    return r.elements(v, [&](od::value& e, qint32) {
        if (qsizetype(out.size()) >= r.limits().maxBuckets)
            return r.error(Code::TooManyBuckets, QString::number(r.limits().maxBuckets));
        T value{};
        if (!read(e, value))
            return false;
        out.push_back(value);
        return true;
    });
}

bool readCounts(Reader& r, od::value& v, std::vector<quint64>& out)
{
    return readList(r, v, out, [&](od::value& e, quint64& c) { return r.uint64(e, c); });
}

struct NumberRow
{
    qint64 startNs = 0;
    qint64 timeNs = 0;
    double value = 0;
    qint64 intValue = 0;
    bool isInt = false;
    quint32 flags = 0;
    telemetry::Attributes attributes;
};

bool readNumberPoint(Reader& r, od::value& v, NumberRow& p)
{
    return r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kNumberPointFields)) {
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(fv, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(fv, p.timeNs);
        }
        case 4: {
            Reader::PathGuard g(r, "asDouble");
            p.isInt = false;
            return r.dbl(fv, p.value);
        }
        case 6: {
            Reader::PathGuard g(r, "asInt");
            if (!r.int64(fv, p.intValue))
                return false;
            p.isInt = true;
            p.value = double(p.intValue);
            return true;
        }
        case 7: {
            Reader::PathGuard g(r, "attributes");
            return readAttributes(r, fv, p.attributes);
        }
        case 8: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(fv, p.flags);
        }
        default:
            return r.skip(fv); // exemplars are not kept
        }
    });
}

bool readHistogramPoint(Reader& r, od::value& v, telemetry::HistogramPoint& p)
{
    const bool ok = r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kHistogramPointFields)) {
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(fv, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(fv, p.timeNs);
        }
        case 4: {
            Reader::PathGuard g(r, "count");
            return r.uint64(fv, p.count);
        }
        case 5: {
            Reader::PathGuard g(r, "sum");
            return readOptionalDouble(r, fv, p.sum);
        }
        case 6: {
            Reader::PathGuard g(r, "bucketCounts");
            return readCounts(r, fv, p.bucketCounts);
        }
        case 7: {
            Reader::PathGuard g(r, "explicitBounds");
            return readList(r, fv, p.explicitBounds, [&](od::value& e, double& d) { return r.dbl(e, d); });
        }
        case 9: {
            Reader::PathGuard g(r, "attributes");
            return readAttributes(r, fv, p.attributes);
        }
        case 10: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(fv, p.flags);
        }
        case 11: {
            Reader::PathGuard g(r, "min");
            return readOptionalDouble(r, fv, p.min);
        }
        case 12: {
            Reader::PathGuard g(r, "max");
            return readOptionalDouble(r, fv, p.max);
        }
        default:
            return r.skip(fv);
        }
    });
    if (!ok)
        return false;
    // OTLP: one more count than bounds, or no counts at all.
    if (!p.bucketCounts.empty() && p.bucketCounts.size() != p.explicitBounds.size() + 1) {
        Reader::PathGuard g(r, "bucketCounts");
        return r.error(Code::BucketCountMismatch, QString::number(p.explicitBounds.size() + 1),
                       QString::number(p.bucketCounts.size()));
    }
    return true;
}

bool readBuckets(Reader& r, od::value& v, telemetry::ExponentialBuckets& b)
{
    return r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kBucketsFields)) {
        case 1: {
            Reader::PathGuard g(r, "offset");
            return r.int32(fv, b.offset);
        }
        case 2: {
            Reader::PathGuard g(r, "bucketCounts");
            return readCounts(r, fv, b.bucketCounts);
        }
        default:
            return r.skip(fv);
        }
    });
}

bool readExpHistogramPoint(Reader& r, od::value& v, telemetry::ExponentialHistogramPoint& p)
{
    return r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kExpHistogramPointFields)) {
        case 1: {
            Reader::PathGuard g(r, "attributes");
            return readAttributes(r, fv, p.attributes);
        }
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(fv, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(fv, p.timeNs);
        }
        case 4: {
            Reader::PathGuard g(r, "count");
            return r.uint64(fv, p.count);
        }
        case 5: {
            Reader::PathGuard g(r, "sum");
            return readOptionalDouble(r, fv, p.sum);
        }
        case 6: {
            Reader::PathGuard g(r, "scale");
            return r.int32(fv, p.scale);
        }
        case 7: {
            Reader::PathGuard g(r, "zeroCount");
            return r.uint64(fv, p.zeroCount);
        }
        case 8: {
            Reader::PathGuard g(r, "positive");
            return readBuckets(r, fv, p.positive);
        }
        case 9: {
            Reader::PathGuard g(r, "negative");
            return readBuckets(r, fv, p.negative);
        }
        case 10: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(fv, p.flags);
        }
        case 12: {
            Reader::PathGuard g(r, "min");
            return readOptionalDouble(r, fv, p.min);
        }
        case 13: {
            Reader::PathGuard g(r, "max");
            return readOptionalDouble(r, fv, p.max);
        }
        case 14: {
            Reader::PathGuard g(r, "zeroThreshold");
            return r.dbl(fv, p.zeroThreshold);
        }
        default:
            return r.skip(fv);
        }
    });
}

bool readSummaryPoint(Reader& r, od::value& v, telemetry::SummaryPoint& p)
{
    return r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kSummaryPointFields)) {
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(fv, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(fv, p.timeNs);
        }
        case 4: {
            Reader::PathGuard g(r, "count");
            return r.uint64(fv, p.count);
        }
        case 5: {
            Reader::PathGuard g(r, "sum");
            return r.dbl(fv, p.sum);
        }
        case 6: {
            Reader::PathGuard g(r, "quantileValues");
            return readList(r, fv, p.quantiles, [&](od::value& e, telemetry::Quantile& q) {
                return r.fields(e, [&](std::string_view k, od::value& qv) {
                    switch (fieldId(k, kQuantileFields)) {
                    case 1: {
                        Reader::PathGuard g2(r, "quantile");
                        return r.dbl(qv, q.quantile);
                    }
                    case 2: {
                        Reader::PathGuard g2(r, "value");
                        return r.dbl(qv, q.value);
                    }
                    default:
                        return r.skip(qv);
                    }
                });
            });
        }
        case 7: {
            Reader::PathGuard g(r, "attributes");
            return readAttributes(r, fv, p.attributes);
        }
        case 8: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(fv, p.flags);
        }
        default:
            return r.skip(fv);
        }
    });
}

// Counts of one metric's points.
struct PointTally
{
    qint64 accepted = 0;
    qint64 rejected = 0;
};

// Reads one point with `read` and appends it with `keep`; a bad point is counted, not fatal.
template<typename Row, typename ReadFn, typename KeepFn>
bool readPoints(Reader& r, od::value& v, PointTally& tally, ReadFn&& read, KeepFn&& keep)
{
    Reader::PathGuard g(r, "dataPoints");
    return r.elements(v, [&](od::value& e, qint32) {
        if (r.overItemLimit()) {
            ++tally.rejected;
            return true;
        }
        Row row;
        if (read(r, e, row)) {
            keep(std::move(row));
            ++tally.accepted;
            return true;
        }
        ++tally.rejected;
        return !r.failed();
    });
}

// The data field (gauge/sum/...) of a metric. Errors in its own fields mark the metric bad.
bool readData(Reader& r, od::value& v, MetricType type, Metric& m, PointTally& tally, bool& bad)
{
    return r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kDataFields)) {
        case 1:
            switch (type) {
            case MetricType::Gauge:
            case MetricType::Sum:
                return readPoints<NumberRow>(r, fv, tally, readNumberPoint, [&](NumberRow&& p) {
                    auto& c = m.numberPoints;
                    c.startNs.push_back(p.startNs);
                    c.timeNs.push_back(p.timeNs);
                    c.values.push_back(p.value);
                    c.intValues.push_back(p.isInt ? p.intValue : 0);
                    c.isInt.push_back(p.isInt ? 1 : 0);
                    c.flags.push_back(p.flags);
                    c.attributes.push_back(std::move(p.attributes));
                });
            case MetricType::Histogram:
                return readPoints<telemetry::HistogramPoint>(
                    r, fv, tally, readHistogramPoint,
                    [&](telemetry::HistogramPoint&& p) { m.histogramPoints.push_back(std::move(p)); });
            case MetricType::ExponentialHistogram:
                return readPoints<telemetry::ExponentialHistogramPoint>(
                    r, fv, tally, readExpHistogramPoint, [&](telemetry::ExponentialHistogramPoint&& p) {
                        m.exponentialHistogramPoints.push_back(std::move(p));
                    });
            case MetricType::Summary:
                return readPoints<telemetry::SummaryPoint>(
                    r, fv, tally, readSummaryPoint,
                    [&](telemetry::SummaryPoint&& p) { m.summaryPoints.push_back(std::move(p)); });
            case MetricType::Empty:
                break;
            }
            return r.skip(fv);
        case 2:
            if (type == MetricType::Sum || type == MetricType::Histogram ||
                type == MetricType::ExponentialHistogram) {
                Reader::PathGuard g(r, "aggregationTemporality");
                int t = 0;
                if (!r.enumValue(fv, kTemporalities, t))
                    bad = true;
                else
                    m.temporality = t >= 0 && t <= 2 ? telemetry::AggregationTemporality(t)
                                                     : telemetry::AggregationTemporality::Unspecified;
                return !r.failed();
            }
            return r.skip(fv);
        case 3:
            if (type == MetricType::Sum) {
                Reader::PathGuard g(r, "isMonotonic");
                if (!r.boolean(fv, m.isMonotonic))
                    bad = true;
                return !r.failed();
            }
            return r.skip(fv);
        default:
            return r.skip(fv);
        }
    });
}

MetricType dataType(int fieldId)
{
    switch (fieldId) {
    case 5:
        return MetricType::Gauge;
    case 7:
        return MetricType::Sum;
    case 9:
        return MetricType::Histogram;
    case 10:
        return MetricType::ExponentialHistogram;
    case 11:
        return MetricType::Summary;
    }
    return MetricType::Empty;
}

const char* dataPath(MetricType t)
{
    switch (t) {
    case MetricType::Gauge:
        return "gauge";
    case MetricType::Sum:
        return "sum";
    case MetricType::Histogram:
        return "histogram";
    case MetricType::ExponentialHistogram:
        return "exponentialHistogram";
    case MetricType::Summary:
        return "summary";
    case MetricType::Empty:
        break;
    }
    return "";
}

// False only when the request turned malformed; `keep` says whether the metric goes in the batch.
bool readMetric(Reader& r, od::value& v, Metric& m, PointTally& tally, bool& keep)
{
    bool bad = false;
    const bool ok = r.fields(v, [&](std::string_view key, od::value& fv) {
        const int id = fieldId(key, kMetricFields);
        switch (id) {
        case 1:
        case 2:
        case 3: {
            Reader::PathGuard g(r, id == 1 ? "name" : id == 2 ? "description" : "unit");
            QString& target = id == 1 ? m.name : id == 2 ? m.description : m.unit;
            if (!r.string(fv, target, id != 2))
                bad = true;
            return !r.failed();
        }
        case 5:
        case 7:
        case 9:
        case 10:
        case 11: {
            const MetricType type = dataType(id);
            Reader::PathGuard g(r, dataPath(type));
            if (m.type != MetricType::Empty) {
                // A second data field: read it to count its points, all rejected with the metric.
                r.error(Code::ConflictingFields);
                bad = true;
                Metric scratch;
                return readData(r, fv, type, scratch, tally, bad);
            }
            m.type = type;
            if (!readData(r, fv, type, m, tally, bad)) {
                if (r.failed())
                    return false;
                bad = true; // the data field itself had the wrong type
            }
            return true;
        }
        default:
            return r.skip(fv); // metadata is not kept
        }
    });
    if (!ok) {
        if (r.failed())
            return false;
        bad = true; // the metric is not an object: nothing in it can be counted
    }
    keep = !bad && m.pointCount() > 0;
    if (bad) {
        tally.rejected += tally.accepted;
        tally.accepted = 0;
    }
    return true;
}

} // namespace

DecodeResult<telemetry::MetricBatch> decodeMetricsJson(QByteArrayView body, const DecodeLimits& limits)
{
    DecodeResult<telemetry::MetricBatch> result;
    std::vector<telemetry::Resource> resources;
    std::vector<telemetry::Scope> scopes;
    std::vector<Metric> metrics;
    Reader r(limits, result);
    const bool ok =
        readEnvelope(r, body, kNames, resources, scopes, [&](od::value& item, qint32 ri, qint32 si) {
            Reader::ItemGuard itemGuard(r);
            Metric m;
            m.resourceIndex = ri;
            m.scopeIndex = si;
            PointTally tally;
            bool keep = false;
            if (!readMetric(r, item, m, tally, keep))
                return false;
            result.accepted += tally.accepted;
            result.rejected += tally.rejected;
            if (keep)
                metrics.push_back(std::move(m));
            return true;
        });
    if (!ok) {
        result.rejected += result.accepted;
        result.accepted = 0;
        return result;
    }
    result.batch = telemetry::MetricBatch(std::move(resources), std::move(scopes), std::move(metrics));
    return result;
}

} // namespace wf::otlp
