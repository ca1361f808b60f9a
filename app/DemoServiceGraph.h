#pragma once
// The demo's live service graph: spans from the demo's OTLP receiver go into a LiveServiceGraph on
// its own ingest thread (the receiver only queues them), and every few seconds a graph of the last
// window is built on a worker and handed to the ServiceGraphDock, with the blast radius of the nodes
// breaching their baseline highlighted and, for the busiest affected entry point, the ranked causes.
#include "graph/BlastRadius.h"
#include "graph/LiveBaseline.h"
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

class DemoServiceGraph : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kWindowNs = 30'000'000'000;
    static constexpr qint64 kHistoryNs = 30LL * 60 * 1'000'000'000;
    static constexpr int kMaxQueuedBatches = 256; // beyond this, batches are dropped and counted

    explicit DemoServiceGraph(ui::ServiceGraphDock* dock, QObject* parent = nullptr);
    ~DemoServiceGraph() override; // waits for the ingest thread

    // From the receiver's thread or any other: queues the batch for the ingest thread.
    void addSpans(std::shared_ptr<const telemetry::SpanBatch> batch);
    // Starts building the graph of the latest window unless a build is running.
    void refresh();
    void setRefreshInterval(int ms) { m_timer.setInterval(ms); }

    // The blast radius as shown now: picture of the graph view and the numbers. Empty title: nothing
    // to pin yet (no graph).
    GraphPin capture() const;

    double lastBuildMs() const { return m_lastBuildMs; }
    qint64 droppedBatches() const { return m_dropped.load(); }
    const graph::BlastRadius& radius() const { return m_radius; }

Q_SIGNALS:
    // A new graph is on screen (its layout may still be on the way).
    void refreshed();
    // The set of failing nodes changed: non-empty when something breaches its baseline.
    void failingChanged(const QStringList& failingKeys);

private:
    struct Built;
    void apply(const std::shared_ptr<Built>& built);
    void focusOnBlastRadius();

    QPointer<ui::ServiceGraphDock> m_dock;
    std::shared_ptr<graph::LiveServiceGraph> m_live;
    QThreadPool m_ingest; // one thread: batches are derived in arrival order
    std::atomic<int> m_queued{0};
    std::atomic<qint64> m_dropped{0};
    QTimer m_timer;
    graph::LiveBaseline m_baseline{kWindowNs};
    bool m_building = false;
    quint64 m_generation = 0;
    double m_lastBuildMs = 0;
    QStringList m_failingKeys;
    graph::BlastRadius m_radius;
    int m_symptom = -1;
    bool m_focusPending = false; // a new failure: zoom to its blast radius once the layout is in
    std::vector<graph::SymptomCandidate> m_ranking;
};

} // namespace wf::app
