#pragma once
// Chooses the `step` of a range query from what the panel can draw: never more points than the plot
// has pixel columns (or maxDataPoints, when smaller), never finer than the scrape interval (finer steps
// only repeat samples), rounded up to a value people read easily (15s, 1m, 5m, ...).
#include <QtGlobal>

namespace wf::prometheus {

struct StepRequest
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    int widthPx = 0;          // plot width in device-independent pixels; <= 0: unknown, maxDataPoints rules
    int maxDataPoints = 0;    // 0: no limit beyond the width
    qint64 minIntervalMs = 0; // the scrape interval (or the panel's min interval); 0: none
};

// Prometheus refuses range queries with more than 11,000 points per series.
constexpr qint64 kPrometheusMaxPoints = 11'000;

struct StepChoice
{
    qint64 stepMs = 0;
    qint64 points = 0; // samples per series the request asks for: floor(range/step) + 1
    // A window for rate()/increase() that always spans at least four scrapes and one step, like
    // Grafana's $__rate_interval, so every step sees enough samples.
    qint64 rateIntervalMs = 0;
};

StepChoice chooseStep(const StepRequest& request);

// The smallest "nice" step >= ms: 1, 2, 5 x 10^n ms below a second; 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10,
// 15, 30 min; 1, 2, 3, 6, 12 h; then whole days.
qint64 roundUpToNiceStep(qint64 ms);

} // namespace wf::prometheus
