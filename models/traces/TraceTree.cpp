#include "traces/TraceTree.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace wf::traces {

using telemetry::Span;
using telemetry::SpanId;

namespace {

QString spanLabel(const Span& s)
{
    return QStringLiteral("%1 (%2)").arg(s.name, s.spanId.toHex());
}

bool isAsyncEdge(const Span& child, const Span& parent)
{
    // A consumer (or anything after a producer) legitimately outlives the span that sent it.
    return child.kind == telemetry::SpanKind::Consumer || parent.kind == telemetry::SpanKind::Producer;
}

} // namespace

std::span<const int> TraceTree::children(int i) const
{
    const Node& n = node(i);
    return std::span<const int>(m_childIndices.data() + n.firstChild, std::size_t(n.childCount));
}

void TraceTree::addProblem(TraceProblem::Kind kind, int spanIndex, QString message, const Options& options)
{
    ++m_problemCount;
    if (m_problems.size() < options.maxProblems)
        m_problems.append({kind, m_batch.spans()[std::size_t(spanIndex)].spanId, std::move(message)});
}

TraceTree TraceTree::build(const telemetry::SpanBatch& batch, const Options& options)
{
    TraceTree t;
    t.m_batch = batch;
    t.link(options);
    t.checkSkew(options);
    t.computeSelfTimes();
    t.computeCriticalPath();
    return t;
}

// Links spans to parents by id, in "raw" numbering (the order of first occurrence in the batch), then
// lays the tree out in depth-first order.
void TraceTree::link(const Options& options)
{
    const auto& spans = m_batch.spans();
    std::vector<int> keep; // raw id -> span index
    keep.reserve(spans.size());
    QHash<SpanId, int> raw;
    raw.reserve(qsizetype(spans.size()));
    for (std::size_t s = 0; s < spans.size(); ++s) {
        if (raw.contains(spans[s].spanId)) {
            ++m_duplicates;
            addProblem(TraceProblem::Kind::DuplicateSpanId, int(s),
                       QCoreApplication::translate("TraceTree",
                                                   "Span id of %1 appears more than once; the first is shown")
                           .arg(spanLabel(spans[s])),
                       options);
            continue;
        }
        raw.insert(spans[s].spanId, int(keep.size()));
        keep.push_back(int(s));
    }

    const int n = int(keep.size());
    std::vector<int> parentOf(std::size_t(n), -1);
    std::vector<quint8> flags(std::size_t(n), 0);
    for (int k = 0; k < n; ++k) {
        const Span& s = spans[std::size_t(keep[std::size_t(k)])];
        if (!s.parentSpanId.isValid())
            continue;
        const int p = raw.value(s.parentSpanId, -1);
        if (p < 0) {
            flags[std::size_t(k)] |= ParentMissing;
            addProblem(TraceProblem::Kind::ParentMissing, keep[std::size_t(k)],
                       QCoreApplication::translate("TraceTree",
                                                   "Parent %1 of %2 is not in the trace; shown as a root")
                           .arg(s.parentSpanId.toHex(), spanLabel(s)),
                       options);
        } else {
            parentOf[std::size_t(k)] = p;
        }
    }

    // Cycles: walk each chain upwards once; a chain that meets itself is broken at its earliest span.
    std::vector<quint8> state(std::size_t(n), 0); // 0 new, 1 on the current walk, 2 done
    std::vector<int> path;
    for (int k = 0; k < n; ++k) {
        path.clear();
        int cur = k;
        while (cur >= 0 && state[std::size_t(cur)] == 0) {
            state[std::size_t(cur)] = 1;
            path.push_back(cur);
            cur = parentOf[std::size_t(cur)];
        }
        if (cur >= 0 && state[std::size_t(cur)] == 1) {
            const auto from = std::find(path.begin(), path.end(), cur);
            const auto earliest = std::min_element(from, path.end(), [&](int a, int b) {
                return spans[std::size_t(keep[std::size_t(a)])].startNs <
                       spans[std::size_t(keep[std::size_t(b)])].startNs;
            });
            const int cut = *earliest;
            parentOf[std::size_t(cut)] = -1;
            flags[std::size_t(cut)] |= CycleBroken;
            addProblem(TraceProblem::Kind::Cycle, keep[std::size_t(cut)],
                       QCoreApplication::translate("TraceTree",
                                                   "Parent links of %n spans form a cycle; broken at %1",
                                                   nullptr, int(path.end() - from))
                           .arg(spanLabel(spans[std::size_t(keep[std::size_t(cut)])])),
                       options);
        }
        for (int p : path)
            state[std::size_t(p)] = 2;
    }

    // Children per raw node (CSR), each range sorted by start time.
    std::vector<int> childStart(std::size_t(n) + 1, 0);
    for (int k = 0; k < n; ++k)
        if (parentOf[std::size_t(k)] >= 0)
            ++childStart[std::size_t(parentOf[std::size_t(k)]) + 1];
    for (int k = 0; k < n; ++k)
        childStart[std::size_t(k) + 1] += childStart[std::size_t(k)];
    std::vector<int> fill(childStart.begin(), childStart.end() - 1);
    std::vector<int> rawChildren(static_cast<std::size_t>(childStart[std::size_t(n)]));
    std::vector<int> rawRoots;
    for (int k = 0; k < n; ++k) {
        const int p = parentOf[std::size_t(k)];
        if (p >= 0)
            rawChildren[std::size_t(fill[std::size_t(p)]++)] = k;
        else
            rawRoots.push_back(k);
    }
    const auto byStart = [&](int a, int b) {
        const qint64 sa = spans[std::size_t(keep[std::size_t(a)])].startNs;
        const qint64 sb = spans[std::size_t(keep[std::size_t(b)])].startNs;
        return sa != sb ? sa < sb : a < b;
    };
    for (int k = 0; k < n; ++k)
        std::sort(rawChildren.begin() + childStart[std::size_t(k)],
                  rawChildren.begin() + childStart[std::size_t(k) + 1], byStart);
    std::sort(rawRoots.begin(), rawRoots.end(), byStart);

    // Depth-first preorder, iteratively: final index = preorder position.
    std::vector<int> finalOf(std::size_t(n), -1);
    m_nodes.resize(std::size_t(n));
    std::vector<int> stack;
    int next = 0;
    for (auto r = rawRoots.rbegin(); r != rawRoots.rend(); ++r)
        stack.push_back(*r);
    std::vector<int> rawParentFinal(std::size_t(n), -1);
    while (!stack.empty()) {
        const int k = stack.back();
        stack.pop_back();
        const int i = next++;
        finalOf[std::size_t(k)] = i;
        Node& nd = m_nodes[std::size_t(i)];
        const Span& s = spans[std::size_t(keep[std::size_t(k)])];
        nd.span = keep[std::size_t(k)];
        nd.parent = rawParentFinal[std::size_t(k)];
        nd.depth = nd.parent >= 0 ? m_nodes[std::size_t(nd.parent)].depth + 1 : 0;
        m_maxDepth = std::max(m_maxDepth, nd.depth);
        nd.startNs = s.startNs;
        nd.endNs = std::max(s.startNs, s.endNs);
        nd.flags = flags[std::size_t(k)];
        if (s.statusCode == telemetry::StatusCode::Error)
            nd.flags |= Error;
        for (int c = childStart[std::size_t(k) + 1] - 1; c >= childStart[std::size_t(k)]; --c) {
            rawParentFinal[std::size_t(rawChildren[std::size_t(c)])] = i;
            stack.push_back(rawChildren[std::size_t(c)]);
        }
    }

    // Children in final numbering (CSR again), subtree sizes bottom-up.
    m_childIndices.resize(rawChildren.size());
    for (int k = 0; k < n; ++k) {
        Node& nd = m_nodes[std::size_t(finalOf[std::size_t(k)])];
        nd.firstChild = childStart[std::size_t(k)];
        nd.childCount = childStart[std::size_t(k) + 1] - childStart[std::size_t(k)];
        for (int c = 0; c < nd.childCount; ++c)
            m_childIndices[std::size_t(nd.firstChild + c)] =
                finalOf[std::size_t(rawChildren[std::size_t(nd.firstChild + c)])];
    }
    for (int i = n - 1; i >= 0; --i) {
        const int p = m_nodes[std::size_t(i)].parent;
        if (p >= 0)
            m_nodes[std::size_t(p)].subtreeSize += m_nodes[std::size_t(i)].subtreeSize;
    }
    for (int r : rawRoots)
        m_roots.push_back(finalOf[std::size_t(r)]);
    for (auto it = raw.begin(); it != raw.end(); ++it) // renumber in place: no second hash
        it.value() = finalOf[std::size_t(it.value())];
    m_index = std::move(raw);
    for (int i = 0; i < n; ++i)
        if (m_nodes[std::size_t(i)].has(Error))
            m_errors.push_back(i);
}

void TraceTree::checkSkew(const Options& options)
{
    std::vector<qint64> shift(m_nodes.size(), 0);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node& nd = m_nodes[i];
        if (nd.parent < 0)
            continue;
        const Node& p = m_nodes[std::size_t(nd.parent)];
        shift[i] = shift[std::size_t(nd.parent)];
        constexpr qint64 kMax = std::numeric_limits<qint64>::max();
        nd.startNs = nd.startNs > kMax - shift[i] ? kMax : nd.startNs + shift[i];
        nd.endNs = nd.endNs > kMax - shift[i] ? kMax : nd.endNs + shift[i];
        const Span& s = span(int(i));
        const Span& ps = span(nd.parent);
        bool skewed = false;
        if (nd.startNs < p.startNs) {
            nd.flags |= StartsBeforeParent;
            skewed = true;
            addProblem(
                TraceProblem::Kind::ClockSkew, nd.span,
                QCoreApplication::translate("TraceTree", "%1 starts %2 µs before its parent (clock skew?)")
                    .arg(spanLabel(s))
                    .arg((p.startNs - nd.startNs) / 1000),
                options);
            const qint64 delta = p.startNs - nd.startNs;
            if (options.adjustClockSkew && nd.endNs <= kMax - delta) {
                shift[i] += delta;
                nd.startNs += delta;
                nd.endNs += delta;
                nd.flags |= SkewAdjusted;
            }
        }
        if (nd.endNs > p.endNs && !isAsyncEdge(s, ps)) {
            nd.flags |= EndsAfterParent;
            if (!skewed)
                addProblem(
                    TraceProblem::Kind::ClockSkew, nd.span,
                    QCoreApplication::translate("TraceTree", "%1 ends %2 µs after its parent (clock skew?)")
                        .arg(spanLabel(s))
                        .arg((nd.endNs - p.endNs) / 1000),
                    options);
            skewed = true;
        }
        if (skewed)
            ++m_skewCount;
    }
    if (!m_nodes.empty()) {
        m_startNs = m_nodes.front().startNs;
        m_endNs = m_nodes.front().endNs;
        for (const Node& nd : m_nodes) {
            m_startNs = std::min(m_startNs, nd.startNs);
            m_endNs = std::max(m_endNs, nd.endNs);
        }
    }
}

void TraceTree::computeSelfTimes()
{
    std::vector<std::pair<qint64, qint64>> iv;
    QHash<QString, int> serviceSlot;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node& nd = m_nodes[i];
        iv.clear();
        for (int c : children(int(i))) {
            const Node& cn = m_nodes[std::size_t(c)];
            const qint64 a = std::max(cn.startNs, nd.startNs);
            const qint64 b = std::min(cn.endNs, nd.endNs);
            if (b > a)
                iv.emplace_back(a, b);
        }
        std::sort(iv.begin(), iv.end());
        qint64 covered = 0, curA = 0, curB = 0;
        bool open = false;
        for (const auto& [a, b] : iv) {
            if (open && a <= curB) {
                curB = std::max(curB, b);
                continue;
            }
            if (open)
                covered += curB - curA;
            curA = a;
            curB = b;
            open = true;
        }
        if (open)
            covered += curB - curA;
        nd.selfNs = (nd.endNs - nd.startNs) - covered;

        const QString& service = serviceOf(int(i));
        auto slot = serviceSlot.constFind(service);
        if (slot == serviceSlot.cend()) {
            slot = serviceSlot.insert(service, int(m_serviceTimes.size()));
            m_serviceTimes.push_back({service, 0, 0, 0});
        }
        ServiceTime& st = m_serviceTimes[std::size_t(*slot)];
        st.selfNs += nd.selfNs;
        ++st.spanCount;
        if (nd.has(Error))
            ++st.errorCount;
    }
    std::stable_sort(m_serviceTimes.begin(), m_serviceTimes.end(),
                     [](const ServiceTime& a, const ServiceTime& b) { return a.selfNs > b.selfNs; });
}

// The usual backwards walk (as Jaeger UI does it): from the end of a span, the child that finished
// last before the cursor is what the span waited for; the gap after it is the span's own time; then the
// cursor moves to that child's start and the next child finishing before it is taken. Children that
// overlap the chosen one are thereby skipped. Iterative, with children pre-sorted by end time.
void TraceTree::computeCriticalPath()
{
    if (m_roots.empty())
        return;
    m_mainRoot = -1;
    for (int r : m_roots)
        if (!(m_nodes[std::size_t(r)].flags & (ParentMissing | CycleBroken))) {
            m_mainRoot = r;
            break;
        }
    if (m_mainRoot < 0) {
        m_mainRoot = m_roots.front();
        for (int r : m_roots)
            if (node(r).endNs - node(r).startNs > node(m_mainRoot).endNs - node(m_mainRoot).startNs)
                m_mainRoot = r;
    }

    std::vector<int> byEnd = m_childIndices;
    for (const Node& nd : m_nodes)
        std::sort(
            byEnd.begin() + nd.firstChild, byEnd.begin() + nd.firstChild + nd.childCount,
            [&](int a, int b) { return m_nodes[std::size_t(a)].endNs > m_nodes[std::size_t(b)].endNs; });

    struct Frame
    {
        int node;
        qint64 cursor;
        int pos;
    };
    std::vector<Frame> stack;
    std::vector<CriticalSegment> out;
    const Node& root = node(m_mainRoot);
    stack.push_back({m_mainRoot, root.endNs, 0});
    while (!stack.empty()) {
        Frame& f = stack.back();
        const Node& nd = m_nodes[std::size_t(f.node)];
        bool descended = false;
        while (f.pos < nd.childCount) {
            const int c = byEnd[std::size_t(nd.firstChild + f.pos++)];
            const Node& cn = m_nodes[std::size_t(c)];
            if (cn.startNs >= f.cursor || cn.endNs <= nd.startNs)
                continue;
            const qint64 childEnd = std::min(cn.endNs, f.cursor);
            if (childEnd < f.cursor)
                out.push_back({f.node, childEnd, f.cursor});
            f.cursor = std::max(cn.startNs, nd.startNs);
            stack.push_back({c, childEnd, 0});
            descended = true;
            break;
        }
        if (descended)
            continue;
        if (f.cursor > nd.startNs)
            out.push_back({f.node, nd.startNs, f.cursor});
        stack.pop_back();
    }
    std::reverse(out.begin(), out.end());
    for (const CriticalSegment& s : out)
        m_nodes[std::size_t(s.node)].flags |= OnCriticalPath;
    m_critical = std::move(out);
}

} // namespace wf::traces
