#pragma once
// The small part of PromQL the local OTLP series store (SeriesStore) can answer exactly, translated
// into a SeriesQuery. Everything else is refused with a message naming what is not supported, so a
// panel never shows a silently different answer.
//
// Supported (label and metric names may contain dots, as OTLP attributes do: service.name):
//   sum [by (l1, l2)] (metric{l="v", ...})                 gauges and sums, summed over the rest
//   sum [by (l1, l2)] (rate(metric{l="v"}[5m]))            monotonic sums and histogram counts
//   histogram_quantile(0.95, sum by (le, l1) (rate(metric_bucket{...}[5m])))
//   `sum (...) by (...)` (the clause after) works too; matchers =, !=, =~ and !~ (anchored regexes).
// Rates are computed per step by the store: the [range] is not used; a warning says so when it
// differs from the step.
#include "MetricsTypes.h"
#include "signalstore/SignalQueries.h"

namespace wf::prometheus {

struct LocalQueryPlan
{
    signalstore::SeriesQuery query; // metric, function, quantile, groupBy, match (no times yet)
    qint64 rangeNs = 0;             // the [range] of rate(), 0 when none
    MetricsError error;             // BadQuery (syntax) or Unsupported (valid PromQL, not handled)
    bool ok() const { return !error.isError(); }
};

LocalQueryPlan planLocalQuery(const QString& expr);

} // namespace wf::prometheus
