#include "SignalStore.h"

#include "ResultDelivery.h"
#include "SignalReader.h"
#include "SignalSchema.h"
#include "SignalWriter.h"
#include "store/DbThread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <future>
#include <mutex>

namespace wf::signalstore {

namespace {

constexpr int kBusyTimeoutMs = 5000;

} // namespace

struct SignalStore::Private
{
    QString path;
    SignalStoreLimits limits;

    // Batches waiting for the writer, and whether a drain job is already queued on it. A drain takes
    // everything waiting, so batches that queue while the writer is busy share the next transaction.
    mutable std::mutex mutex;
    std::vector<QueuedBatch> pending;
    bool drainQueued = false;
    SignalStoreStats stats;

    // Lives on the writer thread: created and destroyed by jobs there (its statements belong to the
    // writer connection).
    std::unique_ptr<SignalWriter> writer;
    QString writerError; // the last failed round, for diagnostics

    std::unique_ptr<DbThread> writerThread;
    std::unique_ptr<DbThread> readerThread;

    bool enqueue(QueuedBatch batch, qint64 items, SignalStore* store);
    bool refuseWhenFull(qint64 items);
    void writerThread_drain(SqliteDb& db, SignalStore* store);
};

bool SignalStore::Private::enqueue(QueuedBatch batch, qint64 items, SignalStore* store)
{
    bool postDrain = false;
    {
        std::lock_guard lock(mutex);
        if (stats.queuedItems + items > limits.maxQueuedItems) {
            stats.itemsRefused += items;
            return false;
        }
        stats.queuedItems += items;
        pending.push_back(std::move(batch));
        postDrain = !std::exchange(drainQueued, true);
    }
    if (postDrain)
        writerThread->post([this, store](SqliteDb& db) { writerThread_drain(db, store); });
    return true;
}

// Checked before preparing a batch, so a sender retrying against a full queue does not prepare it
// again and again; enqueue() checks again.
bool SignalStore::Private::refuseWhenFull(qint64 items)
{
    std::lock_guard lock(mutex);
    if (stats.queuedItems + items <= limits.maxQueuedItems)
        return false;
    stats.itemsRefused += items;
    return true;
}

void SignalStore::Private::writerThread_drain(SqliteDb& db, SignalStore* store)
{
    std::vector<QueuedBatch> round;
    qint64 items = 0;
    {
        std::lock_guard lock(mutex);
        round.swap(pending);
        drainQueued = false;
    }
    if (round.empty())
        return;
    for (const QueuedBatch& b : round)
        items += std::visit([](const auto& batch) { return qint64(batch->size()); }, b);

    RoundResult added;
    try {
        if (!writer)
            writer = std::make_unique<SignalWriter>(db, limits);
        added = writer->writeRound(round);
    } catch (const SqliteError& e) {
        // Telemetry is best effort: a failed round (disk full, ...) is dropped and counted as refused,
        // and the next round tries again.
        writerError = e.message();
        qWarning("signal store: a write failed and %lld items were dropped: %s", items, e.what());
        std::lock_guard lock(mutex);
        stats.itemsRefused += items;
    }
    {
        std::lock_guard lock(mutex);
        stats.queuedItems -= items;
        if (writer) {
            stats.spansStored = writer->spanCount();
            stats.logRecordsStored = writer->logCount();
        }
    }
    // Queued to the store's thread; pending events die with the store, so none runs after it.
    if (added.spansAdded > 0)
        QMetaObject::invokeMethod(
            store, [store, n = added.spansAdded] { Q_EMIT store->spansStored(n); }, Qt::QueuedConnection);
    if (added.logRecordsAdded > 0)
        QMetaObject::invokeMethod(
            store, [store, n = added.logRecordsAdded] { Q_EMIT store->logRecordsStored(n); },
            Qt::QueuedConnection);
}

std::unique_ptr<SignalStore> SignalStore::open(const QString& path, const SignalStoreLimits& limits,
                                               QString* error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(absolute);
    auto setError = [error](const QString& message) {
        if (error)
            *error = message;
    };
    if (const QString refusal = checkSignalStoreFile(absolute); !refusal.isEmpty()) {
        setError(refusal);
        return nullptr;
    }
    auto d = std::make_unique<Private>();
    d->path = absolute;
    d->limits = limits;
    try {
        SqliteDb writer = SqliteDb::open(absolute, SqliteDb::Access::ReadWriteCreate);
        writer.setBusyTimeout(kBusyTimeoutMs);
        if (const QString refusal = prepareSignalStoreSchema(writer, shown); !refusal.isEmpty()) {
            setError(refusal);
            return nullptr;
        }
        // NORMAL in WAL mode: a power cut may lose the last rounds, never corrupt the file; telemetry
        // is re-sent or replaced, and FULL would cost an fsync per round. A longer WAL between
        // checkpoints writes the pages every round touches (index interiors, the FTS structure) back
        // once per checkpoint instead of once per round; mmap saves a copy per page read (bounded: mapped
        // pages count in the process's RSS).
        writer.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                             "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; "
                             "PRAGMA wal_autocheckpoint = 16384; PRAGMA journal_size_limit = 67108864; "
                             "PRAGMA mmap_size = 268435456");
        SqliteDb reader = SqliteDb::open(absolute, SqliteDb::Access::ReadWrite);
        reader.setBusyTimeout(kBusyTimeoutMs);
        reader.executeScript("PRAGMA query_only = ON; PRAGMA cache_size = -16384; "
                             "PRAGMA mmap_size = 268435456");
        d->writerThread = std::make_unique<DbThread>(std::move(writer), QStringLiteral("SignalStoreWriter"));
        d->readerThread = std::make_unique<DbThread>(std::move(reader), QStringLiteral("SignalStoreReader"));
    } catch (const SqliteError& e) {
        setError(QCoreApplication::translate("SignalStore", "Cannot open the signal store “%1”: %2.")
                     .arg(shown, e.message()));
        return nullptr;
    }
    return std::unique_ptr<SignalStore>(new SignalStore(std::move(d)));
}

SignalStore::SignalStore(std::unique_ptr<Private> dd)
    : d(std::move(dd))
{
    // Prepares the statements and reads the counts of a reopened file before the first round.
    d->writerThread->post([this](SqliteDb& db) {
        try {
            d->writer = std::make_unique<SignalWriter>(db, d->limits);
            std::lock_guard lock(d->mutex);
            d->stats.spansStored = d->writer->spanCount();
            d->stats.logRecordsStored = d->writer->logCount();
        } catch (const SqliteError& e) {
            d->writerError = e.message(); // the first round tries again
        }
    });
}

SignalStore::~SignalStore()
{
    // Write what is queued, then drop the statements on the writer thread before its connection
    // closes; reads go last (they may have been queued to observe those writes).
    d->writerThread->post([this](SqliteDb& db) {
        d->writerThread_drain(db, this);
        d->writer.reset();
    });
    d->writerThread->shutdown();
    d->readerThread->shutdown();
    d->readerThread.reset();
    d->writerThread.reset();
}

const QString& SignalStore::path() const
{
    return d->path;
}

bool SignalStore::ingest(std::shared_ptr<const telemetry::SpanBatch> batch)
{
    if (!batch || batch->isEmpty())
        return true;
    const qint64 items = batch->size();
    return d->enqueue(std::move(batch), items, this);
}

bool SignalStore::ingest(std::shared_ptr<const telemetry::LogBatch> batch)
{
    if (!batch || batch->isEmpty())
        return true;
    const qint64 items = batch->size();
    if (d->refuseWhenFull(items))
        return false;
    // Prepared here, on the caller's thread, so the text work runs beside the writer (SignalWriter.h).
    return d->enqueue(std::make_shared<const PreparedLogBatch>(*batch), items, this);
}

void SignalStore::flush()
{
    std::promise<void> done;
    d->writerThread->post([this, &done](SqliteDb& db) {
        d->writerThread_drain(db, this);
        done.set_value();
    });
    done.get_future().wait();
}

SignalStoreStats SignalStore::stats() const
{
    std::lock_guard lock(d->mutex);
    return d->stats;
}

namespace {

// Runs `read` in one read transaction on the reader thread and delivers its result or a message.
template<typename T, typename Read>
void postRead(DbThread& reader, QObject* context, std::function<void(QueryResult<T>)> done, Read read)
{
    const ResultDelivery<QueryResult<T>> delivery(context, std::move(done));
    reader.post([delivery, read = std::move(read)](SqliteDb& db) {
        QueryResult<T> result;
        try {
            db.executeScript("BEGIN");
            result.value = read(db);
            db.executeScript("COMMIT");
            result.ok = true;
        } catch (const SqliteError& e) {
            try {
                if (db.inTransaction())
                    db.executeScript("ROLLBACK");
            } catch (const SqliteError&) {
            }
            result.error =
                QCoreApplication::translate("SignalStore", "The signal store could not be read: %1")
                    .arg(e.message());
        }
        delivery.deliver(std::move(result));
    });
}

} // namespace

void SignalStore::queryLogs(const LogQuery& query, QObject* context,
                            std::function<void(QueryResult<std::vector<LogRow>>)> done)
{
    postRead<std::vector<LogRow>>(*d->readerThread, context, std::move(done),
                                  [query](SqliteDb& db) { return readLogs(db, query); });
}

void SignalStore::queryTraces(const TraceQuery& query, QObject* context,
                              std::function<void(QueryResult<std::vector<TraceSummary>>)> done)
{
    postRead<std::vector<TraceSummary>>(*d->readerThread, context, std::move(done),
                                        [query](SqliteDb& db) { return readTraces(db, query); });
}

void SignalStore::trace(const telemetry::TraceId& traceId, QObject* context,
                        std::function<void(QueryResult<std::vector<StoredSpan>>)> done)
{
    postRead<std::vector<StoredSpan>>(*d->readerThread, context, std::move(done),
                                      [traceId](SqliteDb& db) { return readTrace(db, traceId); });
}

} // namespace wf::signalstore
