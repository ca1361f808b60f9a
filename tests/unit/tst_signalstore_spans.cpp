// SignalStore, spans side: round trip of ids, parent links, services and attributes; trace summaries
// across batches, duplicates, orphans and clock skew; trace queries; retention; the bounded queue;
// reopening; and refusal of files that are not a signal store.

#include "SignalStoreTestData.h"
#include "signalstore/SignalSchema.h"
#include "store/SqliteDb.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using namespace wf::signalstore;
using namespace wf::telemetry;
using namespace wf::test;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000'000'000LL;
constexpr qint64 kMs = 1'000'000;

QByteArray sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestSignalStoreSpans : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("signals-%1.db").arg(++m_files)); }
    std::unique_ptr<SignalStore> openStore(const QString& path, SignalStoreLimits limits = {})
    {
        QString error;
        auto store = SignalStore::open(path, limits, &error);
        if (!store)
            qWarning("open failed: %s", qPrintable(error));
        return store;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void spanRoundTrip()
    {
        auto store = openStore(freshPath());
        QVERIFY(store);
        const TraceId trace = traceIdOf(1);
        Span root = makeSpan(trace, 1, 0, QStringLiteral("GET /cart"), kT0, kT0 + 50 * kMs);
        root.attributes =
            attributesOf({{QStringLiteral("http.route"), AnyValue::fromString(QStringLiteral("/cart"))},
                          {QStringLiteral("http.response.status_code"), AnyValue::fromInt(200)},
                          {QStringLiteral("cache.hit"), AnyValue::fromBool(true)},
                          {QStringLiteral("ratio"), AnyValue::fromDouble(0.5)}});
        Span child = makeSpan(trace, 2, 1, QStringLiteral("SELECT carts"), kT0 + 5 * kMs, kT0 + 20 * kMs,
                              StatusCode::Error);
        child.kind = SpanKind::Client;
        child.statusMessage = QStringLiteral("deadlock détecté");
        Span grandchild = makeSpan(trace, 3, 2, QStringLiteral("pool.acquire"), kT0 + 6 * kMs, kT0 + 7 * kMs);
        QSignalSpy stored(store.get(), &SignalStore::spansStored);
        QVERIFY(store->ingest(spanBatch(QStringLiteral("cart"), {grandchild, root, child})));
        store->flush();
        QTRY_COMPARE(stored.count(), 1);
        QCOMPARE(stored.at(0).at(0).toLongLong(), 3);
        QCOMPARE(store->stats().spansStored, 3);

        const auto result = queryTrace(*store, trace);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.value.size(), 3u);
        const StoredSpan& r = result.value[0]; // ordered by start
        QCOMPARE(r.spanId, spanIdOf(1));
        QVERIFY(!r.parentSpanId.isValid());
        QCOMPARE(r.traceId, trace);
        QCOMPARE(r.service, QStringLiteral("cart"));
        QCOMPARE(r.name, QStringLiteral("GET /cart"));
        QCOMPARE(r.kind, int(SpanKind::Server));
        QCOMPARE(r.startNs, kT0);
        QCOMPARE(r.endNs, kT0 + 50 * kMs);
        QCOMPARE(attributeValue(r.attributes, QStringLiteral("http.route")), QStringLiteral("/cart"));
        QCOMPARE(attributeValue(r.attributes, QStringLiteral("http.response.status_code")),
                 QStringLiteral("200"));
        QCOMPARE(attributeValue(r.attributes, QStringLiteral("cache.hit")), QStringLiteral("true"));
        QCOMPARE(attributeValue(r.attributes, QStringLiteral("ratio")),
                 AnyValue::fromDouble(0.5).displayString());
        QCOMPARE(attributeValue(r.resourceAttributes, QStringLiteral("service.name")),
                 QStringLiteral("cart"));
        QCOMPARE(attributeValue(r.resourceAttributes, QStringLiteral("host.name")), QStringLiteral("node-1"));
        QCOMPARE(result.value[1].spanId, spanIdOf(2));
        QCOMPARE(result.value[1].parentSpanId, spanIdOf(1));
        QCOMPARE(result.value[1].statusCode, int(StatusCode::Error));
        QCOMPARE(result.value[1].statusMessage, QStringLiteral("deadlock détecté"));
        QCOMPARE(result.value[1].kind, int(SpanKind::Client));
        QCOMPARE(result.value[2].parentSpanId, spanIdOf(2));

        const auto traces = queryTraces(*store, {});
        QVERIFY(traces.ok);
        QCOMPARE(traces.value.size(), 1u);
        const TraceSummary& t = traces.value[0];
        QCOMPARE(t.traceId, trace);
        QCOMPARE(t.rootName, QStringLiteral("GET /cart"));
        QCOMPARE(t.rootService, QStringLiteral("cart"));
        QCOMPARE(t.startNs, kT0);
        QCOMPARE(t.durationNs, 50 * kMs);
        QCOMPARE(t.spanCount, 3);
        QCOMPARE(t.errorCount, 1);
        QCOMPARE(t.services, QStringList{QStringLiteral("cart")});

        QVERIFY(queryTrace(*store, traceIdOf(99)).value.empty());
    }

    void traceAcrossBatches()
    {
        auto store = openStore(freshPath());
        QVERIFY(store);
        const TraceId trace = traceIdOf(2);
        // The child ends first, so an SDK exports it first: no root yet.
        QVERIFY(store->ingest(
            spanBatch(QStringLiteral("payments"),
                      {makeSpan(trace, 11, 10, QStringLiteral("charge"), kT0 + 10 * kMs, kT0 + 30 * kMs)})));
        store->flush();
        auto traces = queryTraces(*store, {});
        QVERIFY(traces.ok);
        QCOMPARE(traces.value.size(), 1u);
        QCOMPARE(traces.value[0].rootName, QStringLiteral("charge"));
        QCOMPARE(traces.value[0].rootService, QStringLiteral("payments"));

        QVERIFY(store->ingest(spanBatch(
            QStringLiteral("gateway"),
            {makeSpan(trace, 10, 0, QStringLiteral("POST /checkout"), kT0 + 5 * kMs, kT0 + 40 * kMs)})));
        // A later, earlier-starting non-root span does not displace the root.
        QVERIFY(store->ingest(
            spanBatch(QStringLiteral("auth"),
                      {makeSpan(trace, 12, 10, QStringLiteral("verify"), kT0, kT0 + 90 * kMs)})));
        store->flush();
        traces = queryTraces(*store, {});
        QVERIFY(traces.ok);
        QCOMPARE(traces.value.size(), 1u);
        const TraceSummary& t = traces.value[0];
        QCOMPARE(t.rootName, QStringLiteral("POST /checkout"));
        QCOMPARE(t.rootService, QStringLiteral("gateway"));
        QCOMPARE(t.spanCount, 3);
        QCOMPARE(t.startNs, kT0);
        QCOMPARE(t.durationNs, 90 * kMs);
        QCOMPARE(t.services, (QStringList{QStringLiteral("auth"), QStringLiteral("gateway"),
                                          QStringLiteral("payments")}));
        QCOMPARE(queryTrace(*store, trace).value.size(), 3u);
    }

    void duplicatesOrphansAndSkew()
    {
        auto store = openStore(freshPath());
        QVERIFY(store);
        const TraceId trace = traceIdOf(3);
        const Span a = makeSpan(trace, 1, 0, QStringLiteral("first"), kT0, kT0 + 10 * kMs);
        Span aAgain = a;
        aAgain.name = QStringLiteral("resent");
        const Span orphan = makeSpan(trace, 2, 77, QStringLiteral("orphan"), kT0 + 1 * kMs, kT0 + 2 * kMs);
        // Ends 5 ms before it starts: clock skew between hosts.
        const Span skewed = makeSpan(trace, 3, 1, QStringLiteral("skewed"), kT0 + 20 * kMs, kT0 + 15 * kMs);
        QVERIFY(store->ingest(spanBatch(QStringLiteral("svc"), {a, aAgain, orphan, skewed})));
        QVERIFY(store->ingest(spanBatch(QStringLiteral("svc"), {a, orphan}))); // the whole batch re-sent
        store->flush();
        QCOMPARE(store->stats().spansStored, 3);

        const auto spans = queryTrace(*store, trace);
        QVERIFY(spans.ok);
        QCOMPARE(spans.value.size(), 3u);
        QCOMPARE(spans.value[0].name, QStringLiteral("first")); // the first copy is kept
        QCOMPARE(spans.value[1].parentSpanId, spanIdOf(77));    // the parent never arrived
        QCOMPARE(spans.value[2].startNs, kT0 + 20 * kMs);
        QCOMPARE(spans.value[2].endNs, kT0 + 15 * kMs); // kept as sent

        const auto traces = queryTraces(*store, {});
        QVERIFY(traces.ok);
        QCOMPARE(traces.value.size(), 1u);
        QCOMPARE(traces.value[0].spanCount, 3);
        QCOMPARE(traces.value[0].rootName, QStringLiteral("first"));
        QCOMPARE(traces.value[0].durationNs, 20 * kMs); // to the skewed span's start, not its end
    }

    void traceQueryFilters()
    {
        auto store = openStore(freshPath());
        QVERIFY(store);
        for (int i = 0; i < 10; ++i) {
            const qint64 start = kT0 + i * 1000 * kMs;
            std::vector<Span> spans{makeSpan(traceIdOf(100 + i), 1, 0, QStringLiteral("op%1").arg(i), start,
                                             start + (i + 1) * 10 * kMs,
                                             i % 3 == 0 ? StatusCode::Error : StatusCode::Ok)};
            QVERIFY(store->ingest(spanBatch(QStringLiteral("gateway"), spans)));
            if (i % 2 == 0)
                QVERIFY(store->ingest(spanBatch(QStringLiteral("search"),
                                                {makeSpan(traceIdOf(100 + i), 2, 1, QStringLiteral("q"),
                                                          start + kMs, start + 2 * kMs)})));
        }
        store->flush();

        auto all = queryTraces(*store, {});
        QVERIFY(all.ok);
        QCOMPARE(all.value.size(), 10u);
        QCOMPARE(all.value.front().traceId, traceIdOf(109)); // newest first
        QCOMPARE(all.value.back().traceId, traceIdOf(100));

        TraceQuery q;
        q.service = QStringLiteral("search");
        auto bySearch = queryTraces(*store, q);
        QVERIFY(bySearch.ok);
        QCOMPARE(bySearch.value.size(), 5u);
        for (const TraceSummary& t : bySearch.value) {
            QVERIFY(t.services.contains(QStringLiteral("search")));
            QCOMPARE(t.rootService, QStringLiteral("gateway"));
        }

        q = {};
        q.errorsOnly = true;
        auto errors = queryTraces(*store, q);
        QVERIFY(errors.ok);
        QCOMPARE(errors.value.size(), 4u); // 0, 3, 6, 9
        for (const TraceSummary& t : errors.value)
            QVERIFY(t.errorCount > 0);

        q = {};
        q.minDurationNs = 80 * kMs; // traces 7, 8, 9
        auto slow = queryTraces(*store, q);
        QVERIFY(slow.ok);
        QCOMPARE(slow.value.size(), 3u);

        q = {};
        q.fromNs = kT0 + 2000 * kMs;
        q.toNs = kT0 + 5000 * kMs; // traces 2, 3, 4
        q.limit = 2;
        auto window = queryTraces(*store, q);
        QVERIFY(window.ok);
        QCOMPARE(window.value.size(), 2u);
        QCOMPARE(window.value[0].traceId, traceIdOf(104));
        QCOMPARE(window.value[1].traceId, traceIdOf(103));

        q = {};
        q.service = QStringLiteral("no-such-service");
        QVERIFY(queryTraces(*store, q).value.empty());
    }

    void retentionDropsOldestTraces()
    {
        SignalStoreLimits limits;
        limits.maxSpans = 50;
        auto store = openStore(freshPath(), limits);
        QVERIFY(store);
        for (int i = 0; i < 30; ++i) {
            std::vector<Span> spans;
            for (int s = 1; s <= 5; ++s)
                spans.push_back(makeSpan(traceIdOf(200 + i), s, s - 1, QStringLiteral("s"), kT0 + i * kMs,
                                         kT0 + i * kMs + s));
            QVERIFY(store->ingest(spanBatch(QStringLiteral("svc"), spans)));
            store->flush();
        }
        const qint64 kept = store->stats().spansStored;
        QVERIFY2(kept <= 50 && kept >= 40, qPrintable(QString::number(kept)));
        QVERIFY(queryTrace(*store, traceIdOf(200)).value.empty());
        QCOMPARE(queryTrace(*store, traceIdOf(229)).value.size(), 5u);
        const auto traces = queryTraces(*store, {});
        QVERIFY(traces.ok);
        QCOMPARE(qint64(traces.value.size()) * 5, kept); // whole traces, summaries match the spans
        for (const TraceSummary& t : traces.value)
            QCOMPARE(t.spanCount, 5);
    }

    void fullQueueRefuses()
    {
        SignalStoreLimits limits;
        limits.maxQueuedItems = 10;
        auto store = openStore(freshPath(), limits);
        QVERIFY(store);
        std::vector<Span> eleven;
        for (int i = 1; i <= 11; ++i)
            eleven.push_back(makeSpan(traceIdOf(300), i, 0, QStringLiteral("s"), kT0, kT0 + 1));
        QVERIFY(!store->ingest(spanBatch(QStringLiteral("svc"), eleven)));
        QCOMPARE(store->stats().itemsRefused, 11);
        eleven.resize(4);
        QVERIFY(store->ingest(spanBatch(QStringLiteral("svc"), eleven)));
        store->flush();
        QCOMPARE(store->stats().spansStored, 4);
        QCOMPARE(store->stats().queuedItems, 0);
        QCOMPARE(store->stats().itemsRefused, 11);
    }

    void reopenKeepsData()
    {
        const QString path = freshPath();
        {
            auto store = openStore(path);
            QVERIFY(store);
            QVERIFY(store->ingest(
                spanBatch(QStringLiteral("kept"),
                          {makeSpan(traceIdOf(400), 1, 0, QStringLiteral("root"), kT0, kT0 + kMs)})));
            // No flush: the destructor writes what is queued.
        }
        auto store = openStore(path);
        QVERIFY(store);
        const auto spans = queryTrace(*store, traceIdOf(400));
        QVERIFY(spans.ok);
        QCOMPARE(spans.value.size(), 1u);
        QCOMPARE(spans.value[0].service, QStringLiteral("kept"));
        store->flush();
        QCOMPARE(store->stats().spansStored, 1);
    }

    void foreignFilesRefused_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("expected");
        QTest::newRow("other application") << "PRAGMA application_id = 305419896; CREATE TABLE t (x)"
                                           << "not a Watchfloor signal store";
        QTest::newRow("plain database with tables") << "CREATE TABLE notes (x)"
                                                    << "not a Watchfloor signal store";
        QTest::newRow("workspace") << "PRAGMA application_id = 1464224850; CREATE TABLE t (x)"
                                   << "not a Watchfloor signal store";
        QTest::newRow("newer signal store")
            << "PRAGMA application_id = 1464226631; PRAGMA user_version = 99; "
               "CREATE TABLE t (x)"
            << "newer Watchfloor";
    }

    void foreignFilesRefused()
    {
        QFETCH(QString, script);
        QFETCH(QString, expected);
        const QString path = freshPath();
        {
            SqliteDb db = SqliteDb::open(path, SqliteDb::Access::ReadWriteCreate);
            db.executeScript(script.toUtf8().constData());
        }
        const QByteArray before = sha256(path);
        QString error;
        QVERIFY(!SignalStore::open(path, {}, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(sha256(path), before);
    }

    void emptyFileBecomesStore()
    {
        const QString path = freshPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        {
            auto store = openStore(path);
            QVERIFY(store);
            QVERIFY(store->ingest(spanBatch(
                QStringLiteral("svc"), {makeSpan(traceIdOf(500), 1, 0, QStringLiteral("r"), kT0, kT0 + 1)})));
        }
        SqliteDb db = SqliteDb::open(path, SqliteDb::Access::ReadOnly);
        QCOMPARE(db.queryInt64("PRAGMA application_id").value_or(0), qint64(kSignalStoreApplicationId));
        QCOMPARE(db.queryInt64("PRAGMA user_version").value_or(0), qint64(kSignalStoreSchemaVersion));
        QCOMPARE(db.queryInt64("SELECT count(*) FROM spans").value_or(0), 1);
    }

    void notSqliteRefused()
    {
        const QString path = freshPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are my notes, not a database\n");
        f.close();
        QString error;
        QVERIFY(!SignalStore::open(path, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("not an SQLite database")), qPrintable(error));
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFileInfo(path).size(), qint64(35));
    }
};

QTEST_GUILESS_MAIN(TestSignalStoreSpans)
#include "tst_signalstore_spans.moc"
