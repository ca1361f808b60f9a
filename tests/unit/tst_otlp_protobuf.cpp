// OTLP protobuf decoding: the real SDK bodies (004-007 .pb) against their JSON twins, and hand-encoded
// messages for logs, metrics, the wire-format edge cases and the errors.

#include "ProtoFixtures.h"
#include "TestSupport.h"
#include "otlp/OtlpJson.h"
#include "otlp/OtlpProtobuf.h"

#include <QFile>
#include <QTest>

#include <cstring>
#include <map>

using namespace wf;
using telemetry::AnyValue;
using telemetry::Span;
using namespace wf::test::proto;

namespace {

QByteArray readSample(const QString& name)
{
    QFile f(test::samplePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read sample %s", qPrintable(f.fileName()));
    return f.readAll();
}

const QByteArray kTrace = QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10");
const QByteArray kSpanId = QByteArray::fromHex("1112131415161718");

// A span's shape, without ids and times (the .pb captures are another run of the same program).
struct Shape
{
    QString service, scope, name, status;
    int kind;
    QStringList attributes, events;
    bool root;
    friend bool operator==(const Shape&, const Shape&) = default;
};

QList<Shape> shapes(const std::vector<std::pair<telemetry::SpanBatch, int>>& batches)
{
    QList<Shape> out;
    for (const auto& [b, unused] : batches) {
        for (const Span& s : b.spans()) {
            Shape sh{b.resourceOf(s).serviceName(),
                     b.scopeOf(s).name + QLatin1Char('@') + b.scopeOf(s).version,
                     s.name,
                     QString::number(int(s.statusCode)) + s.statusMessage,
                     int(s.kind),
                     {},
                     {},
                     s.isRoot()};
            for (const auto& kv : s.attributes)
                sh.attributes << kv.key + QLatin1Char('=') + kv.value.displayString();
            for (const auto& e : s.events) {
                QString text = e.name;
                for (const auto& kv : e.attributes)
                    text += QLatin1Char(' ') + kv.key + QLatin1Char('=') + kv.value.displayString();
                sh.events << text;
            }
            out << sh;
        }
    }
    return out;
}

} // namespace

class TestOtlpProtobuf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sdkBodiesDecodeLikeTheirJsonTwins()
    {
        std::vector<std::pair<telemetry::SpanBatch, int>> fromPb;
        std::vector<std::pair<telemetry::SpanBatch, int>> fromJson;
        for (int i = 0; i < 3; ++i) {
            const auto pb = otlp::decodeTracesProtobuf(
                readSample(QStringLiteral("otlp_captures/00%1_v1_traces.pb").arg(i + 4)));
            QVERIFY2(!pb.malformed && pb.rejected == 0, qPrintable(pb.errorText()));
            const auto js = otlp::decodeTracesJson(
                readSample(QStringLiteral("otlp_captures/00%1_v1_traces.json").arg(i + 1)));
            QCOMPARE(pb.accepted, js.accepted);
            QCOMPARE(pb.batch.resources().size(), 1u);
            QCOMPARE(pb.batch.resources()[0], js.batch.resources()[0]); // resources carry no ids or times
            fromPb.push_back({pb.batch, 0});
            fromJson.push_back({js.batch, 0});
        }
        QCOMPARE(shapes(fromPb), shapes(fromJson));
        QCOMPARE(shapes(fromPb).size(), 6);

        // Ids and times are real: one trace, every parent present, durations positive.
        std::map<telemetry::SpanId, const Span*> byId;
        for (const auto& [b, unused] : fromPb)
            for (const Span& s : b.spans())
                byId[s.spanId] = &s;
        const telemetry::TraceId trace = fromPb[0].first.spans()[0].traceId;
        QCOMPARE(trace.toHex(), QStringLiteral("41cd8b84cf6b345e758381f6c74df0fb"));
        for (const auto& [id, s] : byId) {
            QCOMPARE(s->traceId, trace);
            QVERIFY(s->isRoot() || byId.count(s->parentSpanId));
            QVERIFY(s->durationNs() > 0);
            QVERIFY(s->startNs > Q_INT64_C(1700000000000000000));
            QCOMPARE(s->flags, 257u);
        }
        QCOMPARE(byId.size(), 6u);
    }

    void nodeSdkDefaultProtobufMatchesItsJsonRun()
    {
        const auto pb =
            otlp::decodeTracesProtobuf(readSample(QStringLiteral("otlp_captures/007_v1_traces.pb")));
        const auto js =
            otlp::decodeTracesJson(readSample(QStringLiteral("otlp_captures/008_v1_traces.json")));
        QVERIFY2(!pb.malformed && pb.rejected == 0, qPrintable(pb.errorText()));
        QCOMPARE(pb.accepted, 2);
        const auto& pr = pb.batch.resources()[0].attributes();
        const auto& jr = js.batch.resources()[0].attributes();
        QCOMPARE(pr.size(), jr.size());
        for (qsizetype i = 0; i < pr.size(); ++i) {
            QCOMPARE(pr.at(i).key, jr.at(i).key);
            QCOMPARE(pr.at(i).value.type(), jr.at(i).value.type());
        }
        QCOMPARE(pb.batch.resources()[0].serviceName(), QStringLiteral("sdk-default"));
        QCOMPARE(pr.value(u"process.command_args").array().size(), 2u);
        QCOMPARE(pb.batch.spans()[0].name, QStringLiteral("child"));
        QCOMPARE(pb.batch.spans()[0].parentSpanId, pb.batch.spans()[1].spanId);
        QVERIFY(pb.batch.spans()[1].isRoot());
    }

    void emptyBodyIsAnEmptyRequest()
    {
        const auto r = otlp::decodeTracesProtobuf(QByteArrayView());
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 0);
    }

    void unknownFieldsAndWireTypesAreSkipped()
    {
        const QByteArray span =
            len(1, kTrace) + len(2, kSpanId) + vint(99, 7) + len(98, "x") + fixed64(97, 1) + tag(96, 5) +
            QByteArray(4, '\0') + vint(5, 3) /* name as varint: skipped */ + len(5, "op") + vint(6, 3) +
            fixed64(7, 10) + fixed64(8, 20) + len(9, strAttr("k", "v")) + len(15, len(2, "bad") + vint(3, 2));
        const auto r =
            otlp::decodeTracesProtobuf(envelope(len(2, span), len(1, strAttr("service.name", "svc"))));
        QVERIFY2(!r.malformed && r.accepted == 1, qPrintable(r.errorText()));
        const Span& s = r.batch.spans()[0];
        QCOMPARE(s.name, QStringLiteral("op"));
        QCOMPARE(s.kind, telemetry::SpanKind::Client);
        QCOMPARE(s.durationNs(), 10);
        QCOMPARE(s.attributes.value(u"k").toString(), QStringLiteral("v"));
        QCOMPARE(s.statusCode, telemetry::StatusCode::Error);
        QCOMPARE(s.statusMessage, QStringLiteral("bad"));
        QCOMPARE(r.batch.resourceOf(s).serviceName(), QStringLiteral("svc"));
    }

    void anyValuesOfEveryKind()
    {
        const QByteArray values =
            len(9, len(1, "i") + len(2, vint(3, quint64(-5)))) + len(9, len(1, "d") + len(2, dbl(4, 2.5))) +
            len(9, len(1, "b") + len(2, vint(2, 1))) +
            len(9, len(1, "raw") + len(2, len(7, QByteArray("\x00\x01", 2)))) +
            len(9, len(1, "arr") + len(2, len(5, len(1, len(1, "x")) + len(1, vint(3, 7))))) +
            len(9, len(1, "kv") + len(2, len(6, len(1, strAttr("a", "b")))));
        const auto r =
            otlp::decodeTracesProtobuf(envelope(len(2, len(1, kTrace) + len(2, kSpanId) + values)));
        QVERIFY2(r.accepted == 1, qPrintable(r.errorText()));
        const auto& a = r.batch.spans()[0].attributes;
        QCOMPARE(a.value(u"i").toInt(), -5);
        QCOMPARE(a.value(u"d").toDouble(), 2.5);
        QCOMPARE(a.value(u"b").toBool(), true);
        QCOMPARE(a.value(u"raw").toBytes(), QByteArray("\x00\x01", 2));
        QCOMPARE(a.value(u"arr").displayString(), QStringLiteral("[x, 7]"));
        QCOMPARE(a.value(u"kv").displayString(), QStringLiteral("{a=b}"));
    }

    void itemErrorsAndMalformedBodies()
    {
        const QByteArray good = len(2, len(1, kTrace) + len(2, kSpanId));
        const QByteArray shortId = len(2, len(1, kTrace.left(15)) + len(2, kSpanId));
        const QByteArray zero = len(2, len(1, QByteArray(16, '\0')) + len(2, kSpanId));
        const QByteArray farTime = len(2, len(1, kTrace) + len(2, kSpanId) + fixed64(7, ~quint64(0)));
        const auto r = otlp::decodeTracesProtobuf(envelope(good + shortId + zero + farTime + good));
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 2);
        QCOMPARE(r.rejected, 3);
        const QString p = QStringLiteral("resourceSpans[0].scopeSpans[0].spans[");
        QCOMPARE(r.errors[0].englishMessage(), p + QStringLiteral("1].traceId: expected 16 bytes, got 15"));
        QCOMPARE(r.errors[1].englishMessage(),
                 p + QStringLiteral("2].traceId: an id of all zeros is invalid"));
        QCOMPARE(r.errors[2].englishMessage(),
                 p + QStringLiteral("3].startTimeUnixNano: number out of range: 18446744073709551615"));

        const QByteArray body = envelope(good);
        for (int cut = 1; cut < body.size(); ++cut) {
            const auto t = otlp::decodeTracesProtobuf(body.left(cut));
            QVERIFY2(t.malformed, qPrintable(QString::number(cut)));
            QVERIFY(t.batch.isEmpty());
            QVERIFY(t.errors[0].englishMessage().contains(QStringLiteral("not a valid protobuf message")));
        }
        QVERIFY(otlp::decodeTracesProtobuf(QByteArray("\x0b\x00", 2)).malformed); // group wire type
        QVERIFY(otlp::decodeTracesProtobuf(QByteArray(11, '\xff')).malformed);    // endless varint
        QVERIFY(otlp::decodeTracesProtobuf(QByteArray(tag(1, 2) + varint(1u << 30) + "x"))
                    .malformed); // past the end
    }

    void logs()
    {
        const QByteArray rec = fixed64(1, 5) + vint(2, 17) + len(3, "ERROR") + len(5, len(1, "boom")) +
                               len(6, strAttr("k", "v")) + fixed64(11, 6) + len(9, kTrace) +
                               len(10, QByteArray(3, 'x')) + len(12, "evt");
        const QByteArray kvBody = len(5, len(6, len(1, strAttr("user", "u-42"))));
        const auto r = otlp::decodeLogsProtobuf(envelope(len(2, rec) + len(2, kvBody)));
        QVERIFY2(!r.malformed && r.accepted == 2, qPrintable(r.errorText()));
        const auto& a = r.batch.records()[0];
        QCOMPARE(a.timeNs, 5);
        QCOMPARE(a.observedTimeNs, 6);
        QCOMPARE(a.severityNumber, 17);
        QCOMPARE(a.severityText, QStringLiteral("ERROR"));
        QCOMPARE(a.bodyText, QStringLiteral("boom"));
        QCOMPARE(a.attributes.value(u"k").toString(), QStringLiteral("v"));
        QCOMPARE(a.traceId.toByteArray(), kTrace);
        QVERIFY(!a.spanId.isValid()); // 3 bytes: ignored with a warning
        QCOMPARE(a.eventName, QStringLiteral("evt"));
        QCOMPARE(r.warningCount, 1);
        QCOMPARE(
            r.warnings[0].englishMessage(),
            QStringLiteral("resourceLogs[0].scopeLogs[0].logRecords[0].spanId: expected 8 bytes, got 3"));
        QCOMPARE(r.batch.records()[1].bodyText, QStringLiteral("{user=u-42}"));
    }

    void metricsOfEveryType()
    {
        auto packedFixed = [](std::initializer_list<quint64> values) {
            QByteArray out;
            for (quint64 v : values)
                out += fixed64(1, v).mid(1);
            return out;
        };
        auto packedDoubles = [](std::initializer_list<double> values) {
            QByteArray out;
            for (double v : values)
                out += dbl(1, v).mid(1);
            return out;
        };
        const QByteArray gauge = len(1, "g") + len(5, len(1, fixed64(3, 1000) + fixed64(6, quint64(-3))) +
                                                          len(1, fixed64(3, 2000) + dbl(4, 1.5)));
        const QByteArray sum =
            len(1, "s") + len(7, len(1, fixed64(3, 1) + fixed64(6, 9)) + vint(2, 2) + vint(3, 1));
        const QByteArray hist =
            len(1, "h") +
            len(9, vint(2, 1) + len(1, fixed64(4, 6) + dbl(5, 12.5) + len(6, packedFixed({1, 2, 3})) +
                                           len(7, packedDoubles({1, 5})) + dbl(11, 0.5) + dbl(12, 9)));
        // Unpacked repeated fields are valid too.
        const QByteArray histUnpacked =
            len(1, "hu") + len(9, len(1, fixed64(6, 4) + fixed64(6, 5) + dbl(7, 10)));
        const QByteArray exp =
            len(1, "e") +
            len(10, vint(2, 2) + len(1, fixed64(4, 7) + vint(6, 3 /* zigzag -2 */) + fixed64(7, 1) +
                                            len(8, vint(1, 5) + len(2, varint(2) + varint(300))) +
                                            len(9, vint(1, 0))));
        const QByteArray summary =
            len(1, "q") + len(11, len(1, fixed64(4, 3) + dbl(5, 6) + len(6, dbl(1, 0.5) + dbl(2, 2))));
        const auto r =
            otlp::decodeMetricsProtobuf(envelope(len(2, gauge) + len(2, sum) + len(2, hist) +
                                                 len(2, histUnpacked) + len(2, exp) + len(2, summary)));
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 7);
        const auto& m = r.batch.metrics();
        QCOMPARE(m.size(), 6u);
        QCOMPARE(m[0].type, telemetry::MetricType::Gauge);
        QCOMPARE(m[0].numberPoints.intValues[0], -3);
        QCOMPARE(m[0].numberPoints.values, (std::vector<double>{-3, 1.5}));
        QCOMPARE(m[0].numberPoints.isInt, (std::vector<quint8>{1, 0}));
        QCOMPARE(m[1].temporality, telemetry::AggregationTemporality::Cumulative);
        QVERIFY(m[1].isMonotonic);
        const auto& h = m[2].histogramPoints.at(0);
        QCOMPARE(m[2].temporality, telemetry::AggregationTemporality::Delta);
        QCOMPARE(h.count, 6u);
        QCOMPARE(h.sum, std::optional<double>(12.5));
        QCOMPARE(h.bucketCounts, (std::vector<quint64>{1, 2, 3}));
        QCOMPARE(h.explicitBounds, (std::vector<double>{1, 5}));
        QCOMPARE(h.min, std::optional<double>(0.5));
        QCOMPARE(m[3].histogramPoints.at(0).bucketCounts, (std::vector<quint64>{4, 5}));
        const auto& e = m[4].exponentialHistogramPoints.at(0);
        QCOMPARE(e.scale, -2);
        QCOMPARE(e.positive.offset, -3);
        QCOMPARE(e.positive.bucketCounts, (std::vector<quint64>{2, 300}));
        QCOMPARE(e.zeroCount, 1u);
        QCOMPARE(m[5].summaryPoints.at(0).quantiles.at(0).value, 2.0);
    }
};

QTEST_GUILESS_MAIN(TestOtlpProtobuf)
#include "tst_otlp_protobuf.moc"
