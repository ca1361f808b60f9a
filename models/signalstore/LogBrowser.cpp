#include "LogBrowser.h"

#include "ResultDelivery.h"
#include "SignalSchema.h"
#include "store/DbThread.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <deque>
#include <limits>
#include <mutex>

namespace wf::signalstore {

namespace {

constexpr int kBusyTimeoutMs = 5000;
// A scan chunk grows from a small first one (first matches fast) to a big one (little overhead);
// each chunk is also cut off after kChunkMs so cancel and other requests wait at most that long.
constexpr qint64 kFirstChunkIds = 20'000;
constexpr qint64 kMaxChunkIds = 1'000'000;

QString readError(const SqliteError& e)
{
    return QCoreApplication::translate("SignalStore", "The signal store could not be read: %1")
        .arg(e.message());
}

// Like ResultDelivery, for a stream of results: each deliver() queues one callback on the context's
// thread; the notifier belongs to the stream, not to the context, so it outlives a destroyed context.
template<typename Result>
class StreamDelivery
{
public:
    StreamDelivery(QObject* context, std::function<void(Result)> done)
        : m_state(std::make_shared<State>())
    {
        if (!context || !done)
            return;
        m_notifier = new CompletionNotifier;
        m_notifier->moveToThread(context->thread());
        QObject::connect(
            m_notifier, &CompletionNotifier::finished, context,
            [done = std::move(done), state = m_state] {
                std::optional<Result> next;
                {
                    std::lock_guard lock(state->mutex);
                    if (state->queue.empty())
                        return;
                    next = std::move(state->queue.front());
                    state->queue.pop_front();
                }
                done(std::move(*next));
            },
            Qt::QueuedConnection);
    }

    void deliver(Result result) const
    {
        if (!m_notifier)
            return;
        {
            std::lock_guard lock(m_state->mutex);
            m_state->queue.push_back(std::move(result));
        }
        Q_EMIT m_notifier->finished();
    }

    // After the last deliver().
    void close() const
    {
        if (m_notifier)
            m_notifier->deleteLater();
    }

private:
    struct State
    {
        std::mutex mutex;
        std::deque<Result> queue;
    };
    std::shared_ptr<State> m_state;
    CompletionNotifier* m_notifier = nullptr;
};

template<typename T, typename Read>
void runRead(SqliteDb& db, const ResultDelivery<QueryResult<T>>& delivery, Read read)
{
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
        result.error = readError(e);
    }
    delivery.deliver(std::move(result));
}

} // namespace

struct LogBrowser::Private
{
    std::unique_ptr<DbThread> thread;
    // Histograms run on a connection of their own: at 100 M lines one takes most of a second of
    // index seeks, which must not hold up the pages a user is scrolling through.
    std::unique_ptr<DbThread> histogramThread;
    std::mutex closingMutex; // a scan step re-posts itself only while the browser is not closing
    bool closing = false;
    std::atomic<quint64> pageGeneration{0};
    std::atomic<quint64> matchGeneration{0};
    std::atomic<quint64> histogramGeneration{0};
    std::atomic<quint64> scanGeneration{0};

    // A request that is no longer the newest of its kind when it reaches the thread is not run.
    template<typename T, typename Read>
    void post(std::atomic<quint64>* generation, QObject* context, std::function<void(QueryResult<T>)> done,
              Read read, DbThread* on = nullptr)
    {
        const quint64 mine = generation ? ++*generation : 0;
        const ResultDelivery<QueryResult<T>> delivery(context, std::move(done));
        (on ? on : thread.get())->post([generation, mine, delivery, read = std::move(read)](SqliteDb& db) {
            if (generation && generation->load() != mine) {
                delivery.deliver(QueryResult<T>{false, QString(), T{}}); // superseded: ok false, no error
                return;
            }
            runRead<T>(db, delivery, read);
        });
    }

    struct Scan
    {
        LogFilter filter;
        LogPattern pattern;
        qint64 beforeId = 0;
        qint64 chunkIds = kFirstChunkIds;
        int remaining = 0;
        qint64 scanned = 0;
        quint64 generation = 0;
        StreamDelivery<QueryResult<LogScanProgress>> delivery;
    };
    void dbThread_scanStep(SqliteDb& db, std::shared_ptr<Scan> scan);
};

void LogBrowser::Private::dbThread_scanStep(SqliteDb& db, std::shared_ptr<Scan> scan)
{
    if (scanGeneration.load() != scan->generation) {
        scan->delivery.close();
        return;
    }
    QueryResult<LogScanProgress> result;
    bool finished = false;
    try {
        QElapsedTimer timer;
        timer.start();
        db.executeScript("BEGIN");
        // Several chunks in one step while they are quick; the step ends after ~30 ms of work or at the
        // first matches, so the first screen of results is not held back.
        while (!finished && result.value.rows.empty() && timer.elapsed() < 30) {
            LogScanChunk chunk = scanLogChunk(db, scan->filter, scan->pattern, scan->beforeId, scan->chunkIds,
                                              scan->remaining);
            scan->scanned += chunk.scanned;
            scan->remaining -= int(chunk.rows.size());
            scan->beforeId = chunk.nextBeforeId;
            scan->chunkIds = std::min(scan->chunkIds * 2, kMaxChunkIds);
            for (LogRow& row : chunk.rows)
                result.value.rows.push_back(std::move(row));
            finished = scan->beforeId <= 0 || scan->remaining <= 0;
        }
        db.executeScript("COMMIT");
        result.ok = true;
    } catch (const SqliteError& e) {
        try {
            if (db.inTransaction())
                db.executeScript("ROLLBACK");
        } catch (const SqliteError&) {
        }
        result.error = readError(e);
        finished = true;
    }
    result.value.scannedTotal = scan->scanned;
    result.value.finished = finished;
    if (!result.value.rows.empty() || finished)
        scan->delivery.deliver(std::move(result));
    if (finished) {
        scan->delivery.close();
        return;
    }
    // Re-queued behind whatever arrived meanwhile: page and histogram requests are served between chunks.
    std::lock_guard lock(closingMutex);
    if (closing)
        scan->delivery.close();
    else
        thread->post([this, scan](SqliteDb& next) { dbThread_scanStep(next, scan); });
}

std::unique_ptr<LogBrowser> LogBrowser::open(const QString& path, QString* error)
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
    if (!QFileInfo::exists(absolute)) {
        setError(
            QCoreApplication::translate("SignalStore", "The signal store “%1” does not exist.").arg(shown));
        return nullptr;
    }
    auto d = std::make_unique<Private>();
    try {
        // Read-write open with query_only: a WAL file needs the -shm, which a read-only open of a
        // database another process writes may not create.
        auto reader = [&absolute] {
            SqliteDb db = SqliteDb::open(absolute, SqliteDb::Access::ReadWrite);
            db.setBusyTimeout(kBusyTimeoutMs);
            db.executeScript(
                "PRAGMA query_only = ON; PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456");
            return db;
        };
        d->thread = std::make_unique<DbThread>(reader(), QStringLiteral("LogBrowser"));
        d->histogramThread = std::make_unique<DbThread>(reader(), QStringLiteral("LogBrowserHistogram"));
    } catch (const SqliteError& e) {
        setError(QCoreApplication::translate("SignalStore", "Cannot open the signal store “%1”: %2.")
                     .arg(shown, e.message()));
        return nullptr;
    }
    return std::unique_ptr<LogBrowser>(new LogBrowser(std::move(d)));
}

LogBrowser::LogBrowser(std::unique_ptr<Private> dd)
    : d(std::move(dd))
{}

LogBrowser::~LogBrowser()
{
    cancelScan();
    {
        std::lock_guard lock(d->closingMutex);
        d->closing = true;
    }
    d->thread->shutdown();
    d->histogramThread->shutdown();
}

void LogBrowser::extent(QObject* context, std::function<void(QueryResult<LogExtent>)> done)
{
    d->post<LogExtent>(nullptr, context, std::move(done), [](SqliteDb& db) { return readLogExtent(db); });
}

void LogBrowser::page(const LogFilter& filter, LogKey key, PageDirection direction, int count,
                      QObject* context, std::function<void(QueryResult<LogPage>)> done)
{
    d->post<LogPage>(&d->pageGeneration, context, std::move(done),
                     [=](SqliteDb& db) { return readLogPage(db, filter, key, direction, count); });
}

void LogBrowser::pageAtTime(const LogFilter& filter, qint64 timeNs, int count, QObject* context,
                            std::function<void(QueryResult<LogPage>)> done)
{
    page(filter, {timeNs, std::numeric_limits<qint64>::max()}, PageDirection::Older, count, context,
         std::move(done));
}

void LogBrowser::matches(const LogFilter& filter, const QString& text, qint64 beforeId, int count,
                         QObject* context, std::function<void(QueryResult<LogPage>)> done)
{
    d->post<LogPage>(&d->matchGeneration, context, std::move(done),
                     [=](SqliteDb& db) { return readLogMatches(db, filter, text, beforeId, count); });
}

void LogBrowser::matchesAtTime(const LogFilter& filter, const QString& text, qint64 timeNs, int count,
                               QObject* context, std::function<void(QueryResult<LogPage>)> done)
{
    d->post<LogPage>(&d->matchGeneration, context, std::move(done), [=](SqliteDb& db) {
        const qint64 beforeId =
            timeNs == std::numeric_limits<qint64>::max() ? idAtTime(db, timeNs) : idAtTime(db, timeNs + 1);
        return readLogMatches(db, filter, text, beforeId, count);
    });
}

void LogBrowser::histogram(qint64 fromNs, qint64 toNs, int buckets, QObject* context,
                           std::function<void(QueryResult<LogHistogram>)> done)
{
    d->post<LogHistogram>(
        &d->histogramGeneration, context, std::move(done),
        [=](SqliteDb& db) { return readLogHistogram(db, fromNs, toNs, buckets); }, d->histogramThread.get());
}

void LogBrowser::scan(const LogFilter& filter, const LogPattern& pattern, qint64 beforeId, int maxMatches,
                      QObject* context, std::function<void(QueryResult<LogScanProgress>)> progress)
{
    auto scan = std::make_shared<Private::Scan>(Private::Scan{
        filter, pattern, beforeId, kFirstChunkIds, std::max(maxMatches, 1), 0, ++d->scanGeneration,
        StreamDelivery<QueryResult<LogScanProgress>>(context, std::move(progress))});
    d->thread->post([this, scan](SqliteDb& db) { d->dbThread_scanStep(db, scan); });
}

void LogBrowser::cancelScan()
{
    ++d->scanGeneration;
}

} // namespace wf::signalstore
