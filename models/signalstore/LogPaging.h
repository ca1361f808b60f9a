#pragma once
// Reads for a log view over a store of any size: every function here costs what one screen needs
// (index seeks plus the rows asked for), never a scan or COUNT(*) of the whole table.
//
// Two orders, each with keyset pagination (a cursor of the last row seen, never OFFSET):
//  - browsing: (time_ns, id), through logs_time;
//  - search results: id (arrival order), newest first, because the FTS index streams rowids in order
//    (`ORDER BY rowid DESC LIMIT n` stops after n matches) while a time order would sort every match.
//    Arrival order is time order up to the senders' batching delay.
// Regular expressions and substrings the FTS tokens cannot express are scanned in id chunks, newest
// first, so the first matches arrive after one chunk and a caller can stop between chunks.
#include "SignalQueries.h"

#include <QRegularExpression>

#include <array>
#include <vector>

namespace wf {
class SqliteDb;
}

namespace wf::signalstore {

// Field filters shared by every read here.
struct LogFilter
{
    QStringList services;      // empty: all
    int minSeverityNumber = 0; // OTLP SeverityNumber; 0: all
    QString attributeKey;      // empty: none; else the record has this attribute...
    QString attributeValue;    // ...with this display value (empty: any value)
    qint64 fromNs = 0;         // inclusive
    qint64 toNs = kNoLimitNs;  // exclusive
};

struct LogKey
{
    qint64 timeNs = 0;
    qint64 id = 0;
};

struct LogExtent
{
    qint64 minId = 0;
    qint64 maxId = 0; // 0 when the store is empty
    qint64 minTimeNs = 0;
    qint64 maxTimeNs = 0;
    bool isEmpty() const { return maxId == 0; }
    // Ids are dense (retention deletes the oldest), so this is the row count without counting.
    qint64 approximateCount() const { return isEmpty() ? 0 : maxId - minId + 1; }
};

struct LogPage
{
    std::vector<LogRow> rows;
    bool reachedEnd = false; // no further rows in this direction (within the filter)
    qint64 scanned = 0;      // rows looked at (the attribute filter is applied after SQLite)
};

enum class PageDirection {
    Older, // rows before the key, newest first
    Newer, // rows after the key, oldest first
};

// Index seeks only.
LogExtent readLogExtent(SqliteDb& db);

// Up to `count` rows strictly before/after `key` in (time_ns, id) order. An attribute filter can make
// many rows fail; at most `scanBudget` rows are looked at, then the page returns what it has.
LogPage readLogPage(SqliteDb& db, const LogFilter& filter, LogKey key, PageDirection direction, int count,
                    qint64 scanBudget = 200'000);

// Full-text matches (LogSearchText rules) with id < beforeId, newest id first.
LogPage readLogMatches(SqliteDb& db, const LogFilter& filter, const QString& text, qint64 beforeId, int count,
                       qint64 scanBudget = 200'000);

// The id of the first row at or after `timeNs` in time order (for "jump to a time" in id order);
// maxId + 1 when there is none.
qint64 idAtTime(SqliteDb& db, qint64 timeNs);

// What a fallback scan looks for: a regular expression, or a plain substring (case-insensitive).
struct LogPattern
{
    QString substring;        // used when `regex` is not valid
    QRegularExpression regex; // valid: used instead of the substring
};

// A literal every match of `pattern` must contain (the longest run of plain characters outside groups,
// classes and optional parts, at least 3 long, ASCII), or empty when there is none or the pattern has
// an alternation. A scan hands it to SQLite's LIKE first, which reads bodies far faster than a regex
// runs over them; LIKE ignores ASCII case, so the prefilter never drops a match.
QString requiredLiteralOf(const QString& pattern);

struct LogScanChunk
{
    std::vector<LogRow> rows; // matches, newest id first
    qint64 nextBeforeId = 0;  // continue here; 0 or below when done
    qint64 scanned = 0;
};

// Scans ids [beforeId - span, beforeId) newest first and returns the matches.
LogScanChunk scanLogChunk(SqliteDb& db, const LogFilter& filter, const LogPattern& pattern, qint64 beforeId,
                          qint64 span, int maxRows);

// ---- volume histogram -----------------------------------------------------------------------------

// Classes in items::LogLevel order: unspecified, trace, debug, info, warn, error, fatal.
constexpr int kLogLevelClasses = 7;
int logLevelClassOf(int severityNumber);

struct LogHistogram
{
    qint64 fromNs = 0;
    qint64 bucketNs = 1;
    std::vector<std::array<qint64, kLogLevelClasses>> counts; // one entry per bucket
    bool estimated = false; // some buckets were estimated (see readLogHistogram)
    qint64 total() const;
};

// Volume by level in `buckets` equal slices of [fromNs, toNs). A slice of up to `exactBelow` rows is
// counted exactly; bigger ones are estimated from a stratified sample (`samples` per bucket) of rows
// at evenly spaced ids, so the cost stays a few thousand index seeks whatever the store holds.
LogHistogram readLogHistogram(SqliteDb& db, qint64 fromNs, qint64 toNs, int buckets, int exactBelow = 2000,
                              int samples = 64);

} // namespace wf::signalstore
