#pragma once

#include <QtGlobal>

#include <array>

namespace wf::demo {

// Seeded generator for the demo: xoshiro256** seeded through splitmix64. Written out here rather than
// std::mt19937 + <random> distributions because the standard distributions are implementation
// defined: the same seed must give byte-identical telemetry on every compiler and Qt version.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed);

    quint64 next();
    quint64 nextNonZero();
    double uniform(); // [0, 1)
    double uniform(double low, double high);
    int bounded(int upperExclusive); // [0, upperExclusive); 0 if upperExclusive <= 0
    bool chance(double probability);
    double exponential(double rate); // mean 1 / rate
    double normal();                 // standard normal (Box-Muller, no cached second value)
    double logNormal(double median, double sigma);

    template<typename T, size_t N>
    const T& pick(const std::array<T, N>& items)
    {
        return items[static_cast<size_t>(bounded(static_cast<int>(N)))];
    }

private:
    std::array<quint64, 4> m_s{};
};

} // namespace wf::demo
