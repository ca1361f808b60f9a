// OTLP protobuf ExportMetricsServiceRequest -> MetricBatch (field numbers: metrics/v1/metrics.proto).
// Counting as in JsonMetrics.cpp: points are accepted or rejected one by one; an error in the metric
// itself rejects all its points. Exemplars and metadata are skipped.

#include "otlp/OtlpProtobuf.h"
#include "otlp/ProtoReader.h"

namespace wf::otlp {

using namespace proto;
using telemetry::Metric;
using telemetry::MetricType;

namespace {

bool attributes(Reader& r, Wire& w, std::uint32_t wt, Reader::ScratchList& scratch, quint32& dropped,
                qint32& index)
{
    return r.attribute(w, wt, scratch.get(), dropped, index);
}

bool subMessage(Reader& r, Wire& w, std::uint32_t wt, std::string_view& out, bool& present)
{
    present = wt == Len;
    if (!present)
        return r.skip(w, wt);
    return r.bytes(w, wt, out);
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

bool readNumberPoint(Reader& r, std::string_view msg, NumberRow& p)
{
    Reader::ScratchList scratch(r);
    quint32 dropped = 0;
    qint32 index = 0;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(w, wt, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(w, wt, p.timeNs);
        }
        case 4:
            if (wt == Fixed64)
                p.isInt = false;
            return r.dbl(w, wt, p.value);
        case 6: {
            if (wt != Fixed64)
                return r.skip(w, wt);
            quint64 v = 0;
            if (!r.uint64(w, wt, v)) // sfixed64: two's complement
                return false;
            p.intValue = qint64(v);
            p.value = double(p.intValue);
            p.isInt = true;
            return true;
        }
        case 7:
            return attributes(r, w, wt, scratch, dropped, index);
        case 8:
            return r.uint32(w, wt, p.flags);
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok)
        return false;
    p.attributes = telemetry::Attributes(scratch.take(), dropped);
    return true;
}

bool readHistogramPoint(Reader& r, std::string_view msg, telemetry::HistogramPoint& p)
{
    Reader::ScratchList scratch(r);
    quint32 dropped = 0;
    qint32 index = 0;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(w, wt, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(w, wt, p.timeNs);
        }
        case 4:
            return r.uint64(w, wt, p.count);
        case 5:
            return r.optionalDbl(w, wt, p.sum);
        case 6: {
            Reader::PathGuard g(r, "bucketCounts");
            return r.fixed64s(w, wt, p.bucketCounts);
        }
        case 7: {
            Reader::PathGuard g(r, "explicitBounds");
            return r.doubles(w, wt, p.explicitBounds);
        }
        case 9:
            return attributes(r, w, wt, scratch, dropped, index);
        case 10:
            return r.uint32(w, wt, p.flags);
        case 11:
            return r.optionalDbl(w, wt, p.min);
        case 12:
            return r.optionalDbl(w, wt, p.max);
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok)
        return false;
    p.attributes = telemetry::Attributes(scratch.take(), dropped);
    if (!p.bucketCounts.empty() && p.bucketCounts.size() != p.explicitBounds.size() + 1) {
        Reader::PathGuard g(r, "bucketCounts");
        return r.error(Code::BucketCountMismatch, QString::number(p.explicitBounds.size() + 1),
                       QString::number(p.bucketCounts.size()));
    }
    return true;
}

bool readBuckets(Reader& r, std::string_view msg, telemetry::ExponentialBuckets& b)
{
    return r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        if (f == 1)
            return r.sint32(w, wt, b.offset);
        if (f == 2) {
            Reader::PathGuard g(r, "bucketCounts");
            return r.varints(w, wt, b.bucketCounts);
        }
        return r.skip(w, wt);
    });
}

bool readExpHistogramPoint(Reader& r, std::string_view msg, telemetry::ExponentialHistogramPoint& p)
{
    Reader::ScratchList scratch(r);
    quint32 dropped = 0;
    qint32 index = 0;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1:
            return attributes(r, w, wt, scratch, dropped, index);
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(w, wt, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(w, wt, p.timeNs);
        }
        case 4:
            return r.uint64(w, wt, p.count);
        case 5:
            return r.optionalDbl(w, wt, p.sum);
        case 6:
            return r.sint32(w, wt, p.scale);
        case 7:
            return r.uint64(w, wt, p.zeroCount);
        case 8:
        case 9: {
            std::string_view sub;
            bool present = false;
            if (!subMessage(r, w, wt, sub, present))
                return false;
            Reader::PathGuard g(r, f == 8 ? "positive" : "negative");
            return !present || readBuckets(r, sub, f == 8 ? p.positive : p.negative);
        }
        case 10:
            return r.uint32(w, wt, p.flags);
        case 12:
            return r.optionalDbl(w, wt, p.min);
        case 13:
            return r.optionalDbl(w, wt, p.max);
        case 14:
            return r.dbl(w, wt, p.zeroThreshold);
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok)
        return false;
    p.attributes = telemetry::Attributes(scratch.take(), dropped);
    return true;
}

bool readSummaryPoint(Reader& r, std::string_view msg, telemetry::SummaryPoint& p)
{
    Reader::ScratchList scratch(r);
    quint32 dropped = 0;
    qint32 index = 0;
    qint32 quantileIndex = 0;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 2: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(w, wt, p.startNs);
        }
        case 3: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(w, wt, p.timeNs);
        }
        case 4:
            return r.uint64(w, wt, p.count);
        case 5:
            return r.dbl(w, wt, p.sum);
        case 6: {
            std::string_view sub;
            bool present = false;
            if (!subMessage(r, w, wt, sub, present))
                return false;
            if (!present)
                return true;
            Reader::PathGuard g(r, "quantileValues");
            r.setIndex(quantileIndex++);
            if (qsizetype(p.quantiles.size()) >= r.limits().maxBuckets)
                return r.error(Code::TooManyBuckets, QString::number(r.limits().maxBuckets));
            telemetry::Quantile q;
            if (!r.message(sub, [&](std::uint32_t qf, std::uint32_t qwt, Wire& qw) {
                    if (qf == 1)
                        return r.dbl(qw, qwt, q.quantile);
                    if (qf == 2)
                        return r.dbl(qw, qwt, q.value);
                    return r.skip(qw, qwt);
                }))
                return false;
            p.quantiles.push_back(q);
            return true;
        }
        case 7:
            return attributes(r, w, wt, scratch, dropped, index);
        case 8:
            return r.uint32(w, wt, p.flags);
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok)
        return false;
    p.attributes = telemetry::Attributes(scratch.take(), dropped);
    return true;
}

struct PointTally
{
    qint64 accepted = 0;
    qint64 rejected = 0;
};

template<typename Row, typename ReadFn, typename KeepFn>
bool readPoint(Reader& r, std::string_view msg, qint32& index, PointTally& tally, ReadFn&& read,
               KeepFn&& keep)
{
    Reader::PathGuard g(r, "dataPoints");
    r.setIndex(index++);
    if (r.overItemLimit()) {
        ++tally.rejected;
        return true;
    }
    Row row;
    if (read(r, msg, row)) {
        keep(std::move(row));
        ++tally.accepted;
        return true;
    }
    ++tally.rejected;
    return !r.failed();
}

bool readData(Reader& r, std::string_view msg, MetricType type, Metric& m, PointTally& tally)
{
    qint32 index = 0;
    return r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        if (f == 1) {
            std::string_view sub;
            bool present = false;
            if (!subMessage(r, w, wt, sub, present))
                return false;
            if (!present)
                return true;
            switch (type) {
            case MetricType::Gauge:
            case MetricType::Sum:
                return readPoint<NumberRow>(r, sub, index, tally, readNumberPoint, [&](NumberRow&& p) {
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
                return readPoint<telemetry::HistogramPoint>(
                    r, sub, index, tally, readHistogramPoint,
                    [&](telemetry::HistogramPoint&& p) { m.histogramPoints.push_back(std::move(p)); });
            case MetricType::ExponentialHistogram:
                return readPoint<telemetry::ExponentialHistogramPoint>(
                    r, sub, index, tally, readExpHistogramPoint,
                    [&](telemetry::ExponentialHistogramPoint&& p) {
                        m.exponentialHistogramPoints.push_back(std::move(p));
                    });
            case MetricType::Summary:
                return readPoint<telemetry::SummaryPoint>(
                    r, sub, index, tally, readSummaryPoint,
                    [&](telemetry::SummaryPoint&& p) { m.summaryPoints.push_back(std::move(p)); });
            case MetricType::Empty:
                break;
            }
            return true;
        }
        if (f == 2 && type != MetricType::Gauge && type != MetricType::Summary) {
            qint32 t = 0;
            if (!r.int32(w, wt, t))
                return false;
            m.temporality = t >= 0 && t <= 2 ? telemetry::AggregationTemporality(t)
                                             : telemetry::AggregationTemporality::Unspecified;
            return true;
        }
        if (f == 3 && type == MetricType::Sum)
            return r.boolean(w, wt, m.isMonotonic);
        return r.skip(w, wt);
    });
}

MetricType dataType(std::uint32_t field)
{
    switch (field) {
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

// False only when the request turned malformed.
bool readMetric(Reader& r, std::string_view msg, Metric& m, PointTally& tally, bool& keep)
{
    bool bad = false;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1: {
            Reader::PathGuard g(r, "name");
            return r.string(w, wt, m.name, true);
        }
        case 2: {
            Reader::PathGuard g(r, "description");
            return r.string(w, wt, m.description);
        }
        case 3: {
            Reader::PathGuard g(r, "unit");
            return r.string(w, wt, m.unit, true);
        }
        case 5:
        case 7:
        case 9:
        case 10:
        case 11: {
            std::string_view sub;
            bool present = false;
            if (!subMessage(r, w, wt, sub, present))
                return false;
            if (!present)
                return true;
            const MetricType type = dataType(f);
            Reader::PathGuard g(r, dataPath(type));
            if (m.type != MetricType::Empty) {
                r.error(Code::ConflictingFields);
                bad = true;
                Metric scratch;
                return readData(r, sub, type, scratch, tally) || !r.failed();
            }
            m.type = type;
            return readData(r, sub, type, m, tally) || !r.failed();
        }
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok && r.failed())
        return false;
    if (!ok)
        bad = true;
    keep = !bad && m.pointCount() > 0;
    if (bad) {
        tally.rejected += tally.accepted;
        tally.accepted = 0;
    }
    return true;
}

} // namespace

DecodeResult<telemetry::MetricBatch> decodeMetricsProtobuf(QByteArrayView body, const DecodeLimits& limits)
{
    DecodeResult<telemetry::MetricBatch> result;
    std::vector<telemetry::Resource> resources;
    std::vector<telemetry::Scope> scopes;
    std::vector<Metric> metrics;
    Reader r(limits, result);
    const bool ok = readEnvelope(r, body, {"resourceMetrics", "scopeMetrics", "metrics"}, resources, scopes,
                                 [&](std::string_view item, qint32 ri, qint32 si) {
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
