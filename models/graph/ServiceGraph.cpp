#include "ServiceGraph.h"

#include <QCoreApplication>

namespace wf::graph {

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Service:
        return QCoreApplication::translate("ServiceGraph", "service");
    case NodeKind::Database:
        return QCoreApplication::translate("ServiceGraph", "database");
    case NodeKind::Queue:
        return QCoreApplication::translate("ServiceGraph", "queue");
    case NodeKind::External:
        return QCoreApplication::translate("ServiceGraph", "external");
    }
    return {};
}

int ServiceGraph::findNode(const QString& key) const
{
    return m_byKey.value(key, -1);
}

std::vector<int> ServiceGraph::findByName(const QString& name) const
{
    std::vector<int> out;
    for (int i = 0; i < nodeCount(); ++i) {
        if (m_nodes[size_t(i)].name == name)
            out.push_back(i);
    }
    return out;
}

int ServiceGraph::addNode(GraphNode node)
{
    const QString key = node.key();
    if (const int existing = findNode(key); existing >= 0)
        return existing;
    m_nodes.push_back(std::move(node));
    m_out.emplace_back();
    m_in.emplace_back();
    const int index = nodeCount() - 1;
    m_byKey.insert(key, index);
    return index;
}

int ServiceGraph::findEdge(int from, int to) const
{
    for (int e : m_out[size_t(from)]) {
        if (m_edges[size_t(e)].to == to)
            return e;
    }
    return -1;
}

int ServiceGraph::addEdge(int from, int to, Provenance provenance, bool async)
{
    if (const int existing = findEdge(from, to); existing >= 0) {
        GraphEdge& e = m_edges[size_t(existing)];
        e.provenance = e.provenance | provenance;
        return existing;
    }
    GraphEdge e;
    e.from = from;
    e.to = to;
    e.provenance = provenance;
    e.async = async;
    m_edges.push_back(e);
    const int index = edgeCount() - 1;
    m_out[size_t(from)].push_back(index);
    m_in[size_t(to)].push_back(index);
    return index;
}

} // namespace wf::graph
