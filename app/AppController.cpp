#include "AppController.h"

#include "CentralTabs.h"
#include "DashboardPresenter.h"
#include "DemoMode.h"
#include "DemoNotice.h"
#include "IncidentPresenter.h"
#include "KeychainSecretStore.h"
#include "LiveMode.h"
#include "PostmortemPresenter.h"
#include "ReceiverSettingsDialog.h"
#include "RemoteTraceSources.h"
#include "RunbooksPresenter.h"
#include "SnapshotReview.h"
#include "SourcesPresenter.h"
#include "TelemetryViews.h"
#include "TraceSearchPresenter.h"
#include "core/FileClassifier.h"
#include "dashboards/DashboardView.h"
#include "demo/DemoSession.h"
#include "demo/DemoShopProcess.h"
#include "incident/IncidentFile.h"
#include "incident/IncidentPanel.h"
#include "incident/IncidentSession.h"
#include "items/SourceHealthModel.h"
#include "items/TimelineModel.h"
#include "live/LiveTelemetry.h"
#include "logs/LogFileView.h"
#include "mainwindow/MainWindow.h"
#include "net/HttpClient.h"
#include "sources/SessionSecretStore.h"
#include "sources/SourcesController.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <utility>

namespace wf::app {

QString defaultWorkspacePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("default.watchfloor"));
}

AppController::AppController(ui::MainWindow* window, bool interactive, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_interactive(interactive)
    , m_secrets(std::make_unique<SessionSecretStore>(std::make_unique<KeychainSecretStore>()))
    , m_health(new SourceHealthModel(this))
    , m_http(new net::HttpClient(this))
    , m_sources(new SourcesController(m_http, m_health, this))
    , m_sourcesPresenter(new SourcesPresenter(window->sourcesDock(), m_sources, interactive, this))
    , m_incidents(new incident::IncidentSession(this))
    , m_incidentPresenter(new IncidentPresenter(window, m_incidents, interactive, this))
    , m_runbooks(new RunbooksPresenter(
          window, m_incidents, m_http,
          [this]() -> std::shared_ptr<const signalstore::SeriesStore> {
              if (m_demo)
                  return m_demo->session()->seriesStore();
              return m_live ? m_live->telemetry()->seriesStore() : nullptr;
          },
          [this] {
              // The demo runbook needs the shop's control port, which is only known once it runs.
              QHash<QString, QString> values;
              if (m_demo && m_demo->session()->shop()->controlUrl().port() > 0)
                  values.insert(QStringLiteral("control_port"),
                                QString::number(m_demo->session()->shop()->controlUrl().port()));
              return values;
          },
          this))
    , m_postmortemPresenter(new PostmortemPresenter(window, m_incidents, interactive, this))
    , m_snapshotReview(new SnapshotReview(window, m_incidents, this))
    , m_dashboards(new DashboardPresenter(
          window, m_http, m_sources,
          [this](const QString& title, const QString& message) { reportError(title, message); }, this))
    , m_traceSearch(new TraceSearchPresenter(window, this))
    , m_remoteTraces(new RemoteTraceSources(m_sources, m_http, m_traceSearch, this))
{
    m_sources->setSecretStore(m_secrets.get());
    // Trace search over the workspace's Jaeger and Tempo sources, and the demo's local store.
    auto* searchTraces = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), m_window);
    connect(searchTraces, &QShortcut::activated, m_traceSearch, &TraceSearchPresenter::showSearch);
    // The timeline names people; the login name is a sensible default until roles come from a
    // directory.
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    m_incidents->setAuthor(user.isEmpty() ? tr("commander") : user);
    m_window->setSourceHealthModel(m_health);
    m_window->setWorkspace({});
    m_dashboards->setIncidentTimeline(m_incidents->timeline());
    connect(m_window, &ui::MainWindow::openFileRequested, this, &AppController::openFile);
    connect(m_window, &ui::MainWindow::openWorkspaceRequested, this,
            [this](const QString& path) { openWorkspace(path, OpenMode::ReadWrite); });

    // File ▸ OTLP receiver…, above Quit.
    if (auto* file = m_window->findChild<QMenu*>(QStringLiteral("menuFile"))) {
        auto* action = new QAction(tr("OTLP &receiver…"), file);
        action->setObjectName(QStringLiteral("actionReceiverSettings"));
        action->setToolTip(tr("The port of Watchfloor's own OTLP/HTTP receiver, and whether it listens "
                              "beyond this machine"));
        connect(action, &QAction::triggered, this, &AppController::editReceiverSettings);
        const QList<QAction*> actions = file->actions();
        file->insertAction(actions.isEmpty() ? nullptr : actions.last(), action);
    }
}

AppController::~AppController()
{
    // The demo shop stops and the workspace finishes its pending writes before the temporary folder
    // disappears.
    m_demo.reset();
    m_live.reset();
    m_sources->setWorkspace(nullptr);
    m_incidents->setWorkspace(nullptr);
    m_dashboards->setWorkspace(nullptr);
    m_workspace.reset();
    m_demoDir.reset();
}

demo::DemoSession* AppController::demoSession() const
{
    return m_demo ? m_demo->session() : nullptr;
}

bool AppController::start(const CommandLineOptions& options)
{
    m_options = options;
    m_dashboards->setCommandLinePrometheus(options.prometheus);
    // Positional files first: a workspace among them is the one to open when no option names one.
    QString workspaceFile;
    QStringList errors;
    for (const QString& path : options.files) {
        const FileClassification c = classifyFile(path);
        if (!c.error.isEmpty())
            errors << c.error;
        else if (c.kind == FileClassification::Workspace && workspaceFile.isEmpty() && !options.demo &&
                 options.workspace.isEmpty())
            workspaceFile = path;
        else if (c.kind == FileClassification::Dashboard)
            m_startDashboards << path;
        else if (c.kind == FileClassification::TraceFile || c.kind == FileClassification::LogFile)
            openFile(path); // a tab of its own, whatever workspace opens
        else if (c.kind == FileClassification::Workspace)
            errors << tr("Only one workspace can be open at a time, so %1 was not opened.")
                          .arg(QDir::toNativeSeparators(path));
    }

    bool ok = true;
    if (options.demo) {
        ok = openDemoWorkspace();
    } else if (!options.workspace.isEmpty()) {
        openWorkspace(options.workspace, OpenMode::CreateIfMissing);
    } else if (!workspaceFile.isEmpty()) {
        openWorkspace(workspaceFile, OpenMode::ReadWrite);
    } else {
        const QString path = defaultWorkspacePath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        openWorkspace(path, OpenMode::CreateIfMissing);
    }
    if (!errors.isEmpty())
        reportError(tr("Some files could not be opened"), errors.join(QLatin1Char('\n')));
    return ok;
}

void AppController::openFile(const QString& path)
{
    const FileClassification c = classifyFile(path);
    if (!c.error.isEmpty()) {
        reportError(tr("Cannot open file"), c.error);
        return;
    }
    if (c.kind == FileClassification::Workspace)
        openWorkspace(path, OpenMode::ReadWrite);
    else if (c.kind == FileClassification::Dashboard)
        m_dashboards->open(path);
    else if (c.kind == FileClassification::TraceFile)
        openTraceFile(path);
    else if (c.kind == FileClassification::LogFile)
        openLogFile(path);
}

void AppController::openTraceFile(const QString& path)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    ui::TraceView* view = traceTab(m_window, QStringLiteral("traceFile:") + info.absoluteFilePath(),
                                   info.fileName(), tr("Trace file %1 (Esc closes)").arg(shown));
    // Queued: the view writes its error into its title right after announcing the load.
    connect(
        view, &ui::TraceView::traceLoaded, this,
        [this, view] {
            if (!view->waterfall()->tree())
                reportError(tr("Cannot open trace file"), view->titleText());
        },
        Qt::QueuedConnection);
    view->openFile(path);
}

void AppController::openLogFile(const QString& path)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    ui::LogFileView* view = logFileTab(m_window, QStringLiteral("logFile:") + info.absoluteFilePath(),
                                       info.fileName(), tr("Log file %1 (Esc closes)").arg(shown));
    connect(view, &ui::LogFileView::failed, this,
            [this](const QString& message) { reportError(tr("Cannot open log file"), message); });
    view->openFile(path);
}

void AppController::openWorkspace(const QString& path, OpenMode mode)
{
    openAsync(path, mode, nullptr);
}

void AppController::openAsync(const QString& path, OpenMode mode, std::shared_ptr<QTemporaryDir> demoDir)
{
    ++m_opening;
    // OpenResult holds a unique_ptr; a shared_ptr carries it through QFuture, which wants copies.
    auto* watcher = new QFutureWatcher<std::shared_ptr<OpenResult>>(this);
    auto incidentFile = std::make_shared<bool>(false);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, demoDir, incidentFile] {
        watcher->deleteLater();
        --m_opening;
        std::shared_ptr<OpenResult> result = watcher->result();
        adopt(std::move(*result), demoDir != nullptr, demoDir, *incidentFile);
    });
    watcher->setFuture(QtConcurrent::run([path, mode, incidentFile]() mutable {
        // An exported incident file is a record to review, whatever the file's permissions say.
        *incidentFile = incident::isIncidentFile(path);
        if (*incidentFile)
            mode = OpenMode::ReadOnly;
        auto result = std::make_shared<OpenResult>(Workspace::open(path, mode));
        // A workspace on read-only media (a shared incident file, a mounted export) is still worth
        // reading: open it read-only rather than refuse it.
        if (!*result && result->error == OpenError::ReadOnlyFile && mode != OpenMode::ReadOnly)
            *result = Workspace::open(path, OpenMode::ReadOnly);
        return result;
    }));
}

bool AppController::openDemoWorkspace()
{
    auto dir =
        std::make_shared<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("watchfloor-demo-XXXXXX")));
    if (!dir->isValid()) {
        reportError(
            tr("Cannot start the demo"),
            tr("Could not create a temporary folder for the demo workspace: %1").arg(dir->errorString()));
        return false;
    }
    const QString path = dir->filePath(QStringLiteral("demo.watchfloor"));
    openAsync(path, OpenMode::CreateIfMissing, std::move(dir));
    return true;
}

bool AppController::adopt(OpenResult result, bool temporary, std::shared_ptr<QTemporaryDir> demoDir,
                          bool incidentFile)
{
    if (!result) {
        reportError(tr("Cannot open workspace"), result.message);
        Q_EMIT workspaceFailed(result.message);
        return false;
    }
    // The new workspace is open before the old one closes, so a failed switch leaves the old one.
    m_demo.reset(); // a running demo lives in m_demoDir
    m_live.reset(); // its store sits beside the workspace being closed
    m_dashboards->setDemoStore(nullptr);
    m_dashboards->setLocalStore(nullptr);
    m_dashboards->workspaceChanging();
    m_postmortemPresenter->setPanelCapture({});
    m_sources->setWorkspace(nullptr);
    m_incidents->setWorkspace(nullptr);
    m_workspace = std::move(result.workspace);
    m_demoDir = std::move(demoDir);
    m_sources->setWorkspace(m_workspace.get());
    m_incidents->setWorkspace(m_workspace.get());
    m_dashboards->setWorkspace(m_workspace.get());
    m_sourcesPresenter->workspaceChanged();
    m_window->setWorkspace({m_workspace->path(), temporary, m_workspace->isReadOnly()});
    m_window->showNotice(temporary      ? ui::demoNoticeText()
                         : incidentFile ? tr("This is an incident file, open read-only for review. Export a "
                                             "postmortem from the Incident menu.")
                                        : QString());
    m_postmortemPresenter->refresh();
    if (!temporary)
        m_window->addRecentFile(m_workspace->path());
    if (temporary && m_demoDir)
        startDemoSession();
    else if (!temporary && !m_workspace->isReadOnly())
        startLiveMode();
    for (const QString& path : std::exchange(m_startDashboards, {}))
        m_dashboards->open(path);
    Q_EMIT workspaceOpened(m_workspace->path());
    return true;
}

void AppController::startDemoSession()
{
    auto demo = std::make_unique<DemoMode>(m_window, m_demoDir->path(), m_options);
    QString error;
    if (!demo->start(&error)) {
        reportError(tr("Cannot start the demo"), error);
        return;
    }
    m_demo = std::move(demo);
    m_dashboards->setDemoStore(m_demo->session()->seriesStore());
    // The same shop overview as a dashboard file, through the local store's PromQL: a second tab.
    if (QFile shop(QStringLiteral(":/dashboards/demo-shop.json")); shop.open(QIODevice::ReadOnly))
        m_dashboards->openBytes(shop.readAll(), QStringLiteral("demo-shop.json"), false);
    m_demo->setIncidentTimeline(m_incidents->timeline());
    m_postmortemPresenter->setPanelCapture(m_demo->panelCapture());
    wireTelemetryViews(m_demo->views());
    // The demo's dashboard shows every service's metrics: a span's "Metrics of this service" jumps there.
    m_traceSearch->setMetricsHandler([demo = m_demo.get()](const QString& service, qint64 startNs, qint64) {
        demo->showAround(startNs / 1'000'000, tr("Metrics around %1's span").arg(service));
    });
    connect(m_window->findChild<ui::IncidentPanel*>(), &ui::IncidentPanel::eventActivated, m_demo.get(),
            &DemoMode::showAround);
    connect(m_demo->session(), &demo::DemoSession::shopRunning, m_runbooks,
            &RunbooksPresenter::presetsChanged);
}

void AppController::startLiveMode()
{
    m_dashboards->setLocalStore(nullptr);
    m_live.reset();
    auto live =
        std::make_unique<LiveMode>(m_window, m_workspace->path(), live::ReceiverSettings::load(QSettings()));
    QString error;
    if (!live->start(&error)) {
        m_window->statusBar()->showMessage(error, 15000);
        return;
    }
    if (!live->receiverError().isEmpty())
        m_window->showNotice(
            tr("%1. Nothing new is received until the port is free or changed in File ▸ OTLP "
               "receiver…; what was received before is still shown.")
                .arg(live->receiverError()));
    m_live = std::move(live);
    wireTelemetryViews(m_live->views());
    m_dashboards->setLocalStore(m_live->telemetry()->seriesStore());
}

void AppController::editReceiverSettings()
{
    auto* dialog = new ReceiverSettingsDialog(live::ReceiverSettings::load(QSettings()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyReceiverSettings(dialog->settings()); });
    dialog->open();
}

void AppController::applyReceiverSettings(const live::ReceiverSettings& settings)
{
    QSettings stored;
    settings.save(stored);
    // The demo keeps its own loopback receiver; the normal app restarts with the new settings.
    if (!m_demoDir && m_workspace && !m_workspace->isReadOnly())
        startLiveMode();
}

void AppController::wireTelemetryViews(TelemetryViews* views)
{
    views->attachTraceSearch(m_traceSearch);
    // A span's "Metrics of this service": the open dashboard around the span, switched to the service
    // where it has a variable for it (the demo replaces this with its own overview).
    m_traceSearch->setMetricsHandler([this](const QString& service, qint64 startNs, qint64 endNs) {
        if (!m_dashboards->showService(service, startNs / 1'000'000, endNs / 1'000'000))
            m_window->statusBar()->showMessage(
                tr("Open a dashboard to see the metrics of %1 (File ▸ Open dashboard…)").arg(service), 8000);
    });
    // The service graph follows the dashboards' time range: those open now and those opened later.
    for (ui::DashboardView* view : m_dashboards->views())
        views->linkDashboardView(view);
    connect(m_dashboards, &DashboardPresenter::dashboardOpened, views, &TelemetryViews::linkDashboardView);
    views->setIncidentStart([incidents = m_incidents] {
        const std::optional<incident::Incident> active = incidents->activeIncident();
        return active ? active->createdAtMs : qint64(-1);
    });
    connect(views, &TelemetryViews::pinRequested, this,
            [this](incident::EvidenceKind kind, const QString& title, const QByteArray& png,
                   const QJsonObject& data) {
                if (!m_incidents->activeIncident() || !m_incidents->canWrite()) {
                    m_window->statusBar()->showMessage(
                        tr("Nothing was pinned: declare an incident first (Incident ▸ Declare)."), 8000);
                    return;
                }
                m_incidents->pinEvidence(kind, title, png, data);
            });
    // "Pin blast radius" follows the active incident.
    const auto updatePin = [this, views] {
        const bool can = m_incidents->activeIncident().has_value() && m_incidents->canWrite();
        views->setPinAvailable(
            can, can ? tr("Pin the service graph's blast radius, its picture and its numbers, to the active "
                          "incident's timeline")
                     : tr("Declare an incident first: the blast radius is pinned to the active incident"));
    };
    connect(m_incidents, &incident::IncidentSession::activeIncidentChanged, views, updatePin);
    updatePin();
    connect(views, &TelemetryViews::pinFailed, this,
            [this](const QString& message) { m_window->statusBar()->showMessage(message, 8000); });
}

void AppController::reportError(const QString& title, const QString& message)
{
    if (!m_interactive) {
        for (const QString& line : message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            std::fprintf(stderr, "watchfloor: %s\n", qUtf8Printable(line));
        return;
    }
    // open(), not exec(): the window stays responsive and no nested event loop runs.
    auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace wf::app
