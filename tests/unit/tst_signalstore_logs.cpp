// SignalStore, logs side: records decoded from OTLP JSON round-trip; full-text search (words, prefix,
// phrases) and user input that is FTS5 syntax or garbage; filters; retention keeps the FTS index
// consistent; the bounded queue; reopening.

#include "SignalStoreTestData.h"
#include "otlp/OtlpJson.h"
#include "signalstore/LogSearchText.h"
#include "store/SqliteDb.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace wf;
using namespace wf::signalstore;
using namespace wf::telemetry;
using namespace wf::test;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000'000'000LL;
constexpr qint64 kMs = 1'000'000;

QStringList bodiesOf(const std::vector<LogRow>& rows)
{
    QStringList bodies;
    for (const LogRow& r : rows)
        bodies.append(r.body);
    return bodies;
}

} // namespace

class TestSignalStoreLogs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("logs-%1.db").arg(++m_files)); }
    std::unique_ptr<SignalStore> openStore(const QString& path, SignalStoreLimits limits = {})
    {
        QString error;
        auto store = SignalStore::open(path, limits, &error);
        if (!store)
            qWarning("open failed: %s", qPrintable(error));
        return store;
    }

    // Six records over three services, one second apart, the newest last.
    std::unique_ptr<SignalStore> storeWithSamples()
    {
        auto store = openStore(freshPath());
        if (!store)
            return store;
        LogRecord traced = makeLog(kT0 + 3000 * kMs, 17, QStringLiteral("payment declined: card expired"));
        traced.traceId = traceIdOf(7);
        traced.spanId = spanIdOf(3);
        store->ingest(logBatch(QStringLiteral("gateway"),
                               {makeLog(kT0, 9, QStringLiteral("GET /cart 200 in 12 ms")),
                                makeLog(kT0 + 1000 * kMs, 13, QStringLiteral("slow query on carts table"))}));
        store->ingest(
            logBatch(QStringLiteral("payments"),
                     {makeLog(kT0 + 2000 * kMs, 9, QStringLiteral("connection pool exhausted")), traced}));
        store->ingest(logBatch(
            QStringLiteral("search"),
            {makeLog(kT0 + 4000 * kMs, 9, QStringLiteral("Überprüfung der Zahlung: naïve café")),
             makeLog(kT0 + 5000 * kMs, 21, QStringLiteral("OR NEAR \"quoted\" -x payment-svc down"))}));
        store->flush();
        return store;
    }

    QStringList search(SignalStore& store, const QString& text)
    {
        LogQuery q;
        q.text = text;
        const auto r = queryLogs(store, q);
        if (!r.ok)
            return {QStringLiteral("ERROR: ") + r.error};
        return bodiesOf(r.value);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void decodedRecordsRoundTrip()
    {
        const QByteArray json = R"({"resourceLogs":[{"resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"checkout"}},
            {"key":"deployment.environment","value":{"stringValue":"prod"}}]},
          "scopeLogs":[{"scope":{"name":"app"},"logRecords":[
            {"timeUnixNano":"1767225600000000000","severityNumber":17,"severityText":"ERROR",
             "body":{"stringValue":"order 42 failed: timeout"},
             "attributes":[{"key":"order.id","value":{"intValue":"42"}},
                           {"key":"retry","value":{"boolValue":true}}],
             "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"},
            {"observedTimeUnixNano":"1767225601000000000","severityNumber":9,
             "body":{"kvlistValue":{"values":[{"key":"event","value":{"stringValue":"paid"}}]}}}
          ]}]}]})";
        const auto decoded = otlp::decodeLogsJson(json);
        QVERIFY2(!decoded.malformed && !decoded.isPartial(), qPrintable(decoded.errorText()));
        auto store = openStore(freshPath());
        QVERIFY(store);
        QSignalSpy stored(store.get(), &SignalStore::logRecordsStored);
        QVERIFY(store->ingest(std::make_shared<const LogBatch>(decoded.batch)));
        store->flush();
        QTRY_COMPARE(stored.count(), 1);
        QCOMPARE(stored.at(0).at(0).toLongLong(), 2);
        QCOMPARE(store->stats().logRecordsStored, 2);

        const auto rows = queryLogs(*store, {});
        QVERIFY2(rows.ok, qPrintable(rows.error));
        QCOMPARE(rows.value.size(), 2u);
        const LogRow& newest = rows.value[0]; // observed time 1 s later
        QCOMPARE(newest.timeNs, 1'767'225'601'000'000'000LL);
        QCOMPARE(newest.body, QStringLiteral("{event=paid}"));
        QVERIFY(!newest.traceId.isValid());
        const LogRow& r = rows.value[1];
        QCOMPARE(r.timeNs, 1'767'225'600'000'000'000LL);
        QCOMPARE(r.severityNumber, 17);
        QCOMPARE(r.severityText, QStringLiteral("ERROR"));
        QCOMPARE(r.service, QStringLiteral("checkout"));
        QCOMPARE(r.body, QStringLiteral("order 42 failed: timeout"));
        QCOMPARE(r.traceId.toHex(), QStringLiteral("5b8efff798038103d269b633813fc60c"));
        QCOMPARE(r.spanId.toHex(), QStringLiteral("eee19b7ec3c1b174"));
        QCOMPARE(attributeValue(r.attributes, QStringLiteral("order.id")), QStringLiteral("42"));
        QCOMPARE(attributeValue(r.attributes, QStringLiteral("retry")), QStringLiteral("true"));
        QVERIFY(r.id < newest.id);
        QCOMPARE(search(*store, QStringLiteral("timeout")),
                 QStringList{QStringLiteral("order 42 failed: timeout")});
        QCOMPARE(search(*store, QStringLiteral("paid")), QStringList{QStringLiteral("{event=paid}")});
    }

    void searchExpressions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expression");
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("blank") << "  \t "
                               << "";
        QTest::newRow("words, prefix on last") << "pool exh"
                                               << "\"pool\" \"exh\" *";
        QTest::newRow("phrase") << "\"card expired\""
                                << "\"card\" \"expired\"";
        QTest::newRow("phrase then word") << "\"card expired\" pay"
                                          << "\"card\" \"expired\" \"pay\" *";
        QTest::newRow("unclosed phrase is a prefix phrase") << "\"card exp"
                                                            << "\"card\" \"exp\" *";
        QTest::newRow("punctuated word is a phrase") << "payment-svc"
                                                     << "\"payment\" \"svc\" *";
        QTest::newRow("operators are words") << "a OR NOT b"
                                             << "\"a\" \"OR\" \"NOT\" \"b\" *";
        QTest::newRow("near") << "NEAR("
                              << "\"NEAR\" *";
        QTest::newRow("only syntax") << "\" * - ^ ( ) : + {}"
                                     << "";
        QTest::newRow("column filter") << "body:x"
                                       << "\"body\" \"x\" *";
        QTest::newRow("unicode") << "Überprüfung café"
                                 << "\"Überprüfung\" \"café\" *";
        QTest::newRow("astral") << "deploy 🚀 ok"
                                << "\"deploy\" \"ok\" *";
    }

    void searchExpressions()
    {
        QFETCH(QString, text);
        QFETCH(QString, expression);
        QCOMPARE(logSearchExpression(text), expression);
    }

    void fullTextSearch()
    {
        auto store = storeWithSamples();
        QVERIFY(store);
        const QString declined = QStringLiteral("payment declined: card expired");
        const QString svcDown = QStringLiteral("OR NEAR \"quoted\" -x payment-svc down");
        QCOMPARE(search(*store, QStringLiteral("declined")), QStringList{declined});
        QCOMPARE(search(*store, QStringLiteral("DECLINED card")),
                 QStringList{declined}); // all words, any case
        QCOMPARE(search(*store, QStringLiteral("pay")),
                 (QStringList{svcDown, declined})); // prefix, newest first
        QCOMPARE(search(*store, QStringLiteral("pay declined")),
                 QStringList{}); // prefix only on the last word
        QCOMPARE(search(*store, QStringLiteral("\"card expired\"")), QStringList{declined});
        QCOMPARE(search(*store, QStringLiteral("\"expired card\"")), QStringList{});
        QCOMPARE(search(*store, QStringLiteral("\"card exp")), QStringList{declined});   // prefix phrase
        QCOMPARE(search(*store, QStringLiteral("\"declined expired\"")), QStringList{}); // not adjacent
        QCOMPARE(search(*store, QStringLiteral("\"CARD Expired\" payment")), QStringList{declined});
        QCOMPARE(search(*store, QStringLiteral("\"naive cafe\"")), // diacritics folded on both sides
                 QStringList{QStringLiteral("Überprüfung der Zahlung: naïve café")});
        QCOMPARE(search(*store, QStringLiteral("payment-svc")), QStringList{svcDown});
        QCOMPARE(search(*store, QStringLiteral("überprüfung")),
                 QStringList{QStringLiteral("Überprüfung der Zahlung: naïve café")});
        QCOMPARE(search(*store, QStringLiteral("")).size(), 6);
        QCOMPARE(search(*store, QStringLiteral("missingword")), QStringList{});
    }

    void hostileSearchText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString svcDown = QStringLiteral("OR NEAR \"quoted\" -x payment-svc down");
        const QStringList everything{QStringLiteral("*")}; // nothing searchable: every record
        QTest::newRow("lone quote") << "\"" << everything;
        QTest::newRow("quote inside") << "quo\"ted" << QStringList{};
        QTest::newRow("NEAR(") << "NEAR(" << QStringList{svcDown};
        QTest::newRow("star") << "*" << everything;
        QTest::newRow("minus") << "-x" << QStringList{svcDown};
        QTest::newRow("dangling OR") << "a OR" << QStringList{};
        QTest::newRow("OR alone") << "OR" << QStringList{svcDown};
        QTest::newRow("parentheses") << "(pool)" << QStringList{QStringLiteral("connection pool exhausted")};
        QTest::newRow("caret plus colon") << "^body:+pool" << QStringList{};
        QTest::newRow("nul and controls") << QString::fromUtf16(u"pool\u0000\u0001 \u200b", 8)
                                          << QStringList{QStringLiteral("connection pool exhausted")};
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + QStringLiteral("pool")
                                        << QStringList{QStringLiteral("connection pool exhausted")};
        QTest::newRow("sql") << "'; DROP TABLE logs; --" << QStringList{};
        QTest::newRow("quoted phrase with operators") << "\"quoted -x\"" << QStringList{svcDown};
    }

    void hostileSearchText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        auto store = storeWithSamples();
        QVERIFY(store);
        if (expected == QStringList{QStringLiteral("*")})
            QCOMPARE(search(*store, text).size(), 6);
        else
            QCOMPARE(search(*store, text), expected);
        QCOMPARE(search(*store, QString()).size(), 6); // still all there
    }

    void filters()
    {
        auto store = storeWithSamples();
        QVERIFY(store);
        LogQuery q;
        q.services = {QStringLiteral("payments"), QStringLiteral("search")};
        auto r = queryLogs(*store, q);
        QVERIFY(r.ok);
        QCOMPARE(r.value.size(), 4u);
        for (const LogRow& row : r.value)
            QVERIFY(q.services.contains(row.service));

        q = {};
        q.minSeverityNumber = 17;
        r = queryLogs(*store, q);
        QVERIFY(r.ok);
        QCOMPARE(r.value.size(), 2u);
        QCOMPARE(r.value[0].severityNumber, 21);

        q = {};
        q.fromNs = kT0 + 1000 * kMs;
        q.toNs = kT0 + 3000 * kMs; // exclusive
        r = queryLogs(*store, q);
        QVERIFY(r.ok);
        QCOMPARE(bodiesOf(r.value), (QStringList{QStringLiteral("connection pool exhausted"),
                                                 QStringLiteral("slow query on carts table")}));

        q = {};
        q.traceId = traceIdOf(7);
        r = queryLogs(*store, q);
        QVERIFY(r.ok);
        QCOMPARE(r.value.size(), 1u);
        QCOMPARE(r.value[0].spanId, spanIdOf(3));
        q.text = QStringLiteral("card");
        QCOMPARE(queryLogs(*store, q).value.size(), 1u);
        q.text = QStringLiteral("pool");
        QCOMPARE(queryLogs(*store, q).value.size(), 0u);

        q = {};
        q.limit = 2;
        r = queryLogs(*store, q);
        QVERIFY(r.ok);
        QCOMPARE(r.value.size(), 2u);
        QCOMPARE(r.value[0].timeNs, kT0 + 5000 * kMs);
        QCOMPARE(r.value[1].timeNs, kT0 + 4000 * kMs);

        q = {};
        q.text = QStringLiteral("pay");
        q.services = {QStringLiteral("search")};
        QCOMPARE(bodiesOf(queryLogs(*store, q).value),
                 QStringList{QStringLiteral("OR NEAR \"quoted\" -x payment-svc down")});
    }

    void phraseLimitCountsOnlyMatches()
    {
        auto store = openStore(freshPath());
        QVERIFY(store);
        std::vector<LogRecord> records;
        // Newest first: 300 candidates that hold both words in the wrong order come before the matches.
        for (int i = 0; i < 5; ++i)
            records.push_back(makeLog(kT0 + i * kMs, 9, QStringLiteral("pool exhausted %1").arg(i)));
        for (int i = 0; i < 300; ++i)
            records.push_back(makeLog(kT0 + (100 + i) * kMs, 9, QStringLiteral("exhausted pool %1").arg(i)));
        QVERIFY(store->ingest(logBatch(QStringLiteral("svc"), records)));
        store->flush();
        LogQuery q;
        q.text = QStringLiteral("\"pool exhausted\"");
        q.limit = 3;
        const auto r = queryLogs(*store, q);
        QVERIFY(r.ok);
        QCOMPARE(bodiesOf(r.value),
                 (QStringList{QStringLiteral("pool exhausted 4"), QStringLiteral("pool exhausted 3"),
                              QStringLiteral("pool exhausted 2")}));
    }

    void retentionKeepsIndexConsistent()
    {
        const QString path = freshPath();
        {
            SignalStoreLimits limits;
            limits.maxLogRecords = 100;
            auto store = openStore(path, limits);
            QVERIFY(store);
            for (int b = 0; b < 6; ++b) {
                std::vector<LogRecord> records;
                for (int i = 0; i < 50; ++i) {
                    const int n = b * 50 + i;
                    records.push_back(
                        makeLog(kT0 + n * kMs, 9, QStringLiteral("record r%1 batch b%2").arg(n).arg(b)));
                }
                QVERIFY(store->ingest(logBatch(QStringLiteral("svc"), records)));
                store->flush();
            }
            const qint64 kept = store->stats().logRecordsStored;
            QVERIFY2(kept <= 100 && kept >= 90, qPrintable(QString::number(kept)));
            QCOMPARE(search(*store, QStringLiteral("r0")), QStringList{});
            QCOMPARE(search(*store, QStringLiteral("b0")), QStringList{});
            QCOMPARE(search(*store, QStringLiteral("r299")),
                     QStringList{QStringLiteral("record r299 batch b5")});
            QCOMPARE(search(*store, QStringLiteral("b5")).size(), 50);
            LogQuery all;
            all.limit = 1000;
            QCOMPARE(qint64(queryLogs(*store, all).value.size()), kept);
        }
        SqliteDb db = SqliteDb::open(path, SqliteDb::Access::ReadWrite);
        // Throws if the FTS index holds rows or tokens the content table does not.
        db.executeScript("INSERT INTO logs_fts (logs_fts) VALUES ('integrity-check')");
        QVERIFY(db.queryInt64("SELECT count(*) FROM logs").value_or(0) <= 100);
    }

    void fullQueueRefusesAndCounts()
    {
        SignalStoreLimits limits;
        limits.maxQueuedItems = 3;
        auto store = openStore(freshPath(), limits);
        QVERIFY(store);
        std::vector<LogRecord> four(4, makeLog(kT0, 9, QStringLiteral("x")));
        QVERIFY(!store->ingest(logBatch(QStringLiteral("svc"), four)));
        QCOMPARE(store->stats().itemsRefused, 4);
        four.resize(3);
        QVERIFY(store->ingest(logBatch(QStringLiteral("svc"), four)));
        store->flush();
        QCOMPARE(store->stats().logRecordsStored, 3);
        QCOMPARE(store->stats().queuedItems, 0);
    }

    // Log batches are prepared (UTF-8 text, encoded ids and attributes) on the ingesting thread and
    // bound as they are: what is read back is what went in, NULLs included.
    void preparedRecordsKeepTextAndNulls()
    {
        auto store = openStore(freshPath());
        QVERIFY(store);
        LogRecord text = makeLog(kT0, 9, QStringLiteral("emoji \U0001F600 und Grüße, 日本語テキスト"));
        text.severityText = QString();
        text.attributes = Attributes(
            KeyValueList{{QStringLiteral("user.name"), AnyValue::fromString(QStringLiteral("Zoë"))}});
        LogRecord empty = makeLog(kT0 + kMs, 13, QString());
        empty.resourceIndex = 5; // no such resource: stored under the default one
        empty.traceId = traceIdOf(9);
        QVERIFY(store->ingest(logBatch(QStringLiteral("gateway"), {text, empty})));
        store->flush();
        const auto rows = queryLogs(*store, {});
        QVERIFY2(rows.ok, qPrintable(rows.error));
        QCOMPARE(rows.value.size(), 2u);
        const LogRow& e = rows.value[0];
        QVERIFY(e.body.isNull());
        QCOMPARE(e.severityText, QStringLiteral("INFO"));
        QCOMPARE(e.service, QStringLiteral("unknown_service"));
        QCOMPARE(e.traceId, traceIdOf(9));
        QVERIFY(!e.spanId.isValid());
        QVERIFY(e.attributes.isEmpty());
        const LogRow& t = rows.value[1];
        QCOMPARE(t.body, text.bodyText);
        QVERIFY(t.severityText.isNull());
        QCOMPARE(t.service, QStringLiteral("gateway"));
        QVERIFY(!t.traceId.isValid());
        QCOMPARE(attributeValue(t.attributes, QStringLiteral("user.name")), QStringLiteral("Zoë"));
        QCOMPARE(search(*store, QStringLiteral("grüße")), QStringList{text.bodyText});
        QCOMPARE(search(*store, QStringLiteral("日本語テキスト")), QStringList{text.bodyText});
    }

    void concurrentIngestAndQueries()
    {
        auto store = openStore(freshPath());
        QVERIFY(store);
        qint64 signalled = 0;
        connect(store.get(), &SignalStore::logRecordsStored, this, [&](qint64 n) { signalled += n; });
        constexpr int kThreads = 4;
        constexpr int kBatches = 50;
        constexpr int kPerBatch = 20;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([&store, t] {
                for (int b = 0; b < kBatches; ++b) {
                    std::vector<LogRecord> records;
                    for (int i = 0; i < kPerBatch; ++i)
                        records.push_back(
                            makeLog(kT0 + (b * kPerBatch + i) * kMs, 9,
                                    QStringLiteral("thread%1 batch%2 item%3").arg(t).arg(b).arg(i)));
                    while (!store->ingest(logBatch(QStringLiteral("svc%1").arg(t), records)))
                        QThread::yieldCurrentThread();
                }
            }));
            threads.back()->start();
        }
        // Reads run on their own connection while the writer commits.
        int queries = 0;
        while (std::any_of(threads.begin(), threads.end(), [](const auto& th) { return th->isRunning(); })) {
            LogQuery q;
            q.text = QStringLiteral("thread1");
            QVERIFY(queryLogs(*store, q).ok);
            ++queries;
        }
        for (auto& th : threads)
            QVERIFY(th->wait(10'000));
        store->flush();
        QCOMPARE(store->stats().logRecordsStored, kThreads * kBatches * kPerBatch);
        QTRY_COMPARE(signalled, qint64(kThreads * kBatches * kPerBatch));
        LogQuery q;
        q.text = QStringLiteral("thread2 batch49");
        q.limit = 1000;
        QCOMPARE(queryLogs(*store, q).value.size(), std::size_t(kPerBatch));
        q = {};
        q.services = {QStringLiteral("svc3")};
        q.limit = 5000;
        QCOMPARE(queryLogs(*store, q).value.size(), std::size_t(kBatches * kPerBatch));
        QVERIFY(queries > 0);
    }

    void reopenKeepsLogsSearchable()
    {
        const QString path = freshPath();
        {
            auto store = openStore(path);
            QVERIFY(store);
            QVERIFY(store->ingest(
                logBatch(QStringLiteral("svc"), {makeLog(kT0, 9, QStringLiteral("persisted entry"))})));
        }
        auto store = openStore(path);
        QVERIFY(store);
        QCOMPARE(search(*store, QStringLiteral("persist")), QStringList{QStringLiteral("persisted entry")});
    }
};

QTEST_GUILESS_MAIN(TestSignalStoreLogs)
#include "tst_signalstore_logs.moc"
