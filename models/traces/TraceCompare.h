#pragma once

// Compares two traces of the same operation (typically a slow one against a normal one): spans are
// matched by their service+operation path from the root ("gateway:GET /checkout > checkout:POST
// /pay > ..."), the k-th occurrence of a path in one trace with the k-th (by start time) in the other.
// The result answers "what was added, what is missing, what got slower".

#include "traces/TraceTree.h"

#include <QString>

#include <vector>

namespace wf::traces {

struct SpanDiff
{
    enum class Kind : quint8 { Matched, Added, Missing };
    Kind kind = Kind::Matched;
    QString path;    // service:operation segments joined by " > "
    QString service; // of the span itself
    QString operation;
    int occurrence = 0; // k-th span with this path (0-based)
    int nodeA = -1;     // in the baseline; -1 when Added
    int nodeB = -1;     // in the compared trace; -1 when Missing
    qint64 durationA = 0;
    qint64 durationB = 0;
    // Self time (duration minus children): where the time went in the span itself, not below it.
    qint64 selfA = 0;
    qint64 selfB = 0;
    bool slower = false; // matched and grew by CompareOptions' thresholds
    qint64 deltaNs() const { return durationB - durationA; }
    qint64 selfDeltaNs() const { return selfB - selfA; }
};

struct TraceComparison
{
    std::vector<SpanDiff> diffs; // Added and Missing first, then Matched by delta (largest slowdown first)
    int added = 0;
    int missing = 0;
    int slower = 0; // matched and slower by more than the threshold
    qint64 totalA = 0;
    qint64 totalB = 0;
};

struct CompareOptions
{
    // A matched span counts as slower when it grew by at least this much and this fraction.
    qint64 slowerByNs = 1'000'000;
    double slowerByFraction = 0.2;
};

// `a` is the baseline (normal) trace, `b` the one under investigation.
TraceComparison compareTraces(const TraceTree& a, const TraceTree& b, const CompareOptions& options = {});

// The path key of one node, as used for matching.
QString spanPath(const TraceTree& tree, int node);

} // namespace wf::traces
