#include "ServiceGraphPresenter.h"

#include "graph/BlastRadiusJson.h"
#include "graph/BlastRadiusPanel.h"
#include "graph/GraphItems.h"
#include "graph/GraphTimeBar.h"
#include "graph/LiveServiceGraph.h"
#include "graph/MetricEdgeFetcher.h"
#include "graph/ServiceGraphDock.h"
#include "graph/ServiceGraphView.h"
#include "graph/StoredGraphHistory.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QPixmap>
#include <QSignalBlocker>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace wf::app {

struct ServiceGraphPresenter::Built
{
    graph::ServiceGraph graph;
    graph::GraphWindows windows;
    QStringList failingKeys;
    double milliseconds = 0;
    bool live = true; // following the range's end: the live baseline learns from it
};

ServiceGraphPresenter::ServiceGraphPresenter(ui::ServiceGraphDock* dock, QObject* parent)
    : QObject(parent)
    , m_dock(dock)
    , m_live(std::make_shared<graph::LiveServiceGraph>())
{
    m_ingest.setMaxThreadCount(1);
    m_history.setMaxThreadCount(1);
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &ServiceGraphPresenter::refresh);
    m_timer.start();
    connect(dock->view(), &ui::ServiceGraphView::layoutApplied, this, [this] {
        if (m_focusPending)
            focusOnBlastRadius();
    });
    connect(dock->timeBar(), &ui::GraphTimeBar::timeChanged, this, &ServiceGraphPresenter::refresh);
    // A group collapsed or expanded: the same graph, so the same failing nodes, mapped to their groups.
    connect(dock, &ui::ServiceGraphDock::groupingChanged, this,
            [this] { showRadius(m_failingKeys, m_dock->view()->selectedNode()); });
}

ServiceGraphPresenter::~ServiceGraphPresenter()
{
    m_timer.stop();
    // A closing workspace does not wait for the rest of a store read: only for the batch in hand.
    if (m_cancelLoad)
        m_cancelLoad->store(true);
    m_history.clear();
    m_history.waitForDone();
    m_ingest.clear();
    m_ingest.waitForDone();
}

void ServiceGraphPresenter::addSpans(std::shared_ptr<const telemetry::SpanBatch> batch)
{
    if (!batch)
        return;
    // A stalled graph must not grow without bound behind the receiver: drop, and say so in counters.
    if (m_queued.fetch_add(1) >= kMaxQueuedBatches) {
        m_queued.fetch_sub(1);
        m_dropped.fetch_add(1);
        return;
    }
    m_ingest.start([this, live = m_live, batch = std::move(batch)] {
        live->addSpans(*batch);
        m_queued.fetch_sub(1); // the destructor waits for this job, so `this` is alive
    });
}

void ServiceGraphPresenter::setMetricEdges(prometheus::MetricsSource* source,
                                           const graph::MetricEdgeQueries& queries)
{
    delete m_fetcher;
    m_fetcher = nullptr;
    m_metricEdges = {};
    if (!source || !queries.isConfigured())
        return;
    m_fetcher = new graph::MetricEdgeFetcher(source, queries, this);
    connect(m_fetcher, &graph::MetricEdgeFetcher::fetched, this, [this](const graph::MetricEdgeSet& set) {
        if (set.ok) // a failed rate query keeps the last edges; its message is in the status line
            m_metricEdges = set;
        m_metricEdges.warnings = set.warnings;
    });
}

void ServiceGraphPresenter::setTimeRange(qint64 fromNs, qint64 toNs)
{
    if (fromNs == 0 && toNs == 0) {
        followLatest();
        return;
    }
    if (!m_dock || toNs <= fromNs)
        return;
    m_rangeFromApp = true;
    m_dock->timeBar()->setRange(fromNs, toNs, false);
    // A range older than what the graph keeps: read it back (with the baseline window before it).
    const qint64 needFromNs = fromNs - 2 * kWindowNs;
    if (!m_storePath.isEmpty() && needFromNs < m_live->earliestNs())
        startStoredLoad(needFromNs, toNs, false);
}

void ServiceGraphPresenter::followLatest(qint64 spanNs)
{
    m_rangeFromApp = false;
    m_liveSpanNs = std::clamp(spanNs, kWindowNs, kHistoryNs);
    if (!m_dock)
        return;
    ui::GraphTimeBar* bar = m_dock->timeBar();
    if (const qint64 latest = m_live->latestNs(); latest > 0) {
        const QSignalBlocker block(bar); // follow() below asks for the one refresh
        bar->setRange(std::max(m_live->earliestNs(), latest - m_liveSpanNs), latest, true);
    }
    bar->follow();
}

void ServiceGraphPresenter::setRange(const graph::GraphRange& range)
{
    if (range.following)
        followLatest(range.spanNs);
    else
        setTimeRange(range.fromNs, range.toNs);
}

void ServiceGraphPresenter::loadStoredSpans(const QString& storePath)
{
    m_storePath = storePath;
    if (!storePath.isEmpty())
        startStoredLoad(0, 0, true);
}

void ServiceGraphPresenter::startStoredLoad(qint64 fromNs, qint64 toNs, bool history)
{
    // A newer range supersedes a range read still running; the start-up history is never cut short.
    if (m_cancelLoad && !m_loadIsHistory)
        m_cancelLoad->store(true);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancelLoad = cancel;
    m_loadIsHistory = history;
    m_history.start([this, cancel, live = m_live, path = m_storePath, fromNs, toNs, history] {
        bool first = true;
        const auto sink = [&](graph::GraphSpanBatch&& batch) {
            live->addSpans(batch);
            m_storedSpans.fetch_add(qint64(batch.spans.size()));
            if (std::exchange(first, false)) // something to show at once; the end refreshes again
                QMetaObject::invokeMethod(this, &ServiceGraphPresenter::refresh, Qt::QueuedConnection);
        };
        const graph::StoredHistoryLoad load =
            history ? graph::loadStoredHistory(path, kHistoryNs, *cancel, sink)
                    : graph::loadStoredRange(path, fromNs, toNs, *cancel, sink, 500, kMaxRangeSpans);
        if (load.cancelled)
            return;
        if (!load.ok)
            qWarning("service graph: %s", qUtf8Printable(load.error));
        // `this` is alive: the destructor waits for this job, and a queued call dies with its receiver.
        QMetaObject::invokeMethod(
            this,
            [this, load, history] {
                if (history)
                    Q_EMIT historyLoaded(load.spans, load.error);
                refresh();
            },
            Qt::QueuedConnection);
    });
}

void ServiceGraphPresenter::refresh()
{
    if (!m_dock)
        return;
    if (m_building) {
        m_again = true;
        return;
    }
    const qint64 latest = m_live->latestNs();
    if (latest <= 0 && !m_fetcher)
        return; // no spans yet
    ui::GraphTimeBar* bar = m_dock->timeBar();
    if (!m_rangeFromApp && latest > 0) { // no dashboards range: the history we keep, ending now
        const QSignalBlocker block(bar); // this refresh already builds for the new end
        bar->setRange(std::max(m_live->earliestNs(), latest - m_liveSpanNs), latest, true);
    }
    const graph::GraphTimeline& timeline = bar->timeline();
    const bool live = timeline.following();
    const graph::GraphWindows windows = timeline.windows(m_baseline);
    if (m_fetcher)
        m_fetcher->fetch(windows.toNs / 1'000'000); // lands for the next refresh
    m_building = true;
    const quint64 generation = ++m_generation;
    auto* watcher = new QFutureWatcher<std::shared_ptr<Built>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_building = false;
        if (generation == m_generation)
            apply(watcher->result());
        if (m_again) {
            m_again = false;
            refresh();
        }
    });
    watcher->setFuture(QtConcurrent::run(
        [live_ = m_live, windows, live, metrics = m_metricEdges, keepRange = m_rangeFromApp] {
            QElapsedTimer clock;
            clock.start();
            auto built = std::make_shared<Built>();
            built->windows = windows;
            built->live = live;
            built->graph =
                live_->graph(windows.fromNs, windows.toNs, windows.baselineFromNs, windows.baselineToNs);
            graph::applyMetricEdges(built->graph, metrics);
            for (int n : graph::pickFailingNodes(built->graph))
                built->failingKeys << built->graph.node(n).key();
            built->failingKeys.sort();
            built->milliseconds = double(clock.nsecsElapsed()) / 1e6;
            // Keep a bounded history; the frozen baseline is well inside it. A replay keeps it all.
            if (live && !keepRange)
                live_->pruneBefore(windows.toNs - kHistoryNs);
            return built;
        }));
}

void ServiceGraphPresenter::apply(const std::shared_ptr<Built>& built)
{
    m_lastBuildMs = built->milliseconds;
    if (built->live)
        m_baseline.update(built->windows, !built->failingKeys.isEmpty());
    if (!m_dock)
        return;
    // The user's selection survives the refresh and keeps its blast radius; else the auto-picked one.
    const QString selected = m_dock->view()->selectedNode();
    m_dock->setGraph(std::move(built->graph));
    showRadius(built->failingKeys, selected);
    if (built->failingKeys != m_failingKeys) {
        m_failingKeys = built->failingKeys;
        m_focusPending = !m_failingKeys.isEmpty();
        Q_EMIT failingChanged(m_failingKeys);
    }
    Q_EMIT refreshed();
}

void ServiceGraphPresenter::showRadius(const QStringList& failingKeys, const QString& selected)
{
    ui::ServiceGraphView* view = m_dock->view();
    const graph::ServiceGraph& g = view->graph();
    const bool keepSelection = !selected.isEmpty() && view->selectNode(selected);
    std::vector<int> failing;
    for (const QString& k : keepSelection ? QStringList{selected} : failingKeys) {
        // A failing node inside a collapsed group: its group fails.
        const QString shown = keepSelection ? k : m_dock->displayedKey(k);
        if (const int n = g.findNode(shown);
            n >= 0 && std::find(failing.begin(), failing.end(), n) == failing.end())
            failing.push_back(n);
    }
    m_radius = graph::computeBlastRadius(g, failing);
    view->setBlastRadius(m_radius);
    m_dock->panel()->setBlastRadius(g, m_radius);
    // The symptom: the selected node, else the entry point whose traffic the failure hurts most.
    m_symptom = keepSelection              ? g.findNode(selected)
                : m_radius.entries.empty() ? -1
                                           : m_radius.entries.front().entry;
    m_ranking.clear();
    if (m_symptom >= 0) {
        m_ranking = graph::rankSymptomCauses(g, m_symptom);
        m_dock->showSymptom(g.node(m_symptom).key());
    }
}

void ServiceGraphPresenter::focusOnBlastRadius()
{
    // The whole demo graph (two regions side by side) fits a 1600x1000 window only below the zoom at
    // which node names are drawn; the failure's own chain fits at a readable zoom.
    m_focusPending = false;
    ui::ServiceGraphView* view = m_dock->view();
    QRectF lit;
    for (QGraphicsItem* item : view->scene()->items()) {
        const auto* node = dynamic_cast<ui::GraphNodeItem*>(item);
        if (node && node->isVisible() &&
            (node->highlight() == ui::Highlight::Failing || node->highlight() == ui::Highlight::Affected))
            lit |= node->sceneBoundingRect();
    }
    if (lit.isEmpty())
        return;
    view->fitInView(lit.adjusted(-60, -40, 60, 40), Qt::KeepAspectRatio);
    if (view->transform().m11() > 1.0)
        view->setTransform(QTransform()); // never larger than life
    view->centerOn(lit.center());
}

GraphPin ServiceGraphPresenter::capture() const
{
    GraphPin pin;
    if (!m_dock || m_dock->view()->graph().nodeCount() == 0)
        return pin;
    const graph::ServiceGraph& g = m_dock->view()->graph();
    pin.title = graph::blastRadiusTitle(g, m_radius);
    pin.data = graph::blastRadiusJson(g, m_radius, m_symptom, m_ranking);
    pin.data.insert(QStringLiteral("refreshMs"), m_lastBuildMs);
    QBuffer buffer(&pin.png);
    buffer.open(QIODevice::WriteOnly);
    m_dock->grab().save(&buffer, "PNG");
    return pin;
}

} // namespace wf::app
