// Jaeger's JSON trace model (jaeger-idl model/json, as the query service and the UI export write it):
// ids are hex strings of up to 16/32 digits (leading zeros may be dropped), times in microseconds,
// tags typed by a "type" field, each span naming its process in the trace's "processes" map.
// Converted to the OTLP span model: processes become resources (serviceName -> service.name), the
// first CHILD_OF reference (else the first FOLLOWS_FROM) in the same trace becomes the parent, the
// other references links, logs events; span.kind / error / otel.status_code tags set kind and status.

#include "traces/TraceFile.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <simdjson.h>

namespace wf::traces {

using namespace telemetry;
namespace dom = simdjson::dom;

namespace {

QString msg(const char* text)
{
    return QCoreApplication::translate("TraceFile", text);
}

template<std::size_t N>
std::optional<BinaryId<N>> idFromJaegerHex(std::string_view hex)
{
    if (hex.empty() || hex.size() > 2 * N)
        return std::nullopt;
    char padded[2 * N];
    const std::size_t pad = 2 * N - hex.size();
    std::fill(padded, padded + pad, '0');
    std::copy(hex.begin(), hex.end(), padded + pad);
    auto id = BinaryId<N>::fromHex(std::string_view(padded, 2 * N));
    if (!id || !id->isValid())
        return std::nullopt;
    return id;
}

struct Parser
{
    const TraceFileLimits& limits;
    TraceFileResult& out;
    qint64 spanTotal = 0;

    void warn(QString text)
    {
        ++out.warningCount;
        if (out.warnings.size() < 20)
            out.warnings.append(std::move(text));
    }

    QString str(std::string_view s) const
    {
        if (s.size() > std::size_t(limits.maxStringBytes))
            s = s.substr(0, std::size_t(limits.maxStringBytes));
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }

    // One Jaeger tag {key, type, value} as an attribute; false when it is not an object with a key.
    bool tag(dom::element e, KeyValue& kv) const
    {
        dom::object o;
        std::string_view key;
        if (e.get(o) || o["key"].get(key))
            return false;
        kv.key = str(key);
        dom::element v;
        if (o["value"].get(v))
            return true;
        std::string_view type;
        if (o["type"].get(type)) {
        } // absent: the default stays
        switch (v.type()) {
        case dom::element_type::STRING: {
            std::string_view s;
            if (v.get(s)) {
            }                      // absent: the default stays
            if (type == "int64") { // some exporters quote 64-bit integers
                bool ok = false;
                const qint64 i = QByteArray(s.data(), qsizetype(s.size())).toLongLong(&ok);
                kv.value = ok ? AnyValue::fromInt(i) : AnyValue::fromString(str(s));
            } else if (type == "binary") {
                kv.value = AnyValue::fromBytes(QByteArray::fromBase64(
                    QByteArray(s.data(), qsizetype(std::min(s.size(), std::size_t(limits.maxStringBytes))))));
            } else {
                kv.value = AnyValue::fromString(str(s));
            }
            break;
        }
        case dom::element_type::BOOL:
            kv.value = AnyValue::fromBool(bool(v));
            break;
        case dom::element_type::INT64:
            kv.value = AnyValue::fromInt(int64_t(v));
            break;
        case dom::element_type::UINT64:
            kv.value = AnyValue::fromDouble(double(uint64_t(v)));
            break;
        case dom::element_type::DOUBLE:
            kv.value = AnyValue::fromDouble(double(v));
            break;
        default:
            kv.value = AnyValue::fromString(str(simdjson::minify(v)));
            break;
        }
        return true;
    }

    KeyValueList tags(dom::element e, quint32& dropped) const
    {
        KeyValueList list;
        dom::array a;
        if (e.get(a))
            return list;
        for (dom::element t : a) {
            if (int(list.size()) >= limits.maxTagsPerSpan) {
                ++dropped;
                continue;
            }
            KeyValue kv;
            if (tag(t, kv))
                list.push_back(std::move(kv));
        }
        return list;
    }

    // Clamped so that start + duration in nanoseconds cannot overflow (4e15 µs is the year 2096).
    static qint64 micros(dom::element e)
    {
        constexpr qint64 kMax = 4'000'000'000'000'000;
        int64_t i = 0;
        if (!e.get(i))
            return std::clamp<qint64>(i, 0, kMax);
        double d = 0;
        if (!e.get(d) && d > 0 && d < double(kMax))
            return qint64(d);
        return 0;
    }

    void applyWellKnownTags(Span& s) const
    {
        for (const KeyValue& kv : s.attributes) {
            if (kv.key == QLatin1String("span.kind")) {
                const QString k = kv.value.toString();
                if (k == QLatin1String("server"))
                    s.kind = SpanKind::Server;
                else if (k == QLatin1String("client"))
                    s.kind = SpanKind::Client;
                else if (k == QLatin1String("producer"))
                    s.kind = SpanKind::Producer;
                else if (k == QLatin1String("consumer"))
                    s.kind = SpanKind::Consumer;
                else if (k == QLatin1String("internal"))
                    s.kind = SpanKind::Internal;
            } else if (kv.key == QLatin1String("error")) {
                if (kv.value.toBool() || kv.value.toString() == QLatin1String("true"))
                    s.statusCode = StatusCode::Error;
            } else if (kv.key == QLatin1String("otel.status_code")) {
                const QString c = kv.value.toString();
                if (c == QLatin1String("ERROR"))
                    s.statusCode = StatusCode::Error;
                else if (c == QLatin1String("OK") && s.statusCode != StatusCode::Error)
                    s.statusCode = StatusCode::Ok;
            } else if (kv.key == QLatin1String("otel.status_description")) {
                s.statusMessage = kv.value.toString();
            }
        }
    }

    void trace(dom::element traceEl, qsizetype traceIndex)
    {
        dom::object t;
        if (traceEl.get(t)) {
            warn(msg("data[%1] is not an object; skipped").arg(traceIndex));
            return;
        }
        std::string_view traceHex;
        if (t["traceID"].get(traceHex)) {
        } // absent: the default stays
        std::optional<TraceId> traceId = idFromJaegerHex<16>(traceHex);

        // processes -> resources
        std::vector<Resource> resources;
        QHash<QString, int> processIndex;
        dom::object processes;
        if (!t["processes"].get(processes)) {
            for (auto [key, value] : processes) {
                quint32 dropped = 0;
                KeyValueList attrs;
                std::string_view service;
                if (!value["serviceName"].get(service))
                    attrs.push_back({QStringLiteral("service.name"), AnyValue::fromString(str(service))});
                dom::element tagsEl;
                if (!value["tags"].get(tagsEl)) {
                    KeyValueList more = tags(tagsEl, dropped);
                    attrs.insert(attrs.end(), more.begin(), more.end());
                }
                processIndex.insert(str(key), int(resources.size()));
                resources.emplace_back(Attributes(std::move(attrs), dropped));
            }
        }

        dom::array spansArr;
        if (t["spans"].get(spansArr)) {
            warn(msg("data[%1] has no \"spans\" array; skipped").arg(traceIndex));
            return;
        }
        std::vector<Span> spans;
        qsizetype si = -1;
        for (dom::element se : spansArr) {
            ++si;
            if (spanTotal >= limits.maxSpans) {
                ++out.droppedSpans;
                continue;
            }
            dom::object so;
            if (se.get(so)) {
                warn(msg("data[%1].spans[%2] is not an object; skipped").arg(traceIndex).arg(si));
                continue;
            }
            Span s;
            std::string_view hex;
            std::optional<SpanId> sid;
            if (!so["spanID"].get(hex))
                sid = idFromJaegerHex<8>(hex);
            std::optional<TraceId> tid = traceId;
            if (!so["traceID"].get(hex))
                tid = idFromJaegerHex<16>(hex);
            if (!sid || !tid) {
                warn(msg("data[%1].spans[%2] has no valid spanID/traceID; skipped").arg(traceIndex).arg(si));
                continue;
            }
            s.spanId = *sid;
            s.traceId = *tid;
            std::string_view name;
            if (!so["operationName"].get(name))
                s.name = str(name);
            dom::element e;
            if (!so["startTime"].get(e))
                s.startNs = micros(e) * 1000;
            if (!so["duration"].get(e))
                s.endNs = s.startNs + std::max<qint64>(0, micros(e)) * 1000;
            else
                s.endNs = s.startNs;
            quint32 dropped = 0;
            if (!so["tags"].get(e))
                s.attributes = Attributes(tags(e, dropped), dropped);
            applyWellKnownTags(s);

            // references: parent first, the rest become links
            dom::array refs;
            std::optional<SpanId> followsFrom;
            if (!so["references"].get(refs)) {
                for (dom::element r : refs) {
                    std::string_view refType, refSpan, refTrace;
                    if (r["spanID"].get(refSpan))
                        continue;
                    auto rs = idFromJaegerHex<8>(refSpan);
                    std::optional<TraceId> rt = s.traceId;
                    if (!r["traceID"].get(refTrace))
                        rt = idFromJaegerHex<16>(refTrace);
                    if (!rs || !rt)
                        continue;
                    if (r["refType"].get(refType)) {
                    } // absent: the default stays
                    const bool sameTrace = *rt == s.traceId;
                    if (sameTrace && refType == "CHILD_OF" && !s.parentSpanId.isValid()) {
                        s.parentSpanId = *rs;
                    } else if (sameTrace && refType == "FOLLOWS_FROM" && !followsFrom) {
                        followsFrom = rs;
                    } else {
                        SpanLink l;
                        l.traceId = *rt;
                        l.spanId = *rs;
                        s.links.push_back(std::move(l));
                    }
                }
            }
            if (!s.parentSpanId.isValid() && !so["parentSpanID"].get(hex)) // old Jaeger exports
                if (auto p = idFromJaegerHex<8>(hex))
                    s.parentSpanId = *p;
            if (!s.parentSpanId.isValid() && followsFrom)
                s.parentSpanId = *followsFrom;

            dom::array logs;
            if (!so["logs"].get(logs)) {
                for (dom::element l : logs) {
                    if (int(s.events.size()) >= limits.maxLogsPerSpan) {
                        ++s.droppedEventsCount;
                        continue;
                    }
                    SpanEvent ev;
                    if (!l["timestamp"].get(e))
                        ev.timeNs = micros(e) * 1000;
                    quint32 d = 0;
                    KeyValueList fields;
                    if (!l["fields"].get(e))
                        fields = tags(e, d);
                    ev.name = QStringLiteral("log");
                    for (auto it = fields.begin(); it != fields.end(); ++it)
                        if (it->key == QLatin1String("event") || it->key == QLatin1String("message")) {
                            ev.name = it->value.displayString();
                            break;
                        }
                    ev.attributes = Attributes(std::move(fields), d);
                    s.events.push_back(std::move(ev));
                }
            }

            std::string_view processId;
            s.resourceIndex = -1;
            if (!so["processID"].get(processId))
                s.resourceIndex = processIndex.value(str(processId), -1);
            if (s.resourceIndex < 0) {
                dom::element inlineProcess; // some exports inline the process into the span
                std::string_view service;
                if (!so["process"].get(inlineProcess) && !inlineProcess["serviceName"].get(service)) {
                    s.resourceIndex = int(resources.size());
                    resources.emplace_back(
                        Attributes({{QStringLiteral("service.name"), AnyValue::fromString(str(service))}}));
                } else {
                    warn(msg("Span %1 names no known process").arg(s.spanId.toHex()));
                }
            }

            dom::array warnings;
            if (!so["warnings"].get(warnings))
                for (dom::element w : warnings) {
                    std::string_view ws;
                    if (!w.get(ws))
                        warn(msg("Jaeger: span %1: %2").arg(s.spanId.toHex(), str(ws).left(500)));
                }
            spans.push_back(std::move(s));
            ++spanTotal;
        }
        if (spans.empty() && traceId) {
            out.traces.push_back({*traceId, SpanBatch(std::move(resources), {}, {})});
            return;
        }
        SpanBatch batch(std::move(resources), {}, std::move(spans));
        for (LoadedTrace& lt : splitByTrace(batch))
            out.traces.push_back(std::move(lt));
    }
};

} // namespace

TraceFileResult parseJaegerJson(QByteArrayView body, const TraceFileLimits& limits)
{
    TraceFileResult out;
    out.format = TraceFileResult::Format::Jaeger;
    if (body.size() > limits.maxBytes) {
        out.error = msg("The trace document is %1 MB, more than the %2 MB limit")
                        .arg(body.size() / (1024 * 1024))
                        .arg(limits.maxBytes / (1024 * 1024));
        return out;
    }
    dom::parser parser(std::size_t(body.size()) + 64);
    if (parser.allocate(std::size_t(body.size()) + 64, std::size_t(limits.maxJsonDepth))) {
        out.error = msg("Out of memory reading the trace document");
        return out;
    }
    dom::element doc;
    if (const auto err = parser.parse(body.data(), std::size_t(body.size())).get(doc)) {
        out.error = err == simdjson::DEPTH_ERROR
                        ? msg("The trace document is nested deeper than %1 levels").arg(limits.maxJsonDepth)
                        : msg("Not valid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(err)));
        return out;
    }
    dom::array data;
    if (doc["data"].get(data)) {
        dom::array errors;
        std::string_view first;
        if (!doc["errors"].get(errors) && errors.size() > 0 && !errors.at(0)["msg"].get(first))
            out.error =
                msg("Jaeger answered with an error: %1").arg(Parser{limits, out}.str(first).left(500));
        else
            out.error = msg("Not a Jaeger trace document: no \"data\" array");
        return out;
    }
    Parser p{limits, out};
    qsizetype i = 0;
    for (dom::element t : data)
        p.trace(t, i++);
    if (out.traces.empty() && out.error.isEmpty() && i > 0)
        out.error = msg("The Jaeger document holds no usable trace");
    if (out.droppedSpans > 0)
        p.warn(msg("%1 spans over the limit of %2 were left out").arg(out.droppedSpans).arg(limits.maxSpans));
    return out;
}

} // namespace wf::traces
