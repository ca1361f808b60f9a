#pragma once
// SeriesStore's query functions over one group of series (already matched and grouped): each turns
// the group's points into one value per step. Steps are aligned to absolute multiples of stepNs and
// a step is labelled with its start; a step without data is left out, never filled with zeros.
#include "SignalQueries.h"
#include "StoredSeries.h"

#include <span>
#include <vector>

namespace wf::signalstore {

struct StepWindow
{
    qint64 fromNs = 0; // points in [fromNs, toNs)
    qint64 toNs = kNoLimitNs;
    qint64 stepNs = 1;
};

// A gauge or non-monotonic value read this long after its last point still counts in a group sum
// (Prometheus' lookback delta), so series reporting in different steps do not make the sum saw-tooth.
constexpr qint64 kStalenessNs = 5LL * 60 * 1'000'000'000;

struct StepValues
{
    std::vector<qint64> steps; // step indexes, ascending
    std::vector<double> values;
};

using SeriesGroup = std::span<const StoredSeries* const>;

// Gauges and sums: per series the last value in each step (delta sums accumulated from the oldest
// point retained), summed over the group with each series' value carried for kStalenessNs.
StepValues evaluateRaw(SeriesGroup group, const StepWindow& window);

// Sums and histogram counts: the increase within each step (counter resets handled, the point before
// the window used as the first predecessor, a series' oldest point counted whole when its start time
// lies in the window) over the step's length in seconds, summed over the group.
StepValues evaluateRate(SeriesGroup group, const StepWindow& window);

// Histograms: bucket increases per step merged over the group (series whose bounds differ from the
// group's first series are left out), then the quantile or Δsum/Δcount of that step's observations.
StepValues evaluateHistogram(SeriesGroup group, const StepWindow& window, SeriesQuery::Function function,
                             double quantile);

} // namespace wf::signalstore
