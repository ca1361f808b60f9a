// Fuzz target: opening an incident file for offline review, the path a `.watchfloor` file from a
// stranger takes: isIncidentFile, a read-only open, the hash-chain and evidence checks, the panel
// snapshots, and a postmortem rendered from whatever is inside. Beyond "never crashes" it checks:
//   - nothing on this path changes the file or leaves -wal/-shm/-journal files beside it;
//   - a file that passes isIncidentFile opens read-only, and every read either succeeds or throws a
//     WorkError/SqliteError with a message (what the app shows), never anything else;
//   - the HTML postmortem of a hostile file never contains a raw <script from its contents.
// A violated check aborts, so the driver keeps the input as crash-*.bin.
//
// Seeds in tests/fuzz/corpus/incident_file/ are real incident files (page_size 512) written by
// make_incident_seeds (tests/fuzz): an incident with notes, a status change, evidence and a panel
// snapshot, one whose texts carry HTML, and one with an empty timeline.

#include "incident/IncidentFile.h"
#include "incident/SnapshotStore.h"
#include "incident/TimelineSql.h"
#include "incident/postmortem/HtmlWriter.h"
#include "incident/postmortem/PostmortemData.h"
#include "incident/postmortem/PostmortemDocument.h"
#include "store/SqliteDb.h"
#include "store/Workspace.h"

#include <QCoreApplication>
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
    std::fprintf(stderr, "fuzz_incident_file: %s %s\n", what, detail.toUtf8().constData());
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

// What the review reads, straight on a read-only connection (the Workspace does the same on its
// reader thread).
void review(const QString& path)
{
    wf::SqliteDb db = wf::SqliteDb::open(path, wf::SqliteDb::Access::ReadOnly);
    db.executeScript("PRAGMA query_only = ON");
    for (const wf::incident::ChainReport& c : wf::incident::verifyChains(db, 0)) {
        if (!c.ok && c.message.isEmpty())
            violated("a broken chain without a message");
    }
    for (const wf::incident::Incident& i : wf::incident::readIncidents(db, 0)) {
        const wf::incident::SnapshotRead shots = wf::incident::readSnapshots(db, i.id);
        for (const QString& p : shots.problems)
            if (p.isEmpty())
                violated("an empty snapshot problem");
        const wf::incident::PostmortemData data = wf::incident::readPostmortemData(db, i.id);
        const QString html =
            wf::incident::renderHtml(wf::incident::buildPostmortem(data), wf::incident::HtmlImages::DataUri);
        if (html.contains(QLatin1String("<script"), Qt::CaseInsensitive))
            violated("unescaped <script in the HTML postmortem");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir dir(QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                                 ? QStringLiteral("/dev/shm/fuzz_incident_file-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/fuzz_incident_file-XXXXXX"));
    if (!dir.isValid())
        violated("no temporary directory");
    const QString path = dir.filePath(QStringLiteral("fuzz.watchfloor"));
    for (const char* s : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(s));
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(input) != input.size())
            violated("cannot write the input file");
    }

    if (wf::incident::isIncidentFile(path)) {
        wf::OpenResult r = wf::Workspace::open(path, wf::OpenMode::ReadOnly);
        if (bool(r.workspace) == !r.message.isEmpty())
            violated("result is not exactly one of workspace or message:", r.message);
        if (r.workspace && !r.workspace->isReadOnly())
            violated("an incident file opened writable");
        r.workspace.reset();
        try {
            review(path);
        } catch (const wf::WorkError& e) {
            if (QString::fromUtf8(e.what()).isEmpty())
                violated("a WorkError without a message");
        } catch (const wf::SqliteError& e) {
            if (e.message().isEmpty())
                violated("a SqliteError without a message");
        }
    }
    if (contents(path) != input)
        violated("reviewing changed the file");
    if (hasSidecars(path))
        violated("reviewing left sidecar files");
    return 0;
}
