#include "dashboards/TimeSeriesPanel.h"

#include "common/EmptyState.h"
#include "live/LiveSeries.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace wf::ui {

TimeSeriesPanel::TimeSeriesPanel(const QString& title, const QString& explanation,
                                 const signalstore::SeriesQuery& query, const ValueFormat& format,
                                 std::shared_ptr<const signalstore::SeriesStore> store, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_format(format)
    , m_stack(new QStackedWidget(this))
    , m_waiting(new EmptyState(tr("Waiting for data"), explanation,
                               tr("Points appear once the services have reported twice."), this))
    , m_chart(new TimeSeriesChart(this))
    , m_live(new live::LiveSeries(std::move(store), query, this))
{
    setFrameShape(QFrame::StyledPanel);
    setToolTip(explanation);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_title->setContentsMargins(8, 6, 8, 0);
    m_chart->setValueFormat(format);
    m_stack->addWidget(m_waiting);
    m_stack->addWidget(m_chart);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    connect(m_live, &live::LiveSeries::updated, this, &TimeSeriesPanel::show);
    connect(m_live, &live::LiveSeries::failed, this, &TimeSeriesPanel::showError);
}

void TimeSeriesPanel::start(int intervalMs)
{
    m_live->start(intervalMs);
}

live::PanelSpec TimeSeriesPanel::spec() const
{
    return {m_title->text(), m_format.unit, m_format.scale, m_format.decimals, m_live->query()};
}

bool TimeSeriesPanel::showsChart() const
{
    return m_stack->currentWidget() == m_chart;
}

void TimeSeriesPanel::show(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs)
{
    m_chart->setSeries(series, fromNs, toNs);
    if (m_chart->lineCount() > 0)
        m_stack->setCurrentWidget(m_chart);
}

void TimeSeriesPanel::showError(const QString& message)
{
    // Before the first points the store does not know the metric yet: that is "waiting", not an error.
    if (m_chart->lineCount() == 0) {
        m_stack->setCurrentWidget(m_waiting);
        return;
    }
    m_chart->setToolTip(tr("The last refresh failed: %1").arg(message));
}

} // namespace wf::ui
