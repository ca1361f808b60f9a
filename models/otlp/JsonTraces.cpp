// OTLP/JSON ExportTraceServiceRequest -> SpanBatch.

#include "otlp/JsonEnvelope.h"
#include "otlp/OtlpJson.h"

namespace wf::otlp {

using namespace json;
using telemetry::Span;
using telemetry::SpanEvent;
using telemetry::SpanLink;

namespace {

const FieldName kSpanFields[] = {
    {"traceId", "trace_id", 1},
    {"spanId", "span_id", 2},
    {"traceState", "trace_state", 3},
    {"parentSpanId", "parent_span_id", 4},
    {"name", "name", 5},
    {"kind", "kind", 6},
    {"startTimeUnixNano", "start_time_unix_nano", 7},
    {"endTimeUnixNano", "end_time_unix_nano", 8},
    {"attributes", "attributes", 9},
    {"droppedAttributesCount", "dropped_attributes_count", 10},
    {"events", "events", 11},
    {"droppedEventsCount", "dropped_events_count", 12},
    {"links", "links", 13},
    {"droppedLinksCount", "dropped_links_count", 14},
    {"status", "status", 15},
    {"flags", "flags", 16},
};
const FieldName kEventFields[] = {{"timeUnixNano", "time_unix_nano", 1},
                                  {"name", "name", 2},
                                  {"attributes", "attributes", 3},
                                  {"droppedAttributesCount", "dropped_attributes_count", 4}};
const FieldName kLinkFields[] = {{"traceId", "trace_id", 1},
                                 {"spanId", "span_id", 2},
                                 {"traceState", "trace_state", 3},
                                 {"attributes", "attributes", 4},
                                 {"droppedAttributesCount", "dropped_attributes_count", 5},
                                 {"flags", "flags", 6}};
const FieldName kStatusFields[] = {{"message", "message", 2}, {"code", "code", 3}};

const EnumName kSpanKinds[] = {
    {"SPAN_KIND_UNSPECIFIED", 0}, {"SPAN_KIND_INTERNAL", 1}, {"SPAN_KIND_SERVER", 2},
    {"SPAN_KIND_CLIENT", 3},      {"SPAN_KIND_PRODUCER", 4}, {"SPAN_KIND_CONSUMER", 5},
};
const EnumName kStatusCodes[] = {{"STATUS_CODE_UNSET", 0}, {"STATUS_CODE_OK", 1}, {"STATUS_CODE_ERROR", 2}};

const EnvelopeNames kNames{{"resourceSpans", "resource_spans", 0},
                           {"scopeSpans", "scope_spans", 0},
                           {"spans", "spans", 0},
                           "resourceSpans",
                           "scopeSpans",
                           "spans"};

quint32 addSaturating(quint32 a, quint32 b)
{
    return b > std::numeric_limits<quint32>::max() - a ? std::numeric_limits<quint32>::max() : a + b;
}

// A required id (span and link ids): absent, wrong, or all zeros rejects the span.
template<std::size_t N>
bool requiredId(Reader& r, od::value& v, telemetry::BinaryId<N>& out, bool& seen)
{
    qsizetype got = 0;
    const IdRead result = r.id(v, out, got);
    if (result == IdRead::Absent) {
        seen = false;
        return true; // reported as missing after all fields are read
    }
    seen = result == IdRead::Ok;
    return r.idError(result, N, got);
}

template<std::size_t N>
bool checkRequired(Reader& r, const char* name, const telemetry::BinaryId<N>& id, bool seen)
{
    Reader::PathGuard g(r, name);
    if (!seen)
        return r.error(Code::MissingField);
    if (!id.isValid())
        return r.error(Code::ZeroId);
    return true;
}

bool readEvent(Reader& r, od::value& v, SpanEvent& out)
{
    Reader::ScratchList scratch(r);
    telemetry::KeyValueList& attrs = scratch.get();
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    const bool ok = r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kEventFields)) {
        case 1: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(fv, out.timeNs);
        }
        case 2: {
            Reader::PathGuard g(r, "name");
            return r.string(fv, out.name, true);
        }
        case 3: {
            Reader::PathGuard g(r, "attributes");
            return r.attributes(fv, attrs, ourDropped);
        }
        case 4: {
            Reader::PathGuard g(r, "droppedAttributesCount");
            return r.uint32(fv, senderDropped);
        }
        default:
            return r.skip(fv);
        }
    });
    if (!ok)
        return false;
    out.attributes = telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped));
    return true;
}

bool readLink(Reader& r, od::value& v, SpanLink& out)
{
    Reader::ScratchList scratch(r);
    telemetry::KeyValueList& attrs = scratch.get();
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    bool haveTrace = false;
    bool haveSpan = false;
    const bool ok = r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kLinkFields)) {
        case 1: {
            Reader::PathGuard g(r, "traceId");
            return requiredId(r, fv, out.traceId, haveTrace);
        }
        case 2: {
            Reader::PathGuard g(r, "spanId");
            return requiredId(r, fv, out.spanId, haveSpan);
        }
        case 3: {
            Reader::PathGuard g(r, "traceState");
            return r.string(fv, out.traceState);
        }
        case 4: {
            Reader::PathGuard g(r, "attributes");
            return r.attributes(fv, attrs, ourDropped);
        }
        case 5: {
            Reader::PathGuard g(r, "droppedAttributesCount");
            return r.uint32(fv, senderDropped);
        }
        case 6: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(fv, out.flags);
        }
        default:
            return r.skip(fv);
        }
    });
    if (!ok || !checkRequired(r, "traceId", out.traceId, haveTrace) ||
        !checkRequired(r, "spanId", out.spanId, haveSpan))
        return false;
    out.attributes = telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped));
    return true;
}

bool readStatus(Reader& r, od::value& v, Span& span)
{
    return r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kStatusFields)) {
        case 2: {
            Reader::PathGuard g(r, "message");
            return r.string(fv, span.statusMessage);
        }
        case 3: {
            Reader::PathGuard g(r, "code");
            int code = 0;
            if (!r.enumValue(fv, kStatusCodes, code))
                return false;
            // proto3 keeps unknown enum numbers; there is no status beyond these three to show.
            span.statusCode =
                code >= 0 && code <= 2 ? telemetry::StatusCode(code) : telemetry::StatusCode::Unset;
            return true;
        }
        default:
            return r.skip(fv);
        }
    });
}

bool readSpan(Reader& r, od::value& v, Span& span)
{
    Reader::ScratchList scratch(r);
    telemetry::KeyValueList& attrs = scratch.get();
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    bool haveTrace = false;
    bool haveSpan = false;
    const DecodeLimits& limits = r.limits();
    const bool ok = r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kSpanFields)) {
        case 1: {
            Reader::PathGuard g(r, "traceId");
            return requiredId(r, fv, span.traceId, haveTrace);
        }
        case 2: {
            Reader::PathGuard g(r, "spanId");
            return requiredId(r, fv, span.spanId, haveSpan);
        }
        case 3: {
            Reader::PathGuard g(r, "traceState");
            return r.string(fv, span.traceState);
        }
        case 4: {
            // "" (or all zeros) means a root span.
            Reader::PathGuard g(r, "parentSpanId");
            qsizetype got = 0;
            const IdRead result = r.id(fv, span.parentSpanId, got); // before idError reads `got`
            return r.idError(result, telemetry::SpanId::Size, got);
        }
        case 5: {
            Reader::PathGuard g(r, "name");
            return r.string(fv, span.name, true);
        }
        case 6: {
            Reader::PathGuard g(r, "kind");
            int kind = 0;
            if (!r.enumValue(fv, kSpanKinds, kind))
                return false;
            span.kind = kind >= 0 && kind <= 5 ? telemetry::SpanKind(kind) : telemetry::SpanKind::Unspecified;
            return true;
        }
        case 7: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(fv, span.startNs);
        }
        case 8: {
            Reader::PathGuard g(r, "endTimeUnixNano");
            return r.timeNs(fv, span.endNs);
        }
        case 9: {
            Reader::PathGuard g(r, "attributes");
            return r.attributes(fv, attrs, ourDropped);
        }
        case 10: {
            Reader::PathGuard g(r, "droppedAttributesCount");
            return r.uint32(fv, senderDropped);
        }
        case 11: {
            Reader::PathGuard g(r, "events");
            return r.elements(fv, [&](od::value& e, qint32) {
                if (qsizetype(span.events.size()) >= limits.maxEventsPerSpan) {
                    span.droppedEventsCount = addSaturating(span.droppedEventsCount, 1);
                    ++r.status().droppedValues;
                    return true;
                }
                SpanEvent event;
                if (!readEvent(r, e, event))
                    return false;
                span.events.push_back(std::move(event));
                return true;
            });
        }
        case 12: {
            Reader::PathGuard g(r, "droppedEventsCount");
            quint32 n = 0;
            if (!r.uint32(fv, n))
                return false;
            span.droppedEventsCount = addSaturating(span.droppedEventsCount, n);
            return true;
        }
        case 13: {
            Reader::PathGuard g(r, "links");
            return r.elements(fv, [&](od::value& e, qint32) {
                if (qsizetype(span.links.size()) >= limits.maxLinksPerSpan) {
                    span.droppedLinksCount = addSaturating(span.droppedLinksCount, 1);
                    ++r.status().droppedValues;
                    return true;
                }
                SpanLink link;
                if (!readLink(r, e, link))
                    return false;
                span.links.push_back(std::move(link));
                return true;
            });
        }
        case 14: {
            Reader::PathGuard g(r, "droppedLinksCount");
            quint32 n = 0;
            if (!r.uint32(fv, n))
                return false;
            span.droppedLinksCount = addSaturating(span.droppedLinksCount, n);
            return true;
        }
        case 15: {
            Reader::PathGuard g(r, "status");
            return readStatus(r, fv, span);
        }
        case 16: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(fv, span.flags);
        }
        default:
            return r.skip(fv);
        }
    });
    if (!ok || !checkRequired(r, "traceId", span.traceId, haveTrace) ||
        !checkRequired(r, "spanId", span.spanId, haveSpan))
        return false;
    span.attributes = telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped));
    if (span.endsBeforeStart())
        r.warn(Code::EndBeforeStart);
    return true;
}

} // namespace

DecodeResult<telemetry::SpanBatch> decodeTracesJson(QByteArrayView body, const DecodeLimits& limits)
{
    DecodeResult<telemetry::SpanBatch> result;
    std::vector<telemetry::Resource> resources;
    std::vector<telemetry::Scope> scopes;
    std::vector<Span> spans;
    Reader r(limits, result);
    const bool ok =
        readEnvelope(r, body, kNames, resources, scopes, [&](od::value& item, qint32 ri, qint32 si) {
            Reader::ItemGuard itemGuard(r);
            if (r.overItemLimit()) {
                ++result.rejected;
                return true;
            }
            Span span;
            span.resourceIndex = ri;
            span.scopeIndex = si;
            if (readSpan(r, item, span)) {
                spans.push_back(std::move(span));
                ++result.accepted;
                return true;
            }
            ++result.rejected;
            return !r.failed();
        });
    if (!ok) {
        // Malformed: nothing of the request is kept; `rejected` counts the spans met before.
        result.rejected += result.accepted;
        result.accepted = 0;
        return result;
    }
    result.batch = telemetry::SpanBatch(std::move(resources), std::move(scopes), std::move(spans));
    return result;
}

} // namespace wf::otlp
