#include "TelemetryViews.h"

#include "CentralTabs.h"
#include "DemoLogPatterns.h"
#include "LogBrowserWiring.h"
#include "ServiceGraphPresenter.h"
#include "TraceSearchPresenter.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DashboardView.h"
#include "dashboards/DemoDashboard.h"
#include "dashboards/grid/TimeRangePicker.h"
#include "docks/PanelDock.h"
#include "graph/ServiceGraphDock.h"
#include "graph/ServiceGraphView.h"
#include "incident/SignalEvidence.h"
#include "items/LogListModel.h"
#include "items/TraceListModel.h"
#include "live/LiveLogFeed.h"
#include "live/LiveTelemetry.h"
#include "live/LiveTraceFeed.h"
#include "logs/LogListView.h"
#include "mainwindow/MainWindow.h"
#include "patterns/LogPatternsView.h"
#include "receiver/OtlpReceiver.h"
#include "receiver/ReceiverStatsModel.h"
#include "receiver/ReceiverStatsView.h"
#include "signalstore/SignalStore.h"
#include "traces/LocalTraceSource.h"
#include "traces/StoredTrace.h"
#include "traces/TraceListView.h"
#include "traces/TraceLogsView.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

#include <algorithm>

namespace wf::app {

namespace {
const QString kTraceTab = QStringLiteral("receivedTraceTab");
const QString kTraceLogsTab = QStringLiteral("receivedTraceLogsTab");
} // namespace

TelemetryViews::TelemetryViews(ui::MainWindow* window, live::LiveTelemetry* telemetry, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_telemetry(telemetry)
    , m_logs(new items::LogListModel(this))
    , m_traces(new items::TraceListModel(this))
    , m_stats(new receiver::ReceiverStatsModel(this))
{}

TelemetryViews::~TelemetryViews()
{
    removeUi();
}

void TelemetryViews::build(const QString& receiverError)
{
    buildGraph();
    buildLogs();
    buildTraces();
    buildReceiverStatus(receiverError);
}

void TelemetryViews::removeUi()
{
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
    // The views point at this object's models and feeds, so they go before them.
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
        m_window->dashboards()->removeDashboard(trace); // a trace of this store
    for (QWidget* logs : m_window->dashboards()->tabs()->findChildren<ui::TraceLogsView*>(kTraceLogsTab))
        m_window->dashboards()->removeDashboard(logs);
    if (m_traceSearch) {
        m_traceSearch->setLogsHandler({});
        m_traceSearch->setMetricsHandler({});
        m_traceSearch->closeTabs(); // they show this store's traces
    }
    delete m_localTraces; // leaves the search by itself
    if (m_sourcesSplit) {
        // Give the Sources dock back what it showed before the receiver section joined it.
        m_window->dock(QStringLiteral("sourcesDock"))->setContent(m_sourcesOriginal);
        delete m_sourcesSplit;
    }
    delete m_focusSearch;
    delete m_statusLabel;
}

void TelemetryViews::buildLogs()
{
    auto* logFeed = new live::LiveLogFeed(m_telemetry->signalStore(), m_logs, this);
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
    logFeed->refresh(); // what the store already holds (an earlier run), before anything new arrives
    connect(logView, &ui::LogListView::pinRequested, this, [this](const signalstore::LogRow& row) {
        const incident::SignalPin pin = incident::logLinePin(row);
        Q_EMIT pinRequested(incident::EvidenceKind::Log, pin.title, {}, pin.data);
    });
}

void TelemetryViews::buildTraces()
{
    auto* traceFeed = new live::LiveTraceFeed(m_telemetry->signalStore(), m_traces, this);
    auto* traceView = new ui::TraceListView(m_traces, traceFeed);
    m_traceView = traceView;
    m_window->dock(QStringLiteral("tracesDock"))->setContent(traceView);
    traceFeed->refresh();
    connect(traceView, &ui::TraceListView::openRequested, this, &TelemetryViews::openTrace);
    // A trace is pinned with its spans, read from the store first.
    connect(traceView, &ui::TraceListView::pinRequested, this,
            [this](const signalstore::TraceSummary& trace) {
                m_telemetry->signalStore()->trace(
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
}

void TelemetryViews::buildReceiverStatus(const QString& receiverError)
{
    // Receiver statistics under whatever the Sources dock shows.
    ui::PanelDock* sources = m_window->dock(QStringLiteral("sourcesDock"));
    auto* statsView = new ui::ReceiverStatsView(m_stats);
    m_statsView = statsView;
    const live::LiveTelemetryConfig& config = m_telemetry->config();
    const QString endpoint = m_telemetry->endpointText();
    QString endpointLine = m_telemetry->usedFallbackPort()
                               ? tr("Listening on %1 (port %2 was in use)").arg(endpoint).arg(config.port)
                               : tr("Listening on %1").arg(endpoint);
    QString endpointTip = config.listenOnAllInterfaces
                              ? tr("OTLP/HTTP on every interface: POST /v1/traces, /v1/logs and /v1/metrics "
                                   "with the header \"Authorization: Bearer %1\" (a new token each start)")
                                    .arg(QString::fromLatin1(config.bearerToken))
                              : tr("OTLP/HTTP on loopback: POST /v1/traces, /v1/logs and /v1/metrics");
    if (!receiverError.isEmpty()) {
        endpointLine = tr("Not receiving: %1").arg(receiverError);
        endpointTip = tr("Change the port in File ▸ OTLP receiver…, or stop the program that holds it, "
                         "then reopen the workspace");
    }
    statsView->setEndpoint(endpointLine, endpointTip);
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
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_window->statusBar()->addPermanentWidget(m_statusLabel);
    if (!receiverError.isEmpty()) {
        m_statusLabel->setText(tr("OTLP receiver off"));
        m_statusLabel->setToolTip(receiverError);
        return;
    }
    m_statusLabel->setToolTip(tr("Watchfloor's OTLP receiver and the spans it accepts per second"));
    m_statusLabel->setText(tr("OTLP %1").arg(endpoint));
    connect(m_telemetry, &live::LiveTelemetry::statsUpdated, this,
            [this](const receiver::ReceiverStatsSnapshot& s, double spansPerSecond) {
                m_stats->setSnapshot(s);
                m_statusLabel->setText(tr("OTLP %1 · %2 spans/s")
                                           .arg(m_telemetry->endpointText())
                                           .arg(spansPerSecond, 0, 'f', spansPerSecond < 10 ? 1 : 0));
            });
}

void TelemetryViews::buildGraph()
{
    // A dashboard tab, not a dock: at 1600x1000 the central area is the one place wide and tall
    // enough for the graph beside its blast-radius panel; the bottom dock row (logs, traces) is short.
    auto* page = new ui::ServiceGraphDock;
    page->setObjectName(QStringLiteral("serviceGraphPage"));
    m_graphPage = page;
    QTabWidget* tabs = m_window->dashboards()->tabs();
    m_window->dashboards()->addDashboard(page, tr("Service graph"));
    tabs->setTabToolTip(tabs->indexOf(page), tr("The live service graph and blast radius (Ctrl+Shift+G)"));
    // Not closable: the presenter below draws into this page for as long as telemetry is received,
    // and the page goes with the workspace (removeUi()). Either side, as the style places the button.
    for (QTabBar::ButtonPosition side : {QTabBar::LeftSide, QTabBar::RightSide})
        tabs->tabBar()->setTabButton(tabs->indexOf(page), side, nullptr);
    m_graph = new ServiceGraphPresenter(page, this);
    // Direct: addSpans only queues for the graph's own ingest thread, so the receiver never waits.
    connect(m_telemetry->receiver(), &receiver::OtlpReceiver::tracesReceived, m_graph,
            &ServiceGraphPresenter::addSpans, Qt::DirectConnection);
    // What the store kept from earlier runs: the graph is there again after a restart.
    m_graph->loadStoredSpans(m_telemetry->signalStore()->path());
    connect(m_graph, &ServiceGraphPresenter::failingChanged, page, [tabs, page](const QStringList& failing) {
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
        connect(m_pinGraphAction, &QAction::triggered, this, &TelemetryViews::pinBlastRadius);
    connect(page, &ui::ServiceGraphDock::pinRequested, this, &TelemetryViews::pinBlastRadius);
    setPinAvailable(false,
                    tr("Declare an incident first: the blast radius is pinned to the active incident"));
}

void TelemetryViews::setPinAvailable(bool available, const QString& why)
{
    if (auto* page = qobject_cast<ui::ServiceGraphDock*>(m_graphPage.data()))
        page->setPinAvailable(available, why);
    if (m_pinGraphAction) {
        m_pinGraphAction->setEnabled(available);
        m_pinGraphAction->setToolTip(why);
        m_pinGraphAction->setStatusTip(why);
    }
}

void TelemetryViews::pinBlastRadius()
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

QWidget* TelemetryViews::withPatternsTab(ui::LogListView* logView)
{
    auto* patterns = new DemoLogPatterns(
        m_telemetry->signalStore(), [this] { return m_incidentStartMs ? m_incidentStartMs() : -1; }, this);
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
    // The stored lines: search, histogram, the dashboard's time range, a pattern's lines, their traces.
    auto* stored = new LogBrowserWiring(m_telemetry->signalStore()->path(), this);
    m_logBrowser = stored;
    stored->linkTraces([this](const telemetry::TraceId& id) {
        signalstore::TraceSummary summary;
        summary.traceId = id;
        openTrace(summary);
    });
    stored->linkPatterns(patterns->view(), tabs);
    tabs->setTabToolTip(tabs->addTab(stored->view(), tr("Search")),
                        tr("All stored lines: search, filters and volume by level; double-click a pattern "
                           "to see its lines here"));
    m_logTabs = tabs;
    return tabs;
}

void TelemetryViews::linkDashboard(ui::DemoDashboard* dashboard)
{
    if (!dashboard)
        return;
    if (m_logBrowser)
        m_logBrowser->linkDashboard(dashboard);
    if (m_graph)
        connect(dashboard, &ui::DemoDashboard::timeWindowChanged, m_graph,
                [presenter = m_graph](qint64 fromMs, qint64 toMs) {
                    if (fromMs == 0 && toMs == 0)
                        presenter->followLatest();
                    else // the window's last millisecond included
                        presenter->setTimeRange(fromMs * 1'000'000, (toMs + 1) * 1'000'000);
                });
}

void TelemetryViews::linkDashboardView(ui::DashboardView* view)
{
    if (!view || !m_graph)
        return;
    connect(view->picker(), &ui::TimeRangePicker::timeRangeChanged, m_graph,
            [presenter = m_graph](const dashboard::TimeRange& range) {
                if (const auto g = graph::graphRangeFor(range, QDateTime::currentMSecsSinceEpoch()))
                    presenter->setRange(*g);
            });
}

void TelemetryViews::attachTraceSearch(TraceSearchPresenter* search)
{
    if (!search || m_traceSearch)
        return;
    m_traceSearch = search;
    auto* local = new traces::LocalTraceSource(m_telemetry->signalStore(), this);
    m_localTraces = local;
    search->addSource(local);
    search->setLogsHandler([this](const telemetry::TraceId& traceId) { showTraceLogs(traceId); });
    if (auto* list = qobject_cast<ui::TraceListView*>(m_traceView.data()))
        connect(list, &ui::TraceListView::searchRequested, search, &TraceSearchPresenter::showSearch);
}

void TelemetryViews::showTraceLogs(const telemetry::TraceId& traceId)
{
    signalstore::LogQuery query;
    query.traceId = traceId;
    query.limit = 5000;
    m_telemetry->signalStore()->queryLogs(
        query, this, [this, traceId](signalstore::QueryResult<std::vector<signalstore::LogRow>> r) {
            ui::TraceLogsView* view =
                traceLogsTab(m_window, kTraceLogsTab, tr("Logs: trace %1").arg(traceId.toHex().left(8)),
                             tr("Log records of trace %1 (Esc closes)").arg(traceId.toHex()));
            if (r.ok)
                view->setRows(traceId.toHex(), std::move(r.value));
            else
                view->setError(r.error);
        });
}

void TelemetryViews::openTrace(const signalstore::TraceSummary& summary)
{
    m_telemetry->signalStore()->trace(
        summary.traceId, this,
        [this, trace = summary](signalstore::QueryResult<std::vector<signalstore::StoredSpan>> r) mutable {
            if (!r.ok || r.value.empty()) {
                m_window->statusBar()->showMessage(
                    tr("The trace could not be read: %1").arg(r.ok ? tr("it has no spans yet") : r.error),
                    8000);
                return;
            }
            if (trace.rootName.isEmpty()) { // only the id is known (a log line's trace): name it by its root
                const auto root = std::find_if(r.value.begin(), r.value.end(),
                                               [](const auto& s) { return !s.parentSpanId.isValid(); });
                trace.rootService = (root != r.value.end() ? *root : r.value.front()).service;
                trace.rootName = (root != r.value.end() ? *root : r.value.front()).name;
            }
            ui::TraceView* view =
                traceTab(m_window, kTraceTab, tr("Trace: %1").arg(trace.rootName),
                         tr("%1 %2, trace %3 (Esc closes)")
                             .arg(trace.rootService, trace.rootName, trace.traceId.toHex()));
            view->setBatch(traces::spanBatchFromStored(r.value));
            if (m_traceSearch)
                m_traceSearch->connectLinks(view);
            view->waterfall()->setFocus();
            // Closing the tab puts the keyboard back on the list the trace came from.
            if (auto* list = qobject_cast<ui::TraceListView*>(m_traceView.data()))
                connect(view, &QObject::destroyed, list->table(), qOverload<>(&QWidget::setFocus),
                        Qt::UniqueConnection);
        });
}

} // namespace wf::app
