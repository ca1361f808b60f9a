#pragma once
// A fixed-size log-scale latency histogram: constant memory per edge and bucket, O(1) insert and
// merge, so a million spans aggregate without keeping their durations. Quantiles are accurate to the
// bucket width (at most 25 %), which is plenty to tell 40 ms from 5 s.
#include <QtGlobal>

#include <array>

namespace wf::graph {

class LatencyHistogram
{
public:
    // 10 us .. ~671 s: bucket 0, then 26 doublings split in four (64 buckets stopped at 573 ms, so every
    // slow service showed the same p95 during an outage).
    static constexpr int kBuckets = 1 + 26 * 4;

    void add(qint64 durationNs);
    void merge(const LatencyHistogram& other);
    qint64 count() const { return m_count; }
    // Upper bound of the bucket holding the q-th observation, in milliseconds; 0 when empty.
    double quantileMs(double q) const;

private:
    std::array<quint32, kBuckets> m_counts{};
    qint64 m_count = 0;
};

} // namespace wf::graph
