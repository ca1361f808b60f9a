#pragma once
// M4 decimation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014):
// per pixel column keep the first, last, minimum and maximum sample, so a line drawn from the output
// covers the same pixels as one drawn from every sample, at a cost proportional to the width.

#include "signalstore/SignalQueries.h"

#include <span>
#include <vector>

namespace wf::analysis {

struct SeriesStats;

// What is handed to the renderer: time-ordered samples. A NaN value is a gap marker: the line breaks
// there, because the original had at least one NaN between the two neighbouring kept samples.
struct DecimatedSeries
{
    std::vector<qint64> timesNs;
    std::vector<double> values;
    friend bool operator==(const DecimatedSeries&, const DecimatedSeries&) = default;
};

// Columns split [fromNs, toNs] evenly: column c holds times t with c <= (t - from) * columns / (to - from)
// < c + 1 (exact integer arithmetic), and t == toNs falls into the last column.
//
// Output per series, in time order:
//  - the last finite sample before fromNs and the first finite one after toNs (the line enters and
//    leaves the plot at the right slope);
//  - per column at most 4 finite samples: first, minimum, maximum, last (ties: the earliest);
//  - one NaN marker between two kept samples when the input had a NaN between them (at the time of
//    the first such NaN). NaNs before the first or after the last kept sample are dropped.
// Unsorted input is ordered by time first (stable, so duplicate timestamps keep their input order).
// No columns, an empty or inverted time range, or no samples give an empty result.
class M4Decimator
{
public:
    M4Decimator(qint64 fromNs, qint64 toNs, int columns);

    bool isEmptyRange() const { return m_columns <= 0 || m_toNs <= m_fromNs; }
    int columns() const { return m_columns; }
    // -1 before the range, columns() after it.
    int columnOf(qint64 timeNs) const;
    // First time that falls into column c (c in 0..columns()).
    qint64 columnStartNs(int column) const;

    DecimatedSeries decimate(std::span<const qint64> timesNs, std::span<const double> values) const;
    DecimatedSeries decimate(const signalstore::SeriesSet& series) const;
    // The same into `out`, whose buffers are reused (a chart redecimating on every refresh allocates
    // only when a series needs more room than last time).
    void decimateInto(std::span<const qint64> timesNs, std::span<const double> values,
                      DecimatedSeries& out) const;
    // The same, and `stats` (when not null) becomes seriesStats() of every sample, in the same pass
    // (up to rounding: the mean sums in a different order). A chart reads each series once, not twice.
    void decimateInto(std::span<const qint64> timesNs, std::span<const double> values, DecimatedSeries& out,
                      SeriesStats* stats) const;

    // Every series, spread over `threads` threads (0: one per core; 1: this thread only).
    std::vector<DecimatedSeries> decimateMany(const std::vector<signalstore::SeriesSet>& series,
                                              int threads = 0) const;

private:
    template<typename Order>
    void run(const qint64* times, const double* values, qsizetype n, Order order, DecimatedSeries& out) const;
    void runSorted(const qint64* times, const double* values, qsizetype n, DecimatedSeries& out,
                   SeriesStats* stats) const;

    qint64 m_fromNs;
    qint64 m_toNs;
    int m_columns;
};

} // namespace wf::analysis
