#include "analysis/AxisTicks.h"

#include "analysis/UnitFormat.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace wf::analysis {

double niceStep(double rough)
{
    if (!(rough > 0) || !std::isfinite(rough))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double n = rough / magnitude;
    const double nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
    return nice * magnitude;
}

QList<ValueTick> linearTicks(double lo, double hi, QStringView unitId, int decimals)
{
    QList<ValueTick> ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo))
        return ticks;
    const double step = niceStep((hi - lo) / 4);
    const int stepDecimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    // More decimals until the labels differ (1.25 and 1.3 both read "1.3" with one decimal).
    for (int extra = 0; extra < 4; ++extra) {
        ticks.clear();
        QSet<QString> seen;
        for (int i = 0;; ++i) {
            const double v = lo + step * i;
            if (v > hi + step * 1e-6 || i > 1000)
                break;
            const double tick = std::abs(v) < step * 1e-9 ? 0.0 : v;
            QString text;
            if (unitId.isEmpty())
                text = QString::number(tick, 'f', std::clamp(std::max(decimals, stepDecimals) + extra, 0, 8));
            else
                text = formatValueText(
                    tick, unitId, isScaledUnit(unitId) && extra == 0 ? kAutoDecimals : stepDecimals + extra);
            seen.insert(text);
            ticks.append({tick, text});
        }
        if (seen.size() == ticks.size())
            break;
    }
    return ticks;
}

QList<ValueTick> logTicks(double lo, double hi, QStringView unitId)
{
    QList<ValueTick> ticks;
    if (!(lo > 0) || !(hi > lo) || !std::isfinite(hi))
        return ticks;
    const int first = int(std::floor(std::log10(lo) + 1e-9));
    const int last = int(std::ceil(std::log10(hi) - 1e-9));
    // Up to ~8 labels: every power of ten, or every second, third… one over a wide range.
    const int every = std::max(1, (last - first + 7) / 8);
    for (int e = first; e <= last; e += every) {
        const double v = std::pow(10.0, e);
        ticks.append({v, unitId.isEmpty() ? QString::number(v, 'g', 6) : formatValueText(v, unitId)});
    }
    return ticks;
}

TimeTicks timeTicks(qint64 fromMs, qint64 toMs, int maxTicks, int utcOffsetSeconds)
{
    static constexpr qint64 kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute, kDay = 24 * kHour;
    static constexpr qint64 kSteps[] = {kSecond,      2 * kSecond,  5 * kSecond, 10 * kSecond, 15 * kSecond,
                                        30 * kSecond, kMinute,      2 * kMinute, 5 * kMinute,  10 * kMinute,
                                        15 * kMinute, 30 * kMinute, kHour,       2 * kHour,    3 * kHour,
                                        6 * kHour,    12 * kHour,   kDay,        2 * kDay,     7 * kDay,
                                        14 * kDay,    30 * kDay,    90 * kDay,   365 * kDay};
    TimeTicks out;
    if (toMs <= fromMs)
        return out;
    maxTicks = std::max(1, maxTicks);
    const qint64 span = toMs - fromMs;
    out.stepMs = kSteps[std::size(kSteps) - 1];
    for (qint64 s : kSteps) {
        if (span / s < maxTicks) {
            out.stepMs = s;
            break;
        }
    }
    if (out.stepMs < kMinute)
        out.format = QStringLiteral("HH:mm:ss");
    else if (out.stepMs < kDay && span <= kDay)
        out.format = QStringLiteral("HH:mm");
    else
        out.format = QStringLiteral("MM-dd HH:mm");
    const qint64 offset = qint64(utcOffsetSeconds) * 1000;
    const qint64 local = fromMs + offset;
    qint64 first = local / out.stepMs * out.stepMs;
    if (first < local)
        first += out.stepMs;
    for (qint64 t = first - offset; t <= toMs && out.timesMs.size() <= maxTicks; t += out.stepMs)
        out.timesMs.append(t);
    return out;
}

} // namespace wf::analysis
