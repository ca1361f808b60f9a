#include "DemoRandom.h"

#include <cmath>
#include <numbers>

namespace wf::demo {

namespace {

quint64 splitMix64(quint64& state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

DemoRandom::DemoRandom(quint64 seed)
{
    quint64 state = seed;
    for (quint64& word : m_s)
        word = splitMix64(state);
}

quint64 DemoRandom::next()
{
    const quint64 result = rotl(m_s[1] * 5, 7) * 9;
    const quint64 t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

quint64 DemoRandom::nextNonZero()
{
    quint64 v = 0;
    while (v == 0)
        v = next();
    return v;
}

double DemoRandom::uniform()
{
    // 53 random bits -> exactly representable doubles in [0, 1).
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double DemoRandom::uniform(double low, double high)
{
    return low + (high - low) * uniform();
}

int DemoRandom::bounded(int upperExclusive)
{
    if (upperExclusive <= 0)
        return 0;
    return static_cast<int>(next() % static_cast<quint64>(upperExclusive));
}

bool DemoRandom::chance(double probability)
{
    return uniform() < probability;
}

double DemoRandom::exponential(double rate)
{
    // 1 - u is in (0, 1], so the log is finite.
    return -std::log(1.0 - uniform()) / rate;
}

double DemoRandom::normal()
{
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double DemoRandom::logNormal(double median, double sigma)
{
    return median * std::exp(sigma * normal());
}

} // namespace wf::demo
