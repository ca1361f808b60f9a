#pragma once
// The writer thread's side of the signal store: it owns the prepared statements and writes one round
// (every batch queued since the last round) in one transaction, then applies retention. Used only on
// the writer's DbThread.
#include "SignalStore.h"
#include "store/SqliteDb.h"

#include <QHash>

#include <array>
#include <cstdint>
#include <variant>
#include <vector>

namespace wf::signalstore {

// A log batch in the form the writer binds as it is: every text already UTF-8 in one buffer, ids and
// attributes already encoded. Built by the thread that calls SignalStore::ingest, so this work runs
// beside the SQLite writer rather than on it (the writer is the bottleneck of a log flood, and the
// conversions and allocations were about a quarter of its time), and the writer's loop neither
// converts nor allocates.
class PreparedLogBatch
{
public:
    explicit PreparedLogBatch(const telemetry::LogBatch& batch);

    // A slice of text(); offset < 0: NULL.
    struct Text
    {
        qsizetype offset = -1;
        qsizetype size = 0;
    };
    struct Resource
    {
        QString service;
        QByteArray attrs; // AttributeCodec; null when there are none
        Text serviceUtf8;
    };
    struct Record
    {
        qint64 timeNs = 0;
        qint32 severity = 0;
        qint32 resource = 0; // into resources()
        Text severityText;
        Text body;
        Text attrs;
        bool hasTraceId = false;
        bool hasSpanId = false;
        std::array<std::uint8_t, 16> traceId{};
        std::array<std::uint8_t, 8> spanId{};
    };

    // The batch's resources, then the empty resource (for records without a valid index).
    const std::vector<Resource>& resources() const { return m_resources; }
    const std::vector<Record>& records() const { return m_records; }
    const QByteArray& text() const { return m_text; }
    qsizetype size() const { return qsizetype(m_records.size()); }

private:
    Text append(QStringView s, bool null);
    Text append(const QByteArray& bytes);

    std::vector<Resource> m_resources;
    std::vector<Record> m_records;
    QByteArray m_text;
};

using QueuedBatch =
    std::variant<std::shared_ptr<const telemetry::SpanBatch>, std::shared_ptr<const PreparedLogBatch>>;

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
    qint64 writeLogs(const PreparedLogBatch& batch);
    qint64 resourceId(const QString& service, const QByteArray& attrs);
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
