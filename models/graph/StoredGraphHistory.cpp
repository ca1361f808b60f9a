#include "StoredGraphHistory.h"

#include "signalstore/SignalReader.h"
#include "signalstore/SignalSchema.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace wf::graph {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// One read transaction: a long load must not pin the WAL against the writer's checkpoints.
template<typename Read>
auto inReadTransaction(SqliteDb& db, Read read)
{
    db.executeScript("BEGIN");
    try {
        auto result = read();
        db.executeScript("COMMIT");
        return result;
    } catch (...) {
        try {
            if (db.inTransaction())
                db.executeScript("ROLLBACK");
        } catch (const SqliteError&) {
        }
        throw;
    }
}

// historyNs > 0: the window ends at the latest stored span; else it is [fromNs, toNs].
StoredHistoryLoad readWindow(const QString& storePath, qint64 historyNs, qint64 fromNs, qint64 toNs,
                             const std::atomic<bool>& cancel,
                             const std::function<void(GraphSpanBatch&&)>& sink, int tracesPerBatch,
                             qint64 maxSpans)
{
    StoredHistoryLoad load;
    const QString absolute = QFileInfo(storePath).absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(absolute);
    if (const QString refusal = signalstore::checkSignalStoreFile(absolute); !refusal.isEmpty()) {
        load.error = refusal;
        return load;
    }
    if (!QFileInfo::exists(absolute)) {
        load.error =
            QCoreApplication::translate("SignalStore", "The signal store “%1” does not exist.").arg(shown);
        return load;
    }
    try {
        // Read-write open with query_only, as the log browser: a WAL file needs its -shm.
        SqliteDb db = SqliteDb::open(absolute, SqliteDb::Access::ReadWrite);
        db.setBusyTimeout(kBusyTimeoutMs);
        db.executeScript("PRAGMA query_only = ON; PRAGMA cache_size = -16384");
        if (historyNs > 0) {
            const std::optional<qint64> latest = inReadTransaction(
                db, [&] { return signalstore::readLatestSpanNs(db, historyNs + kStoredHistorySlackNs); });
            load.ok = true;
            if (!latest)
                return load;
            load.toNs = *latest;
            load.fromNs = *latest - historyNs;
        } else {
            load.ok = true;
            load.fromNs = fromNs;
            load.toNs = toNs;
        }
        signalstore::SpanHistoryCursor cursor;
        cursor.traceStartNs = load.fromNs - kStoredHistorySlackNs;
        while (!cancel.load()) {
            std::vector<signalstore::StoredSpan> page = inReadTransaction(db, [&] {
                return signalstore::readSpanHistoryPage(db, load.fromNs, load.toNs, tracesPerBatch, cursor);
            });
            if (page.empty())
                return load;
            load.empty = false;
            load.spans += qint64(page.size());
            ++load.batches;
            sink(fromStoredSpans(page));
            if (maxSpans > 0 && load.spans >= maxSpans) {
                load.truncated = true;
                return load;
            }
        }
        load.cancelled = true;
    } catch (const SqliteError& e) {
        load.ok = false;
        load.error = QCoreApplication::translate("SignalStore", "The signal store could not be read: %1")
                         .arg(e.message());
    }
    return load;
}

} // namespace

StoredHistoryLoad loadStoredHistory(const QString& storePath, qint64 historyNs,
                                    const std::atomic<bool>& cancel,
                                    const std::function<void(GraphSpanBatch&&)>& sink, int tracesPerBatch)
{
    return readWindow(storePath, std::max<qint64>(historyNs, 1), 0, 0, cancel, sink, tracesPerBatch, 0);
}

StoredHistoryLoad loadStoredRange(const QString& storePath, qint64 fromNs, qint64 toNs,
                                  const std::atomic<bool>& cancel,
                                  const std::function<void(GraphSpanBatch&&)>& sink, int tracesPerBatch,
                                  qint64 maxSpans)
{
    return readWindow(storePath, 0, fromNs, toNs, cancel, sink, tracesPerBatch, maxSpans);
}

} // namespace wf::graph
