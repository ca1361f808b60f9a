// The service graph after a restart: spans written to a signal store are read back by a fresh reader
// (as after the app restarted) into a fresh LiveServiceGraph, which must show the same services and
// calls. The history ends at the store's newest span, not at the clock (these spans are from
// January 2026), pages never split a trace, cancelling stops before the next page, and a dashboard's
// time range maps to following the newest spans or to a fixed window.

#include "SignalStoreTestData.h"
#include "graph/GraphTimeline.h"
#include "graph/LiveServiceGraph.h"
#include "graph/StoredGraphHistory.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace wf;
using namespace wf::telemetry;
using namespace wf::test;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000'000'000LL; // 2026-01-01 00:00 UTC
constexpr qint64 kSec = 1'000'000'000;
constexpr qint64 kMin = 60 * kSec;

Span span(const TraceId& trace, int id, int parent, SpanKind kind, qint64 startNs, qint64 endNs)
{
    Span s = makeSpan(trace, id, parent, u"op"_s, startNs, endNs);
    s.kind = kind;
    return s;
}

// One call chain gateway -> checkout -> payments at `startNs`, as three batches (one per service).
void writeTrace(signalstore::SignalStore& store, int n, qint64 startNs)
{
    const TraceId t = traceIdOf(n);
    const qint64 ms = 1'000'000;
    QVERIFY(store.ingest(
        spanBatch(u"gateway"_s, {span(t, 1, 0, SpanKind::Server, startNs, startNs + 90 * ms),
                                 span(t, 2, 1, SpanKind::Client, startNs + ms, startNs + 80 * ms)})));
    QVERIFY(store.ingest(
        spanBatch(u"checkout"_s, {span(t, 3, 2, SpanKind::Server, startNs + 2 * ms, startNs + 70 * ms),
                                  span(t, 4, 3, SpanKind::Client, startNs + 3 * ms, startNs + 60 * ms)})));
    QVERIFY(store.ingest(
        spanBatch(u"payments"_s, {span(t, 5, 4, SpanKind::Server, startNs + 4 * ms, startNs + 50 * ms)})));
}

struct Collected
{
    std::shared_ptr<graph::LiveServiceGraph> live = std::make_shared<graph::LiveServiceGraph>();
    std::vector<qint64> batchSizes;
    qint64 spans = 0;
};

} // namespace

class TestGraphHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    static std::function<void(graph::GraphSpanBatch&&)> into(Collected& c)
    {
        return [&c](graph::GraphSpanBatch&& batch) {
            c.batchSizes.push_back(qint64(batch.spans.size()));
            c.spans += qint64(batch.spans.size());
            c.live->addSpans(batch);
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"signals.sqlite"_s);
        QString error;
        auto store = signalstore::SignalStore::open(m_path, {}, &error);
        QVERIFY2(store, qPrintable(error));
        // An hour before the rest: outside the 30 minutes of history (and its slack).
        writeTrace(*store, 1, kT0);
        // Five traces in the last ten minutes of the store's data.
        for (int i = 0; i < 5; ++i)
            writeTrace(*store, 10 + i, kT0 + 60 * kMin + i * kMin);
        store->flush();
        // Closed: the reader below is what a restarted app opens.
    }

    void restartRebuildsTheGraph()
    {
        Collected c;
        const std::atomic<bool> cancel{false};
        const graph::StoredHistoryLoad load = graph::loadStoredHistory(m_path, 30 * kMin, cancel, into(c), 2);
        QVERIFY2(load.ok, qPrintable(load.error));
        QVERIFY(!load.cancelled);
        QVERIFY(!load.empty);
        // The newest stored span (the last trace's gateway server span), whatever the clock says.
        QCOMPARE(load.toNs, kT0 + 64 * kMin + 90'000'000);
        QCOMPARE(load.fromNs, load.toNs - 30 * kMin);
        QCOMPARE(load.spans, qint64(25)); // five traces of five spans; the old trace is left out
        QCOMPARE(load.batches, 3);
        QCOMPARE(c.batchSizes, (std::vector<qint64>{10, 10, 5})); // whole traces per page
        QCOMPARE(c.live->latestNs(), load.toNs);
        QCOMPARE(c.live->earliestNs(), kT0 + 60 * kMin);

        const graph::ServiceGraph g = c.live->graph(kT0 + 59 * kMin, kT0 + 65 * kMin);
        const int gateway = g.findNode(u"gateway"_s);
        const int checkout = g.findNode(u"checkout"_s);
        const int payments = g.findNode(u"payments"_s);
        QVERIFY(gateway >= 0 && checkout >= 0 && payments >= 0);
        QCOMPARE(g.nodeCount(), 3);
        QVERIFY(g.findEdge(gateway, checkout) >= 0);
        QVERIFY(g.findEdge(checkout, payments) >= 0);
        QCOMPARE(g.edgeCount(), 2);
    }

    void aPastRangeIsReadBack()
    {
        Collected c;
        const std::atomic<bool> cancel{false};
        const graph::StoredHistoryLoad load =
            graph::loadStoredRange(m_path, kT0 - kMin, kT0 + kMin, cancel, into(c));
        QVERIFY2(load.ok, qPrintable(load.error));
        QCOMPARE(load.spans, qint64(5)); // only the old trace
        QCOMPARE(c.live->earliestNs(), kT0);
        QCOMPARE(c.live->graph(kT0 - kMin, kT0 + kMin).edgeCount(), 2);

        Collected capped;
        const graph::StoredHistoryLoad truncated =
            graph::loadStoredRange(m_path, kT0, kT0 + 70 * kMin, cancel, into(capped), 1, 7);
        QVERIFY(truncated.ok);
        QVERIFY(truncated.truncated);
        QCOMPARE(truncated.spans, qint64(10)); // stops after the page that reached the cap
    }

    void cancelledBeforeTheFirstPage()
    {
        Collected c;
        const std::atomic<bool> cancel{true};
        const graph::StoredHistoryLoad load = graph::loadStoredHistory(m_path, 30 * kMin, cancel, into(c));
        QVERIFY(load.ok);
        QVERIFY(load.cancelled);
        QCOMPARE(c.spans, qint64(0));
    }

    void emptyOrMissingStore()
    {
        const QString emptyPath = m_dir.filePath(u"empty.sqlite"_s);
        {
            QString error;
            auto store = signalstore::SignalStore::open(emptyPath, {}, &error);
            QVERIFY2(store, qPrintable(error));
        }
        Collected c;
        const std::atomic<bool> cancel{false};
        const graph::StoredHistoryLoad empty =
            graph::loadStoredHistory(emptyPath, 30 * kMin, cancel, into(c));
        QVERIFY2(empty.ok, qPrintable(empty.error));
        QVERIFY(empty.empty);
        QCOMPARE(c.spans, qint64(0));

        const graph::StoredHistoryLoad missing =
            graph::loadStoredHistory(m_dir.filePath(u"nothing-here.sqlite"_s), 30 * kMin, cancel, into(c));
        QVERIFY(!missing.ok);
        QVERIFY(!missing.error.isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"nothing-here.sqlite"_s))); // not created
    }

    void dashboardRangeToGraphRange()
    {
        const qint64 nowMs = kT0 / 1'000'000;
        // Ends now: follow the newest spans across the range's length.
        auto r = graph::graphRangeFor({u"now-15m"_s, u"now"_s}, nowMs);
        QVERIFY(r);
        QVERIFY(r->following);
        QCOMPARE(r->spanNs, 15 * kMin);
        // "Today" ends at the end of the day, after now: following too, back to the day's start.
        r = graph::graphRangeFor({u"now/d"_s, u"now/d"_s}, nowMs + 3'600'000);
        QVERIFY(r);
        QVERIFY(r->following);
        QCOMPARE(r->spanNs, 60 * kMin);
        // Relative but over: "Yesterday" is a fixed window.
        r = graph::graphRangeFor({u"now-1d/d"_s, u"now-1d/d"_s}, nowMs + 3'600'000);
        QVERIFY(r);
        QVERIFY(!r->following);
        QCOMPARE(r->fromNs, kT0 - 24 * 60 * kMin);
        QCOMPARE(r->toNs, kT0 - 1'000'000); // its last millisecond
        // Absolute: fixed.
        r = graph::graphRangeFor(dashboard::absoluteRange(nowMs - 600'000, nowMs - 300'000), nowMs);
        QVERIFY(r);
        QVERIFY(!r->following);
        QCOMPARE(r->fromNs, kT0 - 10 * kMin);
        QCOMPARE(r->toNs, kT0 - 5 * kMin);
        QVERIFY(!graph::graphRangeFor({u"soon"_s, u"now"_s}, nowMs));
    }
};

QTEST_MAIN(TestGraphHistory)
#include "tst_graph_history.moc"
