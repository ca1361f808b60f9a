// StepSizing: the step never asks for more points than the panel can draw, is never finer than the
// scrape interval, and lands on readable values; worked examples plus a sweep over many panels.

#include "prometheus/StepSizing.h"

#include <QRandomGenerator>
#include <QTest>

using namespace wf::prometheus;

namespace {
constexpr qint64 kS = 1000;
constexpr qint64 kMin = 60 * kS;
constexpr qint64 kH = 60 * kMin;
} // namespace

class TestPromStepSizing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void niceValues()
    {
        QCOMPARE(roundUpToNiceStep(0), 1);
        QCOMPARE(roundUpToNiceStep(3), 5);
        QCOMPARE(roundUpToNiceStep(999), kS);
        QCOMPARE(roundUpToNiceStep(11 * kS), 15 * kS);
        QCOMPARE(roundUpToNiceStep(16 * kS), 30 * kS);
        QCOMPARE(roundUpToNiceStep(61 * kS), 2 * kMin);
        QCOMPARE(roundUpToNiceStep(7 * kH), 12 * kH);
        QCOMPARE(roundUpToNiceStep(25 * kH), 48 * kH);
    }

    void workedExamples()
    {
        // 1 h over 600 px: 3600 s / 599 = 6.01 s -> 10 s, 361 points.
        StepChoice c = chooseStep({0, kH, 600, 0, 0});
        QCOMPARE(c.stepMs, 10 * kS);
        QCOMPARE(c.points, 361);
        // The scrape interval wins over a wide panel: 5 min over 1920 px with 15 s scrapes.
        c = chooseStep({0, 5 * kMin, 1920, 0, 15 * kS});
        QCOMPARE(c.stepMs, 15 * kS);
        QCOMPARE(c.points, 21);
        QCOMPARE(c.rateIntervalMs, 60 * kS); // four scrapes
        // maxDataPoints smaller than the width: 24 h in at most 100 points -> 872.7 s -> 15 min.
        c = chooseStep({0, 24 * kH, 1000, 100, kS});
        QCOMPARE(c.stepMs, 15 * kMin);
        QVERIFY(c.points <= 100);
        // An odd min interval is kept when it limits the step, not rounded to 10 s.
        c = chooseStep({0, 10 * kMin, 2000, 0, 7 * kS});
        QCOMPARE(c.stepMs, 7 * kS);
        // Very long range on a huge width still obeys Prometheus' 11,000 points.
        c = chooseStep({0, 365 * 24 * kH, 100'000, 0, 0});
        QVERIFY(c.points <= kPrometheusMaxPoints);
        // Empty range: one point, a sane step.
        c = chooseStep({5, 5, 800, 0, 0});
        QCOMPARE(c.points, 1);
        QVERIFY(c.stepMs >= 1);
    }

    void neverMorePointsThanDrawable()
    {
        QRandomGenerator rng(42);
        for (int i = 0; i < 20000; ++i) {
            StepRequest r;
            r.startMs = qint64(rng.bounded(1'000'000)) * kS;
            r.endMs = r.startMs + qint64(rng.generate64() % quint64(400LL * 24 * kH));
            r.widthPx = int(rng.bounded(1, 8000));
            r.maxDataPoints = rng.bounded(3) == 0 ? int(rng.bounded(2, 5000)) : 0;
            r.minIntervalMs = rng.bounded(2) ? qint64(rng.bounded(1, 120)) * kS : 0;
            const StepChoice c = chooseStep(r);
            qint64 limit = std::min<qint64>(r.widthPx, kPrometheusMaxPoints);
            if (r.maxDataPoints > 0)
                limit = std::min<qint64>(limit, r.maxDataPoints);
            limit = std::max<qint64>(limit, 2);
            QVERIFY2(c.points <= limit,
                     qPrintable(QStringLiteral("range %1 width %2 max %3 -> step %4 points %5")
                                    .arg(r.endMs - r.startMs)
                                    .arg(r.widthPx)
                                    .arg(r.maxDataPoints)
                                    .arg(c.stepMs)
                                    .arg(c.points)));
            QCOMPARE(c.points, (r.endMs - r.startMs) / c.stepMs + 1);
            QVERIFY(c.stepMs >= r.minIntervalMs);
            QVERIFY(c.rateIntervalMs >= c.stepMs);
        }
    }
};

QTEST_GUILESS_MAIN(TestPromStepSizing)
#include "tst_promstepsizing.moc"
