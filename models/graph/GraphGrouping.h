#pragma once
// Collapsible groups of the service graph: nodes grouped by region, cluster or namespace, and any set
// of groups collapsed into one node each. A collapsed group carries its members' summed traffic (window
// and baseline), how many members breach their baseline (so its health is its worst member's), and
// the edges between groups with their statistics summed. Trace paths are mapped too, so blast radius
// and ranking work on the collapsed graph as on the full one.
#include "ServiceGraph.h"

#include <QSet>

namespace wf::graph {

enum class GroupBy : quint8 { None, Region, Cluster, Namespace };

QString groupByName(GroupBy by); // "none", "region", "cluster", "namespace": for settings
GroupBy groupByFromName(const QString& name);

// The group a node belongs to ("region:eu-west"), or empty when it has no such attribute. This is
// also the key of the group's node when collapsed.
QString groupKeyOf(const GraphNode& node, GroupBy by);
// Every group key present in the graph, sorted.
QStringList groupKeys(const ServiceGraph& graph, GroupBy by);

struct GroupedGraph
{
    ServiceGraph graph;
    std::vector<int> displayed; // per node of the full graph: its node in `graph`
};

// `collapsed` holds group keys; groups not in it stay expanded. With GroupBy::None or nothing to
// collapse, the graph comes back unchanged.
GroupedGraph collapseGroups(const ServiceGraph& graph, GroupBy by, const QSet<QString>& collapsed);

} // namespace wf::graph
