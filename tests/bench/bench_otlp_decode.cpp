// Benchmark: OTLP/JSON decoding (simdjson On-Demand, wf::otlp) against a QJsonDocument baseline that
// parses the same body and walks every field into the same value types, in the same process.
// Payloads are generated in memory: 20,000 spans (10 attributes, 2 events each) and 50,000 log records,
// shaped like what the OpenTelemetry JS SDK sends.
// Times are the thread's CPU time (best of 3), not wall time: the machine this runs on is shared by
// parallel builds, and CPU time still counts the page faults a decoder causes.

#include "otlp/OtlpJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>
#include <functional>
#include <random>

using namespace wf;
using namespace wf::telemetry;

namespace {

constexpr int kSpans = 20'000;
constexpr int kLogs = 50'000;
constexpr int kRuns = 3;

QByteArray hex(std::mt19937_64& rng, int bytes)
{
    QByteArray raw;
    for (int i = 0; i < bytes; ++i)
        raw.append(char(rng() | 1));
    return raw.toHex();
}

QByteArray kv(const char* key, const QByteArray& typedValue)
{
    return QByteArray("{\"key\":\"") + key + "\",\"value\":{" + typedValue + "}}";
}

QByteArray str(const QByteArray& s)
{
    return "\"stringValue\":\"" + s + "\"";
}

QByteArray resourceJson(const char* service)
{
    return "{\"attributes\":[" + kv("service.name", str(service)) + "," +
           kv("service.version", str("1.2.3")) + "," + kv("host.name", str("probe-host")) + "," +
           kv("telemetry.sdk.language", str("nodejs")) + "]}";
}

QByteArray tracesPayload(int count)
{
    std::mt19937_64 rng(42);
    const char* routes[] = {"/cart", "/checkout", "/items/{id}", "/search", "/login"};
    QByteArray spans;
    spans.reserve(count * 1300);
    const qint64 t0 = Q_INT64_C(1795470995414000000);
    for (int i = 0; i < count; ++i) {
        const qint64 start = t0 + qint64(i) * 1000;
        const QByteArray route = routes[i % 5];
        QByteArray s =
            "{\"traceId\":\"" + hex(rng, 16) + "\",\"spanId\":\"" + hex(rng, 8) + "\",\"parentSpanId\":\"" +
            hex(rng, 8) + "\",\"name\":\"GET " + route + "\",\"kind\":2,\"startTimeUnixNano\":\"" +
            QByteArray::number(start) + "\",\"endTimeUnixNano\":\"" +
            QByteArray::number(start + 45'000 + i % 977) + "\",\"attributes\":[" +
            kv("http.request.method", str("GET")) + "," + kv("http.route", str(route)) + "," +
            kv("url.path", str("/api/v1/items/" + QByteArray::number(i))) + "," +
            kv("http.response.status_code", "\"intValue\":" + QByteArray::number(i % 50 ? 200 : 503)) + "," +
            kv("server.address", str("api-gateway")) + "," + kv("server.port", "\"intValue\":8080") + "," +
            kv("client.address",
               str("10.0." + QByteArray::number(i % 256) + "." + QByteArray::number(i % 199))) +
            "," + kv("user_agent.original", str("Mozilla/5.0 (X11; Linux x86_64)")) + "," +
            kv("cache.hit", i % 3 ? "\"boolValue\":true" : "\"boolValue\":false") + "," +
            kv("app.ratio", "\"doubleValue\":" + QByteArray::number(0.5 + i % 7)) +
            "],\"droppedAttributesCount\":0,\"events\":[{\"timeUnixNano\":\"" +
            QByteArray::number(start + 10) + "\",\"name\":\"cache.lookup\",\"attributes\":[" +
            kv("cache.key", str("item:" + QByteArray::number(i))) +
            "],\"droppedAttributesCount\":0},{\"timeUnixNano\":\"" + QByteArray::number(start + 20) +
            "\",\"name\":\"db.query\",\"attributes\":[" +
            kv("db.query.text", str("SELECT * FROM items WHERE id = ?")) +
            "],\"droppedAttributesCount\":0}],\"droppedEventsCount\":0,\"status\":{\"code\":" +
            QByteArray(i % 50 ? "0" : "2") + "},\"links\":[],\"droppedLinksCount\":0,\"flags\":257}";
        spans += (i ? "," : "") + s;
    }
    return "{\"resourceSpans\":[{\"resource\":" + resourceJson("api-gateway") +
           ",\"scopeSpans\":[{\"scope\":{\"name\":\"api-gateway-instrumentation\",\"version\":\"0.1.0\"},"
           "\"spans\":[" +
           spans + "]}]}]}";
}

QByteArray logsPayload(int count)
{
    std::mt19937_64 rng(7);
    const char* levels[] = {"INFO", "INFO", "INFO", "WARN", "ERROR"};
    const int numbers[] = {9, 9, 9, 13, 17};
    QByteArray records;
    records.reserve(count * 520);
    const qint64 t0 = Q_INT64_C(1795471000000000000);
    for (int i = 0; i < count; ++i) {
        const qint64 t = t0 + qint64(i) * 1'000'000;
        QByteArray r = "{\"timeUnixNano\":\"" + QByteArray::number(t) + "\",\"observedTimeUnixNano\":\"" +
                       QByteArray::number(t + 3000) +
                       "\",\"severityNumber\":" + QByteArray::number(numbers[i % 5]) +
                       ",\"severityText\":\"" + levels[i % 5] + "\",\"body\":{\"stringValue\":\"order " +
                       QByteArray::number(100000 + i) + " processed for user u-" +
                       QByteArray::number(i % 977) + " in " + QByteArray::number(i % 300) +
                       " ms\"},\"attributes\":[" + kv("code.function", str("processOrder")) + "," +
                       kv("order.id", "\"intValue\":\"" + QByteArray::number(100000 + i) + "\"") + "," +
                       kv("thread.name", str("worker-" + QByteArray::number(i % 8))) +
                       "],\"droppedAttributesCount\":0,\"flags\":1,\"traceId\":\"" + hex(rng, 16) +
                       "\",\"spanId\":\"" + hex(rng, 8) + "\"}";
        records += (i ? "," : "") + r;
    }
    return "{\"resourceLogs\":[{\"resource\":" + resourceJson("checkout") +
           ",\"scopeLogs\":[{\"scope\":{\"name\":\"checkout-logger\"},\"logRecords\":[" + records + "]}]}]}";
}

// --- the QJsonDocument baseline: same structs, every field read, 64-bit ints from strings or numbers.

qint64 jsonInt(const QJsonValue& v)
{
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

AnyValue jsonAnyValue(const QJsonObject& o);

Attributes jsonAttributes(const QJsonArray& a)
{
    KeyValueList out;
    out.reserve(std::size_t(a.size()));
    for (const QJsonValue& e : a) {
        const QJsonObject kvo = e.toObject();
        out.push_back({kvo.value(QLatin1String("key")).toString(),
                       jsonAnyValue(kvo.value(QLatin1String("value")).toObject())});
    }
    return Attributes(std::move(out));
}

AnyValue jsonAnyValue(const QJsonObject& o)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString k = it.key();
        if (k == QLatin1String("stringValue"))
            return AnyValue::fromString(it.value().toString());
        if (k == QLatin1String("intValue"))
            return AnyValue::fromInt(jsonInt(it.value()));
        if (k == QLatin1String("doubleValue"))
            return AnyValue::fromDouble(it.value().toDouble());
        if (k == QLatin1String("boolValue"))
            return AnyValue::fromBool(it.value().toBool());
        if (k == QLatin1String("bytesValue"))
            return AnyValue::fromBytes(QByteArray::fromBase64(it.value().toString().toLatin1()));
        if (k == QLatin1String("arrayValue")) {
            AnyValueList values;
            for (const QJsonValue& e : it.value().toObject().value(QLatin1String("values")).toArray())
                values.push_back(jsonAnyValue(e.toObject()));
            return AnyValue::fromArray(std::move(values));
        }
        if (k == QLatin1String("kvlistValue"))
            return AnyValue::fromKvList(
                jsonAttributes(it.value().toObject().value(QLatin1String("values")).toArray()).items());
    }
    return {};
}

template<std::size_t N>
BinaryId<N> jsonId(const QJsonValue& v)
{
    return BinaryId<N>::fromHex(QStringView(v.toString())).value_or(BinaryId<N>());
}

std::pair<Resource, Scope> jsonEnvelope(const QJsonObject& rs, const QJsonObject& ss)
{
    Resource res(jsonAttributes(
        rs.value(QLatin1String("resource")).toObject().value(QLatin1String("attributes")).toArray()));
    const QJsonObject so = ss.value(QLatin1String("scope")).toObject();
    Scope scope{
        so.value(QLatin1String("name")).toString(), so.value(QLatin1String("version")).toString(), {}};
    return {res, scope};
}

qsizetype qjsonTraces(const QByteArray& body)
{
    std::vector<Resource> resources;
    std::vector<Scope> scopes;
    std::vector<Span> spans;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    for (const QJsonValue& rsv : doc.object().value(QLatin1String("resourceSpans")).toArray()) {
        const QJsonObject rs = rsv.toObject();
        for (const QJsonValue& ssv : rs.value(QLatin1String("scopeSpans")).toArray()) {
            const QJsonObject ss = ssv.toObject();
            auto [res, scope] = jsonEnvelope(rs, ss);
            resources.push_back(res);
            scopes.push_back(scope);
            for (const QJsonValue& sv : ss.value(QLatin1String("spans")).toArray()) {
                const QJsonObject o = sv.toObject();
                Span s;
                s.traceId = jsonId<16>(o.value(QLatin1String("traceId")));
                s.spanId = jsonId<8>(o.value(QLatin1String("spanId")));
                s.parentSpanId = jsonId<8>(o.value(QLatin1String("parentSpanId")));
                s.traceState = o.value(QLatin1String("traceState")).toString();
                s.name = o.value(QLatin1String("name")).toString();
                s.kind = SpanKind(o.value(QLatin1String("kind")).toInt());
                s.startNs = jsonInt(o.value(QLatin1String("startTimeUnixNano")));
                s.endNs = jsonInt(o.value(QLatin1String("endTimeUnixNano")));
                s.attributes = jsonAttributes(o.value(QLatin1String("attributes")).toArray());
                for (const QJsonValue& ev : o.value(QLatin1String("events")).toArray()) {
                    const QJsonObject e = ev.toObject();
                    s.events.push_back({jsonInt(e.value(QLatin1String("timeUnixNano"))),
                                        e.value(QLatin1String("name")).toString(),
                                        jsonAttributes(e.value(QLatin1String("attributes")).toArray())});
                }
                for (const QJsonValue& lv : o.value(QLatin1String("links")).toArray()) {
                    const QJsonObject l = lv.toObject();
                    s.links.push_back({jsonId<16>(l.value(QLatin1String("traceId"))),
                                       jsonId<8>(l.value(QLatin1String("spanId"))),
                                       l.value(QLatin1String("traceState")).toString(),
                                       jsonAttributes(l.value(QLatin1String("attributes")).toArray()), 0});
                }
                const QJsonObject st = o.value(QLatin1String("status")).toObject();
                s.statusCode = StatusCode(st.value(QLatin1String("code")).toInt());
                s.statusMessage = st.value(QLatin1String("message")).toString();
                s.droppedEventsCount = quint32(o.value(QLatin1String("droppedEventsCount")).toInt());
                s.droppedLinksCount = quint32(o.value(QLatin1String("droppedLinksCount")).toInt());
                s.flags = quint32(jsonInt(o.value(QLatin1String("flags"))));
                s.resourceIndex = qint32(resources.size() - 1);
                s.scopeIndex = qint32(scopes.size() - 1);
                spans.push_back(std::move(s));
            }
        }
    }
    const SpanBatch batch(std::move(resources), std::move(scopes), std::move(spans));
    return batch.size();
}

qsizetype qjsonLogs(const QByteArray& body)
{
    std::vector<Resource> resources;
    std::vector<Scope> scopes;
    std::vector<LogRecord> records;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    for (const QJsonValue& rsv : doc.object().value(QLatin1String("resourceLogs")).toArray()) {
        const QJsonObject rs = rsv.toObject();
        for (const QJsonValue& ssv : rs.value(QLatin1String("scopeLogs")).toArray()) {
            const QJsonObject ss = ssv.toObject();
            auto [res, scope] = jsonEnvelope(rs, ss);
            resources.push_back(res);
            scopes.push_back(scope);
            for (const QJsonValue& rv : ss.value(QLatin1String("logRecords")).toArray()) {
                const QJsonObject o = rv.toObject();
                LogRecord r;
                r.timeNs = jsonInt(o.value(QLatin1String("timeUnixNano")));
                r.observedTimeNs = jsonInt(o.value(QLatin1String("observedTimeUnixNano")));
                r.severityNumber = o.value(QLatin1String("severityNumber")).toInt();
                r.severityText = o.value(QLatin1String("severityText")).toString();
                r.body = jsonAnyValue(o.value(QLatin1String("body")).toObject());
                r.bodyText = r.body.displayString();
                r.attributes = jsonAttributes(o.value(QLatin1String("attributes")).toArray());
                r.flags = quint32(jsonInt(o.value(QLatin1String("flags"))));
                r.traceId = jsonId<16>(o.value(QLatin1String("traceId")));
                r.spanId = jsonId<8>(o.value(QLatin1String("spanId")));
                r.resourceIndex = qint32(resources.size() - 1);
                r.scopeIndex = qint32(scopes.size() - 1);
                records.push_back(std::move(r));
            }
        }
    }
    const LogBatch batch(std::move(resources), std::move(scopes), std::move(records));
    return batch.size();
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Best of kRuns, in CPU seconds; `run` returns the item count, which must equal `expected`. The first
// run, with memory not yet faulted in, goes to *first.
double best(const std::function<qsizetype()>& run, qsizetype expected, double* first = nullptr)
{
    double bestSeconds = 1e9;
    for (int i = 0; i < kRuns; ++i) {
        const double start = threadCpuSeconds();
        const qsizetype n = run();
        const double s = threadCpuSeconds() - start;
        if (n != expected) {
            std::fprintf(stderr, "bench: decoded %lld items, expected %lld\n", qint64(n), qint64(expected));
            std::exit(1);
        }
        if (i == 0 && first)
            *first = s;
        bestSeconds = std::min(bestSeconds, s);
    }
    return bestSeconds;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);

    const QByteArray traces = tracesPayload(kSpans);
    const QByteArray logs = logsPayload(kLogs);
    std::printf("bench: otlp_traces_payload %.1f MB\n", double(traces.size()) / 1e6);
    std::printf("bench: otlp_logs_payload %.1f MB\n", double(logs.size()) / 1e6);

    double cold = 0;
    const double ours = best([&] { return otlp::decodeTracesJson(traces).batch.size(); }, kSpans, &cold);
    const double theirs = best([&] { return qjsonTraces(traces); }, kSpans);
    std::printf("bench: otlp_decode_spans %.0f spans/s ratio %.1f vs qjsondocument\n", kSpans / ours,
                theirs / ours);
    std::printf("bench: qjsondocument_decode_spans %.0f spans/s\n", kSpans / theirs);
    std::printf("bench: otlp_decode_spans_first_run %.0f spans/s\n", kSpans / cold);

    const double oursLogs = best([&] { return otlp::decodeLogsJson(logs).batch.size(); }, kLogs);
    const double theirsLogs = best([&] { return qjsonLogs(logs); }, kLogs);
    std::printf("bench: otlp_decode_logs %.0f records/s ratio %.1f vs qjsondocument\n", kLogs / oursLogs,
                theirsLogs / oursLogs);
    std::printf("bench: qjsondocument_decode_logs %.0f records/s\n", kLogs / theirsLogs);

    // The SDK's default batch (512 spans): small enough for the thread's reused parser.
    const QByteArray batch512 = tracesPayload(512);
    constexpr int kRepeats = 40;
    const double start = threadCpuSeconds();
    for (int i = 0; i < kRepeats; ++i)
        if (otlp::decodeTracesJson(batch512).batch.size() != 512)
            return 1;
    std::printf("bench: otlp_decode_spans_batch512 %.0f spans/s\n",
                512.0 * kRepeats / (threadCpuSeconds() - start));
    return 0;
}
