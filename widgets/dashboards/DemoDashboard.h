#pragma once

#include "charts/TimeSeriesChart.h"

#include <QWidget>

#include <memory>

namespace wf::signalstore {
class SeriesStore;
}

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

private:
    QList<TimeSeriesPanel*> m_panels;
};

} // namespace wf::ui
