#include "analysis/M4Decimator.h"

#include "analysis/ParallelFor.h"
#include "analysis/SeriesStats.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace wf::analysis {

namespace {

// Exact products of a time offset (up to 2^64 ns) and a column count; GCC and Clang have it.
__extension__ typedef __int128 Wide;
// Two doubles per operation (SSE2 on baseline x86-64, NEON on arm64) through the compiler's vector
// extension, so the summary below does not depend on what the auto-vectoriser makes of -O2.
__extension__ typedef double Pair __attribute__((vector_size(16)));
__extension__ typedef qint64 PairMask __attribute__((vector_size(16)));

// Where each kept sample goes; also remembers whether a gap must precede the next one.
struct Emitter
{
    DecimatedSeries& out;

    void gapAt(qint64 timeNs)
    {
        if (!out.values.empty() && !std::isnan(out.values.back())) {
            out.timesNs.push_back(timeNs);
            out.values.push_back(std::nan(""));
        }
    }
    void point(qint64 timeNs, double value)
    {
        out.timesNs.push_back(timeNs);
        out.values.push_back(value);
    }
};

// Every sample's contribution to SeriesStats, gathered column by column.
struct StatsSum
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    double sum = 0;
    qsizetype count = 0;
    qsizetype nonPositive = 0;

    void add(double v)
    {
        if (!std::isfinite(v))
            return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        sum += v;
        ++count;
        nonPositive += v <= 0 ? 1 : 0;
    }
};

// A run of values summarised without a branch per sample. Only meaningful when `allFinite`: a NaN or
// an infinity poisons the extremes and the sum, and the caller takes the scalar path instead.
struct RunSummary
{
    double lo;
    double hi;
    double sum;
    qsizetype nonPositive;
    bool allFinite;
};

RunSummary summarise(const double* v, qsizetype n)
{
    const double inf = std::numeric_limits<double>::infinity();
    Pair lo0 = {inf, inf}, lo1 = lo0, hi0 = -lo0, hi1 = hi0;
    Pair sum0 = {0, 0}, sum1 = sum0;
    Pair poison = {0, 0}; // x - x is 0 for a finite x and NaN otherwise; NaN survives the sum
    PairMask nonPositive = {0, 0};
    const Pair zero = {0, 0};
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        Pair a, b;
        std::memcpy(&a, v + i, sizeof a);
        std::memcpy(&b, v + i + 2, sizeof b);
        lo0 = a < lo0 ? a : lo0;
        lo1 = b < lo1 ? b : lo1;
        hi0 = a > hi0 ? a : hi0;
        hi1 = b > hi1 ? b : hi1;
        sum0 += a;
        sum1 += b;
        poison += (a - a) + (b - b);
        nonPositive -= (a <= zero) + (b <= zero); // a true comparison is -1 in every bit
    }
    RunSummary r;
    r.lo = std::min({lo0[0], lo0[1], lo1[0], lo1[1]});
    r.hi = std::max({hi0[0], hi0[1], hi1[0], hi1[1]});
    r.sum = (sum0[0] + sum1[0]) + (sum0[1] + sum1[1]);
    r.nonPositive = nonPositive[0] + nonPositive[1];
    double tailPoison = poison[0] + poison[1];
    for (; i < n; ++i) {
        const double x = v[i];
        r.lo = std::min(r.lo, x);
        r.hi = std::max(r.hi, x);
        r.sum += x;
        r.nonPositive += x <= 0 ? 1 : 0;
        tailPoison += x - x;
    }
    r.allFinite = tailPoison == 0;
    return r;
}

// The first index in [from, n) whose time is >= bound (times ascending). The search starts at `hint`
// and gallops outwards, so with evenly spaced samples and the previous column's width as the hint a
// column boundary costs a probe or two instead of a comparison per sample.
qsizetype seekTime(const qint64* t, qsizetype from, qsizetype n, qint64 bound, qsizetype hint)
{
    qsizetype lo = from; // the answer is in [lo, hi]
    qsizetype hi = n;
    qsizetype probe = std::clamp(hint, from, n);
    qsizetype step = 1;
    if (probe < n && t[probe] < bound) {
        lo = probe + 1;
        while (probe + step < n) {
            if (t[probe + step] >= bound) {
                hi = probe + step;
                break;
            }
            probe += step;
            lo = probe + 1;
            step *= 2;
        }
    } else {
        hi = probe;
        while (probe - step >= lo) {
            if (t[probe - step] < bound) {
                lo = probe - step + 1;
                break;
            }
            probe -= step;
            hi = probe;
            step *= 2;
        }
    }
    return qsizetype(std::lower_bound(t + lo, t + hi, bound) - t);
}

// std::is_sorted, branch-free within blocks: it reads every timestamp, so it runs at memory speed.
bool ascending(const qint64* t, qsizetype n)
{
    qsizetype i = 1;
    for (; i + 32 <= n; i += 32) {
        bool descends = false;
        for (int j = 0; j < 32; ++j)
            descends |= t[i + j] < t[i + j - 1];
        if (descends)
            return false;
    }
    for (; i < n; ++i) {
        if (t[i] < t[i - 1])
            return false;
    }
    return true;
}

} // namespace

M4Decimator::M4Decimator(qint64 fromNs, qint64 toNs, int columns)
    : m_fromNs(fromNs)
    , m_toNs(toNs)
    , m_columns(columns)
{}

int M4Decimator::columnOf(qint64 timeNs) const
{
    if (timeNs < m_fromNs)
        return -1;
    if (timeNs > m_toNs || isEmptyRange())
        return m_columns;
    if (timeNs == m_toNs)
        return m_columns - 1;
    const Wide offset = Wide(timeNs) - m_fromNs;
    const Wide span = Wide(m_toNs) - m_fromNs;
    return int(offset * m_columns / span);
}

qint64 M4Decimator::columnStartNs(int column) const
{
    const Wide span = Wide(m_toNs) - m_fromNs;
    // The smallest offset with offset * columns >= column * span.
    const Wide offset = (Wide(column) * span + m_columns - 1) / m_columns;
    return qint64(m_fromNs + offset);
}

template<typename Order>
void M4Decimator::run(const qint64* times, const double* values, qsizetype n, Order at,
                      DecimatedSeries& out) const
{
    out.timesNs.clear();
    out.values.clear();
    if (isEmptyRange() || n <= 0)
        return;
    const auto timeAt = [&](qsizetype k) { return times[at(k)]; };
    const auto valueAt = [&](qsizetype k) { return values[at(k)]; };
    // Enough for every kept sample and most gap markers: push_back below rarely reallocates.
    const size_t room = size_t(std::min<qsizetype>(n, qsizetype(m_columns) * 4 + 2));
    out.timesNs.reserve(room);
    out.values.reserve(room);
    Emitter sink{out};

    // A non-finite sample since the last finite one, and the first of them (where a gap marker goes).
    bool nanSinceFinite = false;
    qsizetype nanPos = -1;
    const auto sawNan = [&](qsizetype k) {
        if (!nanSinceFinite) {
            nanSinceFinite = true;
            nanPos = k;
        }
    };

    qsizetype k = 0;
    qsizetype entry = -1;
    for (; k < n && timeAt(k) < m_fromNs; ++k) {
        if (std::isfinite(valueAt(k))) {
            entry = k;
            nanSinceFinite = false;
        } else {
            sawNan(k);
        }
    }
    if (entry >= 0)
        sink.point(timeAt(entry), valueAt(entry));

    while (k < n && timeAt(k) <= m_toNs) {
        const int column = columnOf(timeAt(k));
        const bool lastColumn = column + 1 >= m_columns;
        const qint64 next = lastColumn ? m_toNs : columnStartNs(column + 1);
        qsizetype first = -1, last = -1, lo = -1, hi = -1;
        double loValue = 0, hiValue = 0; // kept in registers: the inner loop touches each sample once
        bool crossGap = false;
        qsizetype crossGapPos = -1;
        bool interiorGap = false;
        for (; k < n && (lastColumn ? timeAt(k) <= m_toNs : timeAt(k) < next); ++k) {
            const double v = valueAt(k);
            if (!std::isfinite(v)) {
                sawNan(k);
                continue;
            }
            if (first < 0) {
                first = lo = hi = k;
                loValue = hiValue = v;
                crossGap = nanSinceFinite;
                crossGapPos = nanPos;
            } else {
                interiorGap = interiorGap || nanSinceFinite;
                if (v < loValue) {
                    lo = k;
                    loValue = v;
                }
                if (v > hiValue) {
                    hi = k;
                    hiValue = v;
                }
            }
            last = k;
            nanSinceFinite = false;
        }
        if (first < 0)
            continue; // only gaps in this column: nanSinceFinite carries the gap to the next one
        qsizetype kept[4] = {first, lo, hi, last};
        std::sort(std::begin(kept), std::end(kept));
        const auto keptEnd = std::unique(std::begin(kept), std::end(kept));
        if (crossGap)
            sink.gapAt(timeAt(crossGapPos));
        for (auto p = std::begin(kept); p != keptEnd; ++p) {
            if (interiorGap && p != std::begin(kept)) {
                // Rare (a gap inside one pixel column): look for it between this kept sample and the last.
                for (qsizetype j = *(p - 1) + 1; j < *p; ++j) {
                    if (!std::isfinite(valueAt(j))) {
                        sink.gapAt(timeAt(j));
                        break;
                    }
                }
            }
            sink.point(timeAt(*p), valueAt(*p));
        }
    }

    for (; k < n; ++k) {
        if (std::isfinite(valueAt(k))) {
            if (nanSinceFinite)
                sink.gapAt(timeAt(nanPos));
            sink.point(timeAt(k), valueAt(k));
            break;
        }
        sawNan(k);
    }
}

void M4Decimator::runSorted(const qint64* times, const double* values, qsizetype n, DecimatedSeries& out,
                            SeriesStats* stats) const
{
    // The same output as run() with the identity order, in one pass that also gathers the statistics:
    // column edges are found by a galloping search over the times instead of a comparison per sample,
    // and a column without gaps is summarised branch-free. Columns with a gap take the scalar walk.
    out.timesNs.clear();
    out.values.clear();
    StatsSum sum;
    const auto finish = [&] {
        if (!stats)
            return;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        *stats = SeriesStats{nan, nan, nan, nan, nan};
        if (sum.count == 0)
            return;
        qsizetype first = 0;
        while (!std::isfinite(values[first]))
            ++first;
        qsizetype last = n - 1;
        while (!std::isfinite(values[last]))
            --last;
        *stats =
            SeriesStats{sum.lo,    sum.hi,         sum.sum / double(sum.count), values[last], values[first],
                        sum.count, sum.nonPositive};
    };
    // Samples outside the plotted range count for the statistics only.
    const auto addToStats = [&](qsizetype from, qsizetype to) {
        if (!stats || from >= to)
            return;
        const RunSummary r = summarise(values + from, to - from);
        if (!r.allFinite) {
            for (qsizetype j = from; j < to; ++j)
                sum.add(values[j]);
            return;
        }
        sum.lo = std::min(sum.lo, r.lo);
        sum.hi = std::max(sum.hi, r.hi);
        sum.sum += r.sum;
        sum.count += to - from;
        sum.nonPositive += r.nonPositive;
    };
    if (isEmptyRange() || n <= 0) {
        addToStats(0, n);
        finish();
        return;
    }
    const size_t room = size_t(std::min<qsizetype>(n, qsizetype(m_columns) * 4 + 2));
    out.timesNs.reserve(room);
    out.values.reserve(room);
    Emitter sink{out};

    bool nanSinceFinite = false;
    qsizetype nanPos = -1;

    // Entry: the last finite sample before the range; a gap after it if anything non-finite follows.
    qsizetype k = qsizetype(std::lower_bound(times, times + n, m_fromNs) - times);
    addToStats(0, k);
    qsizetype entry = k - 1;
    while (entry >= 0 && !std::isfinite(values[entry]))
        --entry;
    if (entry >= 0)
        sink.point(times[entry], values[entry]);
    if (entry + 1 < k) {
        nanSinceFinite = true;
        nanPos = entry + 1;
    }

    const bool endless = m_toNs == std::numeric_limits<qint64>::max();
    qsizetype width = 0; // of the last column: where the next edge probably is
    while (k < n && times[k] <= m_toNs) {
        const int column = columnOf(times[k]);
        const bool lastColumn = column + 1 >= m_columns;
        const qsizetype end = lastColumn ? (endless ? n : seekTime(times, k, n, m_toNs + 1, k + width))
                                         : seekTime(times, k, n, columnStartNs(column + 1), k + width);
        width = end - k;
        const RunSummary r = summarise(values + k, width);
        qsizetype kept[4];
        bool crossGap = false;
        qsizetype crossGapPos = -1;
        bool interiorGap = false;
        if (r.allFinite) {
            if (stats) {
                sum.lo = std::min(sum.lo, r.lo);
                sum.hi = std::max(sum.hi, r.hi);
                sum.sum += r.sum;
                sum.count += width;
                sum.nonPositive += r.nonPositive;
            }
            // The earliest of equal extremes, as the scalar walk keeps them.
            qsizetype lo = k;
            while (!(values[lo] == r.lo))
                ++lo;
            qsizetype hi = k;
            while (!(values[hi] == r.hi))
                ++hi;
            kept[0] = k;
            kept[1] = lo;
            kept[2] = hi;
            kept[3] = end - 1;
            crossGap = nanSinceFinite;
            crossGapPos = nanPos;
            nanSinceFinite = false;
        } else {
            qsizetype first = -1, last = -1, lo = -1, hi = -1;
            double loValue = 0, hiValue = 0;
            for (qsizetype j = k; j < end; ++j) {
                const double v = values[j];
                if (!std::isfinite(v)) {
                    if (!nanSinceFinite) {
                        nanSinceFinite = true;
                        nanPos = j;
                    }
                    continue;
                }
                sum.add(v);
                if (first < 0) {
                    first = lo = hi = j;
                    loValue = hiValue = v;
                    crossGap = nanSinceFinite;
                    crossGapPos = nanPos;
                } else {
                    interiorGap = interiorGap || nanSinceFinite;
                    if (v < loValue) {
                        lo = j;
                        loValue = v;
                    }
                    if (v > hiValue) {
                        hi = j;
                        hiValue = v;
                    }
                }
                last = j;
                nanSinceFinite = false;
            }
            if (first < 0) {
                k = end;
                continue; // only gaps in this column: nanSinceFinite carries the gap to the next one
            }
            kept[0] = first;
            kept[1] = lo;
            kept[2] = hi;
            kept[3] = last;
        }
        std::sort(std::begin(kept), std::end(kept));
        const auto keptEnd = std::unique(std::begin(kept), std::end(kept));
        if (crossGap)
            sink.gapAt(times[crossGapPos]);
        for (auto p = std::begin(kept); p != keptEnd; ++p) {
            if (interiorGap && p != std::begin(kept)) {
                for (qsizetype j = *(p - 1) + 1; j < *p; ++j) {
                    if (!std::isfinite(values[j])) {
                        sink.gapAt(times[j]);
                        break;
                    }
                }
            }
            sink.point(times[*p], values[*p]);
        }
        k = end;
    }

    addToStats(k, n);
    for (; k < n; ++k) {
        if (std::isfinite(values[k])) {
            if (nanSinceFinite)
                sink.gapAt(times[nanPos]);
            sink.point(times[k], values[k]);
            break;
        }
        if (!nanSinceFinite) {
            nanSinceFinite = true;
            nanPos = k;
        }
    }
    finish();
}

void M4Decimator::decimateInto(std::span<const qint64> timesNs, std::span<const double> values,
                               DecimatedSeries& out, SeriesStats* stats) const
{
    const qsizetype n = qsizetype(std::min(timesNs.size(), values.size()));
    if (ascending(timesNs.data(), n)) {
        runSorted(timesNs.data(), values.data(), n, out, stats);
        return;
    }
    // Defensive: sources deliver ascending times, but a merged or hand-made series might not.
    std::vector<qsizetype> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return timesNs[size_t(a)] < timesNs[size_t(b)]; });
    run(
        timesNs.data(), values.data(), n, [&](qsizetype k) { return order[size_t(k)]; }, out);
    if (stats)
        *stats = seriesStats(timesNs.first(size_t(n)), values.first(size_t(n)));
}

void M4Decimator::decimateInto(std::span<const qint64> timesNs, std::span<const double> values,
                               DecimatedSeries& out) const
{
    decimateInto(timesNs, values, out, nullptr);
}

DecimatedSeries M4Decimator::decimate(std::span<const qint64> timesNs, std::span<const double> values) const
{
    DecimatedSeries out;
    decimateInto(timesNs, values, out);
    return out;
}

DecimatedSeries M4Decimator::decimate(const signalstore::SeriesSet& series) const
{
    return decimate(std::span<const qint64>(series.timesNs), std::span<const double>(series.values));
}

std::vector<DecimatedSeries> M4Decimator::decimateMany(const std::vector<signalstore::SeriesSet>& series,
                                                       int threads) const
{
    std::vector<DecimatedSeries> out(series.size());
    parallelFor(qsizetype(series.size()), threads, [&](qsizetype i) {
        decimateInto(series[size_t(i)].timesNs, series[size_t(i)].values, out[size_t(i)]);
    });
    return out;
}

} // namespace wf::analysis
