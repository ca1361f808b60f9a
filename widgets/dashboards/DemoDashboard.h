#pragma once

#include "charts/TimeSeriesChart.h"
#include "live/PanelCapture.h"

#include <QWidget>

#include <memory>

namespace wf::signalstore {
class SeriesStore;
}

class QLabel;

namespace wf::ui {

class TimeSeriesPanel;

// The demo shop's overview: request rate, p95 latency and error rate per service, side by side on
// the same time axis, so the payments incident shows as a latency and error spike.
class DemoDashboard : public QWidget
{
    Q_OBJECT
public:
    DemoDashboard(std::shared_ptr<const signalstore::SeriesStore> store, QWidget* parent = nullptr);

    void start(int refreshMs = 2000);
    QList<TimeSeriesPanel*> panels() const { return m_panels; }
    // Incident moments (declared, status changes, runbook steps) on every panel's time axis.
    void setAnnotations(const QList<ChartAnnotation>& annotations);
    // Captures every panel's data over a window, on any thread (incident-file export).
    live::PanelCapture capture() const;
    // Holds every panel on the window around a moment (a timeline event), with a bar saying so and a
    // way back; followLive() returns to the sliding window.
    void showAround(qint64 atMs, const QString& what);
    void followLive();
    bool isFollowingLive() const;

Q_SIGNALS:
    // showAround() held the panels on [fromMs, toMs]; followLive() sends 0, 0 (the linked log view
    // follows the dashboard's range).
    void timeWindowChanged(qint64 fromMs, qint64 toMs);

private:
    QList<TimeSeriesPanel*> m_panels;
    std::shared_ptr<const signalstore::SeriesStore> m_store;
    QWidget* m_windowBar;
    QLabel* m_windowText;
};

} // namespace wf::ui
