#include "NodeHealth.h"

#include <algorithm>

namespace wf::graph {

bool breachesErrorBaseline(const GraphNode& n, const HealthThresholds& t)
{
    if (n.failingMembers > 0) // a collapsed group: a member's breach is not averaged away
        return true;
    if (n.stats.requests < t.minRequests)
        return false;
    const double now = n.stats.errorRate();
    if (n.baseline.requests < t.minRequests)
        return now >= t.failingErrorRate; // no baseline: only a plainly failing node counts
    const double base = n.baseline.errorRate();
    return now >= std::max(base * t.errorRatio, base + t.errorRise);
}

bool breachesLatencyBaseline(const GraphNode& n, const HealthThresholds& t)
{
    if (n.degradedMembers > 0)
        return true;
    if (n.stats.requests < t.minRequests || n.baseline.requests < t.minRequests)
        return false;
    const double now = n.stats.p95Ms();
    const double base = n.baseline.p95Ms();
    return now >= base * t.latencyRatio && now - base >= t.latencyRiseMs;
}

Health nodeHealth(const GraphNode& n, const HealthThresholds& t)
{
    if (n.failingMembers > 0)
        return Health::Failing;
    if (n.degradedMembers > 0)
        return Health::Degraded;
    if (n.stats.requests == 0)
        return Health::NoTraffic;
    const bool errors = breachesErrorBaseline(n, t);
    if (errors && n.stats.errorRate() >= t.failingErrorRate)
        return Health::Failing;
    if (errors || breachesLatencyBaseline(n, t))
        return Health::Degraded;
    return Health::Healthy;
}

} // namespace wf::graph
