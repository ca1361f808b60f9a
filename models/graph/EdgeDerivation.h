#pragma once
// Derives the service graph from spans, incrementally: feed batches in any order and split, then ask
// for the graph of any window. Edges:
//   - client -> server across services: the parent span's node -> the child span's node, with the
//     client span's duration as the edge latency (the caller's view, skew-free);
//   - producer -> queue -> consumer: the producer's queue (peer.service / messaging.system) gets a
//     synchronous edge, queue -> consumer an asynchronous one; consumer links count like parents;
//   - client spans into databases (db.system) immediately; other client spans that never get a
//     server child within `clientGraceNs` become calls to an external endpoint (peer.service,
//     server.address).
// Robust to children arriving before their parents (they wait, keyed by the parent id), to parents
// that never arrive (the child simply has no caller), to clock skew (durations of spans ending before
// they start are not used) and to duplicate span ids (the second copy is ignored and counted).
//
// Not thread-safe: one owner (LiveServiceGraph serialises access for the app).
#include "GraphSpan.h"
#include "ServiceGraph.h"

#include <QHash>

#include <deque>
#include <limits>
#include <map>
#include <unordered_map>

namespace wf::graph {

struct EdgeDerivationOptions
{
    qint64 bucketNs = 10'000'000'000; // statistics resolution; windows are rounded out to buckets
    qint64 clientGraceNs = 30'000'000'000;
    bool splitByRegion = true; // a service in two regions is two nodes ("payments@eu-west")
};

struct DerivationCounters
{
    qint64 spans = 0;
    qint64 duplicates = 0;
    qint64 skewed = 0;            // spans ending before they start
    qint64 unresolvedClients = 0; // client spans with no server child and no peer to name
    qint64 waitingChildren = 0;   // spans whose parent has not arrived (yet)
};

struct SpanRefHash
{
    size_t operator()(const SpanRef& r) const noexcept
    {
        quint64 h = r.traceHi * 0x9E3779B97F4A7C15ULL ^ r.traceLo;
        h ^= r.spanId + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
        return size_t(h);
    }
};

class EdgeDerivation
{
public:
    explicit EdgeDerivation(EdgeDerivationOptions options = {});

    void add(const GraphSpanBatch& batch);
    // Client spans that ended before `beforeNs` and still have no server child count as calls to
    // external endpoints from now on. add() does this itself with the grace period; call it with the
    // default to close everything (an offline file, a finished test run).
    void settle(qint64 beforeNs = std::numeric_limits<qint64>::max());
    // Forgets spans, traces and statistics older than `ns` (the app keeps a bounded history).
    void pruneBefore(qint64 ns);

    // The graph of [fromNs, toNs), with the preceding window of the same length as baseline.
    ServiceGraph graph(qint64 fromNs, qint64 toNs) const;
    ServiceGraph graph(qint64 fromNs, qint64 toNs, qint64 baselineFromNs, qint64 baselineToNs) const;

    DerivationCounters counters() const;
    qint64 earliestNs() const { return m_earliestNs; }
    qint64 latestNs() const { return m_latestNs; }
    const EdgeDerivationOptions& options() const { return m_options; }

private:
    struct Cell
    {
        qint64 requests = 0;
        qint64 errors = 0;
        double latencySumMs = 0;
        LatencyHistogram latency;
    };
    // Time mostly moves forward, so the last bucket touched is remembered: one map lookup per few
    // thousand spans instead of one per span.
    struct Buckets : std::map<qint64, Cell>
    {
        qint64 lastKey = std::numeric_limits<qint64>::min();
        Cell* last = nullptr;
    };
    struct EdgeInfo
    {
        int from = -1;
        int to = -1;
        bool async = false;
        Buckets buckets;
    };
    struct SpanRec
    {
        int node = -1;
        int target = -1; // database or queue node of a client/producer span
        telemetry::SpanKind kind = telemetry::SpanKind::Unspecified;
        bool error = false;
        bool matched = false; // a client span that found its server child
        qint64 startNs = 0;
        qint64 endNs = 0;
    };
    struct TraceKey
    {
        quint64 hi = 0;
        quint64 lo = 0;
        friend bool operator==(const TraceKey&, const TraceKey&) = default;
    };
    struct TraceKeyHash
    {
        size_t operator()(const TraceKey& k) const noexcept
        {
            return size_t(k.hi * 0x9E3779B97F4A7C15ULL ^ k.lo);
        }
    };
    struct TraceRec
    {
        int entry = -1;
        bool entryIsRoot = false;
        bool entryError = false;
        qint64 startNs = std::numeric_limits<qint64>::max();
        std::vector<int> nodes;
        std::vector<int> errorNodes;
    };
    struct Awaiting
    {
        SpanRef ref;
        QString target; // peer.service or server.address
    };

    int internNode(const QString& name, NodeKind kind, const GraphResource& where, const QString& system,
                   bool regional);
    void addSpan(const GraphSpan& span, const std::vector<int>& resourceNodes,
                 const std::vector<GraphResource>& resources);
    void link(SpanRec& parent, const SpanRec& child, const SpanRef& childRef);
    void record(Buckets& buckets, qint64 atNs, qint64 durationNs, bool error);
    void recordEdge(int from, int to, bool async, qint64 atNs, qint64 durationNs, bool error);
    void touchTrace(const SpanRef& ref, int node, bool error);
    qint64 bucketOf(qint64 ns) const;

    EdgeDerivationOptions m_options;
    std::vector<GraphNode> m_nodes; // identity only; statistics in m_nodeBuckets
    std::vector<Buckets> m_nodeBuckets;
    QHash<QString, int> m_nodeByKey;
    std::vector<EdgeInfo> m_edges;
    std::unordered_map<quint64, int> m_edgeIndex; // from << 32 | to
    std::unordered_map<SpanRef, SpanRec, SpanRefHash> m_spans;
    std::unordered_map<SpanRef, std::vector<SpanRef>, SpanRefHash> m_waiting; // parent -> children
    std::unordered_map<TraceKey, TraceRec, TraceKeyHash> m_traces;
    std::deque<Awaiting> m_awaiting;
    DerivationCounters m_counters;
    qint64 m_earliestNs = std::numeric_limits<qint64>::max();
    qint64 m_latestNs = std::numeric_limits<qint64>::min();
    qint64 m_lastSettleNs = std::numeric_limits<qint64>::min();
};

} // namespace wf::graph
