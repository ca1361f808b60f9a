#pragma once
// The reader thread's queries of the signal store. Each runs inside one read transaction on the
// reader connection and throws SqliteError on failure.
#include "SignalQueries.h"

#include <limits>
#include <optional>
#include <vector>

namespace wf {
class SqliteDb;
}

namespace wf::signalstore {

std::vector<LogRow> readLogs(SqliteDb& db, const LogQuery& query);
std::vector<TraceSummary> readTraces(SqliteDb& db, const TraceQuery& query);
std::vector<StoredSpan> readTrace(SqliteDb& db, const telemetry::TraceId& traceId);

// Reading back a span history (the service graph after a restart), in pages of whole traces so a
// page never splits a trace's parent from its children.
struct SpanHistoryCursor
{
    qint64 traceStartNs = std::numeric_limits<qint64>::min(); // pages continue after this trace
    qint64 traceRow = 0;
};
// The end of the latest stored span; nullopt when the store holds none. Only traces that started
// within `lookbackNs` of the latest trace start are looked at (a bounded scan of traces_start).
std::optional<qint64> readLatestSpanNs(SqliteDb& db, qint64 lookbackNs);
// The spans of up to `maxTraces` traces that start after `cursor` and at most at `toNs` and end at or
// after `fromNs`, in trace start order; `cursor` moves past them. Empty: no more.
std::vector<StoredSpan> readSpanHistoryPage(SqliteDb& db, qint64 fromNs, qint64 toNs, int maxTraces,
                                            SpanHistoryCursor& cursor);

} // namespace wf::signalstore
