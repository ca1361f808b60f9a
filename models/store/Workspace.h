#pragma once

// The workspace: one SQLite file (WAL) holding everything Watchfloor keeps for a user or an incident.
//
// Opening inspects the file before anything is written and refuses, with a message that names the
// file, anything that is not a Watchfloor workspace this build can use; in every refused case the
// file's bytes and mtime are unchanged and no -wal/-shm files are left behind.
//
// Threads: all writes run on one DB thread that owns the write connection; all reads run on one reader
// thread with its own connection. WAL lets the two run at the same time, so a long query (logs, spans)
// never delays a timeline commit, and a single reader thread keeps the one-owner-per-connection rule
// without per-calling-thread connection bookkeeping. Results come back queued to a context object's
// thread, and are dropped if that object has died.

#include <QString>

#include <functional>
#include <memory>
#include <stdexcept>

class QObject;

namespace wf {

class SqliteDb;

enum class OpenMode {
    ReadWrite,       // an existing workspace; upgraded to the latest schema if older
    ReadOnly,        // an existing workspace at the latest schema; every write is refused
    CreateIfMissing, // as ReadWrite, but a missing (or zero-byte) file becomes a new workspace
};

enum class OpenError {
    None,
    NotFound,        // missing, and not CreateIfMissing; or its folder is missing
    NotAFile,        // a folder or device
    NotSqlite,       // not an SQLite database at all (or an empty file)
    NotWorkspace,    // an SQLite database of another application
    TooNew,          // written by a newer Watchfloor (higher schema version)
    NeedsUpgrade,    // older schema, but opened ReadOnly so it cannot be upgraded
    Corrupt,         // damaged: truncated, garbage pages, quick_check failure
    ReadOnlyFile,    // ReadWrite asked for, but the file or its folder is not writable
    MigrationFailed, // an upgrade step failed and was rolled back
    Io,              // any other failure to read or open the file
};

struct OpenResult;

struct StoreResult
{
    bool ok = false;
    int sqliteCode = 0; // extended SQLite result code of the failure; 0 if it did not come from SQLite
    QString error;      // human-readable; empty when ok
};
using WriteResult = StoreResult;
using ReadResult = StoreResult;

struct WriteOptions
{
    // Sync the WAL to disk at COMMIT (PRAGMA synchronous=FULL) so the change survives power loss, not
    // only an application crash. One fsync per commit: 20-40x fewer commits/s (bench_workspace). The
    // timeline uses it; caches and UI state do not.
    bool durable = false;
};

// Throw from a work function to roll the transaction back and report `message` to the caller.
class WorkError : public std::runtime_error
{
public:
    explicit WorkError(const QString& message);
    const QString& message() const { return m_message; }

private:
    QString m_message;
};

class Workspace
{
public:
    using Work = std::function<void(SqliteDb&)>;
    using Done = std::function<void(const StoreResult&)>;

    static OpenResult open(const QString& path, OpenMode mode);
    static int latestSchemaVersion();

    ~Workspace(); // runs every pending write and read to completion, then closes the file
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const QString& path() const;
    bool isReadOnly() const;
    int schemaVersion() const;

    // Runs `work` on the DB thread inside BEGIN IMMEDIATE ... COMMIT. Any exception (SqliteError,
    // WorkError, std::exception) rolls back. `done` runs on `context`'s thread after the COMMIT has
    // returned, i.e. once the change is saved; never if `context` was destroyed first. Writes run in
    // the order they were queued. `context` and `done` may be null (fire and forget). When the disk is
    // full or fails (SQLITE_FULL, SQLITE_IOERR), the error names the file and says what to do.
    void write(Work work, QObject* context, Done done, WriteOptions options = {});

    // Runs `work` on the reader thread inside one read transaction (a consistent snapshot of committed
    // data; the connection is query_only). A read queued after a write's `done` ran sees that write.
    void read(Work work, QObject* context, Done done);

private:
    struct Private;
    explicit Workspace(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
    friend class WorkspaceOpener;
};

struct OpenResult
{
    std::unique_ptr<Workspace> workspace; // null on error
    OpenError error = OpenError::None;
    QString message; // translated, names the file; empty on success

    explicit operator bool() const { return workspace != nullptr; }
};

} // namespace wf
