#pragma once
// How far a failure reaches. From the failing node(s) -- chosen by the user, or picked as the nodes
// that breach their own baseline while nothing they depend on does -- walk the synchronous edges
// backwards: every transitive caller can be affected. Asynchronous edges (queue -> consumer) are not
// walked: a slow consumer does not fail its producers. Trace paths then say how much of each entry
// point's traffic actually passes through the failure.
//
// Verdict, first match wins:
//   MultiRegion      the failing and affected nodes span two or more regions;
//   SingleDependency one failing node, a database or a queue;
//   SingleService    one failing service with nothing upstream of it affected;
//   SingleRegion     otherwise (several services, all in one region or none known).
#include "NodeHealth.h"
#include "ServiceGraph.h"

#include <QStringList>

#include <vector>

namespace wf::graph {

enum class Verdict { None, SingleService, SingleDependency, SingleRegion, MultiRegion };
QString verdictText(Verdict verdict);

struct EntryImpact
{
    int entry = -1;
    qint64 traces = 0;         // traces entering here in the window
    qint64 throughFailing = 0; // of which touched a failing node
    qint64 failedThrough = 0;  // of which also failed at the entry
    double share() const { return traces > 0 ? double(throughFailing) / double(traces) : 0; }
};

struct BlastRadius
{
    std::vector<int> failing;
    std::vector<int> affected;        // upstream dependents, nearest first, failing nodes excluded
    std::vector<int> hops;            // per affected node: synchronous calls between it and the failure
    std::vector<EntryImpact> entries; // entry points whose traffic reaches the failure, largest share first
    QStringList regions;              // sorted; of failing and affected nodes
    QStringList groups;               // namespaces and clusters touched, sorted
    Verdict verdict = Verdict::None;

    bool isFailing(int node) const;
    bool isAffected(int node) const;
};

// Nodes breaching their baseline (errors or latency) none of whose synchronous dependencies also
// breach: the deepest point of each failing chain. A cycle of breaching nodes at the bottom of a chain
// is picked whole.
std::vector<int> pickFailingNodes(const ServiceGraph& graph, const HealthThresholds& thresholds = {});

BlastRadius computeBlastRadius(const ServiceGraph& graph, std::vector<int> failing);

} // namespace wf::graph
