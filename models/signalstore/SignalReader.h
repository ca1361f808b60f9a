#pragma once
// The reader thread's queries of the signal store. Each runs inside one read transaction on the
// reader connection and throws SqliteError on failure.
#include "SignalQueries.h"

#include <vector>

namespace wf {
class SqliteDb;
}

namespace wf::signalstore {

std::vector<LogRow> readLogs(SqliteDb& db, const LogQuery& query);
std::vector<TraceSummary> readTraces(SqliteDb& db, const TraceQuery& query);
std::vector<StoredSpan> readTrace(SqliteDb& db, const telemetry::TraceId& traceId);

} // namespace wf::signalstore
