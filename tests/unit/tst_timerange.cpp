// Time ranges at a fixed "now": relative expressions with rounding, absolute ends, zoom and shift,
// history, quick ranges, refresh intervals and durations.

#include "dashboard/Duration.h"
#include "dashboard/TimeRange.h"
#include "dashboard/TimeRangeHistory.h"

#include <QDateTime>
#include <QTest>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;

namespace {

qint64 utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// Wednesday, 15 May 2024, 13:37:42.123 UTC.
const qint64 kNow = utc("2024-05-15T13:37:42.123Z");

} // namespace

class TestTimeRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relativeExpressions_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<bool>("roundUp");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("now") << u"now"_s << false << kNow;
        QTest::newRow("now-6h") << u"now-6h"_s << false << utc("2024-05-15T07:37:42.123Z");
        QTest::newRow("now-15m") << u"now-15m"_s << false << utc("2024-05-15T13:22:42.123Z");
        QTest::newRow("now+1h") << u"now+1h"_s << false << utc("2024-05-15T14:37:42.123Z");
        QTest::newRow("now-30s") << u"now-30s"_s << false << utc("2024-05-15T13:37:12.123Z");
        QTest::newRow("now/d from") << u"now/d"_s << false << utc("2024-05-15T00:00:00.000Z");
        QTest::newRow("now/d to") << u"now/d"_s << true << utc("2024-05-15T23:59:59.999Z");
        QTest::newRow("now-1d/d") << u"now-1d/d"_s << false << utc("2024-05-14T00:00:00.000Z");
        QTest::newRow("now-1d/d to") << u"now-1d/d"_s << true << utc("2024-05-14T23:59:59.999Z");
        QTest::newRow("now/h") << u"now/h"_s << false << utc("2024-05-15T13:00:00.000Z");
        QTest::newRow("now/w starts Monday") << u"now/w"_s << false << utc("2024-05-13T00:00:00.000Z");
        QTest::newRow("now-1M") << u"now-1M"_s << false << utc("2024-04-15T13:37:42.123Z");
        QTest::newRow("now/M to") << u"now/M"_s << true << utc("2024-05-31T23:59:59.999Z");
        QTest::newRow("now/y") << u"now/y"_s << false << utc("2024-01-01T00:00:00.000Z");
        QTest::newRow("now-1y") << u"now-1y"_s << false << utc("2023-05-15T13:37:42.123Z");
        QTest::newRow("now-2w") << u"now-2w"_s << false << utc("2024-05-01T13:37:42.123Z");
        QTest::newRow("chained") << u"now-1d+2h"_s << false << utc("2024-05-14T15:37:42.123Z");
        QTest::newRow("spaces") << u"  now-1h "_s << false << utc("2024-05-15T12:37:42.123Z");
    }

    void relativeExpressions()
    {
        QFETCH(QString, expr);
        QFETCH(bool, roundUp);
        QFETCH(qint64, expected);
        const auto got = resolveTimeExpression(expr, kNow, roundUp);
        QVERIFY2(got, qPrintable(expr));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(*got, QTimeZone::utc()),
                 QDateTime::fromMSecsSinceEpoch(expected, QTimeZone::utc()));
    }

    void absoluteEnds()
    {
        QCOMPARE(resolveTimeExpression(u"1715780262123"_s, kNow, false),
                 std::optional<qint64>(1715780262123));
        QCOMPARE(resolveTimeExpression(u"2024-05-01T10:00:00Z"_s, kNow, false),
                 std::optional<qint64>(utc("2024-05-01T10:00:00Z")));
        QCOMPARE(resolveTimeExpression(u"2024-05-01T10:00:00+02:00"_s, kNow, false),
                 std::optional<qint64>(utc("2024-05-01T08:00:00Z")));
        QCOMPARE(resolveTimeExpression(u"2024-05-01 10:00:00"_s, kNow, false),
                 std::optional<qint64>(utc("2024-05-01T10:00:00Z")));
        // Without an offset, the wall clock is in the dashboard's zone.
        const QTimeZone plus2 = QTimeZone(2 * 3600);
        QCOMPARE(resolveTimeExpression(u"2024-05-01 10:00:00"_s, kNow, false, plus2),
                 std::optional<qint64>(utc("2024-05-01T08:00:00Z")));
    }

    void roundingFollowsTheZone()
    {
        // 13:37 UTC is 15:37 at UTC+2: that day began at 22:00 UTC the day before.
        const QTimeZone plus2 = QTimeZone(2 * 3600);
        QCOMPARE(resolveTimeExpression(u"now/d"_s, kNow, false, plus2),
                 std::optional<qint64>(utc("2024-05-14T22:00:00Z")));
    }

    void invalidExpressions_data()
    {
        QTest::addColumn<QString>("expr");
        for (const char* bad : {"", "now-6x", "now--1h", "now-6h/", "now/q", "yesterday", "now-", "now6h",
                                "2024-13-01T00:00:00Z", "now-99999999999y"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
        QTest::newRow("very long") << (u"now"_s + QString(200, u'x'));
    }

    void invalidExpressions()
    {
        QFETCH(QString, expr);
        QVERIFY(!resolveTimeExpression(expr, kNow, false));
    }

    void resolveAndValidate()
    {
        const auto r = resolve(TimeRange{}, kNow);
        QVERIFY(r);
        QCOMPARE(r->spanMs(), 6 * 3600 * 1000LL);
        QCOMPARE(r->toMs, kNow);
        const TimeRange today{u"now/d"_s, u"now/d"_s};
        QCOMPARE(resolve(today, kNow)->spanMs(), 24 * 3600 * 1000LL - 1);
        QVERIFY(!resolve(TimeRange{u"now"_s, u"now-1h"_s}, kNow));
        QVERIFY(validate(TimeRange{u"now"_s, u"now-1h"_s}, kNow).contains(u"before"));
        QVERIFY(validate(TimeRange{u"now-1x"_s, u"now"_s}, kNow).contains(u"now-1x"));
        QVERIFY(validate(TimeRange{}, kNow).isEmpty());
        QVERIFY(TimeRange{}.isRelative());
        QVERIFY(!absoluteRange(1, 2).isRelative());
    }

    void zoomAndShift()
    {
        const ResolvedRange r{utc("2024-05-15T12:00:00Z"), utc("2024-05-15T14:00:00Z")};
        QCOMPARE(zoom(r, 2.0), absoluteRange(utc("2024-05-15T11:00:00Z"), utc("2024-05-15T15:00:00Z")));
        QCOMPARE(zoom(r, 0.5), absoluteRange(utc("2024-05-15T12:30:00Z"), utc("2024-05-15T13:30:00Z")));
        QCOMPARE(shift(r, -0.5), absoluteRange(utc("2024-05-15T11:00:00Z"), utc("2024-05-15T13:00:00Z")));
        QCOMPARE(shift(r, 0.5), absoluteRange(utc("2024-05-15T13:00:00Z"), utc("2024-05-15T15:00:00Z")));
        QCOMPARE(zoomTo(2000, 1000), absoluteRange(1000, 2000)); // dragged right to left
        QCOMPARE(zoomTo(5000, 5000), absoluteRange(4500, 5500)); // a click is widened to 1 s
        // Zooming in stops at 1 s instead of reaching an empty range.
        QCOMPARE(resolve(zoom(ResolvedRange{0, 1000}, 0.01), kNow)->spanMs(), 1000);
        // A relative range resolved then zoomed becomes absolute.
        const TimeRange zoomed = zoom(*resolve(TimeRange{u"now-1h"_s, u"now"_s}, kNow), 2.0);
        QVERIFY(!zoomed.isRelative());
        QCOMPARE(resolve(zoomed, kNow)->spanMs(), 2 * 3600 * 1000LL);
    }

    void history()
    {
        TimeRangeHistory h;
        QVERIFY(!h.canGoBack());
        QVERIFY(!h.canGoForward());
        const TimeRange a{u"now-1h"_s, u"now"_s};
        const TimeRange b = absoluteRange(1000, 2000);
        h.push(a);
        h.push(a); // same range again: not a new entry
        h.push(b);
        QCOMPARE(h.size(), 3);
        QCOMPARE(h.back(), a);
        QCOMPARE(h.back(), TimeRange{});
        QVERIFY(!h.canGoBack());
        QCOMPARE(h.back(), TimeRange{});
        QCOMPARE(h.forward(), a);
        QVERIFY(h.canGoForward());
        const TimeRange c = absoluteRange(5000, 9000);
        h.push(c); // drops b
        QVERIFY(!h.canGoForward());
        QCOMPARE(h.back(), a);
        QCOMPARE(h.forward(), c);
        for (int i = 0; i < 500; ++i)
            h.push(absoluteRange(i, i + 1000));
        QCOMPARE(h.size(), TimeRangeHistory::kMaxEntries);
    }

    void quickRangesResolve()
    {
        const QList<QuickRange> ranges = quickRanges();
        QVERIFY(ranges.size() >= 15);
        qint64 lastSpan = 0;
        for (const QuickRange& q : ranges) {
            const auto r = resolve(q.range, kNow);
            QVERIFY2(r, qPrintable(q.display));
            if (q.range.to == u"now" && q.range.from.startsWith(u"now-") && !q.range.from.contains(u'/')) {
                QVERIFY2(r->spanMs() > lastSpan, qPrintable(q.display)); // "Last ..." ones, shortest first
                lastSpan = r->spanMs();
            }
        }
        QCOMPARE(describe(TimeRange{u"now-6h"_s, u"now"_s}), u"Last 6 hours"_s);
        QCOMPARE(describe(TimeRange{u"now-1d/d"_s, u"now-1d/d"_s}), u"Yesterday"_s);
        QCOMPARE(describe(absoluteRange(utc("2024-05-01T10:00:00Z"), utc("2024-05-01T11:00:00Z"))),
                 u"2024-05-01 10:00:00 to 2024-05-01 11:00:00"_s);
    }

    void refreshIntervals()
    {
        QCOMPARE(parseRefreshInterval(u"5s"_s), std::optional<qint64>(5000));
        QCOMPARE(parseRefreshInterval(u"1m"_s), std::optional<qint64>(60000));
        QCOMPARE(parseRefreshInterval(u"1h30m"_s), std::optional<qint64>(5400000));
        QCOMPARE(parseRefreshInterval(u"off"_s), std::optional<qint64>(0));
        QCOMPARE(parseRefreshInterval(QString()), std::optional<qint64>(0));
        QVERIFY(!parseRefreshInterval(u"500ms"_s)); // would flood the server
        QVERIFY(!parseRefreshInterval(u"often"_s));
        for (const QString& choice : wf::dashboard::refreshIntervals())
            QVERIFY2(parseRefreshInterval(choice), qPrintable(choice));
    }

    void durations()
    {
        QCOMPARE(parseDurationMs(u"1m30s"), std::optional<qint64>(90000));
        QCOMPARE(parseDurationMs(u"500ms"), std::optional<qint64>(500));
        QCOMPARE(parseDurationMs(u"2d"), std::optional<qint64>(2 * 86400000LL));
        QCOMPARE(parseDurationMs(u"0s"), std::optional<qint64>(0));
        QVERIFY(!parseDurationMs(u"30s1m")); // largest unit first, as in Prometheus
        QVERIFY(!parseDurationMs(u"5"));
        QVERIFY(!parseDurationMs(u"5x"));
        QVERIFY(!parseDurationMs(u"-5s"));
        QVERIFY(!parseDurationMs(u"99999999999999999999s"));
        QCOMPARE(formatDuration(90000), u"1m30s"_s);
        QCOMPARE(formatDuration(500), u"500ms"_s);
        QCOMPARE(formatDuration(3600000), u"1h"_s);
        QCOMPARE(formatDuration(0), u"0s"_s);
        for (qint64 ms : {1LL, 999LL, 61001LL, 86400000LL * 8 + 5})
            QCOMPARE(parseDurationMs(formatDuration(ms)), std::optional<qint64>(ms));
    }
};

QTEST_GUILESS_MAIN(TestTimeRange)
#include "tst_timerange.moc"
