#include "traces/TraceCompare.h"

#include <QHash>
#include <QStringBuilder>

#include <algorithm>

namespace wf::traces {

namespace {

// Paths for all nodes in one pass: preorder means a parent's path is ready before its children's.
std::vector<QString> allPaths(const TraceTree& t)
{
    std::vector<QString> paths(std::size_t(t.size()));
    for (int i = 0; i < t.size(); ++i) {
        const QString own = t.serviceOf(i) % QLatin1Char(':') % t.span(i).name;
        const int p = t.node(i).parent;
        paths[std::size_t(i)] = p >= 0 ? paths[std::size_t(p)] % QStringLiteral(" > ") % own : own;
    }
    return paths;
}

// path -> nodes with it, in start-time order (preorder already sorts siblings by start).
QHash<QString, std::vector<int>> byPath(const TraceTree& t, const std::vector<QString>& paths)
{
    QHash<QString, std::vector<int>> out;
    for (int i = 0; i < t.size(); ++i)
        out[paths[std::size_t(i)]].push_back(i);
    for (auto& v : out)
        std::stable_sort(v.begin(), v.end(),
                         [&](int x, int y) { return t.node(x).startNs < t.node(y).startNs; });
    return out;
}

// Each node's occurrence number among the nodes of its path.
std::vector<int> ranks(const TraceTree& t, const QHash<QString, std::vector<int>>& map)
{
    std::vector<int> r(std::size_t(t.size()), 0);
    for (const auto& list : map)
        for (std::size_t k = 0; k < list.size(); ++k)
            r[std::size_t(list[k])] = int(k);
    return r;
}

qint64 duration(const TraceTree& t, int n)
{
    return t.node(n).endNs - t.node(n).startNs;
}

} // namespace

QString spanPath(const TraceTree& tree, int node)
{
    QStringList parts;
    for (int i = node; i >= 0; i = tree.node(i).parent)
        parts.prepend(tree.serviceOf(i) % QLatin1Char(':') % tree.span(i).name);
    return parts.join(QStringLiteral(" > "));
}

TraceComparison compareTraces(const TraceTree& a, const TraceTree& b, const CompareOptions& options)
{
    TraceComparison out;
    out.totalA = a.isEmpty() ? 0 : a.endNs() - a.startNs();
    out.totalB = b.isEmpty() ? 0 : b.endNs() - b.startNs();
    const auto pathsA = allPaths(a);
    const auto pathsB = allPaths(b);
    const auto mapA = byPath(a, pathsA);
    const auto mapB = byPath(b, pathsB);

    std::vector<SpanDiff> changed, matched;
    const auto make = [](const TraceTree& t, int n, const QString& path, int k) {
        SpanDiff d;
        d.path = path;
        d.service = t.serviceOf(n);
        d.operation = t.span(n).name;
        d.occurrence = k;
        return d;
    };
    const auto rankA = ranks(a, mapA);
    const auto rankB = ranks(b, mapB);
    // Walk in B's preorder so the output follows the investigated trace's shape.
    for (int i = 0; i < b.size(); ++i) {
        const QString& path = pathsB[std::size_t(i)];
        const int k = rankB[std::size_t(i)];
        const auto itA = mapA.constFind(path);
        const int nA = itA != mapA.cend() && k < int(itA->size()) ? (*itA)[std::size_t(k)] : -1;
        SpanDiff d = make(b, i, path, k);
        d.nodeB = i;
        d.durationB = duration(b, i);
        d.selfB = b.node(i).selfNs;
        if (nA < 0) {
            d.kind = SpanDiff::Kind::Added;
            ++out.added;
            changed.push_back(std::move(d));
            continue;
        }
        d.nodeA = nA;
        d.durationA = duration(a, nA);
        d.selfA = a.node(nA).selfNs;
        d.slower = d.deltaNs() >= options.slowerByNs &&
                   double(d.deltaNs()) >= options.slowerByFraction * double(d.durationA);
        if (d.slower)
            ++out.slower;
        matched.push_back(std::move(d));
    }
    for (int i = 0; i < a.size(); ++i) {
        const QString& path = pathsA[std::size_t(i)];
        const auto itB = mapB.constFind(path);
        const int k = rankA[std::size_t(i)];
        if (itB != mapB.cend() && k < int(itB->size()))
            continue;
        SpanDiff d = make(a, i, path, k);
        d.kind = SpanDiff::Kind::Missing;
        d.nodeA = i;
        d.durationA = duration(a, i);
        d.selfA = a.node(i).selfNs;
        ++out.missing;
        changed.push_back(std::move(d));
    }
    std::stable_sort(matched.begin(), matched.end(),
                     [](const SpanDiff& x, const SpanDiff& y) { return x.deltaNs() > y.deltaNs(); });
    out.diffs = std::move(changed);
    out.diffs.insert(out.diffs.end(), std::make_move_iterator(matched.begin()),
                     std::make_move_iterator(matched.end()));
    return out;
}

} // namespace wf::traces
