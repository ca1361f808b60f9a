#include "analysis/SeriesStats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wf::analysis {

SeriesStats seriesStats(const signalstore::SeriesSet& series)
{
    return seriesStats(std::span<const qint64>(series.timesNs), std::span<const double>(series.values));
}

SeriesStats seriesStats(std::span<const qint64> timesNs, std::span<const double> values)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    SeriesStats s{nan, nan, nan, nan, nan};
    const size_t n = std::min(timesNs.size(), values.size());
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double sum = 0;
    qsizetype count = 0;
    qsizetype nonPositive = 0;
    size_t firstIndex = n;
    size_t lastIndex = n;
    qint64 lastTime = std::numeric_limits<qint64>::min();
    qint64 firstTime = std::numeric_limits<qint64>::max();
    for (size_t i = 0; i < n; ++i) {
        const double v = values[i];
        if (!std::isfinite(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        sum += v;
        ++count;
        nonPositive += v <= 0 ? 1 : 0;
        // By time, not by position: an unsorted series still reports its latest value as "last".
        if (timesNs[i] >= lastTime) {
            lastTime = timesNs[i];
            lastIndex = i;
        }
        if (timesNs[i] < firstTime) {
            firstTime = timesNs[i];
            firstIndex = i;
        }
    }
    if (count == 0)
        return s;
    s.min = lo;
    s.max = hi;
    s.mean = sum / double(count);
    s.last = values[lastIndex];
    s.first = values[firstIndex];
    s.count = count;
    s.nonPositive = nonPositive;
    return s;
}

double reduce(const SeriesStats& stats, Reducer reducer)
{
    switch (reducer) {
    case Reducer::Last:
        return stats.last;
    case Reducer::First:
        return stats.first;
    case Reducer::Mean:
        return stats.mean;
    case Reducer::Min:
        return stats.min;
    case Reducer::Max:
        return stats.max;
    }
    return stats.last;
}

double valueAt(const signalstore::SeriesSet& series, qint64 timeNs, qint64 maxAgeNs)
{
    const size_t n = std::min(series.timesNs.size(), series.values.size());
    const auto end = series.timesNs.begin() + qsizetype(n);
    const auto it = std::upper_bound(series.timesNs.begin(), end, timeNs);
    if (it == series.timesNs.begin())
        return std::nan("");
    const size_t i = size_t(it - series.timesNs.begin()) - 1;
    if (timeNs - series.timesNs[i] > maxAgeNs)
        return std::nan("");
    return series.values[i];
}

std::vector<signalstore::SeriesSet> stackSeries(const std::vector<signalstore::SeriesSet>& series)
{
    std::vector<signalstore::SeriesSet> out;
    out.reserve(series.size());
    // The sum of everything stacked so far over the union of timestamps, gaps counted as 0, so one
    // series' gap does not hide the series below it.
    std::vector<qint64> baseTimes;
    std::vector<double> baseValues;
    for (const signalstore::SeriesSet& s : series) {
        signalstore::SeriesSet stacked;
        stacked.labels = s.labels;
        const size_t n = std::min(s.timesNs.size(), s.values.size());
        stacked.timesNs.assign(s.timesNs.begin(), s.timesNs.begin() + qsizetype(n));
        stacked.values.resize(n);
        std::vector<qint64> nextTimes;
        std::vector<double> nextValues;
        nextTimes.reserve(baseTimes.size() + n);
        nextValues.reserve(baseTimes.size() + n);
        size_t j = 0;
        for (size_t i = 0; i < n; ++i) {
            const qint64 t = s.timesNs[i];
            while (j < baseTimes.size() && baseTimes[j] < t) {
                nextTimes.push_back(baseTimes[j]);
                nextValues.push_back(baseValues[j]);
                ++j;
            }
            const double below = (j < baseTimes.size() && baseTimes[j] == t) ? baseValues[j] : 0.0;
            if (j < baseTimes.size() && baseTimes[j] == t)
                ++j;
            const double own = s.values[i];
            stacked.values[i] = own + below; // NaN stays NaN: the series' own gap
            nextTimes.push_back(t);
            nextValues.push_back(below + (std::isfinite(own) ? own : 0.0));
        }
        nextTimes.insert(nextTimes.end(), baseTimes.begin() + qsizetype(j), baseTimes.end());
        nextValues.insert(nextValues.end(), baseValues.begin() + qsizetype(j), baseValues.end());
        baseTimes = std::move(nextTimes);
        baseValues = std::move(nextValues);
        out.push_back(std::move(stacked));
    }
    return out;
}

} // namespace wf::analysis
