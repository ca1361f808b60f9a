#include "SignalReader.h"

#include "AttributeCodec.h"
#include "LogSearchText.h"
#include "store/SqliteDb.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace wf::signalstore {

using namespace wf::telemetry;

namespace {

// Parameters shared by the three log statements: ?1 search expression, ?2/?3 time range, ?4 minimum
// severity, ?5 services as a JSON array (NULL: all), ?6 trace id (NULL: any), ?7 limit.
#define WF_LOG_COLUMNS                                                                                       \
    "SELECT l.id, l.time_ns, l.severity, l.severity_text, l.service, l.body, l.trace_id, l.span_id, "        \
    "l.attrs "
#define WF_LOG_FILTERS                                                                                       \
    " l.time_ns >= ?2 AND l.time_ns < ?3 AND l.severity >= ?4 "                                              \
    "AND (?5 IS NULL OR l.service IN (SELECT value FROM json_each(?5))) "                                    \
    "AND (?6 IS NULL OR l.trace_id = ?6) "

// Full-text: the FTS index drives, the filters apply to its matches.
constexpr const char* kLogsByText = WF_LOG_COLUMNS
    "FROM logs_fts JOIN logs l ON l.id = logs_fts.rowid WHERE logs_fts MATCH ?1 AND" WF_LOG_FILTERS
    "ORDER BY l.time_ns DESC, l.id DESC LIMIT ?7";
// One trace: the logs_trace index drives.
constexpr const char* kLogsByTrace =
    WF_LOG_COLUMNS "FROM logs l WHERE l.trace_id = ?6 AND (?1 IS NULL) AND" WF_LOG_FILTERS
                   "ORDER BY l.time_ns DESC, l.id DESC LIMIT ?7";
// Everything else: a backwards scan of logs_time that stops at the limit.
constexpr const char* kLogsByTime = WF_LOG_COLUMNS "FROM logs l WHERE (?1 IS NULL) AND" WF_LOG_FILTERS
                                                   "ORDER BY l.time_ns DESC, l.id DESC LIMIT ?7";

#undef WF_LOG_COLUMNS
#undef WF_LOG_FILTERS

template<typename Id>
Id idFrom(const QByteArray& blob)
{
    return Id::fromBytes(blob).value_or(Id());
}

} // namespace

std::vector<LogRow> readLogs(SqliteDb& db, const LogQuery& query)
{
    const LogSearch search = parseLogSearch(query.text);
    const QString& match = search.match;
    // Phrases are checked here, after SQLite (see LogSearchText.h): then the limit is applied here too.
    const bool checkPhrases = !search.phrases.isEmpty();
    const qint64 limit = std::max(query.limit, 0);
    const char* sql = !match.isEmpty() ? kLogsByText : query.traceId.isValid() ? kLogsByTrace : kLogsByTime;
    SqliteStatement s = db.prepare(sql);
    if (!match.isEmpty())
        s.bind(1, match);
    else
        s.bind(1, nullptr);
    s.bind(2, query.fromNs);
    s.bind(3, query.toNs);
    s.bind(4, query.minSeverityNumber);
    if (query.services.isEmpty())
        s.bind(5, nullptr);
    else
        s.bind(5,
               QString::fromUtf8(
                   QJsonDocument(QJsonArray::fromStringList(query.services)).toJson(QJsonDocument::Compact)));
    if (query.traceId.isValid())
        s.bind(6, query.traceId.toByteArray());
    else
        s.bind(6, nullptr);
    s.bind(7, checkPhrases ? qint64(-1) : limit);

    std::vector<LogRow> rows;
    while (qint64(rows.size()) < limit && s.step()) {
        if (checkPhrases && !phraseMatches(s.text(5), search))
            continue;
        LogRow row;
        row.id = s.int64(0);
        row.timeNs = s.int64(1);
        row.severityNumber = int(s.int64(2));
        row.severityText = s.text(3);
        row.service = s.text(4);
        row.body = s.text(5);
        row.traceId = idFrom<TraceId>(s.blob(6));
        row.spanId = idFrom<SpanId>(s.blob(7));
        row.attributes = decodeAttributes(s.blob(8));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<TraceSummary> readTraces(SqliteDb& db, const TraceQuery& query)
{
    SqliteStatement s = db.prepare(
        "SELECT t.trace_id, t.root_service, t.root_name, t.start_ns, t.end_ns - t.start_ns, t.span_count, "
        "t.error_count FROM traces t WHERE t.start_ns >= ?1 AND t.start_ns < ?2 "
        "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM trace_services ts WHERE ts.trace_id = t.trace_id "
        "AND ts.service = ?3)) AND (?4 = 0 OR t.error_count > 0) AND t.end_ns - t.start_ns >= ?5 "
        "ORDER BY t.start_ns DESC LIMIT ?6");
    s.bind(1, query.fromNs);
    s.bind(2, query.toNs);
    if (query.service.isEmpty())
        s.bind(3, nullptr);
    else
        s.bind(3, query.service);
    s.bind(4, query.errorsOnly);
    s.bind(5, query.minDurationNs);
    s.bind(6, qint64(std::max(query.limit, 0)));

    SqliteStatement services =
        db.prepare("SELECT service FROM trace_services WHERE trace_id = ?1 ORDER BY service");
    std::vector<TraceSummary> traces;
    while (s.step()) {
        TraceSummary t;
        const QByteArray id = s.blob(0);
        t.traceId = idFrom<TraceId>(id);
        t.rootService = s.text(1);
        t.rootName = s.text(2);
        t.startNs = s.int64(3);
        t.durationNs = std::max<qint64>(0, s.int64(4));
        t.spanCount = int(s.int64(5));
        t.errorCount = int(s.int64(6));
        services.bind(1, id);
        while (services.step())
            t.services.append(services.text(0));
        services.reset();
        traces.push_back(std::move(t));
    }
    return traces;
}

std::vector<StoredSpan> readTrace(SqliteDb& db, const TraceId& traceId)
{
    SqliteStatement s = db.prepare(
        "SELECT s.span_id, s.parent_id, s.service, s.name, s.kind, s.status, s.status_message, s.start_ns, "
        "s.end_ns, s.attrs, r.attrs FROM spans s LEFT JOIN resources r ON r.id = s.resource_id "
        "WHERE s.trace_id = ?1 ORDER BY s.start_ns, s.id");
    s.bind(1, traceId.toByteArray());
    std::vector<StoredSpan> spans;
    while (s.step()) {
        StoredSpan span;
        span.traceId = traceId;
        span.spanId = idFrom<SpanId>(s.blob(0));
        span.parentSpanId = idFrom<SpanId>(s.blob(1));
        span.service = s.text(2);
        span.name = s.text(3);
        span.kind = int(s.int64(4));
        span.statusCode = int(s.int64(5));
        span.statusMessage = s.text(6);
        span.startNs = s.int64(7);
        span.endNs = s.int64(8);
        span.attributes = decodeAttributes(s.blob(9));
        span.resourceAttributes = decodeAttributes(s.blob(10));
        spans.push_back(std::move(span));
    }
    return spans;
}

std::optional<qint64> readLatestSpanNs(SqliteDb& db, qint64 lookbackNs)
{
    // traces.end_ns is the latest end over each trace's spans; MAX(start_ns) comes from the index.
    SqliteStatement s = db.prepare("SELECT MAX(end_ns) FROM traces WHERE start_ns >= "
                                   "(SELECT MAX(start_ns) FROM traces) - ?1");
    s.bind(1, lookbackNs);
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    return s.int64(0);
}

std::vector<StoredSpan> readSpanHistoryPage(SqliteDb& db, qint64 fromNs, qint64 toNs, int maxTraces,
                                            SpanHistoryCursor& cursor)
{
    // traces_start drives (spans have no time index: see SignalSchema), spans_trace_span fetches each
    // trace's spans. The first start_ns term bounds the index range; the OR only skips the rows of
    // the cursor's own start time already read.
    SqliteStatement s = db.prepare(
        "SELECT t.id, t.start_ns, t.trace_id, s.span_id, s.parent_id, s.service, s.name, s.kind, s.status, "
        "s.status_message, s.start_ns, s.end_ns, s.attrs, s.resource_id, r.attrs "
        "FROM (SELECT id, trace_id, start_ns FROM traces "
        "      WHERE start_ns >= ?1 AND (start_ns > ?1 OR id > ?2) AND start_ns <= ?3 AND end_ns >= ?4 "
        "      ORDER BY start_ns, id LIMIT ?5) t "
        "JOIN spans s ON s.trace_id = t.trace_id LEFT JOIN resources r ON r.id = s.resource_id "
        "ORDER BY t.start_ns, t.id");
    s.bindAll(cursor.traceStartNs, cursor.traceRow, toNs, fromNs, std::max(maxTraces, 1));
    std::vector<StoredSpan> spans;
    // A page repeats a handful of resources for thousands of spans: decode each once.
    QHash<qint64, DisplayAttributes> resources;
    qint64 lastRow = -1;
    TraceId traceId;
    while (s.step()) {
        const qint64 row = s.int64(0);
        if (row != lastRow) {
            lastRow = row;
            cursor.traceRow = row;
            cursor.traceStartNs = s.int64(1);
            traceId = idFrom<TraceId>(s.blob(2));
        }
        StoredSpan span;
        span.traceId = traceId;
        span.spanId = idFrom<SpanId>(s.blob(3));
        span.parentSpanId = idFrom<SpanId>(s.blob(4));
        span.service = s.text(5);
        span.name = s.text(6);
        span.kind = int(s.int64(7));
        span.statusCode = int(s.int64(8));
        span.statusMessage = s.text(9);
        span.startNs = s.int64(10);
        span.endNs = s.int64(11);
        span.attributes = decodeAttributes(s.blob(12));
        const qint64 resource = s.int64(13);
        auto it = resources.find(resource);
        if (it == resources.end())
            it = resources.insert(resource, decodeAttributes(s.blob(14)));
        span.resourceAttributes = *it;
        spans.push_back(std::move(span));
    }
    return spans;
}

} // namespace wf::signalstore
