// Workspace::open: inspect the file without changing it, then upgrade and open it.
//
// Order matters. Everything that can refuse a file runs before anything can write to it:
//   1. file system: exists, is a file, writable (for ReadWrite);
//   2. the raw 100-byte header, read with QFile: magic, format bytes, application_id, user_version,
//      truncation -- no SQLite connection yet, so nothing can create -wal/-shm or roll back a journal;
//   3. a query_only inspection connection: the same checks through SQLite (authoritative when a WAL
//      holds newer pages than the header), then PRAGMA quick_check. It is opened read-write when the
//      file and folder are writable and no WAL/journal was left behind, because only a read-write
//      connection removes the -wal/-shm files it creates when it closes; a SQLITE_OPEN_READONLY one
//      leaves them beside the user's file.
// Only then: migrations (in the file's current journal mode, so a failed upgrade rolls back to the
// original bytes), journal_mode=WAL, and the connections the DB and reader threads own.

#include "Migrations.h"
#include "SqliteDb.h"
#include "SqliteHeader.h"
#include "WorkspacePrivate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace wf {

namespace {

constexpr int kBusyTimeoutMs = 5000;

OpenResult fail(OpenError error, const QString& message)
{
    OpenResult r;
    r.error = error;
    r.message = message;
    return r;
}

qint64 sidecarSize(const QString& path, const char* suffix)
{
    const QFileInfo info(path + QLatin1String(suffix));
    return info.exists() ? info.size() : -1;
}

struct FileState
{
    bool fileWritable = false;
    bool dirWritable = false;
    bool walLeftover = false;     // a non-empty -wal: the header may be older than the database
    bool journalLeftover = false; // a -journal: possibly hot; a read-write connection would roll it back
    bool anySidecar = false;

    bool canInspectReadWrite() const
    {
        return fileWritable && dirWritable && !walLeftover && !journalLeftover;
    }
};

// A connection that cannot write to the database (query_only), opened so that it leaves no sidecar
// files behind when closed (see the top of this file).
SqliteDb openQueryOnly(const QString& path, const FileState& fs)
{
    SqliteDb db;
    if (fs.canInspectReadWrite()) {
        db = SqliteDb::open(path, SqliteDb::Access::ReadWrite);
    } else {
        // Where we cannot create -wal/-shm files (and none exist), tell SQLite the file is immutable:
        // that is the only way to read a WAL-mode file there, and it creates nothing.
        const bool immutable = (!fs.fileWritable || !fs.dirWritable) && !fs.anySidecar;
        db = SqliteDb::open(path, SqliteDb::Access::ReadOnly, immutable);
    }
    db.setBusyTimeout(kBusyTimeoutMs);
    db.executeScript("PRAGMA query_only = ON");
    return db;
}

// quick_check reports "*** in database main ***\nPage 3: ..." and more lines; one line is enough for
// a message box, and the rest means little to a user.
QString firstProblem(const QString& report)
{
    const QStringList lines = report.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines)
        if (!line.startsWith(QLatin1String("***")))
            return line.trimmed();
    return report.trimmed();
}

OpenError classify(const SqliteError& e)
{
    switch (e.primaryCode()) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
        return OpenError::Corrupt;
    case SQLITE_READONLY:
        return OpenError::ReadOnlyFile;
    default:
        return OpenError::Io;
    }
}

class Opener
{
public:
    Opener(const QString& path, OpenMode mode)
        : m_path(QFileInfo(path).absoluteFilePath())
        , m_shown(QDir::toNativeSeparators(m_path))
        , m_mode(mode)
    {}

    OpenResult run();

private:
    OpenResult checkHeader(const SqliteHeader& h);
    OpenResult inspect(int* version);
    enum class Created { No, NewFile, FromEmptyFile };
    OpenResult openWriter(int fromVersion, Created created);
    OpenResult openReadOnly(int version);
    OpenResult finish(std::unique_ptr<WorkspaceOpener::Private> d);
    OpenResult sqliteFailure(const SqliteError& e);
    void undoCreate(Created created);

    QString m_path;
    QString m_shown; // the path as the user knows it, for messages
    OpenMode m_mode;
    FileState m_fs;
};

OpenResult Opener::run()
{
    const QFileInfo info(m_path);
    const QFileInfo dir(info.absolutePath());
    if (!info.exists()) {
        if (m_mode != OpenMode::CreateIfMissing)
            return fail(OpenError::NotFound,
                        QCoreApplication::translate("Workspace", "The workspace file “%1” does not exist.")
                            .arg(m_shown));
        if (!dir.isDir())
            return fail(OpenError::NotFound,
                        QCoreApplication::translate(
                            "Workspace", "Cannot create the workspace “%1”: its folder does not exist.")
                            .arg(m_shown));
        return openWriter(0, Created::NewFile);
    }
    if (!info.isFile())
        return fail(OpenError::NotAFile,
                    QCoreApplication::translate("Workspace",
                                                "“%1” is not a file, so it cannot be a Watchfloor workspace.")
                        .arg(m_shown));

    m_fs.fileWritable = info.isWritable();
    m_fs.dirWritable = dir.isWritable();
    m_fs.walLeftover = sidecarSize(m_path, "-wal") > 0;
    m_fs.journalLeftover = sidecarSize(m_path, "-journal") >= 0;
    m_fs.anySidecar = m_fs.walLeftover || m_fs.journalLeftover || sidecarSize(m_path, "-wal") >= 0 ||
                      sidecarSize(m_path, "-shm") >= 0;

    const SqliteHeader header = readSqliteHeader(m_path);
    if (header.status == SqliteHeader::Status::Empty && m_mode == OpenMode::CreateIfMissing) {
        if (!m_fs.fileWritable || !m_fs.dirWritable)
            return fail(
                OpenError::ReadOnlyFile,
                QCoreApplication::translate(
                    "Workspace", "Cannot create the workspace “%1”: the file or its folder is read-only.")
                    .arg(m_shown));
        return openWriter(0, Created::FromEmptyFile);
    }
    if (OpenResult r = checkHeader(header); r.error != OpenError::None)
        return r;

    if (m_mode != OpenMode::ReadOnly && (!m_fs.fileWritable || !m_fs.dirWritable)) {
        const QString why = !m_fs.fileWritable
                                ? QCoreApplication::translate("Workspace", "the file is not writable")
                                : QCoreApplication::translate(
                                      "Workspace", "its folder is not writable, so SQLite cannot keep "
                                                   "its write-ahead log there");
        return fail(OpenError::ReadOnlyFile,
                    QCoreApplication::translate(
                        "Workspace",
                        "“%1” cannot be opened for editing: %2. Open it read-only to view it; nothing was "
                        "changed.")
                        .arg(m_shown, why));
    }

    int version = 0;
    if (OpenResult r = inspect(&version); r.error != OpenError::None)
        return r;
    if (m_mode == OpenMode::ReadOnly)
        return openReadOnly(version);
    return openWriter(version, Created::No);
}

OpenResult Opener::checkHeader(const SqliteHeader& h)
{
    using S = SqliteHeader::Status;
    switch (h.status) {
    case S::Unreadable:
        return fail(OpenError::Io,
                    QCoreApplication::translate("Workspace", "Cannot read “%1”: %2.").arg(m_shown, h.detail));
    case S::Empty:
        return fail(
            OpenError::NotSqlite,
            QCoreApplication::translate(
                "Workspace", "“%1” is an empty file, not a Watchfloor workspace. Nothing was changed.")
                .arg(m_shown));
    case S::NotSqlite:
        return fail(OpenError::NotSqlite,
                    QCoreApplication::translate(
                        "Workspace",
                        "“%1” is not a Watchfloor workspace: it is not an SQLite database. Nothing was "
                        "changed.")
                        .arg(m_shown));
    case S::Damaged:
        return fail(OpenError::Corrupt,
                    QCoreApplication::translate(
                        "Workspace", "“%1” is damaged and cannot be opened (%2). Nothing was changed.")
                        .arg(m_shown, h.detail));
    case S::Ok:
        break;
    }
    // A non-empty WAL may hold a newer page 1; then only SQLite's view counts (inspect()).
    if (m_fs.walLeftover)
        return {};
    if (h.applicationId != 0 && h.applicationId != kWorkspaceApplicationId)
        return fail(OpenError::NotWorkspace,
                    QCoreApplication::translate("Workspace",
                                                "“%1” is an SQLite database of another application "
                                                "(application id 0x%2), not a Watchfloor workspace. "
                                                "Nothing was changed.")
                        .arg(m_shown)
                        .arg(h.applicationId, 8, 16, QLatin1Char('0')));
    if (h.userVersion > quint32(latestSchemaVersion()))
        return fail(OpenError::TooNew,
                    QCoreApplication::translate(
                        "Workspace", "“%1” was written by a newer Watchfloor (schema %2, this version "
                                     "knows %3); nothing was changed.")
                        .arg(m_shown)
                        .arg(h.userVersion)
                        .arg(latestSchemaVersion()));
    if (h.declaredSize > 0 && h.fileSize < h.declaredSize)
        return fail(OpenError::Corrupt,
                    QCoreApplication::translate(
                        "Workspace", "“%1” is damaged and cannot be opened (it is truncated: %2 of %3 "
                                     "bytes). Nothing was changed.")
                        .arg(m_shown)
                        .arg(h.fileSize)
                        .arg(h.declaredSize));
    return {};
}

OpenResult Opener::inspect(int* version)
{
    try {
        SqliteDb db = openQueryOnly(m_path, m_fs);
        const auto appId = quint32(db.queryInt64("PRAGMA application_id").value_or(0));
        const auto userVersion = db.queryInt64("PRAGMA user_version").value_or(0);
        const auto tables = db.queryInt64("SELECT count(*) FROM sqlite_schema").value_or(0);
        if (appId != kWorkspaceApplicationId && (appId != 0 || tables > 0 || userVersion != 0))
            return fail(OpenError::NotWorkspace,
                        QCoreApplication::translate(
                            "Workspace",
                            "“%1” is an SQLite database but not a Watchfloor workspace (application id "
                            "0x%2). Nothing was changed.")
                            .arg(m_shown)
                            .arg(appId, 8, 16, QLatin1Char('0')));
        if (userVersion > latestSchemaVersion())
            return fail(OpenError::TooNew,
                        QCoreApplication::translate("Workspace",
                                                    "“%1” was written by a newer Watchfloor (schema %2, this "
                                                    "version knows %3); nothing was changed.")
                            .arg(m_shown)
                            .arg(userVersion)
                            .arg(latestSchemaVersion()));
        // quick_check reads every page (O(file size)) but skips the index cross-checks of
        // integrity_check; it is what catches garbage pages after a valid header.
        SqliteStatement check = db.prepare("PRAGMA quick_check(10)");
        if (check.step() && check.text(0) != QLatin1String("ok"))
            return fail(OpenError::Corrupt,
                        QCoreApplication::translate(
                            "Workspace", "“%1” is damaged and cannot be opened (%2). Nothing was changed.")
                            .arg(m_shown, firstProblem(check.text(0))));
        *version = int(userVersion);
        return {};
    } catch (const SqliteError& e) {
        return sqliteFailure(e);
    }
}

OpenResult Opener::sqliteFailure(const SqliteError& e)
{
    const OpenError kind = classify(e);
    if (kind == OpenError::Corrupt)
        return fail(kind, QCoreApplication::translate(
                              "Workspace", "“%1” is damaged and cannot be opened (%2). Nothing was changed.")
                              .arg(m_shown, e.message()));
    if (e.primaryCode() == SQLITE_BUSY || e.primaryCode() == SQLITE_LOCKED)
        return fail(OpenError::Io,
                    QCoreApplication::translate(
                        "Workspace", "“%1” is locked by another program (%2). Nothing was changed.")
                        .arg(m_shown, e.message()));
    return fail(kind,
                QCoreApplication::translate("Workspace", "Cannot open “%1”: %2.").arg(m_shown, e.message()));
}

// Only for files this call created: an existing workspace is never deleted, and SQLite removes the
// -wal/-shm files of its read-write connections itself.
void Opener::undoCreate(Created created)
{
    if (created == Created::No)
        return;
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(m_path + QLatin1String(suffix));
    if (created == Created::FromEmptyFile)
        QFile::resize(m_path, 0);
    else
        QFile::remove(m_path);
}

OpenResult Opener::openWriter(int fromVersion, Created created)
{
    auto cleanUp = [&] { undoCreate(created); };
    auto d = std::make_unique<WorkspaceOpener::Private>();
    d->path = m_path;
    SqliteDb writer;
    try {
        writer = SqliteDb::open(m_path, created == Created::NewFile ? SqliteDb::Access::ReadWriteCreate
                                                                    : SqliteDb::Access::ReadWrite);
        if (writer.isReadOnly()) {
            cleanUp();
            return fail(OpenError::ReadOnlyFile,
                        QCoreApplication::translate("Workspace",
                                                    "“%1” cannot be opened for editing: SQLite could only "
                                                    "open it read-only. Open it read-only to view it; "
                                                    "nothing was changed.")
                            .arg(m_shown));
        }
        writer.setBusyTimeout(kBusyTimeoutMs);
        writer.executeScript("PRAGMA foreign_keys = ON");
    } catch (const SqliteError& e) {
        cleanUp();
        return sqliteFailure(e);
    }
    try {
        migrate(writer, latestSchemaVersion());
    } catch (const SqliteError& e) {
        writer.close();
        cleanUp();
        return fail(OpenError::MigrationFailed,
                    QCoreApplication::translate("Workspace",
                                                "Could not upgrade “%1” from schema %2 to %3 (%4). The "
                                                "failed step was rolled back.")
                        .arg(m_shown)
                        .arg(fromVersion)
                        .arg(latestSchemaVersion())
                        .arg(e.message()));
    }
    try {
        // After the migrations, so that a refused upgrade leaves an old rollback-journal file as it was.
        writer.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
        d->schemaVersion = int(writer.queryInt64("PRAGMA user_version").value_or(0));
        SqliteDb reader = SqliteDb::open(m_path, SqliteDb::Access::ReadWrite);
        reader.setBusyTimeout(kBusyTimeoutMs);
        reader.executeScript("PRAGMA query_only = ON");
        d->writer = std::make_unique<DbThread>(std::move(writer), QStringLiteral("wf-db-writer"));
        d->reader = std::make_unique<DbThread>(std::move(reader), QStringLiteral("wf-db-reader"));
    } catch (const SqliteError& e) {
        d.reset();
        cleanUp();
        return sqliteFailure(e);
    }
    return finish(std::move(d));
}

OpenResult Opener::openReadOnly(int version)
{
    if (version < latestSchemaVersion())
        return fail(
            version == 0 ? OpenError::NotWorkspace : OpenError::NeedsUpgrade,
            version == 0
                ? QCoreApplication::translate(
                      "Workspace", "“%1” is an empty SQLite database, not a Watchfloor workspace. Nothing "
                                   "was changed.")
                      .arg(m_shown)
                : QCoreApplication::translate(
                      "Workspace", "“%1” uses an older workspace format (schema %2, this version uses %3). "
                                   "Upgrading it needs it opened for editing; nothing was changed.")
                      .arg(m_shown)
                      .arg(version)
                      .arg(latestSchemaVersion()));
    try {
        auto d = std::make_unique<WorkspaceOpener::Private>();
        d->path = m_path;
        d->readOnly = true;
        d->schemaVersion = version;
        d->reader = std::make_unique<DbThread>(openQueryOnly(m_path, m_fs), QStringLiteral("wf-db-reader"));
        return finish(std::move(d));
    } catch (const SqliteError& e) {
        return sqliteFailure(e);
    }
}

OpenResult Opener::finish(std::unique_ptr<WorkspaceOpener::Private> d)
{
    OpenResult r;
    r.workspace = WorkspaceOpener::make(std::move(d));
    return r;
}

} // namespace

OpenResult WorkspaceOpener::open(const QString& path, OpenMode mode)
{
    return Opener(path, mode).run();
}

} // namespace wf
