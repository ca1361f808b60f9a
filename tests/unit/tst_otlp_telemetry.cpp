// The telemetry value types on their own: ids, AnyValue, Attributes, Resource, batches.

#include "telemetry/LogRecord.h"
#include "telemetry/Metric.h"
#include "telemetry/Span.h"

#include <QTest>

using namespace wf::telemetry;

class TestOtlpTelemetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsRoundTripThroughHex()
    {
        const auto id = TraceId::fromHex(std::string_view("0A0b0C0d0E0f10111213141516171819"));
        QVERIFY(id);
        QCOMPARE(id->toHex(), QStringLiteral("0a0b0c0d0e0f10111213141516171819"));
        QCOMPARE(TraceId::fromHex(id->toHex()), id);
        QCOMPARE(id->toByteArray().size(), 16);
        QCOMPARE(TraceId::fromBytes(id->toByteArray()), id);
        QVERIFY(!TraceId::fromBytes(QByteArray(15, 'x')));
        QVERIFY(!SpanId::fromHex(std::string_view("0102030405060708090a")));
        QVERIFY(!SpanId::fromHex(std::string_view("01020304050607g8")));
        QVERIFY(!SpanId().isValid());
        QVERIFY(SpanId::fromHex(std::string_view("0000000000000001"))->isValid());
        QVERIFY(qHash(*id) == qHash(*TraceId::fromHex(id->toHex())));
        QVERIFY(*SpanId::fromHex(std::string_view("0000000000000001")) <
                *SpanId::fromHex(std::string_view("0000000000000002")));
    }

    void anyValueTypesAndDisplay()
    {
        QCOMPARE(AnyValue().type(), AnyValue::Type::Empty);
        QCOMPARE(AnyValue::fromInt(7).toDouble(), 7.0);
        QCOMPARE(AnyValue::fromString(QStringLiteral("x")).toInt(), 0);
        QCOMPARE(AnyValue::fromBool(true).displayString(), QStringLiteral("true"));
        QCOMPARE(AnyValue::fromDouble(0.1).displayString(), QStringLiteral("0.10000000000000001"));
        QCOMPARE(AnyValue::fromBytes(QByteArray("\x01\xff", 2)).displayString(), QStringLiteral("01ff"));
        const AnyValue nested = AnyValue::fromKvList(
            {{QStringLiteral("a"), AnyValue::fromArray({AnyValue::fromInt(1), AnyValue()})},
             {QStringLiteral("b"), {}}});
        QCOMPARE(nested.displayString(), QStringLiteral("{a=[1, ], b=}"));
        const AnyValue copy = nested; // shares the list
        QCOMPARE(&copy.kvList(), &nested.kvList());
        QVERIFY(copy == nested);
        QVERIFY(!(AnyValue::fromInt(1) == AnyValue::fromDouble(1)));
        QVERIFY(AnyValue::fromInt(1).array().empty());
    }

    void resourceServiceName()
    {
        QCOMPARE(Resource().serviceName(), QStringLiteral("unknown_service"));
        QCOMPARE(Resource(Attributes({{QStringLiteral("service.name"), AnyValue::fromInt(3)}})).serviceName(),
                 QStringLiteral("unknown_service"));
        QCOMPARE(Resource(Attributes({{QStringLiteral("service.name"),
                                       AnyValue::fromString(QStringLiteral("api"))}}))
                     .serviceName(),
                 QStringLiteral("api"));
    }

    void batchesGuardTheirIndices()
    {
        Span s;
        s.resourceIndex = 5;
        const SpanBatch b({Resource()}, {}, {s});
        QCOMPARE(b.resourceOf(b.spans()[0]).serviceName(), QStringLiteral("unknown_service"));
        QVERIFY(b.scopeOf(b.spans()[0]).name.isEmpty());
        QVERIFY(SpanBatch().isEmpty());
        QVERIFY(LogBatch().isEmpty());

        Metric m;
        m.type = MetricType::Gauge;
        m.numberPoints.timeNs = {1, 2};
        QCOMPARE(m.pointCount(), 2);
        m.type = MetricType::Summary;
        QCOMPARE(m.pointCount(), 0);
        const MetricBatch mb({}, {}, {m, m});
        QCOMPARE(mb.pointCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOtlpTelemetry)
#include "tst_otlp_telemetry.moc"
