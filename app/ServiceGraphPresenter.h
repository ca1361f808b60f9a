#pragma once
// The live service graph behind a ServiceGraphDock, in --demo and in the normal app: spans (from an
// OTLP receiver, or any other producer) go into a LiveServiceGraph on its own ingest thread (the
// producer only queues them); when configured, edges from metrics with source/destination labels are
// fetched through a MetricsSource (Prometheus or the local series store) and merged in. Every few
// seconds, and whenever the time bar moves, the graph of the chosen window is built on a worker and
// handed to the dock, with the blast radius of the nodes breaching their baseline highlighted and,
// for the busiest affected entry point, the ranked causes.
#include "graph/BlastRadius.h"
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

    explicit ServiceGraphPresenter(ui::ServiceGraphDock* dock, QObject* parent = nullptr);
    ~ServiceGraphPresenter() override; // waits for the ingest thread

    // From the receiver's thread or any other: queues the batch for the ingest thread.
    void addSpans(std::shared_ptr<const telemetry::SpanBatch> batch);
    // Edges from metrics, fetched at each refresh from `source` (which must outlive this presenter);
    // null or unconfigured queries turn them off.
    void setMetricEdges(prometheus::MetricsSource* source, const graph::MetricEdgeQueries& queries);
    // The dashboards' time range: the graph follows its end, and the time bar replays across it.
    // Until it is called, the range is the span history kept (the last 30 minutes).
    void setTimeRange(qint64 fromNs, qint64 toNs);
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

private:
    struct Built;
    void apply(const std::shared_ptr<Built>& built);
    void showRadius(const QStringList& failingKeys, const QString& selected);
    void focusOnBlastRadius();

    QPointer<ui::ServiceGraphDock> m_dock;
    std::shared_ptr<graph::LiveServiceGraph> m_live;
    QThreadPool m_ingest; // one thread: batches are derived in arrival order
    std::atomic<int> m_queued{0};
    std::atomic<qint64> m_dropped{0};
    QTimer m_timer;
    graph::LiveBaseline m_baseline{kWindowNs};
    graph::MetricEdgeFetcher* m_fetcher = nullptr;
    graph::MetricEdgeSet m_metricEdges;
    bool m_rangeFromApp = false;
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
