#include "dashboards/DemoDashboard.h"

#include "dashboards/TimeSeriesPanel.h"

#include <QGridLayout>

namespace wf::ui {

namespace {

signalstore::SeriesQuery perService(const QString& metric, signalstore::SeriesQuery::Function function)
{
    signalstore::SeriesQuery q;
    q.metric = metric;
    q.function = function;
    q.groupBy = {QStringLiteral("service.name")};
    return q;
}

} // namespace

DemoDashboard::DemoDashboard(std::shared_ptr<const signalstore::SeriesStore> store, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("demoDashboard"));
    using F = signalstore::SeriesQuery::Function;
    // Metric names and units as the demo shop's HTTP server instruments send them (ShopMetrics.cpp).
    auto* rate = new TimeSeriesPanel(
        tr("Request rate per service"), tr("HTTP requests served per second (http.server.request.count)."),
        perService(QStringLiteral("http.server.request.count"), F::Rate), {tr("req/s"), 1.0, 1}, store, this);
    signalstore::SeriesQuery p95 = perService(QStringLiteral("http.server.request.duration"), F::Quantile);
    p95.quantile = 0.95;
    auto* latency = new TimeSeriesPanel(
        tr("p95 latency per service"),
        tr("95th percentile of HTTP server request duration (http.server.request.duration)."), p95,
        {tr("ms"), 1000.0, 0}, store, this);
    auto* errors = new TimeSeriesPanel(tr("Error rate per service"),
                                       tr("HTTP requests answered with a 5xx status, per second "
                                          "(http.server.error.count)."),
                                       perService(QStringLiteral("http.server.error.count"), F::Rate),
                                       {tr("errors/s"), 1.0, 2}, store, this);
    rate->setObjectName(QStringLiteral("requestRatePanel"));
    latency->setObjectName(QStringLiteral("latencyPanel"));
    errors->setObjectName(QStringLiteral("errorRatePanel"));
    m_panels = {rate, latency, errors};

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 6);
    grid->setSpacing(6);
    // One column: the central area is often narrow between the docks, and the per-service legends
    // need width; stacked, the three charts also share their time axis visually.
    grid->addWidget(rate, 0, 0);
    grid->addWidget(latency, 1, 0);
    grid->addWidget(errors, 2, 0);
}

void DemoDashboard::start(int refreshMs)
{
    for (TimeSeriesPanel* p : std::as_const(m_panels))
        p->start(refreshMs);
}

void DemoDashboard::setAnnotations(const QList<ChartAnnotation>& annotations)
{
    for (TimeSeriesPanel* panel : std::as_const(m_panels))
        panel->chart()->setAnnotations(annotations);
}

} // namespace wf::ui
