#include "LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace wf::graph {

namespace {
constexpr double kFirstBoundNs = 10'000.0; // 10 us

// Bucket b covers one quarter of a doubling: (2^(b/4 - 1/4), 2^(b/4)] in units of 10 us, the quarters
// split linearly (read from the mantissa's top two bits, no log() per span).
double upperBoundNs(int bucket)
{
    if (bucket == 0)
        return kFirstBoundNs;
    const int doubling = (bucket - 1) / 4;
    const int quarter = (bucket - 1) % 4;
    return kFirstBoundNs * std::ldexp(1.0 + (quarter + 1) / 4.0, doubling);
}
} // namespace

void LatencyHistogram::add(qint64 durationNs)
{
    int bucket = 0;
    if (durationNs > kFirstBoundNs) {
        int exponent = 0;
        const double mantissa = std::frexp(double(durationNs) / kFirstBoundNs, &exponent); // [0.5, 1)
        // value = 2^(exponent-1) * m, m = 2 * mantissa in [1, 2): quarter = which quarter of [1, 2).
        const int quarter = std::min(3, int((mantissa * 2.0 - 1.0) * 4.0));
        bucket = std::clamp(1 + (exponent - 1) * 4 + quarter, 1, kBuckets - 1);
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
