#pragma once
// The reverse question of the blast radius: given a user-facing symptom (checkout errors), which of the
// nodes it depends on (transitively) explain it best? Each candidate is scored from three kinds of
// evidence, all kept in the result so the list can show why it is ordered as it is:
//   failingShare: of the symptom's failing traces, the share in which the candidate also erred;
//   originShare:  the share in which the candidate erred while none of its own dependencies in that
//                 trace did (it is where the error started, not a node passing it on);
//   correlation:  Pearson correlation of the candidate's error-rate (or mean-latency, whichever is
//                 higher) series with the symptom's, per bucket over the window.
// score = 0.40 failingShare + 0.35 originShare + 0.25 max(0, correlation).
#include "ServiceGraph.h"

#include <vector>

namespace wf::graph {

struct SymptomCandidate
{
    int node = -1;
    int hops = 0; // edges from the symptom
    double score = 0;
    double failingShare = 0;
    double originShare = 0;
    double errorCorrelation = 0;
    double latencyCorrelation = 0;
    qint64 failingTraces = 0; // of the symptom, the denominator of the shares
    QString evidence;         // one line for the list, plain text
};

std::vector<SymptomCandidate> rankSymptomCauses(const ServiceGraph& graph, int symptom);

// Pearson correlation; 0 when either series is constant or they differ in length.
double correlation(const std::vector<double>& a, const std::vector<double>& b);

} // namespace wf::graph
