#pragma once
// The local signal store: what Watchfloor's own OTLP receiver accepted, kept like a one-machine
// backend. Spans and log records go to an SQLite file of their own (not the workspace), written by a
// writer thread of its own, so a telemetry flood never delays a timeline commit in the workspace;
// reads run on a separate reader connection (WAL). Metric points are not here: they live in memory in
// SeriesStore, columnar and bounded by retention, and the receiver feeds both.
//
// ingest() may be called from any thread and never blocks on SQLite: batches queue to the writer,
// which coalesces whatever is waiting into one transaction. The queue is bounded (maxQueuedItems);
// beyond it ingest() refuses the batch and the refusal is counted, so a sender can never grow our
// memory without bound.
#include "SignalQueries.h"
#include "telemetry/LogRecord.h"
#include "telemetry/Span.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace wf::signalstore {

struct SignalStoreLimits
{
    qint64 maxLogRecords = 5'000'000; // oldest deleted beyond it
    qint64 maxSpans = 5'000'000;
    // Spans + log records waiting for the writer: at ~120k records/s written, 200k is under 2 s of
    // buffering and ~130 MB (measured ~600 bytes per queued record in bench_receiver).
    qint64 maxQueuedItems = 200'000;
};

struct SignalStoreStats
{
    // In the store now (after retention, without duplicates), as of the last writer commit.
    qint64 spansStored = 0;
    qint64 logRecordsStored = 0;
    qint64 itemsRefused = 0; // queue full, or dropped with a failed write (disk full, ...)
    qint64 queuedItems = 0;
};

class SignalStore : public QObject
{
    Q_OBJECT
public:
    // Creates or opens `path` (an SQLite file the store owns). Null and *error set on failure.
    static std::unique_ptr<SignalStore> open(const QString& path, const SignalStoreLimits& limits,
                                             QString* error);
    ~SignalStore() override; // writes what is queued, then closes

    const QString& path() const;

    // Thread-safe, non-blocking. False when refused (queue full).
    bool ingest(std::shared_ptr<const telemetry::SpanBatch> batch);
    bool ingest(std::shared_ptr<const telemetry::LogBatch> batch);

    // Blocks until everything queued before the call is committed (tests, benchmarks, shutdown).
    void flush();

    SignalStoreStats stats() const; // thread-safe

    // Asynchronous queries on the reader thread; `done` runs on `context`'s thread, never after
    // `context` was destroyed.
    void queryLogs(const LogQuery& query, QObject* context,
                   std::function<void(QueryResult<std::vector<LogRow>>)> done);
    void queryTraces(const TraceQuery& query, QObject* context,
                     std::function<void(QueryResult<std::vector<TraceSummary>>)> done);
    void trace(const telemetry::TraceId& traceId, QObject* context,
               std::function<void(QueryResult<std::vector<StoredSpan>>)> done);

Q_SIGNALS:
    // Emitted (queued, on the store's owner thread) after each writer commit, with what it added.
    void spansStored(qint64 count);
    void logRecordsStored(qint64 count);

private:
    struct Private;
    explicit SignalStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace wf::signalstore
