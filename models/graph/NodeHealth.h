#pragma once
// Health of a node against its own baseline (the statistics of the baseline window the graph was built
// with, by default the window just before): a service that always fails 2 % of requests is not
// unhealthy at 2 %, one that usually fails 0 % is at 8 %.
#include "ServiceGraph.h"

namespace wf::graph {

enum class Health { NoTraffic, Healthy, Degraded, Failing };

struct HealthThresholds
{
    qint64 minRequests = 5;         // fewer requests in the window say nothing either way
    double errorRatio = 2.0;        // error rate at least this times the baseline's...
    double errorRise = 0.05;        // ...and at least this much higher (absolute)
    double failingErrorRate = 0.10; // a breach at or above this error rate is Failing, below Degraded
    double latencyRatio = 2.0;      // p95 at least this times the baseline's...
    double latencyRiseMs = 50;      // ...and at least this many ms higher
};

bool breachesErrorBaseline(const GraphNode& node, const HealthThresholds& t = {});
bool breachesLatencyBaseline(const GraphNode& node, const HealthThresholds& t = {});
Health nodeHealth(const GraphNode& node, const HealthThresholds& t = {});

} // namespace wf::graph
