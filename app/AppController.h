#pragma once

#include "core/CommandLine.h"
#include "live/ReceiverSettings.h"
#include "store/Workspace.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace wf {
class SecretStore;
class SourceHealthModel;
class SourcesController;
} // namespace wf

namespace wf::net {
class HttpClient;
}

namespace wf::demo {
class DemoSession;
}

namespace wf::incident {
class IncidentSession;
}

namespace wf::ui {
class MainWindow;
}

namespace wf::app {

class DashboardPresenter;
class DemoMode;
class RemoteTraceSources;
class TraceSearchPresenter;
class LiveMode;
class TelemetryViews;
class IncidentPresenter;
class RunbooksPresenter;
class PostmortemPresenter;
class SnapshotReview;
class SourcesPresenter;

// Owns what the window shows: the open workspace (or the --demo one in a temporary folder) and the
// handling of files given on the command line or chosen in the window. Errors go to a message box
// when interactive, or to stderr in --screenshot runs, where nobody is there to click.
class AppController : public QObject
{
    Q_OBJECT

public:
    AppController(ui::MainWindow* window, bool interactive, QObject* parent = nullptr);
    ~AppController() override;

    // Starts opening the workspace the options ask for, and the positional files. Opening runs off
    // the UI thread (migrations and integrity checks can take seconds on a large file); the outcome
    // arrives as workspaceOpened or workspaceFailed. False when nothing could even be started.
    bool start(const CommandLineOptions& options);

    void openFile(const QString& path);
    void openWorkspace(const QString& path, OpenMode mode);
    bool isOpening() const { return m_opening > 0; }

    SourcesController* sources() const { return m_sources; }
    incident::IncidentSession* incidents() const { return m_incidents; }
    // The running --demo session (receiver, stores, shop); null without --demo or before it started.
    demo::DemoSession* demoSession() const;
    DemoMode* demoMode() const { return m_demo.get(); }
    // The normal app's receiver, stores and views for the open workspace; null in --demo, for a
    // read-only workspace, or when its signal store could not be opened.
    LiveMode* liveMode() const { return m_live.get(); }
    // File ▸ OTLP receiver…: remembers `settings` and restarts the receiver with them.
    void applyReceiverSettings(const wf::live::ReceiverSettings& settings);
    DashboardPresenter* dashboards() const { return m_dashboards; }
    TraceSearchPresenter* traceSearch() const { return m_traceSearch; }

Q_SIGNALS:
    void workspaceOpened(const QString& path);
    // The reason has been shown (message box, or stderr when not interactive).
    void workspaceFailed(const QString& message);

private:
    bool openDemoWorkspace();
    void openTraceFile(const QString& path);
    void openLogFile(const QString& path);
    void startDemoSession();
    void startLiveMode();
    void wireTelemetryViews(TelemetryViews* views);
    void editReceiverSettings();
    void openAsync(const QString& path, OpenMode mode, std::shared_ptr<QTemporaryDir> demoDir);
    bool adopt(OpenResult result, bool temporary, std::shared_ptr<QTemporaryDir> demoDir,
               bool incidentFile = false);
    void reportError(const QString& title, const QString& message);

    ui::MainWindow* m_window;
    bool m_interactive;
    // The OS keychain, falling back to memory for the session; before m_sources, which uses it.
    std::unique_ptr<SecretStore> m_secrets;
    SourceHealthModel* m_health;
    net::HttpClient* m_http;
    SourcesController* m_sources;
    SourcesPresenter* m_sourcesPresenter;
    incident::IncidentSession* m_incidents;
    IncidentPresenter* m_incidentPresenter;
    RunbooksPresenter* m_runbooks;
    PostmortemPresenter* m_postmortemPresenter;
    SnapshotReview* m_snapshotReview;
    DashboardPresenter* m_dashboards;
    TraceSearchPresenter* m_traceSearch;
    RemoteTraceSources* m_remoteTraces;
    QStringList m_startDashboards; // dashboard files from the command line, opened with the workspace
    int m_opening = 0;
    std::shared_ptr<QTemporaryDir> m_demoDir; // declared before m_workspace: outlives it
    std::unique_ptr<DemoMode> m_demo;         // lives in m_demoDir: reset before it
    CommandLineOptions m_options;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<LiveMode> m_live;
};

QString defaultWorkspacePath();

} // namespace wf::app
