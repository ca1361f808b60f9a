#pragma once

// Hand-built spans for the trace tests: ids from small integers, times in microseconds from 0.

#include "telemetry/Span.h"

#include <QString>

#include <map>
#include <vector>

namespace wf::test {

inline telemetry::SpanId spanIdOf(quint64 n)
{
    std::array<std::uint8_t, 8> b{};
    for (int i = 0; i < 8; ++i)
        b[std::size_t(7 - i)] = std::uint8_t(n >> (8 * i));
    return telemetry::SpanId(b);
}

inline telemetry::TraceId traceIdOf(quint64 n)
{
    std::array<std::uint8_t, 16> b{};
    for (int i = 0; i < 8; ++i)
        b[std::size_t(15 - i)] = std::uint8_t(n >> (8 * i));
    return telemetry::TraceId(b);
}

// Collects spans and one resource per service name.
class TraceBuilder
{
public:
    TraceBuilder& add(quint64 id, quint64 parent, const QString& service, const QString& name, qint64 startUs,
                      qint64 endUs, bool error = false)
    {
        telemetry::Span s;
        s.traceId = traceIdOf(1);
        s.spanId = spanIdOf(id);
        if (parent)
            s.parentSpanId = spanIdOf(parent);
        s.name = name;
        s.startNs = startUs * 1000;
        s.endNs = endUs * 1000;
        if (error)
            s.statusCode = telemetry::StatusCode::Error;
        s.resourceIndex = resourceFor(service);
        m_spans.push_back(std::move(s));
        return *this;
    }
    telemetry::Span& last() { return m_spans.back(); }
    telemetry::SpanBatch batch() const { return telemetry::SpanBatch(m_resources, {}, m_spans); }

private:
    int resourceFor(const QString& service)
    {
        auto it = m_serviceIndex.find(service);
        if (it != m_serviceIndex.end())
            return it->second;
        telemetry::KeyValueList kv{
            {QStringLiteral("service.name"), telemetry::AnyValue::fromString(service)}};
        m_resources.emplace_back(telemetry::Attributes(std::move(kv)));
        const int i = int(m_resources.size()) - 1;
        m_serviceIndex[service] = i;
        return i;
    }
    std::vector<telemetry::Resource> m_resources;
    std::vector<telemetry::Span> m_spans;
    std::map<QString, int> m_serviceIndex;
};

} // namespace wf::test
