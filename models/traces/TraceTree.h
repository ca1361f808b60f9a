#pragma once

// One trace as a tree, built from its spans, with the problems real traces have made visible instead
// of hidden: missing parents (the span becomes a root flagged ParentMissing), parent cycles (broken at
// the earliest span, flagged CycleBroken), duplicate span ids (the first is kept), clock skew (a child
// starting before its parent or ending after it; optionally shifted into the parent).
//
// Immutable once built and cheap to share (the spans stay in the implicitly shared SpanBatch). Every
// walk is iterative, so a 200,000-span chain cannot overflow the stack. Node indices are dense
// 0..size()-1 in depth-first order (parents before children, siblings by start time).

#include "telemetry/Span.h"

#include <QHash>
#include <QList>
#include <QString>

#include <span>
#include <vector>

namespace wf::traces {

struct TraceProblem
{
    enum class Kind : quint8 { ParentMissing, Cycle, DuplicateSpanId, ClockSkew };
    Kind kind = Kind::ParentMissing;
    telemetry::SpanId spanId;
    QString message; // translated, one line, names the span
};

// A slice of the critical path: [startNs, endNs) of node's own time that the trace's end-to-end
// latency waited on.
struct CriticalSegment
{
    int node = -1;
    qint64 startNs = 0;
    qint64 endNs = 0;
};

struct ServiceTime
{
    QString service;
    qint64 selfNs = 0;
    int spanCount = 0;
    int errorCount = 0;
};

class TraceTree
{
public:
    enum Flag : quint8 {
        ParentMissing = 0x01,
        CycleBroken = 0x02,
        StartsBeforeParent = 0x04,
        EndsAfterParent = 0x08,
        Error = 0x10,
        OnCriticalPath = 0x20,
        SkewAdjusted = 0x40,
    };

    struct Options
    {
        // Shift a subtree that starts before its parent so it starts with the parent (its duration is
        // kept); the original times stay in the span.
        bool adjustClockSkew = false;
        int maxProblems = 1000; // kept as messages; all are counted in problemCount()
    };

    struct Node
    {
        int span = -1;   // index into batch().spans()
        int parent = -1; // node index, -1 for roots
        int depth = 0;
        int firstChild = 0; // children are childIndices()[firstChild .. firstChild + childCount)
        int childCount = 0;
        int subtreeSize = 1; // this node and all its descendants
        qint64 startNs = 0;  // after skew adjustment
        qint64 endNs = 0;
        qint64 selfNs = 0; // duration minus the union of the children's intervals (clipped to the span)
        quint8 flags = 0;
        bool has(Flag f) const { return (flags & f) != 0; }
    };

    TraceTree() = default;
    static TraceTree build(const telemetry::SpanBatch& batch, const Options& options);
    static TraceTree build(const telemetry::SpanBatch& batch) { return build(batch, Options()); }

    const telemetry::SpanBatch& batch() const { return m_batch; }
    int size() const { return int(m_nodes.size()); }
    bool isEmpty() const { return m_nodes.empty(); }
    const Node& node(int i) const { return m_nodes[std::size_t(i)]; }
    const telemetry::Span& span(int i) const
    {
        return m_batch.spans()[std::size_t(m_nodes[std::size_t(i)].span)];
    }
    const QString& serviceOf(int i) const { return m_batch.resourceOf(span(i)).serviceName(); }
    std::span<const int> children(int i) const;
    const std::vector<int>& roots() const { return m_roots; }
    int indexOf(const telemetry::SpanId& id) const { return m_index.value(id, -1); }

    qint64 startNs() const { return m_startNs; } // earliest start, latest end over all nodes
    qint64 endNs() const { return m_endNs; }
    int maxDepth() const { return m_maxDepth; }

    const QList<TraceProblem>& problems() const { return m_problems; }
    int problemCount() const { return m_problemCount; }
    int duplicateCount() const { return m_duplicates; }
    int skewCount() const { return m_skewCount; }

    // The critical path of the main root (the earliest-starting root that has no missing parent, or the
    // longest root otherwise), in time order.
    const std::vector<CriticalSegment>& criticalPath() const { return m_critical; }
    // Sorted by selfNs, largest first.
    const std::vector<ServiceTime>& selfTimeByService() const { return m_serviceTimes; }
    const std::vector<int>& errorNodes() const { return m_errors; }
    int mainRoot() const { return m_mainRoot; }

private:
    void link(const Options& options);
    void breakCycles(std::vector<int>& parentOf, const Options& options);
    void layout(const std::vector<int>& parentOf, const std::vector<int>& order);
    void checkSkew(const Options& options);
    void computeSelfTimes();
    void computeCriticalPath();
    void addProblem(TraceProblem::Kind kind, int spanIndex, QString message, const Options& options);

    telemetry::SpanBatch m_batch;
    std::vector<Node> m_nodes;
    std::vector<int> m_childIndices;
    std::vector<int> m_roots;
    QHash<telemetry::SpanId, int> m_index;
    qint64 m_startNs = 0;
    qint64 m_endNs = 0;
    int m_maxDepth = 0;
    QList<TraceProblem> m_problems;
    int m_problemCount = 0;
    int m_duplicates = 0;
    int m_skewCount = 0;
    int m_mainRoot = -1;
    std::vector<CriticalSegment> m_critical;
    std::vector<ServiceTime> m_serviceTimes;
    std::vector<int> m_errors;
};

} // namespace wf::traces
