#include "BlastRadiusJson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wf::graph {
namespace {

QJsonObject nodeJson(const ServiceGraph& graph, int n)
{
    const GraphNode& node = graph.node(n);
    return {{QStringLiteral("node"), node.key()},
            {QStringLiteral("kind"), nodeKindName(node.kind)},
            {QStringLiteral("region"), node.region},
            {QStringLiteral("requests"), node.stats.requests},
            {QStringLiteral("errorRate"), node.stats.errorRate()},
            {QStringLiteral("baselineErrorRate"), node.baseline.errorRate()},
            {QStringLiteral("p95Ms"), node.stats.p95Ms()}};
}

QJsonArray keys(const ServiceGraph& graph, const std::vector<int>& nodes)
{
    QJsonArray out;
    for (int n : nodes)
        out.append(graph.node(n).key());
    return out;
}

} // namespace

QString verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::None:
        return QStringLiteral("none");
    case Verdict::SingleService:
        return QStringLiteral("single-service");
    case Verdict::SingleDependency:
        return QStringLiteral("single-dependency");
    case Verdict::SingleRegion:
        return QStringLiteral("single-region");
    case Verdict::MultiRegion:
        return QStringLiteral("multi-region");
    }
    return {};
}

QJsonObject blastRadiusJson(const ServiceGraph& graph, const BlastRadius& radius, int symptom,
                            const std::vector<SymptomCandidate>& ranking)
{
    QJsonArray failing;
    for (int n : radius.failing)
        failing.append(nodeJson(graph, n));
    QJsonArray affected;
    for (size_t i = 0; i < radius.affected.size(); ++i) {
        QJsonObject o = nodeJson(graph, radius.affected[i]);
        o.insert(QStringLiteral("hops"), i < radius.hops.size() ? radius.hops[i] : -1);
        affected.append(o);
    }
    QJsonArray entries;
    for (const EntryImpact& e : radius.entries) {
        entries.append(QJsonObject{{QStringLiteral("entry"), graph.node(e.entry).key()},
                                   {QStringLiteral("share"), e.share()},
                                   {QStringLiteral("traces"), e.traces},
                                   {QStringLiteral("throughFailing"), e.throughFailing},
                                   {QStringLiteral("failedThrough"), e.failedThrough}});
    }
    QJsonObject out{{QStringLiteral("windowFromNs"), QString::number(graph.windowFromNs)},
                    {QStringLiteral("windowToNs"), QString::number(graph.windowToNs)},
                    {QStringLiteral("nodes"), graph.nodeCount()},
                    {QStringLiteral("edges"), graph.edgeCount()},
                    {QStringLiteral("verdict"), verdictKey(radius.verdict)},
                    {QStringLiteral("verdictText"), verdictText(radius.verdict)},
                    {QStringLiteral("failing"), failing},
                    {QStringLiteral("affected"), affected},
                    {QStringLiteral("entries"), entries},
                    {QStringLiteral("regions"), QJsonArray::fromStringList(radius.regions)},
                    {QStringLiteral("groups"), QJsonArray::fromStringList(radius.groups)}};
    if (symptom >= 0 && symptom < graph.nodeCount()) {
        out.insert(QStringLiteral("symptom"), graph.node(symptom).key());
        QJsonArray ranked;
        for (const SymptomCandidate& c : ranking) {
            ranked.append(QJsonObject{{QStringLiteral("node"), graph.node(c.node).key()},
                                      {QStringLiteral("hops"), c.hops},
                                      {QStringLiteral("score"), c.score},
                                      {QStringLiteral("failingShare"), c.failingShare},
                                      {QStringLiteral("originShare"), c.originShare},
                                      {QStringLiteral("errorCorrelation"), c.errorCorrelation},
                                      {QStringLiteral("latencyCorrelation"), c.latencyCorrelation},
                                      {QStringLiteral("failingTraces"), c.failingTraces},
                                      {QStringLiteral("evidence"), c.evidence}});
        }
        out.insert(QStringLiteral("ranking"), ranked);
    }
    out.insert(QStringLiteral("failingKeys"), keys(graph, radius.failing));
    out.insert(QStringLiteral("affectedKeys"), keys(graph, radius.affected));
    return out;
}

QString blastRadiusTitle(const ServiceGraph& graph, const BlastRadius& radius)
{
    QStringList failing;
    for (int n : radius.failing)
        failing << graph.node(n).key();
    if (failing.isEmpty())
        return QCoreApplication::translate("BlastRadius", "Blast radius: nothing breaches its baseline");
    return QCoreApplication::translate("BlastRadius", "Blast radius: %1, %2, %n affected", nullptr,
                                       int(radius.affected.size()))
        .arg(failing.join(QStringLiteral(", ")), verdictText(radius.verdict));
}

} // namespace wf::graph
