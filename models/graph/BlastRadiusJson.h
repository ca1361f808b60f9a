#pragma once
// The numbers of a blast radius as evidence data: what an incident timeline keeps beside the picture
// when the blast radius is pinned, so the postmortem can quote them without the live graph.
#include "BlastRadius.h"
#include "SymptomRanking.h"

#include <QJsonObject>

namespace wf::graph {

QString verdictKey(Verdict verdict); // "single-dependency", ...: stable, not translated

// {window, verdict, verdictText, failing, affected [{node, kind, hops, errorRate, p95Ms}], entries
//  [{entry, share, traces, throughFailing, failedThrough}], regions, groups, symptom, ranking [...]}.
// `symptom` -1: no ranking.
QJsonObject blastRadiusJson(const ServiceGraph& graph, const BlastRadius& radius, int symptom = -1,
                            const std::vector<SymptomCandidate>& ranking = {});

// One line for the timeline: "Blast radius: payments-db@eu-west, single dependency, 4 affected".
QString blastRadiusTitle(const ServiceGraph& graph, const BlastRadius& radius);

} // namespace wf::graph
