#include "OtlpJsonWriter.h"

#include <charconv>
#include <cmath>
#include <vector>

namespace wf::demo {

namespace {

// Minimal streaming writer: compact output, callers pick the key order. QJsonDocument would sort
// object keys alphabetically, which is valid but does not look like what the SDK sends.
class JsonOut
{
public:
    explicit JsonOut(QByteArray& out)
        : m_out(out)
    {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    JsonOut& key(const char* name)
    {
        separator();
        m_out.append('"').append(name).append("\":");
        m_afterKey = true;
        return *this;
    }

    void string(const QString& s) { utf8(s.toUtf8()); }
    void utf8(QByteArrayView text)
    {
        separator();
        m_out.append('"');
        for (const char c : text) {
            const auto u = static_cast<unsigned char>(c);
            switch (c) {
            case '"':
                m_out.append("\\\"");
                break;
            case '\\':
                m_out.append("\\\\");
                break;
            case '\b':
                m_out.append("\\b");
                break;
            case '\f':
                m_out.append("\\f");
                break;
            case '\n':
                m_out.append("\\n");
                break;
            case '\r':
                m_out.append("\\r");
                break;
            case '\t':
                m_out.append("\\t");
                break;
            default:
                if (u < 0x20) {
                    static constexpr char hex[] = "0123456789abcdef";
                    m_out.append("\\u00").append(hex[u >> 4]).append(hex[u & 0xf]);
                } else {
                    m_out.append(c);
                }
            }
        }
        m_out.append('"');
    }

    void integer(qint64 v)
    {
        separator();
        m_out.append(QByteArray::number(v));
    }
    void unsignedInteger(quint64 v)
    {
        separator();
        m_out.append(QByteArray::number(v));
    }
    // int64 nanosecond timestamps travel as strings: JSON numbers lose precision above 2^53.
    void nanos(qint64 v)
    {
        separator();
        m_out.append('"').append(QByteArray::number(v)).append('"');
    }
    void number(double v)
    {
        separator();
        m_out.append(OtlpJsonWriter::formatNumber(v));
    }
    void boolean(bool v)
    {
        separator();
        m_out.append(v ? "true" : "false");
    }

private:
    void open(char bracket)
    {
        separator();
        m_out.append(bracket);
        m_first.push_back(true);
    }
    void close(char bracket)
    {
        m_out.append(bracket);
        m_first.pop_back();
    }
    void separator()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first.empty()) {
            if (!m_first.back())
                m_out.append(',');
            m_first.back() = false;
        }
    }

    QByteArray& m_out;
    std::vector<bool> m_first;
    bool m_afterKey = false;
};

void writeAnyValue(JsonOut& j, const AttributeValue& value)
{
    j.beginObject();
    if (const auto* s = std::get_if<QString>(&value)) {
        j.key("stringValue").string(*s);
    } else if (const auto* i = std::get_if<qint64>(&value)) {
        j.key("intValue").integer(*i);
    } else if (const auto* d = std::get_if<double>(&value)) {
        // The JS SDK decides by the runtime value: a whole number is an intValue.
        if (std::isfinite(*d) && std::trunc(*d) == *d && std::fabs(*d) < 9.0e15)
            j.key("intValue").integer(static_cast<qint64>(*d));
        else
            j.key("doubleValue").number(*d);
    } else if (const auto* b = std::get_if<bool>(&value)) {
        j.key("boolValue").boolean(*b);
    }
    j.endObject();
}

void writeAttributes(JsonOut& j, const Attributes& attributes)
{
    j.beginArray();
    for (const Attribute& a : attributes) {
        j.beginObject();
        j.key("key").string(a.key);
        j.key("value");
        writeAnyValue(j, a.value);
        j.endObject();
    }
    j.endArray();
}

void writeResource(JsonOut& j, const TelemetryBatch& batch, int index)
{
    j.beginObject();
    j.key("attributes");
    if (index >= 0 && index < batch.resources.size())
        writeAttributes(j, batch.resources.at(index).attributes);
    else
        writeAttributes(j, {});
    j.key("droppedAttributesCount").integer(0);
    j.endObject();
}

void writeScope(JsonOut& j, const TelemetryBatch& batch, int index)
{
    j.beginObject();
    const ScopeInfo scope = index >= 0 && index < batch.scopes.size() ? batch.scopes.at(index) : ScopeInfo{};
    j.key("name").string(scope.name);
    if (!scope.version.isEmpty())
        j.key("version").string(scope.version);
    j.endObject();
}

// Items grouped by resource, then scope, each in order of first appearance (the SDK builds the same
// grouping with insertion-ordered Maps).
template<typename T>
struct Grouping
{
    struct ScopeGroup
    {
        int scope;
        std::vector<const T*> items;
    };
    struct ResourceGroup
    {
        int resource;
        std::vector<ScopeGroup> scopes;
    };
    std::vector<ResourceGroup> resources;

    explicit Grouping(std::span<const T> all)
    {
        for (const T& item : all) {
            ResourceGroup* rg = nullptr;
            for (ResourceGroup& candidate : resources) {
                if (candidate.resource == item.origin.resource) {
                    rg = &candidate;
                    break;
                }
            }
            if (rg == nullptr)
                rg = &resources.emplace_back(ResourceGroup{item.origin.resource, {}});
            ScopeGroup* sg = nullptr;
            for (ScopeGroup& candidate : rg->scopes) {
                if (candidate.scope == item.origin.scope) {
                    sg = &candidate;
                    break;
                }
            }
            if (sg == nullptr)
                sg = &rg->scopes.emplace_back(ScopeGroup{item.origin.scope, {}});
            sg->items.push_back(&item);
        }
    }
};

template<typename T, typename WriteItem>
QByteArray writeRequest(const TelemetryBatch& batch, std::span<const T> items, const char* resourcesKey,
                        const char* scopesKey, const char* itemsKey, WriteItem writeItems)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(items.size()) * 900 + 64);
    JsonOut j(out);
    j.beginObject();
    j.key(resourcesKey).beginArray();
    const Grouping<T> grouping(items);
    for (const auto& rg : grouping.resources) {
        j.beginObject();
        j.key("resource");
        writeResource(j, batch, rg.resource);
        j.key(scopesKey).beginArray();
        for (const auto& sg : rg.scopes) {
            j.beginObject();
            j.key("scope");
            writeScope(j, batch, sg.scope);
            j.key(itemsKey);
            writeItems(j, sg.items);
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
    j.endArray();
    j.endObject();
    return out;
}

void writeSpan(JsonOut& j, const SimSpan& s)
{
    j.beginObject();
    j.key("traceId").utf8(s.traceId.toHex());
    j.key("spanId").utf8(s.spanId.toHex());
    if (s.parentSpanId.isValid())
        j.key("parentSpanId").utf8(s.parentSpanId.toHex());
    j.key("name").string(s.name);
    j.key("kind").integer(static_cast<int>(s.kind));
    j.key("startTimeUnixNano").nanos(s.startTimeUnixNano);
    j.key("endTimeUnixNano").nanos(s.endTimeUnixNano);
    j.key("attributes");
    writeAttributes(j, s.attributes);
    j.key("droppedAttributesCount").integer(0);
    j.key("events").beginArray();
    for (const SpanEvent& e : s.events) {
        j.beginObject();
        j.key("attributes");
        writeAttributes(j, e.attributes);
        j.key("name").string(e.name);
        j.key("timeUnixNano").nanos(e.timeUnixNano);
        j.key("droppedAttributesCount").integer(0);
        j.endObject();
    }
    j.endArray();
    j.key("droppedEventsCount").integer(0);
    j.key("status").beginObject();
    j.key("code").integer(static_cast<int>(s.status));
    if (!s.statusMessage.isEmpty())
        j.key("message").string(s.statusMessage);
    j.endObject();
    j.key("links").beginArray();
    for (const SpanLink& l : s.links) {
        j.beginObject();
        j.key("attributes");
        writeAttributes(j, l.attributes);
        j.key("spanId").utf8(l.spanId.toHex());
        j.key("traceId").utf8(l.traceId.toHex());
        j.key("droppedAttributesCount").integer(0);
        j.key("flags").integer(l.flags);
        j.endObject();
    }
    j.endArray();
    j.key("droppedLinksCount").integer(0);
    j.key("flags").integer(s.flags);
    j.endObject();
}

QByteArray severityText(Severity s)
{
    switch (s) {
    case Severity::Info:
        return "INFO";
    case Severity::Warn:
        return "WARN";
    case Severity::Error:
        return "ERROR";
    }
    return {};
}

void writeLog(JsonOut& j, const SimLogRecord& r)
{
    j.beginObject();
    j.key("timeUnixNano").nanos(r.timeUnixNano);
    j.key("observedTimeUnixNano").nanos(r.observedTimeUnixNano);
    j.key("severityNumber").integer(static_cast<int>(r.severity));
    j.key("severityText").utf8(severityText(r.severity));
    j.key("body").beginObject();
    j.key("stringValue").string(r.body);
    j.endObject();
    j.key("attributes");
    writeAttributes(j, r.attributes);
    j.key("droppedAttributesCount").integer(0);
    if (r.traceId.isValid() && r.spanId.isValid()) {
        j.key("flags").integer(1);
        j.key("traceId").utf8(r.traceId.toHex());
        j.key("spanId").utf8(r.spanId.toHex());
    }
    j.endObject();
}

void writeNumberPoint(JsonOut& j, const MetricPoint& p)
{
    j.beginObject();
    j.key("attributes");
    writeAttributes(j, p.attributes);
    j.key("startTimeUnixNano").nanos(p.startTimeUnixNano);
    j.key("timeUnixNano").nanos(p.timeUnixNano);
    if (const auto* i = std::get_if<qint64>(&p.value))
        j.key("asInt").integer(*i);
    else if (const auto* d = std::get_if<double>(&p.value))
        j.key("asDouble").number(*d);
    j.endObject();
}

void writeHistogramPoint(JsonOut& j, const MetricPoint& p)
{
    const auto* h = std::get_if<HistogramValue>(&p.value);
    if (h == nullptr)
        return;
    j.beginObject();
    j.key("attributes");
    writeAttributes(j, p.attributes);
    j.key("bucketCounts").beginArray();
    for (const quint64 c : h->bucketCounts)
        j.unsignedInteger(c);
    j.endArray();
    j.key("explicitBounds").beginArray();
    for (const double b : h->explicitBounds)
        j.number(b);
    j.endArray();
    j.key("count").unsignedInteger(h->count);
    j.key("sum").number(h->sum);
    j.key("min").number(h->min);
    j.key("max").number(h->max);
    j.key("startTimeUnixNano").nanos(p.startTimeUnixNano);
    j.key("timeUnixNano").nanos(p.timeUnixNano);
    j.endObject();
}

void writeMetrics(JsonOut& j, const std::vector<const SimMetric*>& metrics)
{
    // Merge collections of the same instrument, keeping first-appearance order of names.
    std::vector<std::vector<const SimMetric*>> byName;
    for (const SimMetric* m : metrics) {
        bool merged = false;
        for (auto& group : byName) {
            if (group.front()->name == m->name) {
                group.push_back(m);
                merged = true;
                break;
            }
        }
        if (!merged)
            byName.push_back({m});
    }

    j.beginArray();
    for (const auto& group : byName) {
        const SimMetric& first = *group.front();
        j.beginObject();
        j.key("name").string(first.name);
        j.key("description").string(first.description);
        j.key("unit").string(first.unit);
        const int temporality = first.cumulative ? 2 : 1;
        switch (first.type) {
        case MetricType::Sum:
            j.key("sum").beginObject();
            j.key("aggregationTemporality").integer(temporality);
            j.key("isMonotonic").boolean(first.isMonotonic);
            break;
        case MetricType::Gauge:
            j.key("gauge").beginObject();
            break;
        case MetricType::Histogram:
            j.key("histogram").beginObject();
            j.key("aggregationTemporality").integer(temporality);
            break;
        }
        j.key("dataPoints").beginArray();
        for (const SimMetric* m : group) {
            for (const MetricPoint& p : m->points) {
                if (first.type == MetricType::Histogram)
                    writeHistogramPoint(j, p);
                else
                    writeNumberPoint(j, p);
            }
        }
        j.endArray();
        j.endObject();
        j.endObject();
    }
    j.endArray();
}

} // namespace

QByteArray OtlpJsonWriter::traces(const TelemetryBatch& batch)
{
    return traces(batch, std::span<const SimSpan>(batch.spans.constData(), batch.spans.size()));
}

QByteArray OtlpJsonWriter::traces(const TelemetryBatch& batch, std::span<const SimSpan> spans)
{
    return writeRequest<SimSpan>(batch, spans, "resourceSpans", "scopeSpans", "spans",
                                 [](JsonOut& j, const std::vector<const SimSpan*>& items) {
                                     j.beginArray();
                                     for (const SimSpan* s : items)
                                         writeSpan(j, *s);
                                     j.endArray();
                                 });
}

QByteArray OtlpJsonWriter::logs(const TelemetryBatch& batch)
{
    return logs(batch, std::span<const SimLogRecord>(batch.logs.constData(), batch.logs.size()));
}

QByteArray OtlpJsonWriter::logs(const TelemetryBatch& batch, std::span<const SimLogRecord> records)
{
    return writeRequest<SimLogRecord>(batch, records, "resourceLogs", "scopeLogs", "logRecords",
                                      [](JsonOut& j, const std::vector<const SimLogRecord*>& items) {
                                          j.beginArray();
                                          for (const SimLogRecord* r : items)
                                              writeLog(j, *r);
                                          j.endArray();
                                      });
}

QByteArray OtlpJsonWriter::metrics(const TelemetryBatch& batch)
{
    return writeRequest<SimMetric>(
        batch, std::span<const SimMetric>(batch.metrics.constData(), batch.metrics.size()), "resourceMetrics",
        "scopeMetrics", "metrics", writeMetrics);
}

QByteArray OtlpJsonWriter::formatNumber(double value)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("0");
    if (value == 0)
        return QByteArrayLiteral("0"); // also -0, which JSON.stringify prints as 0
    char buffer[64];
    const double magnitude = std::fabs(value);
    const bool scientific = magnitude < 1e-6 || magnitude >= 1e21;
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value,
                                      scientific ? std::chars_format::scientific : std::chars_format::fixed);
    QByteArray out(buffer, result.ptr - buffer);
    if (scientific) {
        // to_chars pads the exponent to two digits ("1e-07"); JavaScript does not ("1e-7").
        const qsizetype e = out.indexOf('e');
        if (e >= 0 && e + 2 < out.size()) {
            qsizetype digits = e + 2;
            while (digits + 1 < out.size() && out.at(digits) == '0')
                out.remove(digits, 1);
        }
    }
    return out;
}

} // namespace wf::demo
