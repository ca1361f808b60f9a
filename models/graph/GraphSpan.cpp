#include "GraphSpan.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace wf::graph {

namespace {

quint64 readBigEndian(const std::uint8_t* bytes)
{
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | bytes[i];
    return v;
}

// One pass over the attributes instead of a find() per key: this runs a million times in a bench.
template<typename Get>
void readSpanAttribute(GraphSpan& out, const QString& key, Get value)
{
    if (key.size() < 6)
        return;
    if (key == "peer.service"_L1)
        out.peerService = value();
    else if (key == "server.address"_L1)
        out.serverAddress = value();
    else if (key == "net.peer.name"_L1 && out.serverAddress.isEmpty())
        out.serverAddress = value();
    else if (key == "db.system"_L1)
        out.dbSystem = value();
    else if (key == "db.name"_L1 || key == "db.namespace"_L1)
        out.dbName = value();
    else if (key == "messaging.system"_L1)
        out.messagingSystem = value();
    else if (key == "messaging.destination.name"_L1 || key == "messaging.destination"_L1)
        out.messagingDestination = value();
}

template<typename Get>
void readResourceAttribute(GraphResource& out, const QString& key, Get value)
{
    if (key == "cloud.region"_L1)
        out.region = value();
    else if (key == "k8s.cluster.name"_L1)
        out.cluster = value();
    else if (key == "service.namespace"_L1)
        out.nameSpace = value();
    else if (key == "k8s.namespace.name"_L1 && out.nameSpace.isEmpty())
        out.nameSpace = value();
}

} // namespace

SpanRef spanRef(const telemetry::TraceId& trace, const telemetry::SpanId& span)
{
    return SpanRef{readBigEndian(trace.bytes().data()), readBigEndian(trace.bytes().data() + 8),
                   readBigEndian(span.bytes().data())};
}

GraphSpanBatch fromSpanBatch(const telemetry::SpanBatch& batch)
{
    GraphSpanBatch out;
    out.resources.reserve(batch.resources().size() + 1);
    for (const telemetry::Resource& r : batch.resources()) {
        GraphResource g;
        g.service = r.serviceName();
        for (const telemetry::KeyValue& kv : r.attributes())
            readResourceAttribute(g, kv.key, [&] { return kv.value.toString(); });
        out.resources.push_back(std::move(g));
    }
    const auto fallback = qint32(out.resources.size());
    out.resources.push_back(GraphResource{u"unknown_service"_s, {}, {}, {}});

    out.spans.reserve(batch.spans().size());
    for (const telemetry::Span& s : batch.spans()) {
        GraphSpan g;
        g.id = spanRef(s.traceId, s.spanId);
        g.parentSpanId = spanRef(s.traceId, s.parentSpanId).spanId;
        g.resource = s.resourceIndex >= 0 && s.resourceIndex < fallback ? s.resourceIndex : fallback;
        g.kind = s.kind;
        g.error = s.statusCode == telemetry::StatusCode::Error;
        g.startNs = s.startNs;
        g.endNs = s.endNs;
        for (const telemetry::KeyValue& kv : s.attributes)
            readSpanAttribute(g, kv.key, [&] { return kv.value.toString(); });
        for (const telemetry::SpanLink& link : s.links)
            g.links.push_back(spanRef(link.traceId, link.spanId));
        out.spans.push_back(std::move(g));
    }
    return out;
}

GraphSpanBatch fromStoredSpans(const std::vector<signalstore::StoredSpan>& spans)
{
    GraphSpanBatch out;
    QHash<QString, qint32> resourceIndex; // service + resource attributes, joined
    out.spans.reserve(spans.size());
    for (const signalstore::StoredSpan& s : spans) {
        GraphResource r;
        r.service = s.service.isEmpty() ? u"unknown_service"_s : s.service;
        for (const auto& [key, value] : s.resourceAttributes)
            readResourceAttribute(r, key, [&] { return value; });
        const QString key = r.service + u'\x1f' + r.region + u'\x1f' + r.cluster + u'\x1f' + r.nameSpace;
        auto it = resourceIndex.find(key);
        if (it == resourceIndex.end()) {
            it = resourceIndex.insert(key, qint32(out.resources.size()));
            out.resources.push_back(std::move(r));
        }
        GraphSpan g;
        g.id = spanRef(s.traceId, s.spanId);
        g.parentSpanId = spanRef(s.traceId, s.parentSpanId).spanId;
        g.resource = *it;
        g.kind = telemetry::SpanKind(s.kind);
        g.error = s.statusCode == int(telemetry::StatusCode::Error);
        g.startNs = s.startNs;
        g.endNs = s.endNs;
        for (const auto& [key, value] : s.attributes)
            readSpanAttribute(g, key, [&] { return value; });
        out.spans.push_back(std::move(g));
    }
    return out;
}

} // namespace wf::graph
