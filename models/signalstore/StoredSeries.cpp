#include "StoredSeries.h"

#include <algorithm>

namespace wf::signalstore {

QString StoredSeries::label(const QString& key) const
{
    for (const auto& [k, v] : labels)
        if (k == key)
            return v;
    return {};
}

namespace {

// Where a point at timeNs goes, and whether one is already there.
std::pair<std::size_t, bool> slotFor(const std::vector<qint64>& times, qint64 timeNs)
{
    // Points almost always arrive in order: check the end before searching.
    if (times.empty() || times.back() < timeNs)
        return {times.size(), false};
    const auto it = std::lower_bound(times.begin(), times.end(), timeNs);
    const auto pos = std::size_t(it - times.begin());
    return {pos, it != times.end() && *it == timeNs};
}

template<typename T>
void insertAt(std::vector<T>& column, std::size_t pos, const T& value)
{
    column.insert(column.begin() + std::ptrdiff_t(pos), value);
}

} // namespace

bool StoredSeries::insertNumber(qint64 timeNs, qint64 startNs, double value)
{
    const auto [pos, exists] = slotFor(timesNs, timeNs);
    if (exists) {
        startsNs[pos] = startNs;
        values[pos] = value;
        return false;
    }
    insertAt(timesNs, pos, timeNs);
    insertAt(startsNs, pos, startNs);
    insertAt(values, pos, value);
    return true;
}

bool StoredSeries::insertHistogram(qint64 timeNs, qint64 startNs, double count, double sum,
                                   const std::vector<double>& buckets)
{
    const auto [pos, exists] = slotFor(timesNs, timeNs);
    const auto first = bucketCounts.begin() + std::ptrdiff_t(pos * bucketStride());
    if (exists) {
        startsNs[pos] = startNs;
        values[pos] = count;
        sums[pos] = sum;
        std::copy(buckets.begin(), buckets.end(), first);
        return false;
    }
    insertAt(timesNs, pos, timeNs);
    insertAt(startsNs, pos, startNs);
    insertAt(values, pos, count);
    insertAt(sums, pos, sum);
    bucketCounts.insert(first, buckets.begin(), buckets.end());
    return true;
}

std::size_t StoredSeries::trimBefore(qint64 cutoffNs)
{
    const auto n = std::size_t(std::lower_bound(timesNs.begin(), timesNs.end(), cutoffNs) - timesNs.begin());
    if (n == 0)
        return 0;
    const auto drop = [n](auto& column, std::size_t stride) {
        if (!column.empty())
            column.erase(column.begin(), column.begin() + std::ptrdiff_t(n * stride));
    };
    drop(timesNs, 1);
    drop(startsNs, 1);
    drop(values, 1);
    drop(sums, 1);
    drop(bucketCounts, bucketStride());
    return n;
}

} // namespace wf::signalstore
