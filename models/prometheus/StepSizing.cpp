#include "StepSizing.h"

#include <algorithm>
#include <array>

namespace wf::prometheus {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

constexpr std::array<qint64, 27> kNiceSteps{1,
                                            2,
                                            5,
                                            10,
                                            20,
                                            50,
                                            100,
                                            200,
                                            500,
                                            kSecond,
                                            2 * kSecond,
                                            5 * kSecond,
                                            10 * kSecond,
                                            15 * kSecond,
                                            30 * kSecond,
                                            kMinute,
                                            2 * kMinute,
                                            5 * kMinute,
                                            10 * kMinute,
                                            15 * kMinute,
                                            30 * kMinute,
                                            kHour,
                                            2 * kHour,
                                            3 * kHour,
                                            6 * kHour,
                                            12 * kHour,
                                            kDay};

} // namespace

qint64 roundUpToNiceStep(qint64 ms)
{
    if (ms <= 1)
        return 1;
    for (qint64 nice : kNiceSteps)
        if (nice >= ms)
            return nice;
    return (ms + kDay - 1) / kDay * kDay;
}

StepChoice chooseStep(const StepRequest& r)
{
    const qint64 range = std::max<qint64>(0, r.endMs - r.startMs);
    qint64 maxPoints = kPrometheusMaxPoints;
    if (r.widthPx > 0)
        maxPoints = std::min<qint64>(maxPoints, r.widthPx);
    if (r.maxDataPoints > 0)
        maxPoints = std::min<qint64>(maxPoints, r.maxDataPoints);
    maxPoints = std::max<qint64>(maxPoints, 2);

    // points = floor(range / step) + 1 <= maxPoints  <=>  step >= range / (maxPoints - 1)
    qint64 step = (range + maxPoints - 2) / (maxPoints - 1);
    step = std::max({step, r.minIntervalMs, qint64(1)});
    // Rounding up keeps the bound; a minimum interval that is not nice itself (e.g. 7s) is kept as is
    // when it is what limits the step, so samples are not skipped.
    const qint64 nice = roundUpToNiceStep(step);
    if (!(step == r.minIntervalMs && nice != step))
        step = nice;

    StepChoice c;
    c.stepMs = step;
    c.points = range / step + 1;
    c.rateIntervalMs =
        std::max(4 * std::max<qint64>(r.minIntervalMs, 0), step + std::max<qint64>(r.minIntervalMs, 0));
    if (c.rateIntervalMs <= 0)
        c.rateIntervalMs = step;
    return c;
}

} // namespace wf::prometheus
