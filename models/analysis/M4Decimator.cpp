#include "analysis/M4Decimator.h"

#include "analysis/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wf::analysis {

namespace {

// Exact products of a time offset (up to 2^64 ns) and a column count; GCC and Clang have it.
__extension__ typedef __int128 Wide;

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

void M4Decimator::decimateInto(std::span<const qint64> timesNs, std::span<const double> values,
                               DecimatedSeries& out) const
{
    const qsizetype n = qsizetype(std::min(timesNs.size(), values.size()));
    if (std::is_sorted(timesNs.begin(), timesNs.begin() + n)) {
        run(
            timesNs.data(), values.data(), n, [](qsizetype k) { return k; }, out);
        return;
    }
    // Defensive: sources deliver ascending times, but a merged or hand-made series might not.
    std::vector<qsizetype> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return timesNs[size_t(a)] < timesNs[size_t(b)]; });
    run(
        timesNs.data(), values.data(), n, [&](qsizetype k) { return order[size_t(k)]; }, out);
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
