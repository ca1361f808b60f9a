#pragma once

#include "core/CommandLine.h"
#include "incident/Evidence.h"
#include "live/PanelCapture.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QToolButton;
class QWidget;

namespace wf {
class TimelineModel;
}
namespace wf::demo {
class DemoSession;
}
namespace wf::ui {
class MainWindow;
}

namespace wf::app {

class ServiceGraphPresenter;
class TelemetryViews;

// `watchfloor --demo` in the window: runs a DemoSession (receiver, stores, simulated shop) in the
// demo's temporary folder and shows it: the shop dashboard, and the same TelemetryViews as the
// normal app (logs, traces, service graph, receiver statistics, status). When the shop dies it says
// so with the exit status and offers a restart.
class DemoMode : public QObject
{
    Q_OBJECT
public:
    DemoMode(ui::MainWindow* window, const QString& folder, const CommandLineOptions& options,
             QObject* parent = nullptr);
    // Stops the shop, then takes its views out of the window (the window may live on with another
    // workspace).
    ~DemoMode() override;

    bool start(QString* error);

    demo::DemoSession* session() const { return m_session; }
    TelemetryViews* views() const { return m_views; }
    // Incident moments from this timeline are drawn on the shop dashboard's charts.
    void setIncidentTimeline(TimelineModel* timeline);
    // The shop dashboard's panels over any window, for the incident file.
    live::PanelCapture panelCapture() const;
    // The shop dashboard around a moment of the incident (until "Back to live").
    void showAround(qint64 atMs, const QString& what);
    ServiceGraphPresenter* serviceGraph() const;

private:
    void buildUi();
    void updateAnnotations();
    void onShopExited(bool expected, const QString& description);
    void removeUi();

    ui::MainWindow* m_window;
    demo::DemoSession* m_session;
    TelemetryViews* m_views = nullptr;
    QPointer<QWidget> m_dashboard;
    QPointer<TimelineModel> m_timeline;
    QPointer<QToolButton> m_restart;
};

} // namespace wf::app
