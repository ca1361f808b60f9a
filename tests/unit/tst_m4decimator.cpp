// M4 decimation against a brute-force reference written without the decimator's column walk: every
// column's first, last, minimum and maximum survive, gaps survive, and the output is bounded by the width.

#include "analysis/M4Decimator.h"
#include "analysis/SeriesStats.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace wf;
using analysis::DecimatedSeries;
using analysis::M4Decimator;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
__extension__ typedef __int128 Wide;

struct Sample
{
    qint64 t;
    double v;
};

// Column by the definition in the header, with a floor of a long double quotient checked against the
// integer product (the reference must not share the decimator's boundary arithmetic).
int referenceColumn(qint64 t, qint64 from, qint64 to, int width)
{
    if (t < from)
        return -1;
    if (t > to)
        return width;
    if (t == to)
        return width - 1;
    int c = int(std::floor((long double)(t - from) * width / (long double)(to - from)));
    while (c > 0 && Wide(t - from) * width < Wide(c) * (to - from))
        --c;
    while (Wide(t - from) * width >= Wide(c + 1) * (to - from))
        ++c;
    return c;
}

DecimatedSeries reference(std::vector<Sample> s, qint64 from, qint64 to, int width)
{
    DecimatedSeries out;
    if (width <= 0 || to <= from)
        return out;
    std::stable_sort(s.begin(), s.end(), [](const Sample& a, const Sample& b) { return a.t < b.t; });
    const auto finite = [&](size_t i) { return std::isfinite(s[i].v); };
    std::vector<size_t> kept;
    // Entry: the last finite sample before the range.
    for (size_t i = s.size(); i-- > 0;) {
        if (s[i].t < from && finite(i)) {
            kept.push_back(i);
            break;
        }
    }
    for (int c = 0; c < width; ++c) {
        std::vector<size_t> in;
        for (size_t i = 0; i < s.size(); ++i) {
            if (finite(i) && referenceColumn(s[i].t, from, to, width) == c)
                in.push_back(i);
        }
        if (in.empty())
            continue;
        size_t lo = in.front(), hi = in.front();
        for (size_t i : in) {
            if (s[i].v < s[lo].v)
                lo = i;
            if (s[i].v > s[hi].v)
                hi = i;
        }
        std::vector<size_t> four{in.front(), lo, hi, in.back()};
        std::sort(four.begin(), four.end());
        four.erase(std::unique(four.begin(), four.end()), four.end());
        kept.insert(kept.end(), four.begin(), four.end());
    }
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i].t > to && finite(i)) {
            kept.push_back(i);
            break;
        }
    }
    for (size_t k = 0; k < kept.size(); ++k) {
        if (k > 0) {
            for (size_t j = kept[k - 1] + 1; j < kept[k]; ++j) {
                if (!finite(j)) {
                    out.timesNs.push_back(s[j].t);
                    out.values.push_back(kNaN);
                    break;
                }
            }
        }
        out.timesNs.push_back(s[kept[k]].t);
        out.values.push_back(s[kept[k]].v);
    }
    return out;
}

// NaN-aware equality with a readable failure message.
bool same(const DecimatedSeries& a, const DecimatedSeries& b, QString* why)
{
    if (a.timesNs.size() != b.timesNs.size()) {
        *why = QStringLiteral("size %1 vs %2").arg(a.timesNs.size()).arg(b.timesNs.size());
        return false;
    }
    for (size_t i = 0; i < a.timesNs.size(); ++i) {
        const bool bothNan = std::isnan(a.values[i]) && std::isnan(b.values[i]);
        if (a.timesNs[i] != b.timesNs[i] || (!bothNan && a.values[i] != b.values[i])) {
            *why = QStringLiteral("index %1: (%2, %3) vs (%4, %5)")
                       .arg(i)
                       .arg(a.timesNs[i])
                       .arg(a.values[i])
                       .arg(b.timesNs[i])
                       .arg(b.values[i]);
            return false;
        }
    }
    return true;
}

DecimatedSeries run(const std::vector<Sample>& s, qint64 from, qint64 to, int width)
{
    std::vector<qint64> t;
    std::vector<double> v;
    for (const Sample& x : s) {
        t.push_back(x.t);
        v.push_back(x.v);
    }
    return M4Decimator(from, to, width).decimate(t, v);
}

signalstore::SeriesSet toSet(const std::vector<Sample>& s)
{
    signalstore::SeriesSet set;
    for (const Sample& x : s) {
        set.timesNs.push_back(x.t);
        set.values.push_back(x.v);
    }
    return set;
}

std::vector<Sample> randomSeries(QRandomGenerator& rng, int n, qint64 from, qint64 to, bool sorted,
                                 double nanRate)
{
    std::vector<Sample> s;
    const qint64 span = to - from;
    for (int i = 0; i < n; ++i) {
        qint64 t;
        if (sorted)
            t = from - span / 10 + qint64((long double)(span * 12 / 10) * i / std::max(1, n - 1));
        else
            t = from - span / 10 + qint64(rng.bounded(quint64(span * 12 / 10 + 1)));
        if (rng.bounded(8) == 0 && !s.empty())
            t = s.back().t; // duplicate timestamps
        const double v = rng.generateDouble() < nanRate ? kNaN : double(rng.bounded(200)) - 100.0;
        s.push_back({t, v});
    }
    if (sorted)
        std::stable_sort(s.begin(), s.end(), [](const Sample& a, const Sample& b) { return a.t < b.t; });
    return s;
}

} // namespace

class TestM4Decimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneColumnKeepsFirstMinMaxLast()
    {
        const std::vector<Sample> s{{0, 3}, {1, 1}, {2, 4}, {3, 1}, {4, 5}, {5, 9}, {6, 2}, {7, 6}};
        const DecimatedSeries d = run(s, 0, 7, 1);
        QCOMPARE(d.timesNs, (std::vector<qint64>{0, 1, 5, 7}));
        QCOMPARE(d.values, (std::vector<double>{3, 1, 9, 6})); // the earliest of the two minima
    }

    void gapsBecomeMarkersAndTrailingGapsVanish()
    {
        // Column 0 holds t 0..4, column 1 t 5..10.
        const std::vector<Sample> s{{0, 1}, {1, 2}, {2, kNaN}, {3, 5},    {4, 0},    {5, 7},
                                    {6, 7}, {7, 7}, {8, kNaN}, {9, kNaN}, {10, kNaN}};
        const DecimatedSeries d = run(s, 0, 10, 2);
        QCOMPARE(d.timesNs, (std::vector<qint64>{0, 2, 3, 4, 5, 7}));
        QCOMPARE(d.values.size(), size_t(6));
        QVERIFY(std::isnan(d.values[1]));
        QCOMPARE(d.values[0], 1.0);
        QCOMPARE(d.values[2], 5.0);
        QCOMPARE(d.values[3], 0.0);
        QCOMPARE(d.values[4], 7.0);
        QCOMPARE(d.values[5], 7.0);
    }

    void gapAcrossColumnsAndEmptyColumns()
    {
        // Values in column 0 and 3 of 4 over [0, 40); NaNs in between: one marker, at the first NaN.
        const std::vector<Sample> s{{1, 1}, {12, kNaN}, {22, kNaN}, {35, 2}};
        const DecimatedSeries d = run(s, 0, 40, 4);
        QCOMPARE(d.timesNs, (std::vector<qint64>{1, 12, 35}));
        QVERIFY(std::isnan(d.values[1]));
        // Without the NaNs the line is continuous across the empty columns.
        const DecimatedSeries joined = run({{1, 1}, {35, 2}}, 0, 40, 4);
        QCOMPARE(joined.values, (std::vector<double>{1, 2}));
    }

    void entryAndExitPointsOutsideTheRange()
    {
        const std::vector<Sample> s{{-20, 1}, {-10, 2}, {-5, kNaN}, {5, 3}, {15, 4}, {25, 5}};
        const DecimatedSeries d = run(s, 0, 10, 2);
        // The last finite before (2 at -10), a gap, the one inside, the first after.
        QCOMPARE(d.timesNs, (std::vector<qint64>{-10, -5, 5, 15}));
        QVERIFY(std::isnan(d.values[1]));
        QCOMPARE(d.values[3], 4.0);
    }

    void degenerateInputs()
    {
        QVERIFY(run({}, 0, 10, 100).timesNs.empty());
        QVERIFY(run({{5, 1}}, 0, 10, 0).timesNs.empty());    // zero width
        QVERIFY(run({{5, 1}}, 10, 10, 100).timesNs.empty()); // empty range
        QVERIFY(run({{5, 1}}, 10, 0, 100).timesNs.empty());  // inverted range
        const DecimatedSeries one = run({{5, 1}}, 0, 10, 100);
        QCOMPARE(one.timesNs, std::vector<qint64>{5});
        QCOMPARE(one.values, std::vector<double>{1});
        QVERIFY(run({{5, kNaN}, {6, kNaN}}, 0, 10, 3).timesNs.empty()); // only gaps
        const DecimatedSeries atEnd = run({{10, 4}}, 0, 10, 3);         // t == to: last column
        QCOMPARE(atEnd.timesNs, std::vector<qint64>{10});
        // Mismatched columns: only the common length counts.
        const DecimatedSeries d =
            M4Decimator(0, 10, 4).decimate(std::vector<qint64>{1, 2, 3}, std::vector<double>{7, 8});
        QCOMPARE(d.values, (std::vector<double>{7, 8}));
        // Huge time values do not overflow the column arithmetic.
        const qint64 big = std::numeric_limits<qint64>::max() - 10;
        M4Decimator wide(std::numeric_limits<qint64>::min() + 10, big, 4000);
        QCOMPARE(wide.columnOf(big), 3999);
        QCOMPARE(wide.columnOf(0), 2000);
    }

    void unsortedAndDuplicateTimesAreOrderedStably()
    {
        const std::vector<Sample> sorted{{1, 5}, {2, 6}, {2, 1}, {3, 9}, {4, 2}};
        const std::vector<Sample> shuffled{{3, 9}, {2, 6}, {1, 5}, {4, 2}, {2, 1}};
        QString why;
        QVERIFY2(same(run(shuffled, 0, 4, 1), reference(shuffled, 0, 4, 1), &why), qPrintable(why));
        QCOMPARE(run(sorted, 0, 4, 1).values, (std::vector<double>{5, 1, 9, 2}));
    }

    void columnBoundariesMatchTheDefinition()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 200; ++round) {
            const qint64 from = qint64(rng.bounded(1'000'000)) - 500'000;
            const qint64 to = from + 1 + qint64(rng.bounded(10'000'000));
            const int width = 1 + int(rng.bounded(3000));
            M4Decimator m(from, to, width);
            for (int c = 0; c < width; c += 1 + width / 17) {
                const qint64 start = m.columnStartNs(c);
                QCOMPARE(m.columnOf(start), referenceColumn(start, from, to, width));
                QVERIFY(m.columnOf(start) >= c); // >: column c is empty when the range is narrower
                if (start > from)
                    QVERIFY(m.columnOf(start - 1) < c);
            }
        }
    }

    void randomSeriesMatchTheReference_data()
    {
        QTest::addColumn<bool>("sorted");
        QTest::addColumn<double>("nanRate");
        QTest::newRow("sorted, no gaps") << true << 0.0;
        QTest::newRow("sorted, gaps") << true << 0.1;
        QTest::newRow("sorted, mostly gaps") << true << 0.7;
        QTest::newRow("unsorted, gaps") << false << 0.1;
    }

    void randomSeriesMatchTheReference()
    {
        QFETCH(bool, sorted);
        QFETCH(double, nanRate);
        QRandomGenerator rng(42);
        for (int round = 0; round < 150; ++round) {
            const qint64 from = qint64(rng.bounded(1'000'000));
            const qint64 to = from + 1 + qint64(rng.bounded(100'000));
            const int width = 1 + int(rng.bounded(64));
            const int n = int(rng.bounded(600));
            const std::vector<Sample> s = randomSeries(rng, n, from, to, sorted, nanRate);
            const DecimatedSeries got = run(s, from, to, width);
            QString why;
            QVERIFY2(same(got, reference(s, from, to, width), &why),
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(why)));

            // The drawing property: per column, the original's extremes are the output's extremes.
            M4Decimator m(from, to, width);
            std::vector<double> lo(size_t(width), kNaN), hi(size_t(width), kNaN);
            std::vector<double> outLo(size_t(width), kNaN), outHi(size_t(width), kNaN);
            std::vector<int> finitePerColumn(size_t(width), 0);
            const auto widen = [](double& l, double& h, double v) {
                l = std::isnan(l) ? v : std::min(l, v);
                h = std::isnan(h) ? v : std::max(h, v);
            };
            for (const Sample& x : s) {
                const int c = m.columnOf(x.t);
                if (c >= 0 && c < width && std::isfinite(x.v))
                    widen(lo[size_t(c)], hi[size_t(c)], x.v);
            }
            int finiteOut = 0;
            for (size_t i = 0; i < got.timesNs.size(); ++i) {
                const int c = m.columnOf(got.timesNs[i]);
                QVERIFY(i == 0 || got.timesNs[i - 1] <= got.timesNs[i]);
                QVERIFY(i == 0 || !(std::isnan(got.values[i]) && std::isnan(got.values[i - 1])));
                if (c < 0 || c >= width || std::isnan(got.values[i]))
                    continue;
                widen(outLo[size_t(c)], outHi[size_t(c)], got.values[i]);
                ++finitePerColumn[size_t(c)];
                ++finiteOut;
            }
            for (int c = 0; c < width; ++c) {
                QVERIFY(finitePerColumn[size_t(c)] <= 4);
                QVERIFY((std::isnan(lo[size_t(c)]) && std::isnan(outLo[size_t(c)])) ||
                        lo[size_t(c)] == outLo[size_t(c)]);
                QVERIFY((std::isnan(hi[size_t(c)]) && std::isnan(outHi[size_t(c)])) ||
                        hi[size_t(c)] == outHi[size_t(c)]);
            }
            QVERIFY(finiteOut <= 4 * width);
        }
    }

    void longColumnsMatchTheReference_data()
    {
        QTest::addColumn<double>("nanRate");
        QTest::addColumn<bool>("infinities");
        QTest::newRow("no gaps") << 0.0 << false;
        QTest::newRow("rare gaps") << 0.002 << false;
        QTest::newRow("infinities") << 0.0 << true;
    }

    // Columns of hundreds of samples: the branch-free summary of a gap-free column and the search for
    // column edges, with many equal extremes (the earliest must be kept), signed zeros and infinities
    // (gaps like NaN).
    void longColumnsMatchTheReference()
    {
        QFETCH(double, nanRate);
        QFETCH(bool, infinities);
        QRandomGenerator rng(99);
        for (int round = 0; round < 30; ++round) {
            const qint64 from = qint64(rng.bounded(1'000'000));
            const qint64 to = from + 1 + qint64(rng.bounded(10'000'000));
            const int width = 1 + int(rng.bounded(40));
            const int n = int(rng.bounded(8'000));
            std::vector<Sample> s = randomSeries(rng, n, from, to, true, nanRate);
            for (Sample& x : s) {
                if (std::isfinite(x.v))
                    x.v = double(int(x.v) % 7); // few distinct values: ties everywhere
                if (x.v == 0 && rng.bounded(2) == 0)
                    x.v = -0.0;
                if (infinities && rng.bounded(3000) == 0)
                    x.v = rng.bounded(2) ? std::numeric_limits<double>::infinity()
                                         : -std::numeric_limits<double>::infinity();
            }
            QString why;
            QVERIFY2(same(run(s, from, to, width), reference(s, from, to, width), &why),
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(why)));
        }
    }

    void statisticsInTheSamePassEqualSeriesStats()
    {
        QRandomGenerator rng(5);
        for (int round = 0; round < 200; ++round) {
            const bool sorted = round % 4 != 0;
            const qint64 from = qint64(rng.bounded(1'000'000));
            const qint64 to = from + 1 + qint64(rng.bounded(1'000'000));
            // Part of each series lies outside the range: the statistics still count every sample.
            const signalstore::SeriesSet set =
                toSet(randomSeries(rng, int(rng.bounded(3000)), from, to, sorted, round % 3 == 0 ? 0.05 : 0));
            const int width = round % 10 == 0 ? 0 : 1 + int(rng.bounded(300)); // 0: nothing to draw
            const M4Decimator m(from, to, width);
            DecimatedSeries fused;
            analysis::SeriesStats stats;
            m.decimateInto(set.timesNs, set.values, fused, &stats);
            QString why;
            QVERIFY2(same(fused, m.decimate(set), &why), qPrintable(why));
            const analysis::SeriesStats expected = analysis::seriesStats(set);
            QCOMPARE(stats.count, expected.count);
            QCOMPARE(stats.nonPositive, expected.nonPositive);
            if (expected.count == 0) {
                QVERIFY(std::isnan(stats.min) && std::isnan(stats.mean) && std::isnan(stats.last));
                continue;
            }
            QCOMPARE(stats.min, expected.min);
            QCOMPARE(stats.max, expected.max);
            QCOMPARE(stats.first, expected.first);
            QCOMPARE(stats.last, expected.last);
            QVERIFY(std::abs(stats.mean - expected.mean) <= 1e-9 * std::max(1.0, std::abs(expected.mean)));
        }
    }

    void manySeriesOnSeveralThreadsEqualOneByOne()
    {
        QRandomGenerator rng(3);
        std::vector<signalstore::SeriesSet> sets;
        for (int i = 0; i < 37; ++i)
            sets.push_back(toSet(randomSeries(rng, int(rng.bounded(5000)), 0, 1'000'000, i % 5 != 0, 0.05)));
        const M4Decimator m(0, 1'000'000, 300);
        for (int threads : {1, 2, 0, 64}) {
            const std::vector<DecimatedSeries> all = m.decimateMany(sets, threads);
            QCOMPARE(all.size(), sets.size());
            for (size_t i = 0; i < sets.size(); ++i) {
                QString why;
                QVERIFY2(same(all[i], m.decimate(sets[i]), &why), qPrintable(why));
            }
        }
        QVERIFY(m.decimateMany({}, 2).empty());
    }
};

QTEST_GUILESS_MAIN(TestM4Decimator)
#include "tst_m4decimator.moc"
