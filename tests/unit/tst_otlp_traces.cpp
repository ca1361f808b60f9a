// OTLP/JSON trace decoding: the real SDK captures in tests/data/samples, and small inline fixtures for
// the encoding rules (snake_case, enum names, 64-bit integers as strings or numbers, unknown fields,
// every AnyValue kind, field order).

#include "TestSupport.h"
#include "otlp/OtlpJson.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace wf;
using telemetry::AnyValue;
using telemetry::Span;
using telemetry::SpanId;
using telemetry::SpanKind;
using telemetry::StatusCode;
using telemetry::TraceId;

namespace {

QByteArray readSample(const QString& name)
{
    QFile f(test::samplePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read sample %s", qPrintable(f.fileName()));
    return f.readAll();
}

const Span* findSpan(const telemetry::SpanBatch& b, const char* hex)
{
    const auto id = SpanId::fromHex(std::string_view(hex));
    for (const Span& s : b.spans())
        if (id && s.spanId == *id)
            return &s;
    return nullptr;
}

// One span inside the usual envelope; `span` is the JSON of the span object.
QByteArray oneSpan(const QByteArray& span, const QByteArray& resource = "{}")
{
    return "{\"resourceSpans\":[{\"resource\":" + resource +
           ",\"scopeSpans\":[{\"scope\":{\"name\":\"s\"},\"spans\":[" + span + "]}]}]}";
}

const QByteArray kIds = R"("traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718")";

} // namespace

class TestOtlpTraces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleDecodesSixSpansOfThreeServices()
    {
        const auto r = otlp::decodeTracesJson(readSample(QStringLiteral("otlp_traces.json")));
        QVERIFY2(!r.malformed, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 6);
        QCOMPARE(r.rejected, 0);
        QCOMPARE(r.errorCount, 0);
        QCOMPARE(r.warningCount, 0);
        QCOMPARE(r.batch.size(), 6);

        const auto& b = r.batch;
        QCOMPARE(b.resources().size(), 3u);
        QCOMPARE(b.resources()[0].serviceName(), QStringLiteral("frontend"));
        QCOMPARE(b.resources()[1].serviceName(), QStringLiteral("api-gateway"));
        QCOMPARE(b.resources()[2].serviceName(), QStringLiteral("orders-db"));
        QCOMPARE(b.resources()[0].attributes().value(u"telemetry.sdk.language").toString(),
                 QStringLiteral("nodejs"));
        QCOMPARE(b.scopes().size(), 3u);
        QCOMPARE(b.scopes()[1].name, QStringLiteral("api-gateway-instrumentation"));
        QCOMPARE(b.scopes()[1].version, QStringLiteral("0.1.0"));

        const auto trace = TraceId::fromHex(std::string_view("9c800593c582ebf9c0176132df33c7b5"));
        QVERIFY(trace);
        for (const Span& s : b.spans()) {
            QCOMPARE(s.traceId, *trace);
            QCOMPARE(s.flags, 257u);
            QVERIFY(!s.endsBeforeStart());
            // Every parent is in the batch: the six spans form one tree.
            if (!s.isRoot())
                QVERIFY2(std::any_of(b.spans().begin(), b.spans().end(),
                                     [&](const Span& p) { return p.spanId == s.parentSpanId; }),
                         qPrintable(s.name));
        }
        QCOMPARE(std::count_if(b.spans().begin(), b.spans().end(), [](const Span& s) { return s.isRoot(); }),
                 1);

        const Span* client = findSpan(b, "36360b236f1a30c4");
        QVERIFY(client);
        QCOMPARE(client->name, QStringLiteral("POST api-gateway /orders"));
        QCOMPARE(client->kind, SpanKind::Client);
        QCOMPARE(client->parentSpanId.toHex(), QStringLiteral("9cfc75073b0b12f1"));
        QCOMPARE(client->startNs, Q_INT64_C(1795470995414000000));
        QCOMPARE(client->endNs, Q_INT64_C(1795470995445975718));
        QCOMPARE(client->durationNs(), Q_INT64_C(31975718));
        QCOMPARE(client->statusCode, StatusCode::Unset);
        QCOMPARE(b.resourceOf(*client).serviceName(), QStringLiteral("frontend"));
        QCOMPARE(client->attributes.size(), 2);
        QCOMPARE(client->attributes.value(u"server.address").toString(), QStringLiteral("api-gateway"));
        const AnyValue port = client->attributes.value(u"server.port");
        QCOMPARE(port.type(), AnyValue::Type::Int);
        QCOMPARE(port.toInt(), 8080);

        const Span* root = findSpan(b, "f0fe55e1a5bcfefc");
        QVERIFY(root);
        QVERIFY(root->isRoot());
        QCOMPARE(root->kind, SpanKind::Server);
        QCOMPARE(root->name, QStringLiteral("GET /checkout"));
        QCOMPARE(root->attributes.value(u"http.response.status_code").toInt(), 200);

        const Span* internal = findSpan(b, "9cfc75073b0b12f1");
        QVERIFY(internal);
        QCOMPARE(internal->kind, SpanKind::Internal);
        QCOMPARE(internal->parentSpanId, root->spanId);
        QVERIFY(internal->attributes.isEmpty());

        const Span* gateway = findSpan(b, "f299db5789eba628");
        QVERIFY(gateway);
        QCOMPARE(gateway->parentSpanId, client->spanId);
        QCOMPARE(gateway->statusCode, StatusCode::Ok);
        QCOMPARE(b.resourceOf(*gateway).serviceName(), QStringLiteral("api-gateway"));
        QCOMPARE(b.scopeOf(*gateway).name, QStringLiteral("api-gateway-instrumentation"));
        QCOMPARE(gateway->events.size(), 1u);
        QCOMPARE(gateway->events[0].name, QStringLiteral("auth.checked"));
        QCOMPARE(gateway->events[0].timeNs, Q_INT64_C(1795470995414242567));
        QCOMPARE(gateway->events[0].attributes.value(u"user.id").toString(), QStringLiteral("u-42"));

        const Span* select = findSpan(b, "4a5a8262d36a3421");
        QVERIFY(select);
        QCOMPARE(select->kind, SpanKind::Client);
        QCOMPARE(select->parentSpanId, gateway->spanId);
        QCOMPARE(select->attributes.value(u"db.query.text").toString(),
                 QStringLiteral("SELECT * FROM orders WHERE user_id = ?"));

        const Span* insert = findSpan(b, "d741b49c42bc2c8d");
        QVERIFY(insert);
        QCOMPARE(insert->name, QStringLiteral("INSERT order"));
        QCOMPARE(insert->statusCode, StatusCode::Error);
        QCOMPARE(insert->statusMessage, QStringLiteral("duplicate order id"));
        QCOMPARE(b.resourceOf(*insert).serviceName(), QStringLiteral("orders-db"));
        QCOMPARE(insert->events.size(), 1u);
        QCOMPARE(insert->events[0].name, QStringLiteral("exception"));
        QCOMPARE(insert->events[0].attributes.size(), 3);
        QCOMPARE(
            insert->events[0].attributes.value(u"exception.stacktrace").toString(),
            QStringLiteral(
                "Error: constraint violation: duplicate order id\n    at /opt/demo/otel/trace.js:43:22"));
    }

    void capturedBodiesDecodeToTheSameSpansAsTheMergedSample()
    {
        const auto merged = otlp::decodeTracesJson(readSample(QStringLiteral("otlp_traces.json")));
        std::vector<Span> fromCaptures;
        for (const char* name : {"001_v1_traces.json", "002_v1_traces.json", "003_v1_traces.json"}) {
            const auto r =
                otlp::decodeTracesJson(readSample(QStringLiteral("otlp_captures/") + QLatin1String(name)));
            QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
            QCOMPARE(r.batch.resources().size(), 1u);
            for (Span s : r.batch.spans()) {
                s.resourceIndex = s.scopeIndex = -1; // indices differ: one resource per body
                fromCaptures.push_back(s);
            }
        }
        QCOMPARE(fromCaptures.size(), merged.batch.spans().size());
        for (std::size_t i = 0; i < fromCaptures.size(); ++i) {
            Span expected = merged.batch.spans()[i];
            expected.resourceIndex = expected.scopeIndex = -1;
            QVERIFY2(fromCaptures[i] == expected, qPrintable(fromCaptures[i].name));
        }
    }

    void nodeSdkDefaultResourceWithArrayAttribute()
    {
        const auto r = otlp::decodeTracesJson(readSample(QStringLiteral("otlp_captures/008_v1_traces.json")));
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 2);
        const auto& res = r.batch.resources().at(0);
        QCOMPARE(res.serviceName(), QStringLiteral("sdk-default"));
        QCOMPARE(res.attributes().value(u"process.pid").toInt(), 22310);
        const AnyValue args = res.attributes().value(u"process.command_args");
        QCOMPARE(args.type(), AnyValue::Type::Array);
        QCOMPARE(args.array().size(), 2u);
        QCOMPARE(args.array()[1].toString(), QStringLiteral("/opt/demo/otel/sdk_default.js"));
        QCOMPARE(args.displayString(), QStringLiteral("[/usr/bin/node, /opt/demo/otel/sdk_default.js]"));
        QCOMPARE(r.batch.scopes().at(0).name, QStringLiteral("sdk-default-probe"));
        QVERIFY(r.batch.scopes().at(0).version.isEmpty());
        const Span& child = r.batch.spans()[0];
        QCOMPARE(child.name, QStringLiteral("child"));
        QCOMPARE(child.parentSpanId, r.batch.spans()[1].spanId);
        QVERIFY(r.batch.spans()[1].isRoot());
    }

    void snakeCaseNamesEnumNamesAndNumbersForIntegers()
    {
        const QByteArray body =
            R"({"resource_spans":[{"resource":{"attributes":[{"key":"service.name","value":{"string_value":"svc"}}],
            "dropped_attributes_count":"2"},"scope_spans":[{"scope":{"name":"lib","version":"9"},"spans":[{
            "trace_id":"0102030405060708090A0B0C0D0E0F10","span_id":"1112131415161718","parent_span_id":"2122232425262728",
            "trace_state":"k=v","name":"op","kind":"SPAN_KIND_PRODUCER","start_time_unix_nano":1700000000000000000,
            "end_time_unix_nano":"1700000000000000500","dropped_attributes_count":1,"dropped_events_count":"3",
            "status":{"code":"STATUS_CODE_ERROR","message":"boom"},
            "attributes":[{"key":"n","value":{"int_value":"-42"}},{"key":"b","value":{"bool_value":true}}]}]}]}]})";
        const auto r = otlp::decodeTracesJson(body);
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 1);
        const Span& s = r.batch.spans()[0];
        QCOMPARE(s.traceId.toHex(),
                 QStringLiteral("0102030405060708090a0b0c0d0e0f10")); // hex is case-insensitive
        QCOMPARE(s.parentSpanId.toHex(), QStringLiteral("2122232425262728"));
        QCOMPARE(s.traceState, QStringLiteral("k=v"));
        QCOMPARE(s.kind, SpanKind::Producer);
        QCOMPARE(s.startNs, Q_INT64_C(1700000000000000000));
        QCOMPARE(s.endNs, Q_INT64_C(1700000000000000500));
        QCOMPARE(s.statusCode, StatusCode::Error);
        QCOMPARE(s.statusMessage, QStringLiteral("boom"));
        QCOMPARE(s.droppedEventsCount, 3u);
        QCOMPARE(s.attributes.droppedCount(), 1u);
        QCOMPARE(s.attributes.value(u"n").toInt(), -42);
        QCOMPARE(s.attributes.value(u"b").toBool(), true);
        QCOMPARE(r.batch.resources()[0].serviceName(), QStringLiteral("svc"));
        QCOMPARE(r.batch.resources()[0].attributes().droppedCount(), 2u);
        QCOMPARE(r.batch.scopes()[0].version, QStringLiteral("9"));
    }

    void unknownFieldsAndNullsAreIgnored()
    {
        const QByteArray body =
            R"({"future":{"a":[1,{"b":null}]},"resourceSpans":[{"schemaUrl":"x","resource":null,
            "scopeSpans":[{"scope":null,"spans":[{)" +
            kIds + R"(,"parentSpanId":"","attributes":null,"events":null,
            "newThing":[[[]]],"status":null,"kind":null,"name":null,
            "links":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"2122232425262728","later":1}]}]}]}]})";
        const auto r = otlp::decodeTracesJson(body);
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 1);
        const Span& s = r.batch.spans()[0];
        QVERIFY(s.isRoot());
        QVERIFY(s.name.isEmpty());
        QCOMPARE(s.kind, SpanKind::Unspecified);
        QCOMPARE(s.links.size(), 1u);
        QCOMPARE(s.links[0].spanId.toHex(), QStringLiteral("2122232425262728"));
        QCOMPARE(r.batch.resourceOf(s).serviceName(), QStringLiteral("unknown_service"));
    }

    void everyAnyValueKind()
    {
        const QByteArray attrs = R"("attributes":[
            {"key":"s","value":{"stringValue":"text"}},
            {"key":"t","value":{"boolValue":false}},
            {"key":"i","value":{"intValue":9007199254740993}},
            {"key":"d","value":{"doubleValue":1.5}},
            {"key":"nan","value":{"doubleValue":"NaN"}},
            {"key":"inf","value":{"doubleValue":"-Infinity"}},
            {"key":"qd","value":{"doubleValue":"2.25"}},
            {"key":"bytes","value":{"bytesValue":"aGVsbG8="}},
            {"key":"url","value":{"bytesValue":"-_8"}},
            {"key":"arr","value":{"arrayValue":{"values":[{"intValue":"1"},{"stringValue":"two"},{"arrayValue":{}}]}}},
            {"key":"kv","value":{"kvlistValue":{"values":[{"key":"a","value":{"doubleValue":0.5}},{"key":"b"}]}}},
            {"key":"empty","value":{}}])";
        const auto r = otlp::decodeTracesJson(oneSpan("{" + kIds + "," + attrs + "}"));
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        const auto& a = r.batch.spans()[0].attributes;
        QCOMPARE(a.size(), 12);
        QCOMPARE(a.value(u"s").toString(), QStringLiteral("text"));
        QCOMPARE(a.value(u"t").type(), AnyValue::Type::Bool);
        QCOMPARE(a.value(u"i").toInt(), Q_INT64_C(9007199254740993)); // not rounded through double
        QCOMPARE(a.value(u"d").toDouble(), 1.5);
        QVERIFY(std::isnan(a.value(u"nan").toDouble()));
        QVERIFY(std::isinf(a.value(u"inf").toDouble()) && a.value(u"inf").toDouble() < 0);
        QCOMPARE(a.value(u"qd").toDouble(), 2.25);
        QCOMPARE(a.value(u"bytes").toBytes(), QByteArray("hello"));
        QCOMPARE(a.value(u"url").toBytes(), QByteArray("\xfb\xff", 2));
        QCOMPARE(a.value(u"arr").displayString(), QStringLiteral("[1, two, []]"));
        QCOMPARE(a.value(u"kv").type(), AnyValue::Type::KvList);
        QCOMPARE(a.value(u"kv").kvList().at(0).value.toDouble(), 0.5);
        QCOMPARE(a.value(u"kv").displayString(), QStringLiteral("{a=0.5, b=}"));
        QVERIFY(a.value(u"empty").isEmpty());
        QVERIFY(a.find(u"missing") == nullptr);
    }

    void resourceMayFollowItsSpans()
    {
        const QByteArray body =
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{)" + kIds +
            R"(}],"scope":{"name":"late"}}],"resource":{"attributes":[{"key":"service.name",
                                "value":{"stringValue":"after"}}]}}]})";
        const auto r = otlp::decodeTracesJson(body);
        QVERIFY2(!r.malformed, qPrintable(r.errorText()));
        const Span& s = r.batch.spans()[0];
        QCOMPARE(r.batch.resourceOf(s).serviceName(), QStringLiteral("after"));
        QCOMPARE(r.batch.scopeOf(s).name, QStringLiteral("late"));
    }

    void endBeforeStartIsKeptAndFlagged()
    {
        const auto r = otlp::decodeTracesJson(
            oneSpan("{" + kIds + R"(,"startTimeUnixNano":"2000","endTimeUnixNano":"1000"})"));
        QCOMPARE(r.accepted, 1);
        QCOMPARE(r.rejected, 0);
        QCOMPARE(r.warningCount, 1);
        QCOMPARE(r.warnings[0].englishMessage(),
                 QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0]: end time is before start time"));
        QVERIFY(r.batch.spans()[0].endsBeforeStart());
        QCOMPARE(r.batch.spans()[0].durationNs(), 0);
    }

    void emptyRequestIsSuccess()
    {
        for (const QByteArray& body : {QByteArray("{}"), QByteArray(R"({"resourceSpans":[]})"),
                                       QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[]}]}]})")}) {
            const auto r = otlp::decodeTracesJson(body);
            QVERIFY(!r.malformed);
            QCOMPARE(r.accepted, 0);
            QCOMPARE(r.rejected, 0);
            QVERIFY(r.batch.isEmpty());
        }
    }

    void batchesAreSharedOnCopy()
    {
        const auto r = otlp::decodeTracesJson(readSample(QStringLiteral("otlp_traces.json")));
        const telemetry::SpanBatch copy = r.batch;
        QCOMPARE(&copy.spans(), &r.batch.spans());
    }
};

QTEST_GUILESS_MAIN(TestOtlpTraces)
#include "tst_otlp_traces.moc"
