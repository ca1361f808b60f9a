#include "traces/StoredTrace.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::traces {
namespace {

telemetry::Attributes stringAttributes(const QList<std::pair<QString, QString>>& pairs)
{
    telemetry::KeyValueList items;
    items.reserve(std::size_t(pairs.size()));
    for (const auto& [key, value] : pairs)
        items.push_back({key, telemetry::AnyValue::fromString(value)});
    return telemetry::Attributes(std::move(items));
}

} // namespace

telemetry::SpanBatch spanBatchFromStored(const std::vector<signalstore::StoredSpan>& spans)
{
    std::vector<telemetry::Resource> resources;
    std::vector<telemetry::Span> out;
    out.reserve(spans.size());
    QHash<QString, qint32> resourceIndex; // service + resource attributes, joined
    for (const signalstore::StoredSpan& s : spans) {
        QString key = s.service;
        for (const auto& [k, v] : s.resourceAttributes)
            key += u'\x1f' + k + u'=' + v;
        auto it = resourceIndex.find(key);
        if (it == resourceIndex.end()) {
            QList<std::pair<QString, QString>> attrs = s.resourceAttributes;
            const bool hasService = std::any_of(attrs.cbegin(), attrs.cend(),
                                                [](const auto& kv) { return kv.first == u"service.name"_s; });
            // The store keeps the service in its own column; the waterfall reads it from the resource.
            if (!hasService && !s.service.isEmpty())
                attrs.prepend({u"service.name"_s, s.service});
            it = resourceIndex.insert(key, qint32(resources.size()));
            resources.emplace_back(stringAttributes(attrs));
        }
        telemetry::Span span;
        span.traceId = s.traceId;
        span.spanId = s.spanId;
        span.parentSpanId = s.parentSpanId;
        span.name = s.name;
        span.kind = telemetry::SpanKind(s.kind);
        span.startNs = s.startNs;
        span.endNs = s.endNs;
        span.statusCode = telemetry::StatusCode(s.statusCode);
        span.statusMessage = s.statusMessage;
        span.attributes = stringAttributes(s.attributes);
        span.resourceIndex = *it;
        out.push_back(std::move(span));
    }
    return telemetry::SpanBatch(std::move(resources), {}, std::move(out));
}

} // namespace wf::traces
