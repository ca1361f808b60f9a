#pragma once

#include "core/CommandLine.h"
#include "incident/Evidence.h"
#include "live/PanelCapture.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QSplitter;
class QToolButton;
class QWidget;

namespace wf {
class TimelineModel;
}
namespace wf::demo {
class DemoSession;
}
namespace wf::items {
class LogListModel;
class TraceListModel;
} // namespace wf::items
namespace wf::signalstore {
struct TraceSummary;
}
namespace wf::receiver {
class ReceiverStatsModel;
}
namespace wf::ui {
class LogListView;
class MainWindow;
class ReceiverStatsView;
} // namespace wf::ui

namespace wf::app {

class DemoServiceGraph;

// `watchfloor --demo` in the window: runs a DemoSession (receiver, stores, simulated shop) in the
// demo's temporary folder and shows it: the shop dashboard, live logs and traces in their docks,
// receiver statistics in the Sources dock, and a status-bar label with the endpoint and span rate.
// When the shop dies it says so with the exit status and offers a restart.
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
    // Incident moments from this timeline are drawn on the shop dashboard's charts.
    void setIncidentTimeline(TimelineModel* timeline);
    // The shop dashboard's panels over any window, for the incident file.
    live::PanelCapture panelCapture() const;
    // The shop dashboard around a moment of the incident (until "Back to live").
    void showAround(qint64 atMs, const QString& what);
    // Whether "Pin blast radius" can pin now (an active, writable incident); `why` is its tooltip.
    void setPinAvailable(bool available, const QString& why);
    DemoServiceGraph* serviceGraph() const { return m_graph; }
    // The active incident's declaration time (negative: none), for "new since the incident started".
    void setIncidentStart(std::function<qint64()> incidentStartMs)
    {
        m_incidentStartMs = std::move(incidentStartMs);
    }

Q_SIGNALS:
    // A log line, trace or blast radius the user pinned (png may be empty); the controller adds it to
    // the active incident.
    void pinRequested(wf::incident::EvidenceKind kind, const QString& title, const QByteArray& png,
                      const QJsonObject& data);
    void pinFailed(const QString& message);

private:
    void buildUi();
    void updateAnnotations();
    void onShopExited(bool expected, const QString& description);
    QWidget* withPatternsTab(ui::LogListView* logView);
    void openTrace(const signalstore::TraceSummary& trace);

    void buildGraphUi();
    void pinBlastRadius();

    ui::MainWindow* m_window;
    demo::DemoSession* m_session;
    DemoServiceGraph* m_graph = nullptr;
    QPointer<QWidget> m_graphPage;
    QPointer<QObject> m_focusGraph;
    QPointer<QAction> m_pinGraphAction;
    items::LogListModel* m_logs;
    items::TraceListModel* m_traces;
    receiver::ReceiverStatsModel* m_stats;
    void removeUi();

    QPointer<QWidget> m_dashboard;
    QPointer<TimelineModel> m_timeline;
    QPointer<QWidget> m_traceView;
    QPointer<QSplitter> m_sourcesSplit;
    QPointer<QWidget> m_sourcesOriginal;
    QPointer<ui::LogListView> m_logView;
    QPointer<ui::ReceiverStatsView> m_statsView;
    QPointer<QObject> m_focusSearch;
    QPointer<QLabel> m_statusLabel;
    QPointer<QToolButton> m_restart;
    QPointer<QWidget> m_logTabs;
    std::function<qint64()> m_incidentStartMs;
};

} // namespace wf::app
