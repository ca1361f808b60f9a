#pragma once
// The few facts of a span that the service graph needs, in one flat shape whatever the span came from
// (an OTLP SpanBatch from the receiver, or StoredSpan rows read back from the SignalStore). Resources
// are kept per batch and spans refer to them by index, so a million spans intern a handful of nodes.
#include "signalstore/SignalQueries.h"
#include "telemetry/Span.h"

#include <QString>

#include <vector>

namespace wf::graph {

struct SpanRef
{
    quint64 traceHi = 0;
    quint64 traceLo = 0;
    quint64 spanId = 0;
    friend bool operator==(const SpanRef&, const SpanRef&) = default;
};

struct GraphResource
{
    QString service;
    QString region;    // cloud.region
    QString cluster;   // k8s.cluster.name
    QString nameSpace; // service.namespace, else k8s.namespace.name
};

struct GraphSpan
{
    SpanRef id;
    quint64 parentSpanId = 0; // 0 for a root span; same trace as id
    qint32 resource = -1;     // into GraphSpanBatch::resources
    telemetry::SpanKind kind = telemetry::SpanKind::Unspecified;
    bool error = false;
    qint64 startNs = 0;
    qint64 endNs = 0;
    // Where a client or producer span goes, when no instrumented server answers it.
    QString peerService;   // peer.service
    QString serverAddress; // server.address, else net.peer.name
    QString dbSystem;      // db.system
    QString dbName;        // db.name / db.namespace
    QString messagingSystem;
    QString messagingDestination;
    std::vector<SpanRef> links;

    qint64 durationNs() const { return endNs >= startNs ? endNs - startNs : 0; }
};

struct GraphSpanBatch
{
    std::vector<GraphResource> resources;
    std::vector<GraphSpan> spans;
};

SpanRef spanRef(const telemetry::TraceId& trace, const telemetry::SpanId& span);
GraphSpanBatch fromSpanBatch(const telemetry::SpanBatch& batch);
GraphSpanBatch fromStoredSpans(const std::vector<signalstore::StoredSpan>& spans);

} // namespace wf::graph
