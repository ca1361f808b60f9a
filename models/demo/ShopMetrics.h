#pragma once

#include "ShopTelemetry.h"

#include <QList>
#include <QString>

#include <vector>

namespace wf::demo {

// The HTTP server instruments of the simulated services, fed from finished SERVER spans so metrics
// and traces always agree. Cumulative temporality throughout (what most SDKs default to): every
// collection repeats all series seen so far with startTimeUnixNano fixed at process start.
class ShopHttpMetrics
{
public:
    static const QList<double>& durationBounds(); // semantic-convention advice for seconds

    ShopHttpMetrics(int resourceCount, qint64 processStartUnixNano);

    // Makes the error counter exist at zero before the first error, so rates read 0 rather than
    // "no data" while the shop is healthy.
    void declareRoute(int resource, const QString& route);
    void recordServerSpan(int resource, const QString& method, const QString& route, int status,
                          double seconds);

    // One collection of every instrument of one resource at timeUnixNano.
    void collect(int resource, int scope, qint64 timeUnixNano, QList<SimMetric>& out) const;
    // Server spans recorded for the resource since the last call (drives the CPU gauge).
    qint64 takeRecentRequests(int resource);

private:
    struct HistogramSeries
    {
        QString method;
        QString route;
        int status = 0;
        HistogramValue value;
    };
    struct CountSeries
    {
        QString method;
        QString route;
        qint64 count = 0;
    };
    struct ErrorSeries
    {
        QString route;
        qint64 count = 0;
    };
    struct PerResource
    {
        std::vector<HistogramSeries> durations;
        std::vector<CountSeries> requests;
        std::vector<ErrorSeries> errors;
        qint64 recent = 0;
    };
    ErrorSeries& errorSeries(PerResource& r, const QString& route);

    std::vector<PerResource> m_resources;
    qint64 m_startUnixNano = 0;
};

// Builders for the one-point gauges the simulation samples at each collection.
SimMetric gaugeMetric(SignalOrigin origin, const QString& name, const QString& description,
                      const QString& unit);
void addPoint(SimMetric& metric, Attributes attributes, qint64 startUnixNano, qint64 timeUnixNano,
              double value);
void addPoint(SimMetric& metric, Attributes attributes, qint64 startUnixNano, qint64 timeUnixNano,
              qint64 value);

} // namespace wf::demo
