// The log view's reads (LogPaging), their asynchronous wrapper (LogBrowser), the view model that pages
// by keyset (LogViewModel), and the text helpers (highlights, JSON fields), over a real signal store.
#include "SignalStoreTestData.h"
#include "logs/LogLineText.h"
#include "logs/LogViewModel.h"
#include "signalstore/LogBrowser.h"
#include "signalstore/LogPaging.h"
#include "signalstore/LogSearchText.h"
#include "store/SqliteDb.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>

using namespace wf;
using namespace wf::signalstore;
using namespace wf::test;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000'000'000;
constexpr qint64 kSecond = 1'000'000'000;
constexpr int kLines = 300;

// Line i: one per second, every 7th a second late (out of order), services alternate, every 10th an
// error "pool exhausted", every 25th JSON with a trace id.
telemetry::LogRecord line(int i)
{
    const bool error = i % 10 == 0;
    QString body = error ? QStringLiteral("pool exhausted after %1 ms").arg(i)
                         : QStringLiteral("GET /cart/%1 200").arg(i);
    if (i % 25 == 0)
        body = QStringLiteral("{\"event\":\"charge failed\",\"order\":{\"id\":%1},\"ok\":false}").arg(i);
    auto r = makeLog(kT0 + qint64(i) * kSecond + (i % 7 == 0 ? kSecond + 1 : 0), error ? 17 : 9, body);
    if (i % 25 == 0)
        r.traceId = traceIdOf(i);
    if (i % 3 == 0)
        r.attributes =
            attributesOf({{QStringLiteral("region"), telemetry::AnyValue::fromString(QStringLiteral("eu"))}});
    return r;
}

} // namespace

class TestLogPaging : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    SqliteDb m_db;
    std::vector<std::pair<qint64, int>> m_order; // (time, line) in time order as stored

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("signals.db"));
        QString error;
        auto store = SignalStore::open(m_path, {}, &error);
        QVERIFY2(store, qPrintable(error));
        std::vector<telemetry::LogRecord> checkout, payments;
        for (int i = 0; i < kLines; ++i)
            (i % 2 ? payments : checkout).push_back(line(i));
        // Two batches per service, so ids interleave like arrivals do.
        QVERIFY(store->ingest(logBatch(QStringLiteral("checkout"), checkout)));
        QVERIFY(store->ingest(logBatch(QStringLiteral("payments"), payments)));
        store->flush();
        store.reset();
        m_db = SqliteDb::open(m_path, SqliteDb::Access::ReadWrite);
    }

    void extentIsReadWithoutCounting()
    {
        const LogExtent e = readLogExtent(m_db);
        QCOMPARE(e.approximateCount(), qint64(kLines));
        QCOMPARE(e.minTimeNs, kT0 + kSecond); // line 1 (line 0 is late by a second)
        QCOMPARE(e.maxTimeNs, kT0 + qint64(kLines - 1) * kSecond);
    }

    void keysetPagesCoverEveryRowOnceInTimeOrder()
    {
        std::vector<LogRow> all;
        LogKey key{kNoLimitNs, kNoLimitNs};
        for (int guard = 0; guard < 100; ++guard) {
            const LogPage page = readLogPage(m_db, {}, key, PageDirection::Older, 37);
            all.insert(all.end(), page.rows.begin(), page.rows.end());
            if (page.rows.empty() || page.reachedEnd)
                break;
            key = {page.rows.back().timeNs, page.rows.back().id};
        }
        QCOMPARE(int(all.size()), kLines);
        std::set<qint64> ids;
        for (std::size_t i = 0; i < all.size(); ++i) {
            ids.insert(all[i].id);
            if (i > 0)
                QVERIFY(std::pair(all[i - 1].timeNs, all[i - 1].id) > std::pair(all[i].timeNs, all[i].id));
        }
        QCOMPARE(int(ids.size()), kLines);
        // And back up: the rows newer than the 100th, oldest first, are exactly the 99 above it.
        const LogPage newer = readLogPage(m_db, {}, {all[99].timeNs, all[99].id}, PageDirection::Newer, 500);
        QCOMPARE(int(newer.rows.size()), 99);
        QCOMPARE(newer.rows.front().id, all[98].id);
        QCOMPARE(newer.rows.back().id, all[0].id);
        QVERIFY(newer.reachedEnd);
    }

    void filtersApply()
    {
        LogFilter f;
        f.services = {QStringLiteral("checkout")};
        f.minSeverityNumber = 17;
        f.attributeKey = QStringLiteral("region");
        f.attributeValue = QStringLiteral("eu");
        const LogPage page = readLogPage(m_db, f, {kNoLimitNs, kNoLimitNs}, PageDirection::Older, 1000);
        // checkout = even lines; error = multiple of 10; region = multiple of 3: multiples of 30.
        QCOMPARE(int(page.rows.size()), kLines / 30);
        for (const LogRow& r : page.rows) {
            QCOMPARE(r.service, QStringLiteral("checkout"));
            QCOMPARE(r.severityNumber, 17);
            QCOMPARE(attributeValue(r.attributes, QStringLiteral("region")), QStringLiteral("eu"));
        }
        // A time range.
        LogFilter range;
        range.fromNs = kT0 + 100 * kSecond;
        range.toNs = kT0 + 110 * kSecond;
        const LogPage ranged = readLogPage(m_db, range, {kNoLimitNs, kNoLimitNs}, PageDirection::Older, 1000);
        for (const LogRow& r : ranged.rows)
            QVERIFY(r.timeNs >= range.fromNs && r.timeNs < range.toNs);
        QCOMPARE(int(ranged.rows.size()), 10);
    }

    void scanBudgetStopsAnUnproductiveFilter()
    {
        LogFilter f;
        f.attributeKey = QStringLiteral("nosuchkey");
        const LogPage page = readLogPage(m_db, f, {kNoLimitNs, kNoLimitNs}, PageDirection::Older, 10, 50);
        QVERIFY(page.rows.empty());
        QCOMPARE(page.scanned, qint64(50));
        QVERIFY(!page.reachedEnd);
    }

    void fullTextMatchesNewestFirstAndPage()
    {
        const LogExtent e = readLogExtent(m_db);
        const LogPage first = readLogMatches(m_db, {}, QStringLiteral("exhausted"), e.maxId + 1, 5);
        QCOMPARE(int(first.rows.size()), 5);
        for (std::size_t i = 0; i < first.rows.size(); ++i) {
            QVERIFY(first.rows[i].body.contains(QStringLiteral("exhausted")));
            if (i > 0)
                QVERIFY(first.rows[i - 1].id > first.rows[i].id);
        }
        const LogPage rest =
            readLogMatches(m_db, {}, QStringLiteral("exhausted"), first.rows.back().id, 1000);
        // Every 10th line, except those that are JSON (every 50th).
        QCOMPARE(int(first.rows.size() + rest.rows.size()), kLines / 10 - kLines / 50);
        QVERIFY(rest.rows.front().id < first.rows.back().id);
        // A prefix finds the same lines whichever way the reader gets there: alone (FTS prefix query),
        // after another word (candidates of the other word, prefix checked on the body), or as a whole
        // word that fills the screen.
        const int all = kLines / 10 - kLines / 50;
        QCOMPARE(int(readLogMatches(m_db, {}, QStringLiteral("exh"), e.maxId + 1, 1000).rows.size()), all);
        QCOMPARE(int(readLogMatches(m_db, {}, QStringLiteral("pool exh"), e.maxId + 1, 1000).rows.size()),
                 all);
        QCOMPARE(int(readLogMatches(m_db, {}, QStringLiteral("pool exhausted"), e.maxId + 1, 3).rows.size()),
                 3);
        QCOMPARE(
            int(readLogMatches(m_db, {}, QStringLiteral("pool exhausting"), e.maxId + 1, 10).rows.size()), 0);
        QVERIFY(hasWordWithPrefix(QStringLiteral("Café Öl"), QStringLiteral("ol")));
        QVERIFY(!hasWordWithPrefix(QStringLiteral("spool"), QStringLiteral("pool")));
        // Phrases are checked in order.
        QCOMPARE(
            int(readLogMatches(m_db, {}, QStringLiteral("\"exhausted pool\""), e.maxId + 1, 100).rows.size()),
            0);
        QCOMPARE(
            int(readLogMatches(m_db, {}, QStringLiteral("\"charge failed\""), e.maxId + 1, 100).rows.size()),
            kLines / 25);
    }

    void idAtTimeFindsTheFirstRowAtOrAfter()
    {
        const qint64 id = idAtTime(m_db, kT0 + 150 * kSecond);
        const qint64 time = m_db.queryInt64("SELECT time_ns FROM logs WHERE id = ?1", id).value_or(0);
        QVERIFY(time >= kT0 + 150 * kSecond);
        QVERIFY(time <= kT0 + 151 * kSecond + 1);
        QCOMPARE(idAtTime(m_db, kT0 + 10'000 * kSecond), readLogExtent(m_db).maxId + 1);
    }

    void scanFindsRegexAndLiteralSubstrings()
    {
        const LogExtent e = readLogExtent(m_db);
        LogPattern regex;
        regex.regex = QRegularExpression(QStringLiteral("after 2\\d0 ms"));
        std::vector<LogRow> found;
        for (qint64 before = e.maxId + 1; before > 0;) {
            LogScanChunk chunk = scanLogChunk(m_db, {}, regex, before, 64, 1000);
            found.insert(found.end(), chunk.rows.begin(), chunk.rows.end());
            before = chunk.nextBeforeId;
        }
        // 210, 220, 230, 240, 260, 270, 280, 290 (250 and 200 are JSON lines).
        QCOMPARE(int(found.size()), 8);
        for (std::size_t i = 1; i < found.size(); ++i)
            QVERIFY(found[i - 1].id > found[i].id);
        // LIKE wildcards in a substring are literal.
        LogPattern literal;
        literal.substring = QStringLiteral("%");
        QVERIFY(scanLogChunk(m_db, {}, literal, e.maxId + 1, 1000, 1000).rows.empty());
        literal.substring = QStringLiteral("CART/12");
        // 12, 121-129 except 125 (JSON); 120 is an error line.
        QCOMPARE(int(scanLogChunk(m_db, {}, literal, e.maxId + 1, 1000, 1000).rows.size()), 9);
        // maxRows stops a chunk and says where to resume.
        const LogScanChunk two = scanLogChunk(m_db, {}, literal, e.maxId + 1, 1000, 2);
        QCOMPARE(int(two.rows.size()), 2);
        QCOMPARE(two.nextBeforeId, two.rows.back().id);
    }

    void requiredLiteralIsConservative()
    {
        QCOMPARE(requiredLiteralOf(QStringLiteral("deadlock.*row 9\\d{4}")), QStringLiteral("deadlock"));
        QCOMPARE(requiredLiteralOf(QStringLiteral("waited 1[0-9]{3} ms")), QStringLiteral("waited 1"));
        QCOMPARE(requiredLiteralOf(QStringLiteral("pool=payments\\-db")), QStringLiteral("pool=payments-db"));
        QCOMPARE(requiredLiteralOf(QStringLiteral("errors?x")), QStringLiteral("error")); // 's' is optional
        QCOMPARE(requiredLiteralOf(QStringLiteral("ab(cdefgh)?")), QString()); // groups may be optional
        QCOMPARE(requiredLiteralOf(QStringLiteral("timeout|deadlock")), QString());
        QCOMPARE(requiredLiteralOf(QStringLiteral("[abcdef]+x")), QString());
        QCOMPARE(requiredLiteralOf(QStringLiteral("école")), QString());
        // And the scan finds the same lines with the prefilter as a plain regex finds in the bodies.
        const LogExtent e = readLogExtent(m_db);
        LogPattern p;
        p.regex = QRegularExpression(QStringLiteral("Pool exhausted after 1\\d+"),
                                     QRegularExpression::CaseInsensitiveOption);
        const LogScanChunk chunk = scanLogChunk(m_db, {}, p, e.maxId + 1, 1000, 1000);
        int expected = 0;
        SqliteStatement all = m_db.prepare("SELECT body FROM logs");
        while (all.step())
            expected += p.regex.match(all.text(0)).hasMatch() ? 1 : 0;
        QCOMPARE(expected, 9); // 10, 110-190 by 10 less 150 (JSON); 100 is JSON too
        QCOMPARE(int(chunk.rows.size()), expected);
    }

    void histogramCountsExactlyOrEstimates()
    {
        const LogExtent e = readLogExtent(m_db);
        const LogHistogram exact = readLogHistogram(m_db, e.minTimeNs, e.maxTimeNs + 1, 10);
        QVERIFY(!exact.estimated);
        QCOMPARE(exact.total(), qint64(kLines));
        qint64 errors = 0;
        for (const auto& b : exact.counts)
            errors += b[std::size_t(logLevelClassOf(17))];
        QCOMPARE(errors, qint64(kLines / 10));
        // Forced to estimate (tiny exact limit), with ids out of time order (the two services' batches):
        // the stratified sample still sizes it within 10 %.
        const LogHistogram estimated = readLogHistogram(m_db, e.minTimeNs, e.maxTimeNs + 1, 10, 5, 20);
        QVERIFY(estimated.estimated);
        QVERIFY2(std::abs(estimated.total() - kLines) <= kLines / 10,
                 qPrintable(QString::number(estimated.total())));
    }

    void highlighterMarksWhatMatched()
    {
        using logs::LogHighlighter;
        using logs::LogSearchMode;
        using logs::TextRange;
        const LogHighlighter words(QStringLiteral("pool exh"), LogSearchMode::FullText);
        QCOMPARE(words.ranges(QStringLiteral("db Pool exhausted, spool")),
                 (QList<TextRange>{{3, 4}, {8, 9}})); // "spool" is not the word "pool"
        const LogHighlighter regex(QStringLiteral("\\d+ ms"), LogSearchMode::Regex);
        QCOMPARE(regex.ranges(QStringLiteral("took 12 ms, then 7 ms")), (QList<TextRange>{{5, 5}, {17, 4}}));
        const LogHighlighter sub(QStringLiteral("a.b"), LogSearchMode::Substring);
        QCOMPARE(sub.ranges(QStringLiteral("axb A.B")), (QList<TextRange>{{4, 3}}));
        QString error;
        QVERIFY(!LogHighlighter::validate(QStringLiteral("(unclosed"), LogSearchMode::Regex, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(LogHighlighter().isEmpty());
    }

    void jsonFieldsAreFlattened()
    {
        const auto fields =
            logs::jsonFieldsOf(QStringLiteral(R"( {"a":1,"b":{"c":"x","d":[1,2]},"e":null} )"));
        QCOMPARE(fields, (QList<std::pair<QString, QString>>{{QStringLiteral("a"), QStringLiteral("1")},
                                                             {QStringLiteral("b.c"), QStringLiteral("x")},
                                                             {QStringLiteral("b.d"), QStringLiteral("[1,2]")},
                                                             {QStringLiteral("e"), QStringLiteral("null")}}));
        QVERIFY(logs::jsonFieldsOf(QStringLiteral("not json {}")).isEmpty());
        QVERIFY(logs::jsonFieldsOf(QStringLiteral("{\"a\":")).isEmpty());
        QString huge =
            QStringLiteral("{\"a\":\"") + QString(300 * 1024, QLatin1Char('x')) + QStringLiteral("\"}");
        QVERIFY(logs::jsonFieldsOf(huge).isEmpty());
    }

    void viewModelPagesThroughTheBrowser()
    {
        QString error;
        auto browser = LogBrowser::open(m_path, &error);
        QVERIFY2(browser, qPrintable(error));
        logs::LogViewModel model;
        QSignalSpy rows(&model, &logs::LogViewModel::rowsChanged);
        QSignalSpy histogram(&model, &logs::LogViewModel::histogramChanged);
        model.setVisibleRows(20);
        model.setBrowser(browser.get());
        QTRY_VERIFY(!model.rows().empty());
        QCOMPARE(int(model.rows().size()), 20);
        QCOMPARE(model.rows().front().timeNs, kT0 + qint64(kLines - 1) * kSecond);
        QCOMPARE(model.positionFraction(), 0.0);
        QTRY_COMPARE(model.histogram().total(), qint64(kLines));

        const qint64 fifth = model.rows()[5].id;
        model.scrollRows(5);
        QTRY_COMPARE(model.rows().front().id, fifth);
        model.scrollRows(-2);
        QTRY_COMPARE(int(model.rows().size()), 20);
        QTRY_COMPARE(model.rows()[2].id, fifth);

        model.jumpToTime(kT0 + 100 * kSecond);
        QTRY_VERIFY(model.rows().front().timeNs <= kT0 + 100 * kSecond);
        QVERIFY(model.rows().front().timeNs >= kT0 + 99 * kSecond);
        QVERIFY(model.positionFraction() > 0.6 && model.positionFraction() < 0.7);

        // Full text lists matches; a regex streams scan results.
        model.setSearch(QStringLiteral("exhausted"), logs::LogSearchMode::FullText);
        QTRY_VERIFY(!model.rows().empty() && model.rows().front().body.contains(QStringLiteral("exhausted")));
        for (const LogRow& r : model.rows())
            QVERIFY(r.body.contains(QStringLiteral("exhausted")));
        model.setSearch(QStringLiteral("cart/1\\d\\b"), logs::LogSearchMode::Regex);
        QTRY_VERIFY(model.scanMatches() > 0 && !model.isScanning());
        QCOMPARE(model.scanMatches(), qint64(9)); // 11-19 (10 is an error line)
        QVERIFY(model.rows().front().body.contains(QStringLiteral("/cart/1")));
        QVERIFY(!model.highlighter().ranges(model.rows().front().body).isEmpty());
        model.setSearch(QStringLiteral("(bad"), logs::LogSearchMode::Regex);
        QVERIFY(!model.searchError().isEmpty());
        QCOMPARE(model.scanMatches(), qint64(9)); // unchanged

        // The dashboard's range narrows the histogram and the rows.
        model.setSearch(QString(), logs::LogSearchMode::FullText);
        model.setTimeRange(kT0 + 50 * kSecond, kT0 + 60 * kSecond);
        QTRY_VERIFY(!model.rows().empty() && model.rows().front().timeNs < kT0 + 60 * kSecond);
        QTRY_COMPARE(model.histogram().total(), qint64(11)); // 50-59, and 49 (a second late)
        model.setBrowser(nullptr);
    }

    void followNewestTailsOnlyAtTheNewestEnd()
    {
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("tail.db"));
        auto store = SignalStore::open(path, {}, &error);
        QVERIFY2(store, qPrintable(error));
        std::vector<telemetry::LogRecord> first;
        for (int i = 1; i <= 40; ++i)
            first.push_back(makeLog(kT0 + i * kSecond, 9, QStringLiteral("GET /cart/%1 200").arg(i)));
        QVERIFY(store->ingest(logBatch(QStringLiteral("checkout"), first)));
        store->flush();
        const auto addLine = [&](qint64 timeNs, const QString& body) {
            QVERIFY(store->ingest(logBatch(QStringLiteral("checkout"), {makeLog(timeNs, 9, body)})));
            store->flush();
        };
        auto browser = LogBrowser::open(path, &error);
        QVERIFY2(browser, qPrintable(error));
        logs::LogViewModel model;
        const auto topBody = [&] { return model.rows().empty() ? QString() : model.rows().front().body; };
        const auto topTime = [&] { return model.rows().empty() ? qint64(0) : model.rows().front().timeNs; };
        model.setVisibleRows(10);
        model.setBrowser(browser.get());
        QTRY_COMPARE(topTime(), kT0 + 40 * kSecond);
        QVERIFY(model.isAtNewest());

        // At the newest end a new line comes in on the next tick.
        addLine(kT0 + 100 * kSecond, QStringLiteral("fresh line"));
        QVERIFY(model.followNewest());
        QTRY_COMPARE(topBody(), QStringLiteral("fresh line"));

        // Scrolled down, the tail pauses; back at the top it follows again.
        model.scrollRows(3);
        QTRY_VERIFY(topTime() > 0 && topTime() < kT0 + 40 * kSecond);
        QVERIFY(!model.isAtNewest());
        addLine(kT0 + 101 * kSecond, QStringLiteral("unseen while paused"));
        QVERIFY(!model.followNewest());
        model.scrollToFraction(0.0);
        QTRY_VERIFY(model.isAtNewest());
        QVERIFY(model.followNewest());
        QTRY_COMPARE(topBody(), QStringLiteral("unseen while paused"));

        // Full-text matches follow on their first screen, not on a later one.
        model.setVisibleRows(2); // a scroll by one moves the second match to the top
        model.setSearch(QStringLiteral("fresh"), logs::LogSearchMode::FullText);
        QTRY_COMPARE(topBody(), QStringLiteral("fresh line"));
        addLine(kT0 + 102 * kSecond, QStringLiteral("fresh again"));
        QVERIFY(model.followNewest());
        QTRY_COMPARE(topBody(), QStringLiteral("fresh again"));
        model.scrollRows(1);
        QTRY_COMPARE(topBody(), QStringLiteral("fresh line"));
        QVERIFY(!model.followNewest());

        // A regex scan and a range with an end are snapshots.
        model.setSearch(QStringLiteral("fresh.*"), logs::LogSearchMode::Regex);
        QTRY_VERIFY(!model.isScanning() && model.scanMatches() == 2);
        QVERIFY(!model.followNewest());
        model.setSearch(QString(), logs::LogSearchMode::FullText);
        model.setTimeRange(kT0, kT0 + 200 * kSecond);
        QVERIFY(!model.followNewest());
        model.setBrowser(nullptr);
    }
};

QTEST_GUILESS_MAIN(TestLogPaging)
#include "tst_logpaging.moc"
