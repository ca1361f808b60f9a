#pragma once

#include "incident/Evidence.h"
#include "telemetry/Ids.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QSplitter;
class QWidget;

namespace wf::items {
class LogListModel;
class TraceListModel;
} // namespace wf::items
namespace wf::live {
class LiveTelemetry;
}
namespace wf::signalstore {
struct TraceSummary;
}
namespace wf::receiver {
class ReceiverStatsModel;
}
namespace wf::ui {
class DashboardView;
class DemoDashboard;
class LogListView;
class MainWindow;
class ReceiverStatsView;
} // namespace wf::ui

namespace wf::app {

class LogBrowserWiring;
class ServiceGraphPresenter;
class TraceSearchPresenter;

// What the window shows of a LiveTelemetry, in --demo and in the normal app: live logs (with their
// patterns) and traces in their docks, a Service graph tab fed by the receiver's spans, receiver
// statistics under the Sources dock, and a status-bar label with the endpoint and span rate.
// Destroying it takes all of that out of the window again (the window may live on).
class TelemetryViews : public QObject
{
    Q_OBJECT
public:
    // `telemetry` must outlive this object.
    TelemetryViews(ui::MainWindow* window, live::LiveTelemetry* telemetry, QObject* parent = nullptr);
    ~TelemetryViews() override;

    // `receiverError` non-empty: the receiver is off (e.g. its port is taken); the views still show
    // what the store holds, and the status bar and Sources say why nothing new arrives.
    void build(const QString& receiverError = {});

    // After build(): the app's trace search gets this store as a source, and its traces' "Logs of this
    // trace" link opens their log records here. Taken back out when the views go.
    void attachTraceSearch(TraceSearchPresenter* search);
    // The stored-log browser and the service graph follow the dashboard's held window ("Back to
    // live" releases it).
    void linkDashboard(ui::DemoDashboard* dashboard);
    // The service graph follows the time range picked on `view` (the range picked last, of any
    // dashboard, wins): a range ending now follows the newest spans, any other is replayed.
    void linkDashboardView(ui::DashboardView* view);

    ServiceGraphPresenter* serviceGraph() const { return m_graph; }
    QWidget* serviceGraphPage() const { return m_graphPage; }
    // Whether "Pin blast radius" can pin now (an active, writable incident); `why` is its tooltip.
    void setPinAvailable(bool available, const QString& why);
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
    void buildLogs();
    void buildTraces();
    void buildGraph();
    void buildReceiverStatus(const QString& receiverError);
    QWidget* withPatternsTab(ui::LogListView* logView);
    void openTrace(const signalstore::TraceSummary& trace);
    void showTraceLogs(const telemetry::TraceId& traceId);
    void pinBlastRadius();
    void removeUi();

    ui::MainWindow* m_window;
    live::LiveTelemetry* m_telemetry;
    items::LogListModel* m_logs;
    items::TraceListModel* m_traces;
    receiver::ReceiverStatsModel* m_stats;
    ServiceGraphPresenter* m_graph = nullptr;
    QPointer<QWidget> m_graphPage;
    QPointer<QObject> m_focusGraph;
    QPointer<QAction> m_pinGraphAction;
    QPointer<QWidget> m_traceView;
    QPointer<QSplitter> m_sourcesSplit;
    QPointer<QWidget> m_sourcesOriginal;
    QPointer<ui::LogListView> m_logView;
    QPointer<QWidget> m_logTabs;
    QPointer<ui::ReceiverStatsView> m_statsView;
    QPointer<QObject> m_focusSearch;
    QPointer<QLabel> m_statusLabel;
    QPointer<LogBrowserWiring> m_logBrowser;
    QPointer<TraceSearchPresenter> m_traceSearch;
    QPointer<QObject> m_localTraces;
    std::function<qint64()> m_incidentStartMs;
};

} // namespace wf::app
