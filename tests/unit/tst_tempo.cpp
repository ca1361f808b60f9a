// Tempo's /api/traces/{id} answers in OTLP JSON; the older API wraps it in "batches", the v2 API in
// "trace". All three go through the OTLP decoder. tempo_batches.json is hand-written, not captured.

#include "traces/TraceFile.h"
#include "traces/TraceTree.h"

#include <QFile>
#include <QTest>

using namespace wf;
using namespace wf::traces;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(path));
    return f.readAll();
}

QByteArray tempoBatches()
{
    return readFile(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") +
                    QStringLiteral("/tests/data/traces/tempo_batches.json"));
}

} // namespace

class TestTempo : public QObject
{
    Q_OBJECT
private slots:
    void batchesWrapper()
    {
        const auto r = parseTraceDocument(tempoBatches());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.format, TraceFileResult::Format::Otlp);
        QCOMPARE(r.traces.size(), std::size_t(1));
        const auto tree = TraceTree::build(r.traces[0].spans);
        QCOMPARE(tree.size(), 2);
        QCOMPARE(tree.serviceOf(0), QStringLiteral("checkout"));
        QCOMPARE(tree.span(1).statusMessage, QStringLiteral("timeout"));
        QCOMPARE(tree.node(1).parent, 0);
    }

    void v2TraceWrapperAndPlainOtlpAgree()
    {
        QByteArray plain = tempoBatches();
        plain.replace("\"batches\"", "\"resourceSpans\"");
        const QByteArray v2 = "{\"trace\":" + plain + "}";
        const auto a = parseTraceDocument(plain);
        const auto b = parseTraceDocument(v2);
        QVERIFY2(a.ok() && b.ok(), qPrintable(a.error + b.error));
        QCOMPARE(a.traces[0].spans.spans(), b.traces[0].spans.spans());
        QCOMPARE(a.traces[0].spans.size(), 2);
    }

    void capturedOtlpSampleSplitsByTrace()
    {
        // A real capture from the OpenTelemetry JS SDK (tests/data/samples/otlp_traces.json).
        const auto r = parseTraceDocument(
            readFile(qEnvironmentVariable("WATCHFLOOR_SAMPLES_DIR") + QStringLiteral("/otlp_traces.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(!r.traces.empty());
        qsizetype total = 0;
        for (const auto& t : r.traces) {
            for (const auto& s : t.spans.spans())
                QCOMPARE(s.traceId, t.traceId);
            total += t.spans.size();
            QVERIFY(!TraceTree::build(t.spans).isEmpty());
        }
        QVERIFY(total > 0);
    }

    void malformedOtlpIsAnError()
    {
        const auto r = parseTraceDocument(QByteArray(R"({"resourceSpans":7})"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("OTLP")), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestTempo)
#include "tst_tempo.moc"
