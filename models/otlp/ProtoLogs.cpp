// OTLP protobuf ExportLogsServiceRequest -> LogBatch (field numbers: logs/v1/logs.proto).

#include "otlp/OtlpProtobuf.h"
#include "otlp/ProtoReader.h"

namespace wf::otlp {

using namespace proto;
using telemetry::LogRecord;

namespace {

// Optional ids: an invalid one means "not associated" (OTLP logs/v1), so a warning, not a rejection.
template<std::size_t N>
bool optionalId(Reader& r, Wire& w, std::uint32_t wt, telemetry::BinaryId<N>& out)
{
    qsizetype got = 0;
    telemetry::BinaryId<N> id;
    switch (r.id(w, wt, id, got)) {
    case Reader::IdRead::Ok:
        if (id.isValid())
            out = id;
        else
            r.warn(Code::ZeroId);
        return true;
    case Reader::IdRead::BadLength:
        r.warn(Code::IdLength, QString::number(N), QString::number(got));
        return true;
    case Reader::IdRead::Absent:
    case Reader::IdRead::Skipped:
        return true;
    case Reader::IdRead::Fatal:
        return false;
    }
    return false;
}

bool readLogRecord(Reader& r, std::string_view msg, LogRecord& rec)
{
    Reader::ScratchList scratch(r);
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    qint32 index = 0;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(w, wt, rec.timeNs);
        }
        case 2:
            return r.int32(w, wt, rec.severityNumber);
        case 3: {
            Reader::PathGuard g(r, "severityText");
            return r.string(w, wt, rec.severityText, true);
        }
        case 5: {
            std::string_view sub;
            if (wt != Len)
                return r.skip(w, wt);
            if (!r.bytes(w, wt, sub))
                return false;
            Reader::PathGuard g(r, "body");
            return r.anyValue(sub, rec.body);
        }
        case 6:
            return r.attribute(w, wt, scratch.get(), ourDropped, index);
        case 7:
            return r.uint32(w, wt, senderDropped);
        case 8:
            return r.uint32(w, wt, rec.flags);
        case 9: {
            Reader::PathGuard g(r, "traceId");
            return optionalId(r, w, wt, rec.traceId);
        }
        case 10: {
            Reader::PathGuard g(r, "spanId");
            return optionalId(r, w, wt, rec.spanId);
        }
        case 11: {
            Reader::PathGuard g(r, "observedTimeUnixNano");
            return r.timeNs(w, wt, rec.observedTimeNs);
        }
        case 12: {
            Reader::PathGuard g(r, "eventName");
            return r.string(w, wt, rec.eventName, true);
        }
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok)
        return false;
    rec.attributes = telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped));
    if (rec.body.type() == telemetry::AnyValue::Type::String) {
        rec.bodyText = rec.body.toString();
    } else {
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

DecodeResult<telemetry::LogBatch> decodeLogsProtobuf(QByteArrayView body, const DecodeLimits& limits)
{
    DecodeResult<telemetry::LogBatch> result;
    std::vector<telemetry::Resource> resources;
    std::vector<telemetry::Scope> scopes;
    std::vector<LogRecord> records;
    Reader r(limits, result);
    const bool ok = readEnvelope(r, body, {"resourceLogs", "scopeLogs", "logRecords"}, resources, scopes,
                                 [&](std::string_view item, qint32 ri, qint32 si) {
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
