#pragma once
// Reductions over a whole columnar series, computed from every sample (never from what was drawn after
// decimation): legend statistics, the value under the crosshair, and stacking.

#include "signalstore/SignalQueries.h"

#include <span>
#include <vector>

namespace wf::analysis {

// Over finite samples only; all NaN (and count 0) when there are none.
struct SeriesStats
{
    double min;
    double max;
    double mean;
    double last;  // the latest finite sample
    double first; // the earliest finite sample
    qsizetype count = 0;
    qsizetype nonPositive = 0; // finite samples <= 0 (what a log scale cannot draw)
};
SeriesStats seriesStats(const signalstore::SeriesSet& series);
SeriesStats seriesStats(std::span<const qint64> timesNs, std::span<const double> values);

// Grafana's "calculation" of a stat, gauge or table cell: which statistic stands for the series.
enum class Reducer { Last, First, Mean, Min, Max };
double reduce(const SeriesStats& stats, Reducer reducer);

// The sample at or before `timeNs` (the latest such one), if it is at most `maxAgeNs` older; NaN when
// there is none or it is a gap. Times must be ascending (as every source delivers them).
double valueAt(const signalstore::SeriesSet& series, qint64 timeNs, qint64 maxAgeNs);

// Stacked series: each series' values plus the values of all series before it at the same timestamp
// (missing or NaN below counts as 0; a NaN in the series itself stays a gap). Labels are kept.
std::vector<signalstore::SeriesSet> stackSeries(const std::vector<signalstore::SeriesSet>& series);

} // namespace wf::analysis
