#pragma once
// Asynchronous reads for the log view, on a read-only connection and a thread of their own (so a long
// regex scan never queues behind, or in front of, the live list's queries on the store's reader).
//
// Requests of one kind supersede each other: a page, histogram or match request that is still queued
// when a newer one of the same kind arrives is dropped unrun, so dragging the scrollbar never builds a
// backlog; its callback still runs, with ok false and an empty error, and should be ignored. A scan streams
// its matches in chunks, newest first; between chunks the thread serves other requests, and cancelScan() (or
// a new scan) stops it before its next chunk.
#include "LogPaging.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace wf {
class DbThread;
}

namespace wf::signalstore {

struct LogScanProgress
{
    std::vector<LogRow> rows; // this chunk's matches, newest first
    qint64 scannedTotal = 0;
    bool finished = false; // the whole store was scanned (or maxMatches reached)
};

class LogBrowser
{
public:
    // Opens `path` (a signal store file) read-only. Null and *error set on failure.
    static std::unique_ptr<LogBrowser> open(const QString& path, QString* error);
    ~LogBrowser();

    void extent(QObject* context, std::function<void(QueryResult<LogExtent>)> done);
    // Superseded by a newer page request.
    void page(const LogFilter& filter, LogKey key, PageDirection direction, int count, QObject* context,
              std::function<void(QueryResult<LogPage>)> done);
    // Up to `count` rows at or before `timeNs`, newest first (a page request).
    void pageAtTime(const LogFilter& filter, qint64 timeNs, int count, QObject* context,
                    std::function<void(QueryResult<LogPage>)> done);
    // Full-text matches with id < beforeId (LogSearchText rules), newest first. Superseded by a newer
    // match request.
    void matches(const LogFilter& filter, const QString& text, qint64 beforeId, int count, QObject* context,
                 std::function<void(QueryResult<LogPage>)> done);
    // The same, for matches at or before `timeNs` (a jump in a list of matches).
    void matchesAtTime(const LogFilter& filter, const QString& text, qint64 timeNs, int count,
                       QObject* context, std::function<void(QueryResult<LogPage>)> done);
    void histogram(qint64 fromNs, qint64 toNs, int buckets, QObject* context,
                   std::function<void(QueryResult<LogHistogram>)> done);
    // Streams matches of `pattern` with id < beforeId, newest first; `progress` runs once per chunk
    // with matches and once at the end (finished). Cancels any running scan.
    void scan(const LogFilter& filter, const LogPattern& pattern, qint64 beforeId, int maxMatches,
              QObject* context, std::function<void(QueryResult<LogScanProgress>)> progress);
    void cancelScan();

private:
    struct Private;
    explicit LogBrowser(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace wf::signalstore
