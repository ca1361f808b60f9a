#pragma once
// The live service graph behind a ServiceGraphDock, in --demo and in the normal app: spans (from an
// OTLP receiver, or any other producer) go into a LiveServiceGraph on its own ingest thread (the
// producer only queues them); when configured, edges from metrics with source/destination labels are
// fetched through a MetricsSource (Prometheus or the local series store) and merged in. Every few
// seconds, and whenever the time bar moves, the graph of the chosen window is built on a worker and
// handed to the dock, with the blast radius of the nodes breaching their baseline highlighted and,
// for the busiest affected entry point, the ranked causes. On start the spans the signal store kept
// are read back (loadStoredSpans), so the graph survives a restart; the time bar follows the
// dashboards' time range (setTimeRange / followLatest).
#include "graph/BlastRadius.h"
#include "graph/GraphTimeline.h"
#include "graph/LiveBaseline.h"
#include "graph/MetricEdges.h"
#include "graph/ServiceGraph.h"
#include "graph/SymptomRanking.h"
#include "telemetry/Span.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace wf::graph {
class LiveServiceGraph;
class MetricEdgeFetcher;
} // namespace wf::graph
namespace wf::prometheus {
class MetricsSource;
}
namespace wf::ui {
class ServiceGraphDock;
}

namespace wf::app {

struct GraphPin
{
    QString title;
    QByteArray png;
    QJsonObject data;
};

class ServiceGraphPresenter : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kWindowNs = 30'000'000'000;
    static constexpr qint64 kHistoryNs = 30LL * 60 * 1'000'000'000;
    static constexpr int kMaxQueuedBatches = 256; // beyond this, batches are dropped and counted
    // A past dashboard range read back from the store stops here (memory; about 30 minutes of a busy
    // demo shop).
    static constexpr qint64 kMaxRangeSpans = 2'000'000;

    explicit ServiceGraphPresenter(ui::ServiceGraphDock* dock, QObject* parent = nullptr);
    ~ServiceGraphPresenter() override; // waits for the ingest thread

    // From the receiver's thread or any other: queues the batch for the ingest thread.
    void addSpans(std::shared_ptr<const telemetry::SpanBatch> batch);
    // Edges from metrics, fetched at each refresh from `source` (which must outlive this presenter);
    // null or unconfigured queries turn them off.
    void setMetricEdges(prometheus::MetricsSource* source, const graph::MetricEdgeQueries& queries);
    // The dashboards' time range, fixed: the graph shows its end, and the time bar replays across it.
    // Spans of the range that the graph no longer keeps are read back from the store (when
    // loadStoredSpans() named one). 0, 0: back to following the newest spans (followLatest()).
    void setTimeRange(qint64 fromNs, qint64 toNs);
    // A dashboard range that moves with the clock: the graph follows the newest spans and the time
    // bar replays across the last `spanNs` of them (at most the kHistoryNs kept). The default.
    void followLatest(qint64 spanNs = kHistoryNs);
    void setRange(const graph::GraphRange& range);
    bool followsLatest() const { return !m_rangeFromApp; }
    qint64 liveSpanNs() const { return m_liveSpanNs; }

    // Reads the last kHistoryNs of spans that the signal store at `storePath` holds (ending at its
    // newest span, not at the clock) into the graph, on a thread of its own; spans arriving meanwhile
    // go in as usual (a span the graph already has is ignored). historyLoaded() when done.
    void loadStoredSpans(const QString& storePath);
    // Spans read back from the store so far (the start-up history and any past range).
    qint64 storedSpansLoaded() const { return m_storedSpans.load(); }
    // Starts building the graph of the current window unless a build is running (then once after it).
    void refresh();
    void setRefreshInterval(int ms) { m_timer.setInterval(ms); }

    // The blast radius as shown now: picture of the graph view and the numbers. Empty title: nothing
    // to pin yet (no graph).
    GraphPin capture() const;

    double lastBuildMs() const { return m_lastBuildMs; }
    qint64 droppedBatches() const { return m_dropped.load(); }
    const graph::BlastRadius& radius() const { return m_radius; }
    const graph::MetricEdgeSet& metricEdges() const { return m_metricEdges; }

Q_SIGNALS:
    // A new graph is on screen (its layout may still be on the way).
    void refreshed();
    // The set of failing nodes changed: non-empty when something breaches its baseline.
    void failingChanged(const QStringList& failingKeys);
    // The stored history is in the graph (`spans` of them), or could not be read (`error`).
    void historyLoaded(qint64 spans, const QString& error);

private:
    struct Built;
    void apply(const std::shared_ptr<Built>& built);
    void showRadius(const QStringList& failingKeys, const QString& selected);
    void focusOnBlastRadius();
    // On m_history's thread: feeds the store's spans of a window to the graph until cancelled.
    void startStoredLoad(qint64 fromNs, qint64 toNs, bool announce);

    QPointer<ui::ServiceGraphDock> m_dock;
    std::shared_ptr<graph::LiveServiceGraph> m_live;
    QThreadPool m_ingest;  // one thread: batches are derived in arrival order
    QThreadPool m_history; // one thread: reads of the signal store, newest request last
    std::shared_ptr<std::atomic<bool>> m_cancelLoad; // of the read running or queued last
    std::atomic<qint64> m_storedSpans{0};
    QString m_storePath;
    bool m_loadIsHistory = false;
    std::atomic<int> m_queued{0};
    std::atomic<qint64> m_dropped{0};
    QTimer m_timer;
    graph::LiveBaseline m_baseline{kWindowNs};
    graph::MetricEdgeFetcher* m_fetcher = nullptr;
    graph::MetricEdgeSet m_metricEdges;
    bool m_rangeFromApp = false;
    qint64 m_liveSpanNs = kHistoryNs;
    bool m_building = false;
    bool m_again = false; // the time moved while building: build once more
    quint64 m_generation = 0;
    double m_lastBuildMs = 0;
    QStringList m_failingKeys;
    graph::BlastRadius m_radius;
    int m_symptom = -1;
    bool m_focusPending = false; // a new failure: zoom to its blast radius once the layout is in
    std::vector<graph::SymptomCandidate> m_ranking;
};

} // namespace wf::app
