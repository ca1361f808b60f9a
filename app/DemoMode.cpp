#include "DemoMode.h"

#include "CentralTabs.h"
#include "DemoLogPatterns.h"
#include "DemoServiceGraph.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DemoDashboard.h"
#include "demo/DemoSession.h"
#include "docks/PanelDock.h"
#include "graph/ServiceGraphDock.h"
#include "graph/ServiceGraphView.h"
#include "incident/SignalEvidence.h"
#include "incident/TimelineText.h"
#include "items/LogListModel.h"
#include "items/TimelineModel.h"
#include "items/TraceListModel.h"
#include "live/LiveLogFeed.h"
#include "live/LiveTraceFeed.h"
#include "logs/LogListView.h"
#include "mainwindow/MainWindow.h"
#include "patterns/LogPatternsView.h"
#include "receiver/OtlpReceiver.h"
#include "receiver/ReceiverStatsModel.h"
#include "receiver/ReceiverStatsView.h"
#include "signalstore/SignalStore.h"
#include "traces/StoredTrace.h"
#include "traces/TraceListView.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QAction>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

namespace wf::app {

namespace {
const QString kTraceTab = QStringLiteral("demoTraceTab");
}

DemoMode::DemoMode(ui::MainWindow* window, const QString& folder, const CommandLineOptions& options,
                   QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_logs(new items::LogListModel(this))
    , m_traces(new items::TraceListModel(this))
    , m_stats(new receiver::ReceiverStatsModel(this))
{
    demo::DemoSessionConfig config;
    config.folder = folder;
    if (options.demoFailureAfterS >= 0)
        config.failureAfterS = options.demoFailureAfterS;
    m_session = new demo::DemoSession(config, this);
}

DemoMode::~DemoMode()
{
    m_session->stop();
    removeUi();
}

void DemoMode::removeUi()
{
    // The views point at this object's models and feeds, so they go first.
    if (m_dashboard)
        m_window->dashboards()->removeDashboard(m_dashboard);
    // The graph's refresher points at its page: it goes first, then the page.
    delete m_graph;
    m_graph = nullptr;
    if (m_graphPage)
        m_window->dashboards()->removeDashboard(m_graphPage);
    if (m_pinGraphAction) {
        m_pinGraphAction->disconnect(this);
        m_pinGraphAction->setEnabled(false);
    }
    delete m_focusGraph;
    if (m_logView) {
        m_window->dock(QStringLiteral("logsDock"))->setContent(nullptr);
        delete m_logView;
        delete m_logTabs;
    }
    if (m_traceView) {
        m_window->dock(QStringLiteral("tracesDock"))->setContent(nullptr);
        delete m_traceView;
    }
    for (QWidget* trace : m_window->dashboards()->tabs()->findChildren<ui::TraceView*>(kTraceTab))
        m_window->dashboards()->removeDashboard(trace); // a trace of this demo's store
    if (m_sourcesSplit) {
        // Give the Sources dock back what it showed before the receiver section joined it.
        m_window->dock(QStringLiteral("sourcesDock"))->setContent(m_sourcesOriginal);
        delete m_sourcesSplit;
    }
    delete m_focusSearch;
    delete m_statusLabel;
    delete m_restart;
}

bool DemoMode::start(QString* error)
{
    if (!m_session->start(error))
        return false;
    buildUi();
    return true;
}

void DemoMode::setIncidentTimeline(TimelineModel* timeline)
{
    m_timeline = timeline;
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(timeline, signal, this, &DemoMode::updateAnnotations);
    connect(timeline, &QAbstractItemModel::modelReset, this, &DemoMode::updateAnnotations);
    updateAnnotations();
}

void DemoMode::showAround(qint64 atMs, const QString& what)
{
    if (auto* dashboard = qobject_cast<ui::DemoDashboard*>(m_dashboard.data())) {
        dashboard->showAround(atMs, what);
        m_window->dashboards()->tabs()->setCurrentWidget(dashboard);
    }
}

live::PanelCapture DemoMode::panelCapture() const
{
    auto* dashboard = qobject_cast<ui::DemoDashboard*>(m_dashboard.data());
    return dashboard ? dashboard->capture() : live::PanelCapture{};
}

void DemoMode::updateAnnotations()
{
    auto* dashboard = qobject_cast<ui::DemoDashboard*>(m_dashboard.data());
    if (!dashboard || !m_timeline)
        return;
    QList<ui::ChartAnnotation> annotations;
    for (const incident::TimelineEvent& e : m_timeline->events()) {
        if (incident::isChartMoment(e.kind))
            annotations << ui::ChartAnnotation{e.atMs, incident::describeEvent(e)};
    }
    dashboard->setAnnotations(annotations);
}

void DemoMode::buildUi()
{
    // Dashboard.
    auto* dashboard = new ui::DemoDashboard(m_session->seriesStore());
    m_dashboard = dashboard;
    m_window->dashboards()->addDashboard(dashboard, tr("Shop overview"));
    dashboard->start();
    buildGraphUi();

    // Logs.
    auto* logFeed = new live::LiveLogFeed(m_session->signalStore(), m_logs, this);
    auto* logView = new ui::LogListView(m_logs, logFeed);
    m_logView = logView;
    ui::PanelDock* logsDock = m_window->dock(QStringLiteral("logsDock"));
    logsDock->setContent(withPatternsTab(logView));
    // Window-wide (the logs may sit on a hidden tab): raise the dock and put the cursor in its search.
    auto* focusSearch = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), m_window);
    m_focusSearch = focusSearch;
    if (auto* tabs = qobject_cast<QTabWidget*>(m_logTabs.data())) // the search is on the Lines tab
        connect(focusSearch, &QShortcut::activated, tabs,
                [tabs, logView] { tabs->setCurrentWidget(logView); });
    connect(focusSearch, &QShortcut::activated, logView, [logsDock, logView] {
        logsDock->show();
        logsDock->raise();
        logView->focusSearch();
    });

    // Traces.
    auto* traceFeed = new live::LiveTraceFeed(m_session->signalStore(), m_traces, this);
    auto* traceView = new ui::TraceListView(m_traces, traceFeed);
    m_traceView = traceView;
    m_window->dock(QStringLiteral("tracesDock"))->setContent(traceView);
    connect(traceView, &ui::TraceListView::openRequested, this, &DemoMode::openTrace);

    // Pins: a log line as it is; a trace with its spans, read from the store first.
    connect(logView, &ui::LogListView::pinRequested, this, [this](const signalstore::LogRow& row) {
        const incident::SignalPin pin = incident::logLinePin(row);
        Q_EMIT pinRequested(incident::EvidenceKind::Log, pin.title, {}, pin.data);
    });
    connect(traceView, &ui::TraceListView::pinRequested, this,
            [this](const signalstore::TraceSummary& trace) {
                m_session->signalStore()->trace(
                    trace.traceId, this,
                    [this, trace](signalstore::QueryResult<std::vector<signalstore::StoredSpan>> r) {
                        if (!r.ok) {
                            Q_EMIT pinFailed(tr("The trace could not be read for pinning: %1").arg(r.error));
                            return;
                        }
                        const incident::SignalPin pin = incident::tracePin(trace, std::move(r.value));
                        Q_EMIT pinRequested(incident::EvidenceKind::Trace, pin.title, {}, pin.data);
                    });
            });

    // Receiver statistics under whatever the Sources dock shows.
    ui::PanelDock* sources = m_window->dock(QStringLiteral("sourcesDock"));
    auto* statsView = new ui::ReceiverStatsView(m_stats);
    m_statsView = statsView;
    const QString endpoint = m_session->endpointText();
    statsView->setEndpoint(
        m_session->usedFallbackPort()
            ? tr("Listening on %1 (port %2 was in use)").arg(endpoint).arg(m_session->config().preferredPort)
            : tr("Listening on %1").arg(endpoint),
        tr("OTLP/HTTP on loopback: POST /v1/traces, /v1/logs and /v1/metrics"));
    auto* split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("sourcesSplit"));
    m_sourcesSplit = split;
    m_sourcesOriginal = sources->widget();
    if (m_sourcesOriginal)
        split->addWidget(m_sourcesOriginal);
    split->addWidget(statsView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    sources->setContent(split);

    // Status bar.
    m_statusLabel = new QLabel(m_window);
    m_statusLabel->setObjectName(QStringLiteral("otlpStatusLabel"));
    m_statusLabel->setToolTip(tr("Watchfloor's OTLP receiver and the spans it accepts per second"));
    m_restart = new QToolButton(m_window);
    m_restart->setObjectName(QStringLiteral("restartDemoShop"));
    m_restart->setText(tr("Restart demo shop"));
    m_restart->setToolTip(tr("Start the simulated shop again; its incident starts over"));
    m_restart->hide();
    m_window->statusBar()->addPermanentWidget(m_restart);
    m_window->statusBar()->addPermanentWidget(m_statusLabel);
    connect(m_restart, &QToolButton::clicked, this, [this] {
        m_restart->hide();
        m_window->showNotice(tr("Restarting the demo shop…"));
        m_session->restartShop();
    });

    connect(m_session, &demo::DemoSession::firstDataArrived, this,
            [this] { m_window->showNotice(QString()); });
    connect(m_session, &demo::DemoSession::shopRunning, this, [this] { m_restart->hide(); });
    connect(m_session, &demo::DemoSession::shopExited, this, &DemoMode::onShopExited);
    connect(m_session, &demo::DemoSession::statsUpdated, this,
            [this](const receiver::ReceiverStatsSnapshot& s, double spansPerSecond) {
                m_stats->setSnapshot(s);
                m_statusLabel->setText(tr("OTLP %1 · %2 spans/s")
                                           .arg(m_session->endpointText())
                                           .arg(spansPerSecond, 0, 'f', spansPerSecond < 10 ? 1 : 0));
            });
    m_statusLabel->setText(tr("OTLP %1").arg(endpoint));
}

void DemoMode::buildGraphUi()
{
    // A dashboard tab, not a dock: at 1600x1000 the central area is the one place wide and tall
    // enough for the graph beside its blast-radius panel; the bottom dock row (logs, traces) is short.
    auto* page = new ui::ServiceGraphDock;
    page->setObjectName(QStringLiteral("demoServiceGraph"));
    m_graphPage = page;
    QTabWidget* tabs = m_window->dashboards()->tabs();
    m_window->dashboards()->addDashboard(page, tr("Service graph"));
    tabs->setTabToolTip(tabs->indexOf(page), tr("The live service graph and blast radius (Ctrl+Shift+G)"));
    m_graph = new DemoServiceGraph(page, this);
    // Direct: addSpans only queues for the graph's own ingest thread, so the receiver never waits.
    connect(m_session->receiver(), &receiver::OtlpReceiver::tracesReceived, m_graph,
            &DemoServiceGraph::addSpans, Qt::DirectConnection);
    connect(m_graph, &DemoServiceGraph::failingChanged, page, [tabs, page](const QStringList& failing) {
        const int index = tabs->indexOf(page);
        tabs->setTabText(index, failing.isEmpty()
                                    ? tr("Service graph")
                                    : tr("Service graph (%n failing)", nullptr, int(failing.size())));
    });

    auto* focus = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), m_window);
    m_focusGraph = focus;
    connect(focus, &QShortcut::activated, page, [tabs, page] {
        tabs->setCurrentWidget(page);
        page->view()->setFocus(Qt::ShortcutFocusReason);
    });

    m_pinGraphAction = m_window->findChild<QAction*>(QStringLiteral("actionPinBlastRadius"));
    if (m_pinGraphAction)
        connect(m_pinGraphAction, &QAction::triggered, this, &DemoMode::pinBlastRadius);
    connect(page, &ui::ServiceGraphDock::pinRequested, this, &DemoMode::pinBlastRadius);
    setPinAvailable(false,
                    tr("Declare an incident first: the blast radius is pinned to the active incident"));
}

void DemoMode::setPinAvailable(bool available, const QString& why)
{
    if (auto* page = qobject_cast<ui::ServiceGraphDock*>(m_graphPage.data()))
        page->setPinAvailable(available, why);
    if (m_pinGraphAction) {
        m_pinGraphAction->setEnabled(available);
        m_pinGraphAction->setToolTip(why);
        m_pinGraphAction->setStatusTip(why);
    }
}

void DemoMode::pinBlastRadius()
{
    if (!m_graph)
        return;
    const GraphPin pin = m_graph->capture();
    if (pin.title.isEmpty()) {
        Q_EMIT pinFailed(tr("Nothing was pinned: the service graph has no data yet."));
        return;
    }
    Q_EMIT pinRequested(incident::EvidenceKind::Selection, pin.title, pin.png, pin.data);
}

QWidget* DemoMode::withPatternsTab(ui::LogListView* logView)
{
    auto* patterns = new DemoLogPatterns(
        m_session->signalStore(), [this] { return m_incidentStartMs ? m_incidentStartMs() : -1; }, this);
    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("logsTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(logView, tr("Lines"));
    tabs->setTabToolTip(0, tr("The newest log lines, live"));
    tabs->addTab(patterns->view(), tr("Patterns"));
    tabs->setTabToolTip(1,
                        tr("The newest %L1 lines grouped by message template; patterns that first appeared "
                           "after the incident was declared are marked new")
                            .arg(DemoLogPatterns::kMaxLines));
    m_logTabs = tabs;
    return tabs;
}

void DemoMode::openTrace(const signalstore::TraceSummary& trace)
{
    m_session->signalStore()->trace(
        trace.traceId, this, [this, trace](signalstore::QueryResult<std::vector<signalstore::StoredSpan>> r) {
            if (!r.ok || r.value.empty()) {
                m_window->statusBar()->showMessage(
                    tr("The trace could not be read: %1").arg(r.ok ? tr("it has no spans yet") : r.error),
                    8000);
                return;
            }
            ui::TraceView* view =
                traceTab(m_window, kTraceTab, tr("Trace: %1").arg(trace.rootName),
                         tr("%1 %2, trace %3 (Esc closes)")
                             .arg(trace.rootService, trace.rootName, trace.traceId.toHex()));
            view->setBatch(traces::spanBatchFromStored(r.value));
            view->waterfall()->setFocus();
            // Closing the tab puts the keyboard back on the list the trace came from.
            if (auto* list = qobject_cast<ui::TraceListView*>(m_traceView.data()))
                connect(view, &QObject::destroyed, list->table(), qOverload<>(&QWidget::setFocus),
                        Qt::UniqueConnection);
        });
}

void DemoMode::onShopExited(bool expected, const QString& description)
{
    if (expected)
        return;
    m_window->showNotice(tr("The demo shop stopped: %1. The data received so far stays; use \"Restart demo "
                            "shop\" in the status bar to start it again.")
                             .arg(description));
    if (m_restart)
        m_restart->show();
}

} // namespace wf::app
