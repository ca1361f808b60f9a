#pragma once
// The arithmetic of SeriesStore's query functions, free of storage so it can be checked by hand:
// counter increases across resets (as Prometheus' increase() treats them, plus OTLP's start time)
// and histogram_quantile's linear interpolation within a bucket.
#include <QtGlobal>

#include <span>

namespace wf::signalstore {

// floor(timeNs / stepNs) for negative times too, so steps stay aligned to absolute multiples.
qint64 stepIndexOf(qint64 timeNs, qint64 stepNs);

// A cumulative series restarted between two points: the sender reported a new start time (both
// known and different), or the value went down (a restart that kept no start time).
bool isCounterReset(qint64 prevStartNs, double prevValue, qint64 startNs, double value);

// Increase from one cumulative point to the next. After a reset the new value is all increase, since
// the counter started again from zero.
double counterIncrease(qint64 prevStartNs, double prevValue, qint64 startNs, double value);

// The q-quantile of observations counted in explicit buckets (counts.size() == bounds.size() + 1, the
// last bucket unbounded), like PromQL's histogram_quantile: linear interpolation within the bucket
// holding the rank, the first bucket starting at 0 (or at its bound when that is not positive), and a
// rank in the +Inf bucket answered with the last finite bound. NaN when nothing was counted or there
// is no finite bound; -Inf/+Inf for q outside [0, 1] as PromQL does.
double histogramQuantile(double q, std::span<const double> bounds, std::span<const double> counts);

} // namespace wf::signalstore
