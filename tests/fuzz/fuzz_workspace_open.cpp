// Fuzz target: Workspace::open on arbitrary file contents. Beyond "never crashes", it checks the
// opening contract on every input:
//   - the result is either a workspace or an error message, never both or neither;
//   - ReadOnly never changes the file, whatever the outcome, and leaves no -wal/-shm/-journal files;
//   - a refused ReadWrite open leaves the file's bytes as they were, and no sidecar files;
//   - a file accepted for ReadWrite takes a write and opens again afterwards.
// A violated check aborts, so the driver keeps the input as crash-*.bin.
//
// Seeds in tests/fuzz/corpus/workspace/ were made with the sqlite3 CLI at page_size=512 (small files,
// so mutations hit structure often): v1 and v2 (WAL) workspaces with a row per table, a workspace
// from a "future" schema 9, and a foreign SQLite file without an application_id.

#include "store/SqliteDb.h"
#include "store/Workspace.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void violated(const char* what, const QString& detail = {})
{
    std::fprintf(stderr, "fuzz_workspace_open: %s %s\n", what, detail.toUtf8().constData());
    std::abort();
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool hasSidecars(const QString& path)
{
    for (const char* s : {"-wal", "-shm", "-journal"})
        if (QFile::exists(path + QLatin1String(s)))
            return true;
    return false;
}

void reset(const QString& path, const uint8_t* data, size_t size)
{
    for (const char* s : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(s));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(reinterpret_cast<const char*>(data), qint64(size)) != qint64(size))
        violated("cannot write the input file");
}

wf::OpenResult openChecked(const QString& path, wf::OpenMode mode)
{
    wf::OpenResult r = wf::Workspace::open(path, mode);
    if (bool(r.workspace) == !r.message.isEmpty())
        violated("result is not exactly one of workspace or message:", r.message);
    if (!r.workspace && r.error == wf::OpenError::None)
        violated("error without an error kind:", r.message);
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // tmpfs where there is one: the target measures logic, not fsync, and gets ~10x the iterations.
    static QTemporaryDir dir(QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                                 ? QStringLiteral("/dev/shm/fuzz_workspace_open-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/fuzz_workspace_open-XXXXXX"));
    if (!dir.isValid())
        violated("no temporary directory");
    const QString path = dir.filePath(QStringLiteral("fuzz.watchfloor"));
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));

    reset(path, data, size);
    {
        wf::OpenResult r = openChecked(path, wf::OpenMode::ReadOnly);
        r.workspace.reset();
        if (contents(path) != input)
            violated("ReadOnly changed the file:", r.message);
        if (hasSidecars(path))
            violated("ReadOnly left sidecar files:", r.message);
    }

    reset(path, data, size);
    wf::OpenResult r = openChecked(path, wf::OpenMode::ReadWrite);
    if (!r.workspace) {
        // A failed upgrade is rolled back, but may have rewritten pages with the same content.
        if (r.error != wf::OpenError::MigrationFailed && contents(path) != input)
            violated("a refused ReadWrite open changed the file:", r.message);
        if (hasSidecars(path))
            violated("a refused ReadWrite open left sidecar files:", r.message);
        return 0;
    }
    r.workspace->write(
        [](wf::SqliteDb& db) {
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", QStringLiteral("fuzz"),
                       QStringLiteral("1"));
        },
        nullptr, nullptr);
    r.workspace.reset(); // drains the write
    if (hasSidecars(path))
        violated("closing an accepted workspace left sidecar files");
    wf::OpenResult again = openChecked(path, wf::OpenMode::ReadWrite);
    if (!again.workspace)
        violated("an accepted workspace cannot be opened again:", again.message);
    return 0;
}
