// Axis ticks of the time series chart (analysis/AxisTicks) and the per-item thread helper the chart
// decimates with (analysis/ParallelFor).

#include "analysis/AxisTicks.h"
#include "analysis/ParallelFor.h"

#include <QSet>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace wf;

class TestAxisTicks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void niceSteps()
    {
        QCOMPARE(analysis::niceStep(0.7), 1.0);
        QCOMPARE(analysis::niceStep(1.3), 2.0);
        QCOMPARE(analysis::niceStep(2.2), 2.5);
        QCOMPARE(analysis::niceStep(31), 50.0);
        QCOMPARE(analysis::niceStep(-3), 1.0);
    }

    void linearTicksCarryTheUnitAndAreUnique()
    {
        const QList<analysis::ValueTick> bytes = analysis::linearTicks(0, 4e9, u"bytes", 1);
        QCOMPARE(bytes.size(), 5);
        QCOMPARE(bytes[1].value, 1e9);
        QVERIFY2(bytes.front().label.startsWith(u'0'), qPrintable(bytes.front().label));
        QVERIFY2(bytes.back().label.endsWith(u"GiB"_s), qPrintable(bytes.back().label));
        const QList<analysis::ValueTick> pct = analysis::linearTicks(0, 100, u"percent", 1);
        QCOMPARE(pct.size(), 5);
        QCOMPARE(pct[1].value, 25.0);
        QVERIFY(pct[1].label.endsWith(u'%'));
        // Steps finer than the configured decimals get the digits they need, and no label repeats.
        const QList<analysis::ValueTick> fine = analysis::linearTicks(0, 0.01, {}, 0);
        QStringList labels;
        for (const auto& t : fine)
            labels << t.label;
        QCOMPARE(fine.size(), 5);
        QCOMPARE(fine[2].value, 0.005);
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        QCOMPARE(labels.front(), u"0.000"_s);
        QVERIFY(analysis::linearTicks(1, 1, {}, 0).isEmpty());
    }

    void logTicksArePowersOfTen()
    {
        const QList<analysis::ValueTick> t = analysis::logTicks(0.1, 1000, {});
        QCOMPARE(t.size(), 5);
        QCOMPARE(t.front().value, 0.1);
        QCOMPARE(t.back().label, u"1000"_s);
        QVERIFY(analysis::logTicks(0, 10, {}).isEmpty());
        QVERIFY(analysis::logTicks(1e-10, 1e20, {}).size() <= 9); // thinned over a wide range
    }

    void timeTicksSitOnWholeLocalSteps()
    {
        const qint64 from = 1'800'000'007'000; // ms, not on a minute
        const analysis::TimeTicks t = analysis::timeTicks(from, from + 3'600'000, 6, 3600);
        QCOMPARE(t.stepMs, qint64(15 * 60'000));
        QCOMPARE(t.format, u"HH:mm"_s);
        QVERIFY(!t.timesMs.isEmpty());
        for (qint64 ms : t.timesMs) {
            QVERIFY(ms >= from && ms <= from + 3'600'000);
            QCOMPARE((ms + 3'600'000) % t.stepMs, qint64(0)); // whole quarter hours of local time
        }
        QCOMPARE(analysis::timeTicks(from, from + 30'000, 8, 0).format, u"HH:mm:ss"_s);
        QCOMPARE(analysis::timeTicks(from, from + 3 * 86'400'000LL, 8, 0).format, u"MM-dd HH:mm"_s);
        QVERIFY(analysis::timeTicks(from, from, 8, 0).timesMs.isEmpty());
    }

    void parallelForRunsEveryItemOnceAndUsesHelpers()
    {
        constexpr int kItems = 64;
        std::vector<std::atomic<int>> runs(kItems);
        std::atomic<int> otherThreads{0};
        const auto caller = std::this_thread::get_id();
        analysis::parallelFor(kItems, 2, [&](qsizetype i) {
            runs[size_t(i)]++;
            if (std::this_thread::get_id() != caller)
                otherThreads++;
            std::this_thread::sleep_for(std::chrono::milliseconds(1)); // long enough for a helper to join
        });
        for (const auto& r : runs)
            QCOMPARE(r.load(), 1);
        QVERIFY(otherThreads.load() > 0);
        int single = 0;
        analysis::parallelFor(10, 1, [&](qsizetype) {
            QVERIFY(std::this_thread::get_id() == caller);
            ++single;
        });
        QCOMPARE(single, 10);
    }
};

QTEST_MAIN(TestAxisTicks)
#include "tst_axisticks.moc"
