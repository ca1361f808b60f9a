// Jaeger JSON trace documents (hand-written per the documented format, see tests/data/traces/README.md)
// into SpanBatches and TraceTrees; bad input rejected with a clear message.

#include "traces/TraceFile.h"
#include "traces/TraceTree.h"

#include <QFile>
#include <QTest>

using namespace wf;
using namespace wf::traces;

namespace {

QByteArray fixture(const char* name)
{
    QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + QStringLiteral("/tests/data/traces/") +
            QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

const telemetry::Span* findSpan(const telemetry::SpanBatch& b, const char* hex)
{
    const auto id = telemetry::SpanId::fromHex(std::string_view(hex));
    for (const auto& s : b.spans())
        if (s.spanId == id)
            return &s;
    return nullptr;
}

} // namespace

class TestJaeger : public QObject
{
    Q_OBJECT
private slots:
    void parsesQueryApiTrace()
    {
        const auto r = parseTraceDocument(fixture("jaeger_checkout.json"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.format, TraceFileResult::Format::Jaeger);
        QCOMPARE(r.traces.size(), std::size_t(1));
        const auto& b = r.traces[0].spans;
        QCOMPARE(r.traces[0].traceId.toHex(), QStringLiteral("5b8aa5a2d2c872e8321cf37308d69df2"));
        QCOMPARE(b.size(), 4);

        const auto* root = findSpan(b, "5b8aa5a2d2c872e8");
        QVERIFY(root);
        QCOMPARE(root->name, QStringLiteral("POST /checkout"));
        QVERIFY(root->isRoot());
        QCOMPARE(root->kind, telemetry::SpanKind::Server);
        QCOMPARE(root->statusCode, telemetry::StatusCode::Error); // error=true tag
        QCOMPARE(root->startNs, 1767225600000000000LL);
        QCOMPARE(root->durationNs(), 1'250'000'000LL);
        QCOMPARE(root->attributes.value(u"http.status_code").toInt(), 502);
        QCOMPARE(b.resourceOf(*root).serviceName(), QStringLiteral("gateway"));
        QCOMPARE(b.resourceOf(*root).attributes().value(u"hostname").toString(), QStringLiteral("gw-1"));

        const auto* pay = findSpan(b, "b04a20f9aa3b5e2c");
        QVERIFY(pay);
        QCOMPARE(pay->parentSpanId, root->spanId);
        QCOMPARE(pay->statusCode, telemetry::StatusCode::Error);
        QCOMPARE(pay->statusMessage, QStringLiteral("pool exhausted"));
        QCOMPARE(pay->attributes.value(u"sampler.param").toDouble(), 0.5);
        QCOMPARE(pay->events.size(), std::size_t(1));
        QCOMPARE(pay->events[0].name, QStringLiteral("exception"));
        QCOMPARE(pay->events[0].timeNs, 1767225601200000000LL);
        QCOMPARE(b.resourceOf(*pay).serviceName(), QStringLiteral("payments"));

        // Short hex ids are left-padded, as Jaeger drops leading zeros.
        const auto* db = findSpan(b, "00000000003a1f0c");
        QVERIFY(db);
        QCOMPARE(db->parentSpanId, pay->spanId);
        QCOMPARE(db->attributes.value(u"payload").toBytes(), QByteArray("\x00\x01\x02", 3));

        // FOLLOWS_FROM in the same trace is the parent when there is no CHILD_OF in it; the
        // CHILD_OF into another trace is kept as a link.
        const auto* send = findSpan(b, "c0ffee0000000001");
        QVERIFY(send);
        QCOMPARE(send->parentSpanId, root->spanId);
        QCOMPARE(send->kind, telemetry::SpanKind::Producer);
        QCOMPARE(send->links.size(), std::size_t(1));
        QCOMPARE(send->links[0].spanId.toHex(), QStringLiteral("0000000000000def"));

        QCOMPARE(r.warningCount, 1); // the span's own Jaeger warning
        QVERIFY(r.warnings[0].contains(QStringLiteral("clock skew adjustment disabled")));

        const auto tree = TraceTree::build(b);
        QCOMPARE(tree.roots().size(), std::size_t(1));
        QCOMPARE(tree.maxDepth(), 2);
        QCOMPARE(tree.problemCount(), 0);
        QCOMPARE(tree.errorNodes().size(), std::size_t(2));
    }

    void multipleTracesAreSplit()
    {
        const QByteArray body =
            R"({"data":[)"
            R"({"traceID":"1","spans":[{"spanID":"a","operationName":"x","startTime":1,"duration":2,"processID":"p"}],)"
            R"("processes":{"p":{"serviceName":"s"}}},)"
            R"({"traceID":"2","spans":[{"spanID":"b","operationName":"y","startTime":1,"duration":2,"processID":"p"},)"
            R"({"spanID":"c","operationName":"z","startTime":1,"duration":2,"processID":"p",)"
            R"("references":[{"refType":"CHILD_OF","spanID":"b"}]}],)"
            R"("processes":{"p":{"serviceName":"t"}}}]})";
        const auto r = parseJaegerJson(body);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.traces.size(), std::size_t(2));
        QCOMPARE(r.traces[1].spans.size(), 2);
        QCOMPARE(r.traces[1].spans.spans()[1].parentSpanId.toHex(), QStringLiteral("000000000000000b"));
        QCOMPARE(r.traces[1].spans.resourceOf(r.traces[1].spans.spans()[0]).serviceName(),
                 QStringLiteral("t"));
    }

    void badInputIsRejectedClearly_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("Not a trace document");
        QTest::newRow("not json") << QByteArray("{\"data\":[") << QStringLiteral("Not valid JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("Not a trace document");
        QTest::newRow("no data") << QByteArray("{\"foo\":1}") << QStringLiteral("no \"data\" array");
        QTest::newRow("jaeger error")
            << QByteArray(
                   R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]})")
            << QStringLiteral("trace not found");
        QTest::newRow("deep") << (QByteArray("{\"data\":[") + QByteArray(100, '[') + QByteArray(100, ']') +
                                  "]}")
                              << QStringLiteral("nested deeper");
        QTest::newRow("no usable span")
            << QByteArray(R"({"data":[{"traceID":"zz","spans":[{"spanID":"0"},7]}]})")
            << QStringLiteral("no usable trace");
    }
    void badInputIsRejectedClearly()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const auto r = parseTraceDocument(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void spanLimitDropsAndCounts()
    {
        QByteArray body = R"({"data":[{"traceID":"1","processes":{"p":{"serviceName":"s"}},"spans":[)";
        for (int i = 1; i <= 50; ++i)
            body += (i > 1 ? "," : "") + QByteArray("{\"spanID\":\"") + QByteArray::number(i, 16) +
                    "\",\"operationName\":\"op\",\"startTime\":1,\"duration\":1,\"processID\":\"p\"}";
        body += "]}]}";
        TraceFileLimits limits;
        limits.maxSpans = 20;
        const auto r = parseJaegerJson(body, limits);
        QVERIFY(r.ok());
        QCOMPARE(r.traces[0].spans.size(), 20);
        QCOMPARE(r.droppedSpans, 30);
        QVERIFY(r.warnings.last().contains(QStringLiteral("30 spans")));
    }

    void hugeTagValuesAreCut()
    {
        const QByteArray big(3 * 1024 * 1024, 'q');
        const QByteArray body =
            "{\"data\":[{\"traceID\":\"1\",\"processes\":{\"p\":{\"serviceName\":\"s\"}},\"spans\":[{"
            "\"spanID\":\"1\",\"operationName\":\"op\",\"startTime\":1,\"duration\":1,\"processID\":\"p\","
            "\"tags\":[{\"key\":\"sql\",\"type\":\"string\",\"value\":\"" +
            big + "\"}]}]}]}";
        const auto r = parseJaegerJson(body);
        QVERIFY(r.ok());
        QCOMPARE(r.traces[0].spans.spans()[0].attributes.value(u"sql").toString().size(),
                 TraceFileLimits().maxStringBytes);
    }
};

QTEST_GUILESS_MAIN(TestJaeger)
#include "tst_jaeger.moc"
