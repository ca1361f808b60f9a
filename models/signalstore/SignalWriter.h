#pragma once
// The writer thread's side of the signal store: it owns the prepared statements and writes one round
// (every batch queued since the last round) in one transaction, then applies retention. Used only on
// the writer's DbThread.
#include "SignalStore.h"
#include "store/SqliteDb.h"

#include <QHash>

#include <variant>
#include <vector>

namespace wf::signalstore {

using QueuedBatch =
    std::variant<std::shared_ptr<const telemetry::SpanBatch>, std::shared_ptr<const telemetry::LogBatch>>;

struct RoundResult
{
    qint64 spansAdded = 0; // duplicates (same trace and span id as a stored span) are not counted
    qint64 logRecordsAdded = 0;
};

class SignalWriter
{
public:
    SignalWriter(SqliteDb& db, const SignalStoreLimits& limits);

    // Throws SqliteError; the transaction is rolled back then.
    RoundResult writeRound(const std::vector<QueuedBatch>& batches);

    qint64 spanCount() const { return m_spanCount; }
    qint64 logCount() const { return m_logCount; }

private:
    qint64 resourceId(const telemetry::Resource& resource);
    qint64 writeSpans(const telemetry::SpanBatch& batch);
    qint64 writeLogs(const telemetry::LogBatch& batch);
    void applyRetention();

    SqliteDb& m_db;
    SignalStoreLimits m_limits;
    qint64 m_spanCount = 0;
    qint64 m_logCount = 0;
    QHash<QByteArray, qint64> m_resourceIds; // encoded attributes -> resources.id

    SqliteStatement m_insertResource;
    SqliteStatement m_selectResource;
    SqliteStatement m_insertSpan;
    SqliteStatement m_upsertTrace;
    SqliteStatement m_insertTraceService;
    SqliteStatement m_insertLog;
    SqliteStatement m_insertLogText;
};

} // namespace wf::signalstore
