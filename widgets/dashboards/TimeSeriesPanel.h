#pragma once

#include "charts/TimeSeriesChart.h"
#include "live/PanelCapture.h"
#include "signalstore/SignalQueries.h"

#include <QFrame>

#include <memory>

class QLabel;
class QStackedWidget;

namespace wf::signalstore {
class SeriesStore;
}
namespace wf::live {
class LiveSeries;
}

namespace wf::ui {

class EmptyState;

// One dashboard panel: a title, a chart of one metric query, and in place of the chart a message
// while there is no data yet or the query fails. It re-queries every couple of seconds off the UI
// thread (live::LiveSeries).
class TimeSeriesPanel : public QFrame
{
    Q_OBJECT
public:
    TimeSeriesPanel(const QString& title, const QString& explanation, const signalstore::SeriesQuery& query,
                    const ValueFormat& format, std::shared_ptr<const signalstore::SeriesStore> store,
                    QWidget* parent = nullptr);

    void start(int intervalMs = 2000);
    live::LiveSeries* liveSeries() const { return m_live; }
    TimeSeriesChart* chart() const { return m_chart; }
    bool showsChart() const;
    // What an incident file keeps of this panel: its title, units and query.
    live::PanelSpec spec() const;

private:
    void show(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs);
    void showError(const QString& message);

    QLabel* m_title;
    ValueFormat m_format;
    QStackedWidget* m_stack;
    EmptyState* m_waiting;
    TimeSeriesChart* m_chart;
    live::LiveSeries* m_live;
};

} // namespace wf::ui
