#pragma once
// The service dependency graph for one time window: services, databases, queues and external
// endpoints, with per-window traffic statistics on nodes and edges, and where each edge is known from
// (observed in traces, declared in a catalog, or both). A plain value: built on a worker thread by
// EdgeDerivation::graph() and applyCatalog(), read by BlastRadius, SymptomRanking, the layout and the
// view.
#include "LatencyHistogram.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace wf::graph {

enum class NodeKind : quint8 { Service, Database, Queue, External };
QString nodeKindName(NodeKind kind); // "service", "database", "queue", "external"

enum class Provenance : quint8 { Observed = 1, Declared = 2, Both = 3 };
inline Provenance operator|(Provenance a, Provenance b)
{
    return Provenance(quint8(a) | quint8(b));
}
inline bool isObserved(Provenance p)
{
    return (quint8(p) & quint8(Provenance::Observed)) != 0;
}

// Requests, errors and latency over a window. Latencies in milliseconds.
struct WindowStats
{
    qint64 requests = 0;
    qint64 errors = 0;
    double seconds = 0; // window length the rate refers to
    LatencyHistogram latency;

    double requestRate() const { return seconds > 0 ? double(requests) / seconds : 0; }
    double errorRate() const { return requests > 0 ? double(errors) / double(requests) : 0; }
    double p50Ms() const { return latency.quantileMs(0.50); }
    double p95Ms() const { return latency.quantileMs(0.95); }
    double p99Ms() const { return latency.quantileMs(0.99); }
};

// Per time bucket from ServiceGraph::seriesFromNs (the earlier of baseline and window start) to the
// window's end, oldest first, for correlation and sparklines.
struct NodeSeries
{
    std::vector<double> requests;
    std::vector<double> errorRate;
    std::vector<double> meanLatencyMs;
};

struct GraphNode
{
    QString name; // service.name, db peer name, queue name, or external host
    NodeKind kind = NodeKind::Service;
    QString region;    // cloud.region
    QString cluster;   // k8s.cluster.name
    QString nameSpace; // service.namespace or k8s.namespace.name
    QString system;    // db.system / messaging.system, when known
    Provenance provenance = Provenance::Observed;
    WindowStats stats;    // served by this node (server/consumer spans, or client spans into it)
    WindowStats baseline; // the same over the baseline window
    NodeSeries series;
    // A collapsed group (GraphGrouping): how many nodes it stands for, and how many of them breached
    // their baseline, so one failing member is not averaged away by healthy ones. 0 for a plain node.
    int members = 0;
    int failingMembers = 0;
    int degradedMembers = 0;

    // Unique within a graph: name, and region when there is one ("payments@eu-west").
    QString key() const { return region.isEmpty() ? name : name + u'@' + region; }
};

// Which telemetry saw an observed edge: spans, metrics with source/destination labels, or both.
enum EdgeEvidence : quint8 { SeenInTraces = 1, SeenInMetrics = 2 };

// An edge's numbers as a metrics query reported them (rates at the window's end, not counts).
struct EdgeMetrics
{
    bool present = false;
    double requestsPerSecond = 0;
    double errorsPerSecond = 0;
    double p95Ms = -1; // -1: the latency query returned nothing for this edge
    double errorRate() const { return requestsPerSecond > 0 ? errorsPerSecond / requestsPerSecond : 0; }
};

struct GraphEdge
{
    int from = -1; // caller / producer / dependent
    int to = -1;   // callee / queue / dependency
    Provenance provenance = Provenance::Observed;
    bool async = false;    // queue -> consumer: failures do not travel back to the producer
    quint8 observedBy = 0; // EdgeEvidence bits; 0 for an edge only declared
    WindowStats stats;
    EdgeMetrics metrics;
};

// One trace in the window, reduced to the nodes it touched: blast radius and ranking count traces.
struct TracePath
{
    int entry = -1;              // node of the root span (or of the earliest span when the root is missing)
    bool failed = false;         // the entry span ended in error
    std::vector<int> nodes;      // sorted, unique
    std::vector<int> errorNodes; // sorted, unique: nodes with an error span in this trace
};

class ServiceGraph
{
public:
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    const std::vector<GraphNode>& nodes() const { return m_nodes; }
    const std::vector<GraphEdge>& edges() const { return m_edges; }
    const GraphNode& node(int i) const { return m_nodes[size_t(i)]; }
    GraphNode& node(int i) { return m_nodes[size_t(i)]; }
    const GraphEdge& edge(int i) const { return m_edges[size_t(i)]; }
    GraphEdge& edge(int i) { return m_edges[size_t(i)]; }

    // Index of the node with that key, or -1.
    int findNode(const QString& key) const;
    // Nodes with that name in any region.
    std::vector<int> findByName(const QString& name) const;
    int addNode(GraphNode node); // returns the existing index when the key is taken
    // Adds the edge or, when from->to exists, merges the provenance into it. Returns its index.
    int addEdge(int from, int to, Provenance provenance, bool async = false);
    int findEdge(int from, int to) const;

    const std::vector<int>& outEdges(int node) const { return m_out[size_t(node)]; }
    const std::vector<int>& inEdges(int node) const { return m_in[size_t(node)]; }

    std::vector<TracePath>& tracePaths() { return m_traces; }
    const std::vector<TracePath>& tracePaths() const { return m_traces; }

    qint64 windowFromNs = 0;
    qint64 windowToNs = 0;
    qint64 bucketNs = 0;
    qint64 seriesFromNs = 0; // where NodeSeries start

private:
    std::vector<GraphNode> m_nodes;
    std::vector<GraphEdge> m_edges;
    std::vector<std::vector<int>> m_out;
    std::vector<std::vector<int>> m_in;
    std::vector<TracePath> m_traces;
    QHash<QString, int> m_byKey;
};

} // namespace wf::graph
