#include "dashboards/DemoDashboard.h"

#include "dashboards/TimeSeriesPanel.h"
#include "live/LiveSeries.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

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
    , m_store(store)
    , m_windowBar(new QWidget(this))
    , m_windowText(new QLabel(m_windowBar))
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
    auto* bar = new QHBoxLayout(m_windowBar);
    bar->setContentsMargins(4, 2, 4, 2);
    m_windowText->setTextFormat(Qt::PlainText);
    auto* live = new QPushButton(tr("Back to live"), m_windowBar);
    live->setObjectName(QStringLiteral("backToLive"));
    live->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    live->setToolTip(
        tr("Follow the last minutes again (%1)").arg(live->shortcut().toString(QKeySequence::NativeText)));
    connect(live, &QPushButton::clicked, this, &DemoDashboard::followLive);
    bar->addWidget(m_windowText, 1);
    bar->addWidget(live);
    m_windowBar->setVisible(false);
    grid->addWidget(m_windowBar, 0, 0);
    grid->addWidget(rate, 1, 0);
    grid->addWidget(latency, 2, 0);
    grid->addWidget(errors, 3, 0);
}

void DemoDashboard::start(int refreshMs)
{
    for (TimeSeriesPanel* p : std::as_const(m_panels))
        p->start(refreshMs);
}

void DemoDashboard::showAround(qint64 atMs, const QString& what)
{
    // Ten minutes around the moment, but never past now: the future has no points yet.
    constexpr qint64 kHalfMs = 5 * 60 * 1000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 to = std::min(now, atMs + kHalfMs);
    const qint64 from = std::min(atMs - kHalfMs, to - 2 * kHalfMs);
    for (TimeSeriesPanel* p : std::as_const(m_panels))
        p->liveSeries()->setFixedWindow(from * 1'000'000, to * 1'000'000);
    const QString format = QStringLiteral("HH:mm:ss");
    m_windowText->setText(tr("Showing %1–%2 around “%3” (%4)")
                              .arg(QDateTime::fromMSecsSinceEpoch(from).toString(format),
                                   QDateTime::fromMSecsSinceEpoch(to).toString(format), what,
                                   QDateTime::fromMSecsSinceEpoch(atMs).toString(format)));
    m_windowBar->setVisible(true);
    Q_EMIT timeWindowChanged(from, to);
}

void DemoDashboard::followLive()
{
    for (TimeSeriesPanel* p : std::as_const(m_panels))
        p->liveSeries()->followLive();
    m_windowBar->setVisible(false);
    Q_EMIT timeWindowChanged(0, 0);
}

bool DemoDashboard::isFollowingLive() const
{
    return m_panels.isEmpty() || m_panels.constFirst()->liveSeries()->isFollowing();
}

live::PanelCapture DemoDashboard::capture() const
{
    QList<live::PanelSpec> specs;
    for (const TimeSeriesPanel* p : m_panels)
        specs << p->spec();
    return live::panelCapture(m_store, specs);
}

void DemoDashboard::setAnnotations(const QList<ChartAnnotation>& annotations)
{
    for (TimeSeriesPanel* panel : std::as_const(m_panels))
        panel->chart()->setAnnotations(annotations);
}

} // namespace wf::ui
