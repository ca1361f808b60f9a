#include "Workspace.h"

#include "CompletionNotifier.h"
#include "Migrations.h"
#include "SqliteDb.h"
#include "WorkspacePrivate.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>

#include <sqlite3.h>

namespace wf {

WorkError::WorkError(const QString& message)
    : std::runtime_error(message.toStdString())
    , m_message(message)
{}

// ---- Completion --------------------------------------------------------------------------------

Completion::Completion(QObject* context, Workspace::Done done)
{
    if (!context || !done)
        return;
    m_result = std::make_shared<StoreResult>();
    m_notifier = new CompletionNotifier;
    // The notifier lives where the context lives, so its deleteLater() runs on a thread that has an
    // event loop whenever the callback itself can be delivered.
    m_notifier->moveToThread(context->thread());
    QObject::connect(
        m_notifier, &CompletionNotifier::finished, context,
        [done = std::move(done), result = m_result] { done(*result); }, Qt::QueuedConnection);
}

void Completion::deliver(StoreResult result) const
{
    if (!m_notifier)
        return;
    *m_result = std::move(result); // published to the context's thread by the queued event
    Q_EMIT m_notifier->finished();
    m_notifier->deleteLater();
}

// ---- Transactions (run on a DbThread) ----------------------------------------------------------

namespace {

StoreResult failure(int code, const QString& message)
{
    return StoreResult{false, code, message};
}

// Never throws: an exception escaping a DbThread job would terminate the process.
void dbThread_rollback(SqliteDb& db) noexcept
{
    try {
        if (db.inTransaction())
            db.executeScript("ROLLBACK");
    } catch (const SqliteError&) {
        // SQLite has already rolled back (e.g. after SQLITE_FULL) or the connection is gone.
    }
}

StoreResult dbThread_transaction(SqliteDb& db, const char* begin, const Workspace::Work& work)
{
    try {
        db.executeScript(begin);
        work(db);
        db.executeScript("COMMIT");
        return StoreResult{true, 0, {}};
    } catch (const SqliteError& e) {
        dbThread_rollback(db);
        return failure(e.code(), e.message());
    } catch (const WorkError& e) {
        dbThread_rollback(db);
        return failure(0, e.message());
    } catch (const std::exception& e) {
        dbThread_rollback(db);
        return failure(0, QString::fromUtf8(e.what()));
    } catch (...) {
        dbThread_rollback(db);
        return failure(0, QCoreApplication::translate("Workspace", "unknown error"));
    }
}

StoreResult dbThread_write(SqliteDb& db, const Workspace::Work& work, WriteOptions options)
{
    if (!options.durable)
        return dbThread_transaction(db, "BEGIN IMMEDIATE", work);
    // synchronous is per connection and cannot change inside a transaction: switch around it.
    try {
        db.executeScript("PRAGMA synchronous = FULL");
    } catch (const SqliteError& e) {
        return failure(e.code(), e.message());
    }
    StoreResult result = dbThread_transaction(db, "BEGIN IMMEDIATE", work);
    try {
        db.executeScript("PRAGMA synchronous = NORMAL");
    } catch (const SqliteError&) {
        // Only fails if the connection is unusable; the next write reports that.
    }
    return result;
}

// SQLite's own words ("database or disk is full", "disk I/O error") name neither the file nor what to
// do, and a person must learn from the message that the change is not saved.
StoreResult explained(StoreResult r, const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    switch (r.sqliteCode & 0xff) {
    case SQLITE_FULL:
        r.error = QCoreApplication::translate("Workspace", "Not saved: the disk that holds “%1” is full. "
                                                           "Free some space on it, then try again.")
                      .arg(shown);
        break;
    case SQLITE_IOERR:
        r.error = QCoreApplication::translate("Workspace", "Not saved: the disk could not write “%1” (%2). "
                                                           "Check that the disk is connected and working, "
                                                           "then try again.")
                      .arg(shown, r.error);
        break;
    default:
        break;
    }
    return r;
}

} // namespace

// ---- Workspace ---------------------------------------------------------------------------------

Workspace::Workspace(std::unique_ptr<Private> dd)
    : d(std::move(dd))
{}

Workspace::~Workspace()
{
    // Writes first: everything queued is committed before the file closes. Then reads (which may
    // have been queued to observe those writes). The DbThread destructors close the connections.
    if (d->writer)
        d->writer->shutdown();
    d->reader->shutdown();
    d->reader.reset();
    d->writer.reset();
}

OpenResult Workspace::open(const QString& path, OpenMode mode)
{
    return WorkspaceOpener::open(path, mode);
}

int Workspace::latestSchemaVersion()
{
    return wf::latestSchemaVersion();
}

const QString& Workspace::path() const
{
    return d->path;
}

bool Workspace::isReadOnly() const
{
    return d->readOnly;
}

int Workspace::schemaVersion() const
{
    return d->schemaVersion;
}

void Workspace::write(Work work, QObject* context, Done done, WriteOptions options)
{
    const Completion completion(context, std::move(done));
    if (!d->writer) {
        completion.deliver(
            failure(0, QCoreApplication::translate("Workspace", "“%1” is open read-only; the change was "
                                                                "not saved.")
                           .arg(QDir::toNativeSeparators(d->path))));
        return;
    }
    d->writer->post([work = std::move(work), completion, options, path = d->path](SqliteDb& db) {
        completion.deliver(explained(dbThread_write(db, work, options), path));
    });
}

void Workspace::read(Work work, QObject* context, Done done)
{
    const Completion completion(context, std::move(done));
    d->reader->post([work = std::move(work), completion](SqliteDb& db) {
        // A deferred BEGIN: one snapshot of committed data for every statement in `work`.
        completion.deliver(dbThread_transaction(db, "BEGIN", work));
    });
}

} // namespace wf
