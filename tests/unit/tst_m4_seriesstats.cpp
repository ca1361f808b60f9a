// What the chart's legend, tooltip and stacking read from the undecimated series.

#include "analysis/SeriesStats.h"

#include <QTest>

#include <cmath>

using namespace wf;
using namespace wf::analysis;

namespace {

signalstore::SeriesSet make(std::vector<qint64> t, std::vector<double> v)
{
    signalstore::SeriesSet s;
    s.timesNs = std::move(t);
    s.values = std::move(v);
    return s;
}

} // namespace

class TestSeriesStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statsSkipGaps()
    {
        const double nan = std::nan("");
        const SeriesStats s = seriesStats(make({1, 2, 3, 4, 5}, {4, nan, -2, 10, nan}));
        QCOMPARE(s.count, qsizetype(3));
        QCOMPARE(s.min, -2.0);
        QCOMPARE(s.max, 10.0);
        QCOMPARE(s.mean, 4.0);
        QCOMPARE(s.last, 10.0); // the trailing gap is not the last value
        QCOMPARE(s.first, 4.0);
        QCOMPARE(s.nonPositive, qsizetype(1));
        const SeriesStats none = seriesStats(make({1}, {nan}));
        QCOMPARE(none.count, qsizetype(0));
        QVERIFY(std::isnan(none.mean) && std::isnan(none.last));
        // Unsorted: "last" is the latest by time.
        QCOMPARE(seriesStats(make({5, 1}, {7, 3})).last, 7.0);
    }

    void valueAtTakesTheSampleAtOrBefore()
    {
        const signalstore::SeriesSet s = make({10, 20, 30}, {1, 2, 3});
        QCOMPARE(valueAt(s, 20, 5), 2.0);
        QCOMPARE(valueAt(s, 24, 5), 2.0);
        QVERIFY(std::isnan(valueAt(s, 26, 5)));  // too old
        QVERIFY(std::isnan(valueAt(s, 5, 100))); // before the first
        QCOMPARE(valueAt(s, 1000, 1000), 3.0);
    }

    void stackingAddsAtEqualTimestamps()
    {
        const double nan = std::nan("");
        const std::vector<signalstore::SeriesSet> stacked = stackSeries(
            {make({1, 2, 3}, {1, 2, 3}), make({1, 2, 3}, {10, nan, 10}), make({2, 3, 4}, {100, 100, 100})});
        QCOMPARE(stacked.size(), size_t(3));
        QCOMPARE(stacked[0].values, (std::vector<double>{1, 2, 3}));
        QCOMPARE(stacked[1].values[0], 11.0);
        QVERIFY(std::isnan(stacked[1].values[1])); // its own gap stays a gap
        QCOMPARE(stacked[1].values[2], 13.0);
        // t=2: the gap in the middle series counts as 0, the bottom one's 2 still counts.
        QCOMPARE(stacked[2].values, (std::vector<double>{102, 113, 100}));
    }
};

QTEST_GUILESS_MAIN(TestSeriesStats)
#include "tst_m4_seriesstats.moc"
