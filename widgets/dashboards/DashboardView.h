#pragma once

// A dashboard as a tab: the time range picker, the import report (when the dashboard came from a
// Grafana or Perses file), and the grid of panels, each running its queries through a metrics source
// (Prometheus or the local series store; answers arrive decoded off the UI thread). Refreshes on the
// picker's interval; dragging over a chart zooms every panel (with back/forward in the picker);
// hovering a chart moves the crosshair of every other time series panel.

#include "dashboard/Dashboard.h"
#include "dashboard/ImportReport.h"
#include "prometheus/MetricsCall.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QTimer;

namespace wf::prometheus {
class MetricsSource;
}

namespace wf::ui {

class DashboardGrid;
class DashboardPanelWidget;
class TimeRangePicker;

class DashboardView : public QWidget
{
    Q_OBJECT

public:
    // `source` may be null (panels then say there is no data source); it must outlive this view.
    DashboardView(const dashboard::Dashboard& dashboard, const dashboard::ImportReport& report,
                  prometheus::MetricsSource* source, QWidget* parent = nullptr);
    ~DashboardView() override;

    void setClock(std::function<qint64()> nowMs);
    // The data source's scrape interval (the smallest useful step); Prometheus' default is 15 s.
    void setScrapeInterval(qint64 ms) { m_scrapeMs = ms; }

    // Starts querying (the first refresh). Called once the view is set up.
    void start();
    // Resolves the query variables again, then queries every panel.
    void refresh();

    dashboard::Dashboard dashboard() const; // with the grid's current layout and variable selections
    const QList<dashboard::Variable>& variables() const { return m_variables; }
    TimeRangePicker* picker() const { return m_picker; }
    DashboardGrid* grid() const { return m_grid; }
    QLabel* reportBanner() const { return m_banner; }
    QList<DashboardPanelWidget*> panelWidgets() const;
    DashboardPanelWidget* panelWidget(int panelId) const;

Q_SIGNALS:
    // A panel received an answer (data or error).
    void panelUpdated(int panelId);

private:
    QWidget* makePanel(const dashboard::Panel& panel);
    void queryPanels();
    void queryPanel(DashboardPanelWidget* widget);
    void resolveVariables();
    void onHovered(qint64 timeMs);
    int panelWidthPx(const dashboard::Panel& panel) const;

    dashboard::Dashboard m_dashboard;
    dashboard::ImportReport m_report;
    prometheus::MetricsSource* m_source;
    QList<dashboard::Variable> m_variables;
    std::function<qint64()> m_now;
    qint64 m_scrapeMs = 15000;
    bool m_started = false;

    TimeRangePicker* m_picker;
    QLabel* m_banner;
    DashboardGrid* m_grid;
    QTimer* m_refreshTimer;
    QHash<int, QPointer<DashboardPanelWidget>> m_panels;
    QHash<int, QList<prometheus::MetricsCall>> m_calls;
    QHash<int, quint64> m_generation; // answers of an older refresh are dropped
};

} // namespace wf::ui
