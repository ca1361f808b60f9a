#include "LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace wf::graph {

namespace {
constexpr double kFirstBoundNs = 10'000.0; // 10 us
constexpr double kStepsPerDoubling = 4.0;

double upperBoundNs(int bucket)
{
    return kFirstBoundNs * std::exp2(bucket / kStepsPerDoubling);
}
} // namespace

void LatencyHistogram::add(qint64 durationNs)
{
    int bucket = 0;
    if (durationNs > kFirstBoundNs) {
        const double steps = std::ceil(std::log2(double(durationNs) / kFirstBoundNs) * kStepsPerDoubling);
        bucket = std::clamp(int(steps), 0, kBuckets - 1);
    }
    ++m_counts[size_t(bucket)];
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram& other)
{
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_count += other.m_count;
}

double LatencyHistogram::quantileMs(double q) const
{
    if (m_count == 0)
        return 0;
    const auto rank = qint64(std::ceil(std::clamp(q, 0.0, 1.0) * double(m_count)));
    qint64 seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_counts[size_t(i)];
        if (seen >= std::max<qint64>(rank, 1))
            return upperBoundNs(i) / 1e6;
    }
    return upperBoundNs(kBuckets - 1) / 1e6;
}

} // namespace wf::graph
