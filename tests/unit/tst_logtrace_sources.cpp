// The adapters between the app's sources and the log/trace models: stored log rows and log file lines
// into patterns (with "new since the incident"), and spans read back from the local store into a
// SpanBatch the trace tree builds from.
#include "logs/PatternSources.h"
#include "telemetry/Ids.h"
#include "traces/StoredTrace.h"
#include "traces/TraceTree.h"

#include <QTest>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

constexpr qint64 kSec = 1'000'000'000;

signalstore::LogRow row(qint64 timeNs, const QString& body)
{
    signalstore::LogRow r;
    r.timeNs = timeNs;
    r.body = body;
    return r;
}

telemetry::SpanId spanId(int n)
{
    return *telemetry::SpanId::fromHex(u"%1"_s.arg(n, 16, 10, QLatin1Char('0')));
}

} // namespace

class TestLogTraceSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedLogsClusterOldestFirstAndMarkNew()
    {
        // Newest first, as the store answers.
        std::vector<signalstore::LogRow> rows;
        rows.push_back(row(100 * kSec, u"payment failed: pool exhausted after 5000 ms"_s));
        rows.push_back(row(90 * kSec, u"payment failed: pool exhausted after 4200 ms"_s));
        for (int i = 80; i >= 10; i -= 10)
            rows.push_back(row(i * kSec, u"order %1 placed for user 7"_s.arg(1000 + i)));
        const logs::LogPatterns patterns = logs::patternsOfStoredLogs(rows, 85 * kSec);
        QCOMPARE(patterns.size(), 2);
        QCOMPARE(patterns.lineCount(), qint64(rows.size()));
        const std::vector<int> order = patterns.byCount();
        const logs::LogPattern& orders = patterns.pattern(order[0]);
        const logs::LogPattern& failures = patterns.pattern(order[1]);
        QCOMPARE(orders.count, 8);
        QVERIFY(!orders.isNew);
        QCOMPARE(orders.firstSeenNs, 10 * kSec);
        QVERIFY(orders.sample.contains(u"1010"_s)); // the oldest line, since clustering ran oldest first
        QCOMPARE(failures.count, 2);
        QVERIFY(failures.isNew);
        QCOMPARE(failures.firstSeenNs, 90 * kSec);
        // A histogram spans the lines' own time range.
        QCOMPARE(int(orders.histogram.size()), 40);
        QCOMPARE(std::accumulate(orders.histogram.begin(), orders.histogram.end(), qint64(0)), qint64(8));
        QCOMPARE(failures.histogram.back(), 1u);
    }

    void withoutAnIncidentNothingIsNew()
    {
        const std::vector<signalstore::LogRow> rows{row(2 * kSec, u"a b c"_s), row(1 * kSec, u"x y"_s)};
        const logs::LogPatterns patterns = logs::patternsOfStoredLogs(rows);
        QCOMPARE(patterns.size(), 2);
        for (const logs::LogPattern& p : patterns.patterns())
            QVERIFY(!p.isNew);
    }

    void logFileLinesWithoutTimestampsStillCount()
    {
        const logs::LogFileResult file = logs::parseLogText("starting worker 1\nstarting worker 2\nbye\n");
        QVERIFY(file.ok());
        const logs::LogPatterns patterns = logs::patternsOfLogFile(file.lines);
        QCOMPARE(patterns.lineCount(), 3);
        QCOMPARE(patterns.size(), 2);
        QCOMPARE(patterns.pattern(patterns.byCount()[0]).count, 2);
    }

    void logFileTimestampsAreNotPartOfTheTemplate()
    {
        const logs::LogFileResult file = logs::parseLogText("2026-01-01T10:00:00Z INFO order 1 placed\n"
                                                            "2026-01-01T10:00:07.5Z INFO order 2 placed\n");
        const logs::LogPatterns patterns = logs::patternsOfLogFile(file.lines);
        QCOMPARE(patterns.size(), 1);
        QCOMPARE(patterns.pattern(0).text(), u"INFO order <NUM> placed"_s);
    }

    void storedSpansBuildATree()
    {
        const telemetry::TraceId trace = *telemetry::TraceId::fromHex(u"0af7651916cd43dd8448eb211c80319c"_s);
        std::vector<signalstore::StoredSpan> spans(3);
        spans[0] = {trace,
                    spanId(1),
                    {},
                    u"checkout"_s,
                    u"POST /checkout"_s,
                    2,
                    2,
                    u"502"_s,
                    0,
                    100 * kSec / 100,
                    {{u"http.method"_s, u"POST"_s}},
                    {{u"region"_s, u"eu-west"_s}}};
        spans[1] = {trace,       spanId(2),
                    spanId(1),   u"payments"_s,
                    u"charge"_s, 3,
                    2,           u"pool exhausted"_s,
                    kSec / 100,  90 * kSec / 100,
                    {},          {{u"region"_s, u"eu-west"_s}}};
        spans[2] = {
            trace, spanId(3), spanId(1),       u"checkout"_s,   u"render"_s, 1,
            0,     {},        92 * kSec / 100, 95 * kSec / 100, {},          {{u"region"_s, u"eu-west"_s}}};
        const telemetry::SpanBatch batch = traces::spanBatchFromStored(spans);
        QCOMPARE(batch.size(), 3);
        QCOMPARE(int(batch.resources().size()), 2); // checkout twice, payments once
        QCOMPARE(batch.resourceOf(batch.spans()[0]).serviceName(), u"checkout"_s);
        QCOMPARE(batch.resourceOf(batch.spans()[1]).serviceName(), u"payments"_s);
        QCOMPARE(batch.resourceOf(batch.spans()[1]).attributes().value(u"region").toString(), u"eu-west"_s);
        QCOMPARE(batch.spans()[1].statusCode, telemetry::StatusCode::Error);
        QCOMPARE(batch.spans()[0].attributes.value(u"http.method").toString(), u"POST"_s);

        const traces::TraceTree tree = traces::TraceTree::build(batch);
        QCOMPARE(int(tree.errorNodes().size()), 2);
        QVERIFY(!tree.criticalPath().empty());
    }
};

QTEST_GUILESS_MAIN(TestLogTraceSources)
#include "tst_logtrace_sources.moc"
