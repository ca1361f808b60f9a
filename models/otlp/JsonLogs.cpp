// OTLP/JSON ExportLogsServiceRequest -> LogBatch.

#include "otlp/JsonEnvelope.h"
#include "otlp/OtlpJson.h"

namespace wf::otlp {

using namespace json;
using telemetry::LogRecord;

namespace {

const FieldName kLogFields[] = {
    {"timeUnixNano", "time_unix_nano", 1},
    {"severityNumber", "severity_number", 2},
    {"severityText", "severity_text", 3},
    {"body", "body", 5},
    {"attributes", "attributes", 6},
    {"droppedAttributesCount", "dropped_attributes_count", 7},
    {"flags", "flags", 8},
    {"traceId", "trace_id", 9},
    {"spanId", "span_id", 10},
    {"observedTimeUnixNano", "observed_time_unix_nano", 11},
    {"eventName", "event_name", 12},
};

const EnumName kSeverities[] = {
    {"SEVERITY_NUMBER_UNSPECIFIED", 0}, {"SEVERITY_NUMBER_TRACE", 1},   {"SEVERITY_NUMBER_TRACE2", 2},
    {"SEVERITY_NUMBER_TRACE3", 3},      {"SEVERITY_NUMBER_TRACE4", 4},  {"SEVERITY_NUMBER_DEBUG", 5},
    {"SEVERITY_NUMBER_DEBUG2", 6},      {"SEVERITY_NUMBER_DEBUG3", 7},  {"SEVERITY_NUMBER_DEBUG4", 8},
    {"SEVERITY_NUMBER_INFO", 9},        {"SEVERITY_NUMBER_INFO2", 10},  {"SEVERITY_NUMBER_INFO3", 11},
    {"SEVERITY_NUMBER_INFO4", 12},      {"SEVERITY_NUMBER_WARN", 13},   {"SEVERITY_NUMBER_WARN2", 14},
    {"SEVERITY_NUMBER_WARN3", 15},      {"SEVERITY_NUMBER_WARN4", 16},  {"SEVERITY_NUMBER_ERROR", 17},
    {"SEVERITY_NUMBER_ERROR2", 18},     {"SEVERITY_NUMBER_ERROR3", 19}, {"SEVERITY_NUMBER_ERROR4", 20},
    {"SEVERITY_NUMBER_FATAL", 21},      {"SEVERITY_NUMBER_FATAL2", 22}, {"SEVERITY_NUMBER_FATAL3", 23},
    {"SEVERITY_NUMBER_FATAL4", 24},
};

const EnvelopeNames kNames{{"resourceLogs", "resource_logs", 0},
                           {"scopeLogs", "scope_logs", 0},
                           {"logRecords", "log_records", 0},
                           "resourceLogs",
                           "scopeLogs",
                           "logRecords"};

// Log ids are optional, and OTLP tells receivers to treat an invalid one as "not associated": it is
// dropped with a warning, never a reason to reject the record.
template<std::size_t N>
bool optionalId(Reader& r, od::value& v, telemetry::BinaryId<N>& out)
{
    qsizetype got = 0;
    telemetry::BinaryId<N> id;
    switch (r.id(v, id, got)) {
    case IdRead::Ok:
        if (id.isValid())
            out = id;
        else
            r.warn(Code::ZeroId);
        return true;
    case IdRead::Absent:
        return true;
    case IdRead::WrongType:
        r.warn(Code::ExpectedType, QStringLiteral("a string"),
               QLatin1String(Reader::typeName(od::json_type(got))));
        return true;
    case IdRead::BadLength:
        r.warn(Code::HexLength, QString::number(N * 2), QString::number(got));
        return true;
    case IdRead::NotHex:
        r.warn(Code::NotHex);
        return true;
    case IdRead::Fatal:
        return false;
    }
    return false;
}

bool readLogRecord(Reader& r, od::value& v, LogRecord& rec)
{
    Reader::ScratchList scratch(r);
    telemetry::KeyValueList& attrs = scratch.get();
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    const bool ok = r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kLogFields)) {
        case 1: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(fv, rec.timeNs);
        }
        case 2: {
            Reader::PathGuard g(r, "severityNumber");
            int n = 0;
            if (!r.enumValue(fv, kSeverities, n))
                return false;
            rec.severityNumber = n;
            return true;
        }
        case 3: {
            Reader::PathGuard g(r, "severityText");
            return r.string(fv, rec.severityText, true);
        }
        case 5: {
            Reader::PathGuard g(r, "body");
            return r.anyValue(fv, rec.body);
        }
        case 6: {
            Reader::PathGuard g(r, "attributes");
            return r.attributes(fv, attrs, ourDropped);
        }
        case 7: {
            Reader::PathGuard g(r, "droppedAttributesCount");
            return r.uint32(fv, senderDropped);
        }
        case 8: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(fv, rec.flags);
        }
        case 9: {
            Reader::PathGuard g(r, "traceId");
            return optionalId(r, fv, rec.traceId);
        }
        case 10: {
            Reader::PathGuard g(r, "spanId");
            return optionalId(r, fv, rec.spanId);
        }
        case 11: {
            Reader::PathGuard g(r, "observedTimeUnixNano");
            return r.timeNs(fv, rec.observedTimeNs);
        }
        case 12: {
            Reader::PathGuard g(r, "eventName");
            return r.string(fv, rec.eventName, true);
        }
        default:
            return r.skip(fv);
        }
    });
    if (!ok)
        return false;
    rec.attributes =
        telemetry::Attributes(scratch.take(), senderDropped > std::numeric_limits<quint32>::max() - ourDropped
                                                  ? std::numeric_limits<quint32>::max()
                                                  : senderDropped + ourDropped);
    if (rec.body.type() == telemetry::AnyValue::Type::String) {
        rec.bodyText = rec.body.toString(); // shared, not copied
    } else {
        // A structured body flattens to text that can be far longer than any one string in it.
        rec.bodyText = rec.body.displayString();
        if (rec.bodyText.size() > r.limits().maxStringBytes) {
            rec.bodyText.truncate(std::max(0, r.limits().maxStringBytes));
            rec.bodyText += QChar(0x2026);
            ++r.status().truncatedStrings;
        }
    }
    return true;
}

} // namespace

DecodeResult<telemetry::LogBatch> decodeLogsJson(QByteArrayView body, const DecodeLimits& limits)
{
    DecodeResult<telemetry::LogBatch> result;
    std::vector<telemetry::Resource> resources;
    std::vector<telemetry::Scope> scopes;
    std::vector<LogRecord> records;
    Reader r(limits, result);
    const bool ok =
        readEnvelope(r, body, kNames, resources, scopes, [&](od::value& item, qint32 ri, qint32 si) {
            Reader::ItemGuard itemGuard(r);
            if (r.overItemLimit()) {
                ++result.rejected;
                return true;
            }
            LogRecord rec;
            rec.resourceIndex = ri;
            rec.scopeIndex = si;
            if (readLogRecord(r, item, rec)) {
                records.push_back(std::move(rec));
                ++result.accepted;
                return true;
            }
            ++result.rejected;
            return !r.failed();
        });
    if (!ok) {
        result.rejected += result.accepted;
        result.accepted = 0;
        return result;
    }
    result.batch = telemetry::LogBatch(std::move(resources), std::move(scopes), std::move(records));
    return result;
}

} // namespace wf::otlp
