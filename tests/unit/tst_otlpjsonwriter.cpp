#include "TestSupport.h"
#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::demo;

namespace {

QByteArray readSample(const QString& name)
{
    QFile f(wf::test::samplePath(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool isHex(const QString& s, int length)
{
    static const QRegularExpression re(u"^[0-9a-f]+$"_s);
    return s.size() == length && re.match(s).hasMatch();
}

bool isNanosString(const QJsonValue& v)
{
    static const QRegularExpression re(u"^[0-9]{19}$"_s);
    return v.isString() && re.match(v.toString()).hasMatch();
}

QJsonObject parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s at %d", qPrintable(error.errorString()), error.offset);
    return doc.object();
}

// The start and end of one span object, keys in the order the JS SDK writes them. (Outside the test
// class.) No raw string literals in this file: Qt 6.4's moc mis-lexes those with an odd number of
// quotes and then finds no test class.
const QRegularExpression& spanHeadPattern()
{
    static const QRegularExpression re(
        u"\\{\"traceId\":\"[0-9a-f]{32}\",\"spanId\":\"[0-9a-f]{16}\",(?:\"parentSpanId\":\"[0-9a-f]{16}\",)?"_s +
        u"\"name\":\"[^\"]*\",\"kind\":[1-5],\"startTimeUnixNano\":\"\\d+\",\"endTimeUnixNano\":\"\\d+\",\"attributes\":\\["_s);
    return re;
}

const QRegularExpression& spanTailPattern()
{
    static const QRegularExpression re(u"\\],\"droppedLinksCount\":0,\"flags\":(257|769)\\}"_s);
    return re;
}

quint64 hexValue(const QString& s)
{
    return s.toULongLong(nullptr, 16);
}

// Rebuilds the value types from an OTLP JSON traces body (string and int attributes only, which is
// what the captured samples 001-003 use).
TelemetryBatch batchFromSample(const QJsonObject& root)
{
    auto attributes = [](const QJsonArray& array) {
        Attributes out;
        for (const QJsonValue& v : array) {
            const QJsonObject kv = v.toObject();
            const QJsonObject value = kv.value(u"value"_s).toObject();
            if (value.contains(u"intValue"_s))
                out.append({kv.value(u"key"_s).toString(), qint64(value.value(u"intValue"_s).toInteger())});
            else
                out.append({kv.value(u"key"_s).toString(), value.value(u"stringValue"_s).toString()});
        }
        return out;
    };
    TelemetryBatch b;
    for (const QJsonValue& rsv : root.value(u"resourceSpans"_s).toArray()) {
        const QJsonObject rs = rsv.toObject();
        ResourceInfo resource;
        resource.attributes = attributes(rs.value(u"resource"_s).toObject().value(u"attributes"_s).toArray());
        b.resources.append(resource);
        for (const QJsonValue& ssv : rs.value(u"scopeSpans"_s).toArray()) {
            const QJsonObject ss = ssv.toObject();
            const QJsonObject scope = ss.value(u"scope"_s).toObject();
            b.scopes.append(
                ScopeInfo{scope.value(u"name"_s).toString(), scope.value(u"version"_s).toString()});
            for (const QJsonValue& sv : ss.value(u"spans"_s).toArray()) {
                const QJsonObject o = sv.toObject();
                SimSpan s;
                s.origin = SignalOrigin{int(b.resources.size() - 1), int(b.scopes.size() - 1)};
                const QString trace = o.value(u"traceId"_s).toString();
                s.traceId = TraceId{hexValue(trace.left(16)), hexValue(trace.mid(16))};
                s.spanId = SpanId{hexValue(o.value(u"spanId"_s).toString())};
                s.parentSpanId = SpanId{hexValue(o.value(u"parentSpanId"_s).toString())};
                s.name = o.value(u"name"_s).toString();
                s.kind = SpanKind(o.value(u"kind"_s).toInt());
                s.startTimeUnixNano = o.value(u"startTimeUnixNano"_s).toString().toLongLong();
                s.endTimeUnixNano = o.value(u"endTimeUnixNano"_s).toString().toLongLong();
                s.attributes = attributes(o.value(u"attributes"_s).toArray());
                for (const QJsonValue& ev : o.value(u"events"_s).toArray()) {
                    const QJsonObject e = ev.toObject();
                    s.events.append(SpanEvent{e.value(u"name"_s).toString(),
                                              e.value(u"timeUnixNano"_s).toString().toLongLong(),
                                              attributes(e.value(u"attributes"_s).toArray())});
                }
                const QJsonObject status = o.value(u"status"_s).toObject();
                s.status = StatusCode(status.value(u"code"_s).toInt());
                s.statusMessage = status.value(u"message"_s).toString();
                s.flags = quint32(o.value(u"flags"_s).toInt());
                b.spans.append(s);
            }
        }
    }
    return b;
}

TelemetryBatch simulated(qint64 seconds, qint64 failureAfter = 5)
{
    ShopConfig config;
    config.seed = 42;
    config.scenario.failureAfterNs = failureAfter * kNanosPerSecond;
    ShopSimulation sim(config);
    sim.advanceTo(seconds * kNanosPerSecond);
    return sim.takeBatch();
}

} // namespace

class TestOtlpJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void reproducesCapturedJsSdkBodiesByteForByte_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("001 frontend") << u"otlp_captures/001_v1_traces.json"_s;
        QTest::newRow("002 api-gateway") << u"otlp_captures/002_v1_traces.json"_s;
        QTest::newRow("003 orders-db, exception event") << u"otlp_captures/003_v1_traces.json"_s;
    }
    void reproducesCapturedJsSdkBodiesByteForByte()
    {
        QFETCH(QString, file);
        const QByteArray sample = readSample(file);
        QVERIFY2(!sample.isEmpty(), qPrintable(file)); // the captures live in tests/data/samples
        const TelemetryBatch batch = batchFromSample(parse(sample));
        QVERIFY(!batch.spans.isEmpty());
        QCOMPARE(OtlpJsonWriter::traces(batch), sample);
    }

    void tracesHaveTheOtlpShape()
    {
        const TelemetryBatch batch = simulated(30);
        const QByteArray json = OtlpJsonWriter::traces(batch);
        const QJsonObject root = parse(json);
        QCOMPARE(root.keys(), QStringList{u"resourceSpans"_s});
        int spans = 0;
        for (const QJsonValue& rsv : root.value(u"resourceSpans"_s).toArray()) {
            const QJsonObject rs = rsv.toObject();
            QCOMPARE(rs.keys(), (QStringList{u"resource"_s, u"scopeSpans"_s}));
            const QJsonObject resource = rs.value(u"resource"_s).toObject();
            QCOMPARE(resource.value(u"droppedAttributesCount"_s).toInt(-1), 0);
            const QJsonArray attrs = resource.value(u"attributes"_s).toArray();
            QCOMPARE(attrs.first().toObject().value(u"key"_s).toString(), u"service.name"_s);
            QVERIFY(!attrs.first()
                         .toObject()
                         .value(u"value"_s)
                         .toObject()
                         .value(u"stringValue"_s)
                         .toString()
                         .isEmpty());
            for (const QJsonValue& ssv : rs.value(u"scopeSpans"_s).toArray()) {
                const QJsonObject ss = ssv.toObject();
                QVERIFY(!ss.value(u"scope"_s).toObject().value(u"name"_s).toString().isEmpty());
                for (const QJsonValue& sv : ss.value(u"spans"_s).toArray()) {
                    const QJsonObject s = sv.toObject();
                    ++spans;
                    QVERIFY(isHex(s.value(u"traceId"_s).toString(), 32));
                    QVERIFY(isHex(s.value(u"spanId"_s).toString(), 16));
                    if (s.contains(u"parentSpanId"_s))
                        QVERIFY(isHex(s.value(u"parentSpanId"_s).toString(), 16));
                    QVERIFY(isNanosString(s.value(u"startTimeUnixNano"_s)));
                    QVERIFY(isNanosString(s.value(u"endTimeUnixNano"_s)));
                    const int kind = s.value(u"kind"_s).toInt();
                    QVERIFY(kind >= 1 && kind <= 5);
                    const int flags = s.value(u"flags"_s).toInt();
                    QVERIFY(flags == 257 || flags == 769);
                    for (const QJsonValue& ev : s.value(u"events"_s).toArray())
                        QVERIFY(isNanosString(ev.toObject().value(u"timeUnixNano"_s)));
                }
            }
        }
        QCOMPARE(spans, batch.spans.size());
    }

    void spanKeysAreInTheSdkOrder()
    {
        // Checked on the raw bytes: QJsonObject would sort the keys.
        const QRegularExpression& span = spanHeadPattern();
        const QRegularExpression& tail = spanTailPattern();
        const QByteArray sample = readSample(u"otlp_captures/001_v1_traces.json"_s);
        if (!sample.isEmpty())
            QVERIFY(span.match(QString::fromUtf8(sample)).hasMatch());
        const TelemetryBatch batch = simulated(5);
        const QString ours = QString::fromUtf8(OtlpJsonWriter::traces(batch));
        QCOMPARE(ours.count(span), batch.spans.size());
        QVERIFY(ours.count(tail) > 0);
        QVERIFY(ours.startsWith(
            u"{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\""_s));
    }

    void logsHaveTheOtlpShape()
    {
        const TelemetryBatch batch = simulated(40);
        const QJsonObject root = parse(OtlpJsonWriter::logs(batch));
        int records = 0;
        bool multiLine = false;
        for (const QJsonValue& rlv : root.value(u"resourceLogs"_s).toArray()) {
            const QJsonObject rl = rlv.toObject();
            QVERIFY(rl.value(u"resource"_s).toObject().contains(u"attributes"_s));
            for (const QJsonValue& slv : rl.value(u"scopeLogs"_s).toArray()) {
                const QJsonObject sl = slv.toObject();
                QVERIFY(sl.contains(u"scope"_s));
                for (const QJsonValue& lv : sl.value(u"logRecords"_s).toArray()) {
                    const QJsonObject l = lv.toObject();
                    ++records;
                    QVERIFY(isNanosString(l.value(u"timeUnixNano"_s)));
                    QVERIFY(isNanosString(l.value(u"observedTimeUnixNano"_s)));
                    const int severity = l.value(u"severityNumber"_s).toInt();
                    QVERIFY(severity == 9 || severity == 13 || severity == 17);
                    QVERIFY((QStringList{u"INFO"_s, u"WARN"_s, u"ERROR"_s})
                                .contains(l.value(u"severityText"_s).toString()));
                    const QString body = l.value(u"body"_s).toObject().value(u"stringValue"_s).toString();
                    QVERIFY(!body.isEmpty());
                    multiLine = multiLine || body.contains(u'\n');
                    if (l.contains(u"traceId"_s)) {
                        QVERIFY(isHex(l.value(u"traceId"_s).toString(), 32));
                        QVERIFY(isHex(l.value(u"spanId"_s).toString(), 16));
                        QCOMPARE(l.value(u"flags"_s).toInt(), 1);
                    }
                }
            }
        }
        QCOMPARE(records, batch.logs.size());
        QVERIFY(multiLine);
    }

    void metricsHaveTheOtlpShape()
    {
        const TelemetryBatch batch = simulated(3);
        const QJsonObject root = parse(OtlpJsonWriter::metrics(batch));
        const QJsonArray resources = root.value(u"resourceMetrics"_s).toArray();
        QCOMPARE(resources.size(), kShopServiceCount * kShopRegionCount);
        int histograms = 0;
        for (const QJsonValue& rmv : resources) {
            const QJsonObject rm = rmv.toObject();
            for (const QJsonValue& smv : rm.value(u"scopeMetrics"_s).toArray()) {
                for (const QJsonValue& mv : smv.toObject().value(u"metrics"_s).toArray()) {
                    const QJsonObject m = mv.toObject();
                    QVERIFY(!m.value(u"name"_s).toString().isEmpty());
                    QVERIFY(m.contains(u"unit"_s) && m.contains(u"description"_s));
                    QJsonArray points;
                    if (m.contains(u"histogram"_s)) {
                        ++histograms;
                        const QJsonObject h = m.value(u"histogram"_s).toObject();
                        QCOMPARE(h.value(u"aggregationTemporality"_s).toInt(), 2);
                        points = h.value(u"dataPoints"_s).toArray();
                        for (const QJsonValue& pv : points) {
                            const QJsonObject p = pv.toObject();
                            const QJsonArray counts = p.value(u"bucketCounts"_s).toArray();
                            QCOMPARE(counts.size(), p.value(u"explicitBounds"_s).toArray().size() + 1);
                            qint64 total = 0;
                            for (const QJsonValue& c : counts)
                                total += c.toInteger();
                            QCOMPARE(total, p.value(u"count"_s).toInteger());
                            QVERIFY(p.value(u"min"_s).toDouble() <= p.value(u"max"_s).toDouble());
                        }
                    } else if (m.contains(u"sum"_s)) {
                        const QJsonObject s = m.value(u"sum"_s).toObject();
                        QCOMPARE(s.value(u"aggregationTemporality"_s).toInt(), 2);
                        QCOMPARE(s.value(u"isMonotonic"_s).toBool(), true);
                        points = s.value(u"dataPoints"_s).toArray();
                        for (const QJsonValue& pv : points)
                            QVERIFY(pv.toObject().value(u"asInt"_s).isDouble());
                    } else {
                        QVERIFY(m.contains(u"gauge"_s));
                        points = m.value(u"gauge"_s).toObject().value(u"dataPoints"_s).toArray();
                        for (const QJsonValue& pv : points) {
                            const QJsonObject p = pv.toObject();
                            QVERIFY(p.contains(u"asInt"_s) || p.contains(u"asDouble"_s));
                        }
                    }
                    QVERIFY(!points.isEmpty());
                    for (const QJsonValue& pv : points) {
                        QVERIFY(isNanosString(pv.toObject().value(u"startTimeUnixNano"_s)));
                        QVERIFY(isNanosString(pv.toObject().value(u"timeUnixNano"_s)));
                    }
                }
            }
        }
        QVERIFY(histograms > 0);
    }

    void collectionsOfOneInstrumentMergeIntoOneMetric()
    {
        const TelemetryBatch batch = simulated(4); // four collections
        const QJsonObject root = parse(OtlpJsonWriter::metrics(batch));
        const QJsonObject first = root.value(u"resourceMetrics"_s).toArray().first().toObject();
        for (const QJsonValue& smv : first.value(u"scopeMetrics"_s).toArray()) {
            for (const QJsonValue& mv : smv.toObject().value(u"metrics"_s).toArray()) {
                const QJsonObject m = mv.toObject();
                if (m.value(u"name"_s).toString() != u"process.cpu.utilization"_s)
                    continue;
                const QJsonArray points = m.value(u"gauge"_s).toObject().value(u"dataPoints"_s).toArray();
                QCOMPARE(points.size(), 4);
                QVERIFY(points.at(0).toObject().value(u"timeUnixNano"_s).toString() <
                        points.at(3).toObject().value(u"timeUnixNano"_s).toString());
                return;
            }
        }
        QFAIL("no process.cpu.utilization metric");
    }

    void emptyBatchesAreValidRequests()
    {
        const TelemetryBatch empty;
        QCOMPARE(OtlpJsonWriter::traces(empty), QByteArray("{\"resourceSpans\":[]}"));
        QCOMPARE(OtlpJsonWriter::logs(empty), QByteArray("{\"resourceLogs\":[]}"));
        QCOMPARE(OtlpJsonWriter::metrics(empty), QByteArray("{\"resourceMetrics\":[]}"));
    }

    void stringsAreEscapedLikeJsonStringify()
    {
        TelemetryBatch b;
        b.resources.append(ResourceInfo{u"svc"_s, u"r"_s, {{u"service.name"_s, u"svc"_s}}});
        b.scopes.append(ScopeInfo{u"s"_s, {}});
        SimLogRecord l;
        l.body = u"quote\" backslash\\ newline\n tab\t ctl\x01 umlaut \u00fc"_s;
        l.attributes = {{u"ok"_s, true}, {u"ratio"_s, 0.25}, {u"whole"_s, 3.0}, {u"n"_s, qint64(-5)}};
        b.logs.append(l);
        const QByteArray json = OtlpJsonWriter::logs(b);
        QVERIFY(json.contains("\"quote\\\" backslash\\\\ newline\\n tab\\t ctl\\u0001 umlaut "));
        QVERIFY(json.contains("\xc3\xbc")); // UTF-8, not \u escaped, as JSON.stringify
        QVERIFY(json.contains("{\"key\":\"ok\",\"value\":{\"boolValue\":true}}"));
        QVERIFY(json.contains("{\"key\":\"ratio\",\"value\":{\"doubleValue\":0.25}}"));
        QVERIFY(json.contains("{\"key\":\"whole\",\"value\":{\"intValue\":3}}"));
        QVERIFY(json.contains("{\"key\":\"n\",\"value\":{\"intValue\":-5}}"));
        QVERIFY(json.contains("\"scope\":{\"name\":\"s\"},")); // no version key when there is none
        QVERIFY(!json.contains("\"traceId\""));                // no span context, no ids
        QCOMPARE(parse(json)
                     .value(u"resourceLogs"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"scopeLogs"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"logRecords"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"body"_s)
                     .toObject()
                     .value(u"stringValue"_s)
                     .toString(),
                 l.body);
    }

    void numbersAreFormattedLikeJavaScript_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bound") << 0.005 << QByteArray("0.005");
        QTest::newRow("whole") << 2.0 << QByteArray("2");
        QTest::newRow("negative zero") << -0.0 << QByteArray("0");
        QTest::newRow("large") << 123456789.5 << QByteArray("123456789.5");
        QTest::newRow("million") << 1e6 << QByteArray("1000000");
        QTest::newRow("tiny") << 1.5e-7 << QByteArray("1.5e-7");
        QTest::newRow("huge") << 1e21 << QByteArray("1e+21");
        QTest::newRow("third") << 1.0 / 3.0 << QByteArray("0.3333333333333333");
        QTest::newRow("nan") << qQNaN() << QByteArray("0");
        QTest::newRow("inf") << qInf() << QByteArray("0");
    }
    void numbersAreFormattedLikeJavaScript()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(OtlpJsonWriter::formatNumber(value), expected);
    }
};

QTEST_GUILESS_MAIN(TestOtlpJsonWriter)
#include "tst_otlpjsonwriter.moc"
