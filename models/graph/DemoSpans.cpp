#include "DemoSpans.h"

using namespace Qt::StringLiterals;

namespace wf::graph {

GraphSpanBatch fromDemoBatch(const demo::TelemetryBatch& batch)
{
    GraphSpanBatch out;
    out.resources.reserve(size_t(batch.resources.size()));
    for (const demo::ResourceInfo& r : batch.resources) {
        GraphResource g;
        g.service = r.service;
        g.region = demo::stringAttribute(r.attributes, u"cloud.region");
        g.nameSpace = demo::stringAttribute(r.attributes, u"service.namespace");
        g.cluster = demo::stringAttribute(r.attributes, u"k8s.cluster.name");
        out.resources.push_back(std::move(g));
    }
    out.spans.reserve(size_t(batch.spans.size()));
    for (const demo::SimSpan& s : batch.spans) {
        GraphSpan g;
        g.id = SpanRef{s.traceId.high, s.traceId.low, s.spanId.value};
        g.parentSpanId = s.parentSpanId.value;
        g.resource =
            s.origin.resource >= 0 && s.origin.resource < batch.resources.size() ? s.origin.resource : -1;
        g.kind = telemetry::SpanKind(int(s.kind));
        g.error = s.status == demo::StatusCode::Error;
        g.startNs = s.startTimeUnixNano;
        g.endNs = s.endTimeUnixNano;
        g.peerService = demo::stringAttribute(s.attributes, u"peer.service");
        g.serverAddress = demo::stringAttribute(s.attributes, u"server.address");
        g.dbSystem = demo::stringAttribute(s.attributes, u"db.system");
        g.dbName = demo::stringAttribute(s.attributes, u"db.name");
        g.messagingSystem = demo::stringAttribute(s.attributes, u"messaging.system");
        g.messagingDestination = demo::stringAttribute(s.attributes, u"messaging.destination.name");
        for (const demo::SpanLink& l : s.links)
            g.links.push_back(SpanRef{l.traceId.high, l.traceId.low, l.spanId.value});
        out.spans.push_back(std::move(g));
    }
    return out;
}

} // namespace wf::graph
