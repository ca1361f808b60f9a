#include "EdgeDerivation.h"

#include <algorithm>
#include <cmath>

using wf::telemetry::SpanKind;

namespace wf::graph {

namespace {

void insertSorted(std::vector<int>& v, int x)
{
    const auto it = std::lower_bound(v.begin(), v.end(), x);
    if (it == v.end() || *it != x)
        v.insert(it, x);
}

bool isCallee(SpanKind k)
{
    return k == SpanKind::Server || k == SpanKind::Consumer;
}

} // namespace

EdgeDerivation::EdgeDerivation(EdgeDerivationOptions options)
    : m_options(options)
{
    m_options.bucketNs = std::max<qint64>(m_options.bucketNs, 1'000'000);
}

qint64 EdgeDerivation::bucketOf(qint64 ns) const
{
    // Floor division, so negative (bogus) times still land in a bucket of their own.
    qint64 b = ns / m_options.bucketNs;
    if (ns % m_options.bucketNs < 0)
        --b;
    return b;
}

int EdgeDerivation::internNode(const QString& name, NodeKind kind, const GraphResource& where,
                               const QString& system, bool regional)
{
    GraphNode n;
    n.name = name;
    n.kind = kind;
    if (regional && m_options.splitByRegion)
        n.region = where.region;
    const QString key = n.key();
    if (const auto it = m_nodeByKey.constFind(key); it != m_nodeByKey.cend())
        return *it;
    if (regional) {
        n.cluster = where.cluster;
        n.nameSpace = where.nameSpace;
    }
    n.system = system;
    m_nodes.push_back(std::move(n));
    m_nodeBuckets.emplace_back();
    const int index = int(m_nodes.size()) - 1;
    m_nodeByKey.insert(key, index);
    return index;
}

void EdgeDerivation::record(Buckets& buckets, qint64 atNs, qint64 durationNs, bool error)
{
    const qint64 key = bucketOf(atNs);
    if (buckets.last == nullptr || buckets.lastKey != key) {
        buckets.last = &buckets[key]; // std::map nodes never move
        buckets.lastKey = key;
    }
    Cell& c = *buckets.last;
    ++c.requests;
    c.errors += error ? 1 : 0;
    c.latencySumMs += double(durationNs) / 1e6;
    c.latency.add(durationNs);
}

void EdgeDerivation::recordEdge(int from, int to, bool async, qint64 atNs, qint64 durationNs, bool error)
{
    const quint64 key = (quint64(quint32(from)) << 32) | quint32(to);
    auto [it, inserted] = m_edgeIndex.try_emplace(key, int(m_edges.size()));
    if (inserted)
        m_edges.push_back(EdgeInfo{from, to, async, {}});
    record(m_edges[size_t(it->second)].buckets, atNs, durationNs, error);
}

void EdgeDerivation::touchTrace(const SpanRef& ref, int node, bool error)
{
    TraceRec& t = m_traces[TraceKey{ref.traceHi, ref.traceLo}];
    insertSorted(t.nodes, node);
    if (error)
        insertSorted(t.errorNodes, node);
}

void EdgeDerivation::add(const GraphSpanBatch& batch)
{
    std::vector<int> resourceNodes;
    resourceNodes.reserve(batch.resources.size());
    for (const GraphResource& r : batch.resources)
        resourceNodes.push_back(internNode(r.service, NodeKind::Service, r, {}, true));
    for (const GraphSpan& s : batch.spans) {
        if (s.resource < 0 || size_t(s.resource) >= resourceNodes.size())
            continue;
        addSpan(s, resourceNodes, batch.resources);
    }
    // Settle once per bucket of progress, not per batch: settling walks every waiting client span.
    if (m_latestNs != std::numeric_limits<qint64>::min() &&
        m_latestNs - m_lastSettleNs >= m_options.bucketNs) {
        m_lastSettleNs = m_latestNs;
        settle(m_latestNs - m_options.clientGraceNs);
    }
}

void EdgeDerivation::addSpan(const GraphSpan& s, const std::vector<int>& resourceNodes,
                             const std::vector<GraphResource>& resources)
{
    auto [it, inserted] = m_spans.try_emplace(s.id);
    if (!inserted) {
        ++m_counters.duplicates;
        return;
    }
    ++m_counters.spans;
    SpanRec& rec = it->second;
    const GraphResource& where = resources[size_t(s.resource)];
    rec.node = resourceNodes[size_t(s.resource)];
    rec.kind = s.kind;
    rec.error = s.error;
    rec.startNs = s.startNs;
    rec.endNs = s.endNs;
    if (s.endNs < s.startNs)
        ++m_counters.skewed;
    m_earliestNs = std::min(m_earliestNs, s.startNs);
    m_latestNs = std::max(m_latestNs, s.endNs);

    // The trace: which nodes it touched, and where it entered.
    TraceRec& trace = m_traces[TraceKey{s.id.traceHi, s.id.traceLo}];
    insertSorted(trace.nodes, rec.node);
    if (s.error)
        insertSorted(trace.errorNodes, rec.node);
    if (s.parentSpanId == 0) {
        if (!trace.entryIsRoot || s.startNs < trace.startNs) {
            trace.entry = rec.node;
            trace.entryError = s.error;
        }
        trace.entryIsRoot = true;
    } else if (!trace.entryIsRoot && s.startNs < trace.startNs) {
        trace.entry = rec.node; // provisional: the earliest span until the root arrives
        trace.entryError = s.error;
    }
    trace.startNs = std::min(trace.startNs, s.startNs);

    // What the node itself served.
    const bool root = s.parentSpanId == 0;
    if (isCallee(s.kind) || (root && s.kind != SpanKind::Client && s.kind != SpanKind::Producer))
        record(m_nodeBuckets[size_t(rec.node)], s.startNs, s.durationNs(), s.error);

    // Client and producer spans whose other end is known from their attributes.
    if (s.kind == SpanKind::Client || s.kind == SpanKind::Producer) {
        const bool messaging = s.kind == SpanKind::Producer || !s.messagingSystem.isEmpty();
        if (!s.dbSystem.isEmpty()) {
            const QString name = !s.peerService.isEmpty()     ? s.peerService
                                 : !s.dbName.isEmpty()        ? s.dbName
                                 : !s.serverAddress.isEmpty() ? s.serverAddress
                                                              : s.dbSystem;
            rec.target = internNode(name, NodeKind::Database, where, s.dbSystem, true);
        } else if (messaging && (!s.peerService.isEmpty() || !s.messagingSystem.isEmpty() ||
                                 !s.messagingDestination.isEmpty())) {
            const QString name = !s.peerService.isEmpty()       ? s.peerService
                                 : !s.messagingSystem.isEmpty() ? s.messagingSystem
                                                                : s.messagingDestination;
            rec.target = internNode(name, NodeKind::Queue, where, s.messagingSystem, true);
        }
        if (rec.target >= 0) {
            rec.matched = true;
            recordEdge(rec.node, rec.target, false, s.startNs, s.durationNs(), s.error);
            record(m_nodeBuckets[size_t(rec.target)], s.startNs, s.durationNs(), s.error);
            insertSorted(trace.nodes, rec.target);
            if (s.error)
                insertSorted(trace.errorNodes, rec.target);
        } else if (s.kind == SpanKind::Client) {
            m_awaiting.push_back(Awaiting{s.id, !s.peerService.isEmpty() ? s.peerService : s.serverAddress});
        }
    }

    // Copy: link() may insert into m_spans (it does not), but keep `rec` stable regardless.
    const SpanRec self = rec;
    auto resolveWith = [&](const SpanRef& parentRef) {
        if (const auto p = m_spans.find(parentRef); p != m_spans.end())
            link(p->second, self, s.id);
        else
            m_waiting[parentRef].push_back(s.id);
    };
    if (s.parentSpanId != 0)
        resolveWith(SpanRef{s.id.traceHi, s.id.traceLo, s.parentSpanId});
    if (s.kind == SpanKind::Consumer) {
        for (const SpanRef& l : s.links) {
            if (!(l.traceHi == s.id.traceHi && l.traceLo == s.id.traceLo && l.spanId == s.parentSpanId))
                resolveWith(l);
        }
    }
    // Children that arrived first.
    if (const auto w = m_waiting.find(s.id); w != m_waiting.end()) {
        const std::vector<SpanRef> children = std::move(w->second);
        m_waiting.erase(w);
        SpanRec& parent = m_spans[s.id];
        for (const SpanRef& c : children) {
            if (const auto child = m_spans.find(c); child != m_spans.end())
                link(parent, child->second, c);
        }
    }
}

void EdgeDerivation::link(SpanRec& parent, const SpanRec& child, const SpanRef& childRef)
{
    const bool messaging = child.kind == SpanKind::Consumer || parent.kind == SpanKind::Producer;
    if (messaging) {
        const int from = parent.target >= 0 ? parent.target : parent.node;
        if (from != child.node) {
            recordEdge(from, child.node, true, child.startNs,
                       std::max<qint64>(child.endNs - child.startNs, 0), child.error);
            touchTrace(childRef, from, false);
        }
        return;
    }
    if (parent.kind == SpanKind::Client && isCallee(child.kind))
        parent.matched = true;
    if (parent.node == child.node)
        return;
    // The caller's duration when it is usable: it includes the network, and it is on one clock.
    const bool clientView = parent.kind == SpanKind::Client && parent.endNs >= parent.startNs;
    const qint64 duration =
        clientView ? parent.endNs - parent.startNs : std::max<qint64>(child.endNs - child.startNs, 0);
    const bool error = child.error || (parent.kind == SpanKind::Client && parent.error);
    recordEdge(parent.node, child.node, false, clientView ? parent.startNs : child.startNs, duration, error);
}

void EdgeDerivation::settle(qint64 beforeNs)
{
    std::deque<Awaiting> keep;
    for (Awaiting& a : m_awaiting) {
        const auto it = m_spans.find(a.ref);
        if (it == m_spans.end() || it->second.matched)
            continue;
        SpanRec& rec = it->second;
        if (rec.endNs >= beforeNs && beforeNs != std::numeric_limits<qint64>::max()) {
            keep.push_back(std::move(a));
            continue;
        }
        if (a.target.isEmpty()) {
            ++m_counters.unresolvedClients;
            continue;
        }
        // External endpoints are not regional: one provider shared by every region is one node.
        rec.target = internNode(a.target, NodeKind::External, GraphResource{}, {}, false);
        rec.matched = true;
        const qint64 duration = std::max<qint64>(rec.endNs - rec.startNs, 0);
        recordEdge(rec.node, rec.target, false, rec.startNs, duration, rec.error);
        record(m_nodeBuckets[size_t(rec.target)], rec.startNs, duration, rec.error);
        touchTrace(a.ref, rec.target, rec.error);
    }
    m_awaiting = std::move(keep);
}

void EdgeDerivation::pruneBefore(qint64 ns)
{
    const qint64 firstBucket = bucketOf(ns);
    auto pruneBuckets = [firstBucket](Buckets& b) {
        b.erase(b.begin(), b.lower_bound(firstBucket));
        b.last = nullptr;
    };
    for (Buckets& b : m_nodeBuckets)
        pruneBuckets(b);
    for (EdgeInfo& e : m_edges)
        pruneBuckets(e.buckets);
    std::erase_if(m_spans, [ns](const auto& kv) { return kv.second.endNs < ns; });
    std::erase_if(m_traces, [ns](const auto& kv) { return kv.second.startNs < ns; });
    std::erase_if(m_waiting, [this](const auto& kv) {
        return std::none_of(kv.second.begin(), kv.second.end(),
                            [this](const SpanRef& c) { return m_spans.count(c) > 0; });
    });
}

DerivationCounters EdgeDerivation::counters() const
{
    DerivationCounters c = m_counters;
    c.waitingChildren = 0;
    for (const auto& [parent, children] : m_waiting)
        c.waitingChildren += qint64(children.size());
    return c;
}

ServiceGraph EdgeDerivation::graph(qint64 fromNs, qint64 toNs) const
{
    const qint64 length = std::max<qint64>(toNs - fromNs, 0);
    return graph(fromNs, toNs, fromNs - length, fromNs);
}

ServiceGraph EdgeDerivation::graph(qint64 fromNs, qint64 toNs, qint64 baselineFromNs,
                                   qint64 baselineToNs) const
{
    ServiceGraph g;
    const qint64 b0 = bucketOf(fromNs);
    const qint64 b1 = bucketOf(std::max(toNs - 1, fromNs)) + 1; // exclusive
    const qint64 bb0 = bucketOf(baselineFromNs);
    const qint64 bb1 = bucketOf(std::max(baselineToNs - 1, baselineFromNs)) + 1;
    g.windowFromNs = b0 * m_options.bucketNs;
    g.windowToNs = b1 * m_options.bucketNs;
    g.bucketNs = m_options.bucketNs;
    const double seconds = double(b1 - b0) * double(m_options.bucketNs) / 1e9;
    const double baselineSeconds = double(bb1 - bb0) * double(m_options.bucketNs) / 1e9;

    auto sum = [](const Buckets& buckets, qint64 lo, qint64 hi, double secs) {
        WindowStats s;
        s.seconds = secs;
        for (auto it = buckets.lower_bound(lo); it != buckets.end() && it->first < hi; ++it) {
            s.requests += it->second.requests;
            s.errors += it->second.errors;
            s.latency.merge(it->second.latency);
        }
        return s;
    };
    auto active = [&](const Buckets& buckets) {
        const qint64 lo = std::min(b0, bb0);
        const qint64 hi = std::max(b1, bb1);
        const auto it = buckets.lower_bound(lo);
        return it != buckets.end() && it->first < hi;
    };

    // Series run from the baseline (when it is earlier) to the end of the window: correlation needs
    // the change from calm to failing, not only the failing plateau.
    const qint64 seriesFrom = std::min(b0, bb0);
    g.seriesFromNs = seriesFrom * m_options.bucketNs;
    std::vector<int> graphIndex(m_nodes.size(), -1);
    auto ensure = [&](int internal) {
        int& gi = graphIndex[size_t(internal)];
        if (gi < 0) {
            GraphNode n = m_nodes[size_t(internal)];
            const Buckets& buckets = m_nodeBuckets[size_t(internal)];
            n.stats = sum(buckets, b0, b1, seconds);
            n.baseline = sum(buckets, bb0, bb1, baselineSeconds);
            const auto count = size_t(b1 - seriesFrom);
            if (count <= 100'000) {
                n.series.requests.assign(count, 0);
                n.series.errorRate.assign(count, 0);
                n.series.meanLatencyMs.assign(count, 0);
                for (auto it = buckets.lower_bound(seriesFrom); it != buckets.end() && it->first < b1; ++it) {
                    const auto i = size_t(it->first - seriesFrom);
                    const Cell& c = it->second;
                    n.series.requests[i] = double(c.requests);
                    n.series.errorRate[i] = c.requests > 0 ? double(c.errors) / double(c.requests) : 0;
                    n.series.meanLatencyMs[i] = c.requests > 0 ? c.latencySumMs / double(c.requests) : 0;
                }
            }
            gi = g.addNode(std::move(n));
        }
        return gi;
    };

    for (const EdgeInfo& e : m_edges) {
        if (!active(e.buckets))
            continue;
        const int from = ensure(e.from);
        const int to = ensure(e.to);
        const int gi = g.addEdge(from, to, Provenance::Observed, e.async);
        g.edge(gi).stats = sum(e.buckets, b0, b1, seconds);
        g.edge(gi).observedBy |= SeenInTraces;
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (active(m_nodeBuckets[i]))
            ensure(int(i));
    }

    const qint64 lo = g.windowFromNs;
    const qint64 hi = g.windowToNs;
    for (const auto& [key, t] : m_traces) {
        if (t.startNs < lo || t.startNs >= hi || t.entry < 0)
            continue;
        TracePath p;
        p.entry = ensure(t.entry);
        p.failed = t.entryError;
        for (int n : t.nodes)
            p.nodes.push_back(ensure(n));
        for (int n : t.errorNodes)
            p.errorNodes.push_back(ensure(n));
        std::sort(p.nodes.begin(), p.nodes.end());
        std::sort(p.errorNodes.begin(), p.errorNodes.end());
        g.tracePaths().push_back(std::move(p));
    }
    return g;
}

} // namespace wf::graph
