#pragma once

// The content of one dashboard panel: the widget its type calls for (time series chart, stat, gauge,
// bar gauge, table, heatmap, text; a placeholder naming what cannot be shown) and a line for the
// query's error or warnings. DashboardView feeds it query results.

#include "dashboard/Panel.h"
#include "signalstore/SignalQueries.h"

#include <QWidget>

#include <vector>

class QLabel;

namespace wf::ui {

class TimeSeriesChart;

class DashboardPanelWidget : public QWidget
{
    Q_OBJECT

public:
    // `placeholderReason`: for panels Watchfloor cannot draw, why (from the import report).
    DashboardPanelWidget(const dashboard::Panel& panel, const QString& placeholderReason,
                         QWidget* parent = nullptr);

    const dashboard::Panel& panel() const { return m_panel; }
    // True when the panel runs queries (not text, not a placeholder).
    bool wantsData() const;

    // Series already named by their legend format (except tables and heatmaps, which keep labels).
    void setSeries(std::vector<signalstore::SeriesSet> series, qint64 fromMs, qint64 toMs,
                   const QStringList& warnings);
    // The metrics source's message, shown in place of the data (the last data stays drawn under it).
    void setError(const QString& message);

    int seriesCount() const { return m_seriesCount; }
    bool hasData() const { return m_hasData; }
    QString errorText() const;
    TimeSeriesChart* chart() const { return m_chart; }
    QWidget* content() const { return m_content; }

private:
    dashboard::Panel m_panel;
    QWidget* m_content = nullptr;
    TimeSeriesChart* m_chart = nullptr;
    QLabel* m_status;
    int m_seriesCount = 0;
    bool m_hasData = false;
};

} // namespace wf::ui
