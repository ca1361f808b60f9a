// OTLP/JSON log decoding from small inline fixtures: bodies of every shape, severities as numbers and
// names, times as strings and numbers, trace context, and ids that OTLP says to ignore when invalid.

#include "otlp/OtlpJson.h"

#include <QTest>

using namespace wf;
using telemetry::AnyValue;
using telemetry::LogRecord;

class TestOtlpLogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsOfEveryShape()
    {
        const QByteArray body =
            R"({"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
          "scopeLogs":[{"scope":{"name":"logger","version":"2"},"logRecords":[
            {"timeUnixNano":"1795471000000000001","observedTimeUnixNano":1795471000000000002,"severityNumber":17,
             "severityText":"ERROR","body":{"stringValue":"payment declined"},
             "attributes":[{"key":"order.id","value":{"intValue":"1001"}}],"droppedAttributesCount":1,
             "traceId":"9C800593C582EBF9C0176132DF33C7B5","spanId":"d741b49c42bc2c8d","flags":1},
            {"observedTimeUnixNano":"1795471000000000003","severityNumber":"SEVERITY_NUMBER_WARN","severityText":"WARN",
             "body":{"kvlistValue":{"values":[{"key":"user","value":{"stringValue":"u-42"}},{"key":"n","value":{"intValue":3}}]}},
             "eventName":"cart.abandoned"},
            {"body":{"arrayValue":{"values":[{"boolValue":true},{"doubleValue":0.25}]}}},
            {}
          ]}]}]})";
        const auto r = otlp::decodeLogsJson(body);
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 4);
        QCOMPARE(r.batch.size(), 4);
        const auto& b = r.batch;

        const LogRecord& error = b.records()[0];
        QCOMPARE(error.timeNs, Q_INT64_C(1795471000000000001));
        QCOMPARE(error.observedTimeNs, Q_INT64_C(1795471000000000002));
        QCOMPARE(error.effectiveTimeNs(), error.timeNs);
        QCOMPARE(error.severityNumber, 17);
        QCOMPARE(error.severityText, QStringLiteral("ERROR"));
        QCOMPARE(error.body.type(), AnyValue::Type::String);
        QCOMPARE(error.bodyText, QStringLiteral("payment declined"));
        QCOMPARE(error.attributes.value(u"order.id").toInt(), 1001);
        QCOMPARE(error.attributes.droppedCount(), 1u);
        QCOMPARE(error.traceId.toHex(), QStringLiteral("9c800593c582ebf9c0176132df33c7b5"));
        QCOMPARE(error.spanId.toHex(), QStringLiteral("d741b49c42bc2c8d"));
        QCOMPARE(error.flags, 1u);
        QCOMPARE(b.resourceOf(error).serviceName(), QStringLiteral("checkout"));
        QCOMPARE(b.scopeOf(error).name, QStringLiteral("logger"));

        const LogRecord& warn = b.records()[1];
        QCOMPARE(warn.timeNs, 0);
        QCOMPARE(warn.effectiveTimeNs(), Q_INT64_C(1795471000000000003));
        QCOMPARE(warn.severityNumber, 13);
        QCOMPARE(warn.eventName, QStringLiteral("cart.abandoned"));
        QCOMPARE(warn.body.type(), AnyValue::Type::KvList);
        QCOMPARE(warn.bodyText, QStringLiteral("{user=u-42, n=3}"));
        QVERIFY(!warn.traceId.isValid());

        QCOMPARE(b.records()[2].bodyText, QStringLiteral("[true, 0.25]"));
        QVERIFY(b.records()[3].body.isEmpty());
        QVERIFY(b.records()[3].bodyText.isEmpty());
    }

    void snakeCaseNames()
    {
        const QByteArray body = R"({"resource_logs":[{"scope_logs":[{"log_records":[{"time_unix_nano":5,
            "severity_number":9,"severity_text":"INFO","body":{"string_value":"hi"},"trace_id":"0102030405060708090a0b0c0d0e0f10",
            "span_id":"1112131415161718","event_name":"e","observed_time_unix_nano":"6"}]}]}]})";
        const auto r = otlp::decodeLogsJson(body);
        QVERIFY2(!r.malformed && r.accepted == 1, qPrintable(r.errorText()));
        const LogRecord& rec = r.batch.records()[0];
        QCOMPARE(rec.timeNs, 5);
        QCOMPARE(rec.observedTimeNs, 6);
        QCOMPARE(rec.severityNumber, 9);
        QCOMPARE(rec.bodyText, QStringLiteral("hi"));
        QVERIFY(rec.traceId.isValid());
        QVERIFY(rec.spanId.isValid());
        QCOMPARE(rec.eventName, QStringLiteral("e"));
    }

    void invalidIdsAreIgnoredWithAWarning()
    {
        // OTLP logs/v1: receivers SHOULD treat a record with an invalid trace or span id as not
        // associated with a trace, not reject it.
        const QByteArray body = R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[
            {"traceId":"0102030405060708090a0b0c0d0e0f1","spanId":"0000000000000000","body":{"stringValue":"a"}},
            {"traceId":"","spanId":7,"body":{"stringValue":"b"}}]}]}]})";
        const auto r = otlp::decodeLogsJson(body);
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 2);
        QCOMPARE(r.rejected, 0);
        QCOMPARE(r.warningCount, 3);
        QCOMPARE(
            r.warnings[0].englishMessage(),
            QStringLiteral(
                "resourceLogs[0].scopeLogs[0].logRecords[0].traceId: expected 32 hex characters, got 31"));
        QCOMPARE(r.warnings[1].englishMessage(),
                 QStringLiteral(
                     "resourceLogs[0].scopeLogs[0].logRecords[0].spanId: an id of all zeros is invalid"));
        QCOMPARE(r.warnings[2].englishMessage(),
                 QStringLiteral(
                     "resourceLogs[0].scopeLogs[0].logRecords[1].spanId: expected a string, got a number"));
        for (const LogRecord& rec : r.batch.records()) {
            QVERIFY(!rec.traceId.isValid());
            QVERIFY(!rec.spanId.isValid());
        }
    }

    void badRecordsAreRejectedOneByOne()
    {
        const QByteArray body = R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[
            {"body":{"stringValue":"ok"}},
            {"severityNumber":"LOUD"},
            {"timeUnixNano":"yesterday"},
            {"body":"plain string"},
            {"body":{"stringValue":"ok too"}}]}]}]})";
        const auto r = otlp::decodeLogsJson(body);
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 2);
        QCOMPARE(r.rejected, 3);
        QCOMPARE(r.errors.size(), 3);
        const QString p = QStringLiteral("resourceLogs[0].scopeLogs[0].logRecords[");
        QCOMPARE(r.errors[0].englishMessage(),
                 p + QStringLiteral("1].severityNumber: unknown enum value \"LOUD\""));
        QCOMPARE(r.errors[1].englishMessage(),
                 p + QStringLiteral("2].timeUnixNano: expected an integer, got \"yesterday\""));
        QCOMPARE(r.errors[2].englishMessage(),
                 p + QStringLiteral("3].body: expected an object, got a string"));
        QCOMPARE(r.batch.records()[1].bodyText, QStringLiteral("ok too"));
    }

    void structuredBodyTextIsBounded()
    {
        otlp::DecodeLimits limits;
        limits.maxStringBytes = 10;
        const auto r =
            otlp::decodeLogsJson(R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"arrayValue":
            {"values":[{"stringValue":"aaaa"},{"stringValue":"bbbb"},{"stringValue":"cccc"}]}}}]}]}]})",
                                 limits);
        QCOMPARE(r.accepted, 1);
        QCOMPARE(r.batch.records()[0].bodyText, QStringLiteral("[aaaa, bbb") + QChar(0x2026));
        QCOMPARE(r.truncatedStrings, 1);
    }

    void tooManyRecords()
    {
        otlp::DecodeLimits limits;
        limits.maxItems = 1;
        const auto r =
            otlp::decodeLogsJson(R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[{},{},{}]}]}]})", limits);
        QCOMPARE(r.accepted, 1);
        QCOMPARE(r.rejected, 2);
    }
};

QTEST_GUILESS_MAIN(TestOtlpLogs)
#include "tst_otlp_logs.moc"
