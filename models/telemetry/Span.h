#pragma once

// Spans as decoded from OTLP trace requests. A SpanBatch is immutable once built and implicitly
// shared (copying it copies one pointer), so it can travel through queued signals to the stores and
// the views without copying spans.

#include "telemetry/AnyValue.h"
#include "telemetry/Ids.h"
#include "telemetry/Resource.h"

#include <memory>
#include <vector>

namespace wf::telemetry {

// Values as in opentelemetry-proto trace/v1 Span.SpanKind.
enum class SpanKind : quint8 {
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5
};
// Values as in trace/v1 Status.StatusCode.
enum class StatusCode : quint8 { Unset = 0, Ok = 1, Error = 2 };

struct SpanEvent
{
    qint64 timeNs = 0;
    QString name;
    Attributes attributes;

    friend bool operator==(const SpanEvent&, const SpanEvent&) = default;
};

struct SpanLink
{
    TraceId traceId;
    SpanId spanId;
    QString traceState;
    Attributes attributes;
    quint32 flags = 0;

    friend bool operator==(const SpanLink&, const SpanLink&) = default;
};

struct Span
{
    TraceId traceId;
    SpanId spanId;
    SpanId parentSpanId; // zero (isValid() false) for a root span
    QString traceState;
    QString name;
    SpanKind kind = SpanKind::Unspecified;
    qint64 startNs = 0; // Unix epoch nanoseconds
    qint64 endNs = 0;
    StatusCode statusCode = StatusCode::Unset;
    QString statusMessage;
    quint32 flags = 0; // low 8 bits: W3C trace flags
    Attributes attributes;
    std::vector<SpanEvent> events;
    std::vector<SpanLink> links;
    quint32 droppedEventsCount = 0; // by the sender, plus those over the decoder's limit
    quint32 droppedLinksCount = 0;
    qint32 resourceIndex = -1; // into SpanBatch::resources()
    qint32 scopeIndex = -1;    // into SpanBatch::scopes()

    bool isRoot() const { return !parentSpanId.isValid(); }
    // OTLP expects end >= start but does not require it; such spans are kept (clock skew between
    // hosts is common and the span is still useful) and flagged here; their duration is 0.
    bool endsBeforeStart() const { return endNs < startNs; }
    qint64 durationNs() const { return endNs >= startNs ? endNs - startNs : 0; }

    friend bool operator==(const Span&, const Span&) = default;
};

class SpanBatch
{
public:
    SpanBatch();
    SpanBatch(std::vector<Resource> resources, std::vector<Scope> scopes, std::vector<Span> spans);

    const std::vector<Resource>& resources() const { return d->resources; }
    const std::vector<Scope>& scopes() const { return d->scopes; }
    const std::vector<Span>& spans() const { return d->spans; }
    qsizetype size() const { return qsizetype(d->spans.size()); }
    bool isEmpty() const { return d->spans.empty(); }

    // The span's resource and scope; a default (empty) one for an index out of range.
    const Resource& resourceOf(const Span& span) const;
    const Scope& scopeOf(const Span& span) const;

private:
    struct Data
    {
        std::vector<Resource> resources;
        std::vector<Scope> scopes;
        std::vector<Span> spans;
    };
    std::shared_ptr<const Data> d;
};

} // namespace wf::telemetry
