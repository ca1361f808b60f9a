#pragma once

// Log patterns of what the app has at hand: lines from the local store (the demo's Patterns tab) or
// from a log file. Both are bounded by their callers; these run on a worker thread (a few hundred ms
// for 100,000 lines) and give the pattern a 40-bucket histogram over the lines' own time range.

#include "logs/LogFile.h"
#include "logs/LogPatterns.h"
#include "signalstore/SignalQueries.h"

#include <limits>
#include <vector>

namespace wf::logs {

constexpr qint64 kNoIncidentNs = std::numeric_limits<qint64>::max();

// `newSinceNs`: patterns first seen at or after it are marked new (the active incident's start).
LogPatterns patternsOfStoredLogs(const std::vector<signalstore::LogRow>& rows,
                                 qint64 newSinceNs = kNoIncidentNs);
LogPatterns patternsOfLogFile(const std::vector<LogFileLine>& lines, qint64 newSinceNs = kNoIncidentNs);

} // namespace wf::logs
