#include "SeriesMath.h"

#include <cmath>
#include <limits>

namespace wf::signalstore {

qint64 stepIndexOf(qint64 timeNs, qint64 stepNs)
{
    const qint64 q = timeNs / stepNs;
    return (timeNs % stepNs != 0 && timeNs < 0) ? q - 1 : q;
}

bool isCounterReset(qint64 prevStartNs, double prevValue, qint64 startNs, double value)
{
    if (prevStartNs != 0 && startNs != 0 && prevStartNs != startNs)
        return true;
    return value < prevValue;
}

double counterIncrease(qint64 prevStartNs, double prevValue, qint64 startNs, double value)
{
    return isCounterReset(prevStartNs, prevValue, startNs, value) ? value : value - prevValue;
}

double histogramQuantile(double q, std::span<const double> bounds, std::span<const double> counts)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (std::isnan(q))
        return nan;
    if (q < 0)
        return -std::numeric_limits<double>::infinity();
    if (q > 1)
        return std::numeric_limits<double>::infinity();
    if (bounds.empty() || counts.size() != bounds.size() + 1)
        return nan;
    double total = 0;
    for (double c : counts)
        total += c;
    if (!(total > 0))
        return nan;

    const double rank = q * total;
    double below = 0;
    std::size_t b = 0;
    // The first non-empty bucket whose cumulative count reaches the rank (empty buckets before it
    // would otherwise answer q = 0 with a bound nothing was observed in).
    for (; b < counts.size(); ++b) {
        if (counts[b] > 0 && below + counts[b] >= rank)
            break;
        below += counts[b];
    }
    if (b >= bounds.size()) // the +Inf bucket: its upper end is unknown
        return bounds.back();
    const double upper = bounds[b];
    double lower = b == 0 ? 0.0 : bounds[b - 1];
    if (b == 0 && upper <= 0)
        return upper;
    return lower + (upper - lower) * ((rank - below) / counts[b]);
}

} // namespace wf::signalstore
