#pragma once
// Prometheus histogram buckets over time as a heatmap grid: series with an `le` label (cumulative
// counts per upper bound, as `rate(x_bucket[5m])` returns them) become one row per bucket and one
// column per timestamp, each cell holding that bucket's own count (its value minus the next lower
// bucket's at the same time).

#include "signalstore/SignalQueries.h"

#include <QString>

#include <vector>

namespace wf::analysis {

struct HeatmapGrid
{
    std::vector<double> upperBounds;   // ascending; +inf for the "+Inf" bucket
    std::vector<QString> bucketLabels; // the `le` values as given ("0.25", "+Inf")
    std::vector<qint64> timesNs;       // ascending, the union of the buckets' timestamps
    // counts[bucket * timesNs.size() + column]; NaN where no bucket sample exists
    std::vector<double> counts;
    double maxCount = 0;
    int skippedSeries = 0; // without a parsable `le` label

    size_t rows() const { return upperBounds.size(); }
    size_t columns() const { return timesNs.size(); }
    double count(size_t bucket, size_t column) const { return counts[bucket * timesNs.size() + column]; }
};

// Series of the same histogram (one per `le`); other label differences are summed per bucket.
// Cumulative counts that fall below the lower bucket's (scrape skew) count as 0, never negative.
HeatmapGrid buildHeatmap(const std::vector<signalstore::SeriesSet>& buckets);

} // namespace wf::analysis
