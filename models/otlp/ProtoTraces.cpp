// OTLP protobuf ExportTraceServiceRequest -> SpanBatch (field numbers: trace/v1/trace.proto).

#include "otlp/OtlpProtobuf.h"
#include "otlp/ProtoReader.h"

namespace wf::otlp {

using namespace proto;
using telemetry::Span;

namespace {

template<std::size_t N>
bool idField(Reader& r, Wire& w, std::uint32_t wt, telemetry::BinaryId<N>& out, bool& seen)
{
    qsizetype got = 0;
    switch (r.id(w, wt, out, got)) {
    case Reader::IdRead::Ok:
        seen = true;
        return true;
    case Reader::IdRead::Absent:
        seen = false;
        return true;
    case Reader::IdRead::Skipped:
        return true;
    case Reader::IdRead::BadLength:
        return r.error(Code::IdLength, QString::number(N), QString::number(got));
    case Reader::IdRead::Fatal:
        return false;
    }
    return false;
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

bool readEvent(Reader& r, std::string_view msg, telemetry::SpanEvent& out)
{
    Reader::ScratchList scratch(r);
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    qint32 index = 0;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1: {
            Reader::PathGuard g(r, "timeUnixNano");
            return r.timeNs(w, wt, out.timeNs);
        }
        case 2: {
            Reader::PathGuard g(r, "name");
            return r.string(w, wt, out.name, true);
        }
        case 3:
            return r.attribute(w, wt, scratch.get(), ourDropped, index);
        case 4: {
            Reader::PathGuard g(r, "droppedAttributesCount");
            return r.uint32(w, wt, senderDropped);
        }
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok)
        return false;
    out.attributes = telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped));
    return true;
}

bool readLink(Reader& r, std::string_view msg, telemetry::SpanLink& out)
{
    Reader::ScratchList scratch(r);
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    qint32 index = 0;
    bool haveTrace = false;
    bool haveSpan = false;
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1: {
            Reader::PathGuard g(r, "traceId");
            return idField(r, w, wt, out.traceId, haveTrace);
        }
        case 2: {
            Reader::PathGuard g(r, "spanId");
            return idField(r, w, wt, out.spanId, haveSpan);
        }
        case 3: {
            Reader::PathGuard g(r, "traceState");
            return r.string(w, wt, out.traceState);
        }
        case 4:
            return r.attribute(w, wt, scratch.get(), ourDropped, index);
        case 5: {
            Reader::PathGuard g(r, "droppedAttributesCount");
            return r.uint32(w, wt, senderDropped);
        }
        case 6: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(w, wt, out.flags);
        }
        default:
            return r.skip(w, wt);
        }
    });
    if (!ok || !checkRequired(r, "traceId", out.traceId, haveTrace) ||
        !checkRequired(r, "spanId", out.spanId, haveSpan))
        return false;
    out.attributes = telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped));
    return true;
}

bool readSpan(Reader& r, std::string_view msg, Span& span)
{
    Reader::ScratchList scratch(r);
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    qint32 attrIndex = 0;
    qint32 eventIndex = 0;
    qint32 linkIndex = 0;
    bool haveTrace = false;
    bool haveSpan = false;
    const DecodeLimits& limits = r.limits();
    const bool ok = r.message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1: {
            Reader::PathGuard g(r, "traceId");
            return idField(r, w, wt, span.traceId, haveTrace);
        }
        case 2: {
            Reader::PathGuard g(r, "spanId");
            return idField(r, w, wt, span.spanId, haveSpan);
        }
        case 3: {
            Reader::PathGuard g(r, "traceState");
            return r.string(w, wt, span.traceState);
        }
        case 4: {
            Reader::PathGuard g(r, "parentSpanId"); // empty (or all zeros) means a root span
            bool seen = false;
            return idField(r, w, wt, span.parentSpanId, seen);
        }
        case 5: {
            Reader::PathGuard g(r, "name");
            return r.string(w, wt, span.name, true);
        }
        case 6: {
            qint32 kind = 0;
            if (!r.int32(w, wt, kind))
                return false;
            span.kind = kind >= 0 && kind <= 5 ? telemetry::SpanKind(kind) : telemetry::SpanKind::Unspecified;
            return true;
        }
        case 7: {
            Reader::PathGuard g(r, "startTimeUnixNano");
            return r.timeNs(w, wt, span.startNs);
        }
        case 8: {
            Reader::PathGuard g(r, "endTimeUnixNano");
            return r.timeNs(w, wt, span.endNs);
        }
        case 9:
            return r.attribute(w, wt, scratch.get(), ourDropped, attrIndex);
        case 10:
            return r.uint32(w, wt, senderDropped);
        case 11: {
            std::string_view sub;
            if (wt != Len)
                return r.skip(w, wt);
            if (!r.bytes(w, wt, sub))
                return false;
            Reader::PathGuard g(r, "events");
            r.setIndex(eventIndex++);
            if (qsizetype(span.events.size()) >= limits.maxEventsPerSpan) {
                span.droppedEventsCount = addSaturating(span.droppedEventsCount, 1);
                ++r.status().droppedValues;
                return true;
            }
            telemetry::SpanEvent event;
            if (!readEvent(r, sub, event))
                return false;
            span.events.push_back(std::move(event));
            return true;
        }
        case 12: {
            quint32 n = 0;
            if (!r.uint32(w, wt, n))
                return false;
            span.droppedEventsCount = addSaturating(span.droppedEventsCount, n);
            return true;
        }
        case 13: {
            std::string_view sub;
            if (wt != Len)
                return r.skip(w, wt);
            if (!r.bytes(w, wt, sub))
                return false;
            Reader::PathGuard g(r, "links");
            r.setIndex(linkIndex++);
            if (qsizetype(span.links.size()) >= limits.maxLinksPerSpan) {
                span.droppedLinksCount = addSaturating(span.droppedLinksCount, 1);
                ++r.status().droppedValues;
                return true;
            }
            telemetry::SpanLink link;
            if (!readLink(r, sub, link))
                return false;
            span.links.push_back(std::move(link));
            return true;
        }
        case 14: {
            quint32 n = 0;
            if (!r.uint32(w, wt, n))
                return false;
            span.droppedLinksCount = addSaturating(span.droppedLinksCount, n);
            return true;
        }
        case 15: {
            std::string_view sub;
            if (wt != Len)
                return r.skip(w, wt);
            if (!r.bytes(w, wt, sub))
                return false;
            Reader::PathGuard g(r, "status");
            return r.message(sub, [&](std::uint32_t sf, std::uint32_t swt, Wire& sw) {
                if (sf == 2) {
                    Reader::PathGuard g2(r, "message");
                    return r.string(sw, swt, span.statusMessage);
                }
                if (sf == 3) {
                    qint32 code = 0;
                    if (!r.int32(sw, swt, code))
                        return false;
                    span.statusCode =
                        code >= 0 && code <= 2 ? telemetry::StatusCode(code) : telemetry::StatusCode::Unset;
                    return true;
                }
                return r.skip(sw, swt);
            });
        }
        case 16: {
            Reader::PathGuard g(r, "flags");
            return r.uint32(w, wt, span.flags);
        }
        default:
            return r.skip(w, wt);
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

DecodeResult<telemetry::SpanBatch> decodeTracesProtobuf(QByteArrayView body, const DecodeLimits& limits)
{
    DecodeResult<telemetry::SpanBatch> result;
    std::vector<telemetry::Resource> resources;
    std::vector<telemetry::Scope> scopes;
    std::vector<Span> spans;
    Reader r(limits, result);
    const bool ok = readEnvelope(r, body, {"resourceSpans", "scopeSpans", "spans"}, resources, scopes,
                                 [&](std::string_view item, qint32 ri, qint32 si) {
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
        result.rejected += result.accepted;
        result.accepted = 0;
        return result;
    }
    result.batch = telemetry::SpanBatch(std::move(resources), std::move(scopes), std::move(spans));
    return result;
}

} // namespace wf::otlp
