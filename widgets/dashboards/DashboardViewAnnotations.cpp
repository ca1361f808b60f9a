// DashboardView's annotations: the workspace's (handed in) and those of the dashboard's PromQL
// annotation queries (run with every refresh), drawn on every time series panel.

#include "DashboardPanelWidget.h"
#include "DashboardView.h"
#include "charts/TimeSeriesChart.h"
#include "dashboard/Duration.h"
#include "dashboard/Interpolation.h"
#include "grid/TimeRangePicker.h"
#include "prometheus/MetricsSource.h"

#include <QLabel>

namespace wf::ui {

namespace {
// Each annotation query asks for at most this many steps: annotations are coarse by nature.
constexpr int kAnnotationMaxPoints = 1000;
} // namespace

void DashboardView::setWorkspaceAnnotations(const QList<dashboard::Annotation>& annotations)
{
    m_workspaceAnnotations = annotations;
    applyAnnotations();
}

QList<dashboard::Annotation> DashboardView::annotations() const
{
    QList<dashboard::Annotation> all = m_workspaceAnnotations;
    for (const auto& list : m_queryAnnotations)
        all += list;
    const auto range = dashboard::resolve(m_picker->timeRange(), m_now());
    return range ? dashboard::annotationsInRange(all, range->fromMs, range->toMs) : all;
}

void DashboardView::runAnnotationQueries()
{
    for (auto& call : m_annotationCalls)
        call.cancel();
    m_annotationCalls.clear();
    const quint64 generation = ++m_annotationGeneration;
    const auto range = dashboard::resolve(m_picker->timeRange(), m_now());
    if (!m_source || !range || m_dashboard.annotations.isEmpty())
        return;
    for (int i = 0; i < m_dashboard.annotations.size(); ++i) {
        const dashboard::AnnotationQuery& query = m_dashboard.annotations.at(i);
        if (!query.enabled || query.expr.trimmed().isEmpty())
            continue;
        const qint64 minStep = std::max(m_scrapeMs, dashboard::parseDurationMs(query.step).value_or(0));
        const qint64 step = dashboard::computeInterval(range->spanMs(), kAnnotationMaxPoints, minStep);
        dashboard::BuiltinIntervals builtins;
        builtins.intervalMs = step;
        builtins.rateIntervalMs = dashboard::rateInterval(step, m_scrapeMs);
        builtins.rangeMs = range->spanMs();
        const QString expr = dashboard::interpolate(query.expr, m_variables, builtins);
        // Aligned to the step, so the same moments give the same annotations across refreshes.
        const qint64 start = range->fromMs - range->fromMs % step;
        m_annotationCalls << m_source->queryRange(
            {expr, start, range->toMs, step}, this,
            [this, i, generation, query, step](prometheus::MetricsResult r) {
                if (generation != m_annotationGeneration)
                    return;
                if (r.ok()) {
                    m_queryAnnotations.insert(i, dashboard::annotationsFromSeries(r.series, query, step));
                    m_annotationErrors.remove(i);
                } else if (r.error.kind != prometheus::MetricsErrorKind::Cancelled) {
                    m_annotationErrors.insert(i, tr("Annotation “%1”: %2").arg(query.name, r.error.message));
                }
                applyAnnotations();
                Q_EMIT annotationsUpdated();
            });
    }
}

void DashboardView::applyAnnotations()
{
    for (const auto& widget : std::as_const(m_panels))
        applyAnnotationsTo(widget);
    QStringList errors = m_annotationErrors.values();
    errors.sort();
    m_annotationStatus->setText(errors.join(QLatin1Char('\n')));
    m_annotationStatus->setVisible(!errors.isEmpty());
}

void DashboardView::applyAnnotationsTo(DashboardPanelWidget* widget)
{
    if (!widget || !widget->chart())
        return;
    QList<ChartAnnotation> out;
    for (const dashboard::Annotation& a : annotations())
        out << ChartAnnotation{a.timeMs, a.text, a.endMs};
    widget->chart()->setAnnotations(out);
}

} // namespace wf::ui
