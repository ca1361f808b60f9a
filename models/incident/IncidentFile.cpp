#include "IncidentFile.h"

#include "incident/EvidenceStore.h"
#include "incident/SnapshotStore.h"
#include "incident/TimelineSql.h"
#include "incident/postmortem/PostmortemTemplate.h"
#include "store/Migrations.h"
#include "store/SqliteDb.h"
#include "store/SqliteHeader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>

namespace wf::incident {
namespace {

const QString kMetaKey = QStringLiteral("incident_file");

void removeWithSidecars(const QString& path)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

// Copies every row of the incident, byte for byte where the hash chain depends on it.
qint64 copyRows(SqliteDb& src, SqliteDb& dst, qint64 id)
{
    SqliteStatement inc = src.prepare("SELECT id, title, severity, status, services, created_at, updated_at, "
                                      "head_seq, head_hash FROM incidents WHERE id = ?1");
    inc.bind(1, id);
    if (!inc.step())
        throw WorkError(
            QCoreApplication::translate("Timeline", "There is no incident %1 in this workspace.").arg(id));
    dst.execute("INSERT INTO incidents(id, title, severity, status, services, created_at, updated_at, "
                "head_seq, head_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                inc.int64(0), inc.text(1), inc.int64(2), inc.text(3), inc.text(4), inc.int64(5), inc.int64(6),
                inc.int64(7), inc.isNull(8) ? QByteArray() : inc.blob(8));

    SqliteStatement roles = src.prepare("SELECT role, person FROM incident_roles WHERE incident_id = ?1");
    roles.bind(1, id);
    while (roles.step())
        dst.execute("INSERT INTO incident_roles(incident_id, role, person) VALUES (?1, ?2, ?3)", id,
                    roles.text(0), roles.text(1));

    qint64 events = 0;
    SqliteStatement ev = src.prepare("SELECT seq, kind, at, author, payload, corrects, prev_hash, hash "
                                     "FROM timeline_events WHERE incident_id = ?1 ORDER BY seq");
    ev.bind(1, id);
    SqliteStatement insert = dst.prepare("INSERT INTO timeline_events(seq, incident_id, kind, at, author, "
                                         "payload, corrects, prev_hash, hash) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    while (ev.step()) {
        insert.bindAll(ev.int64(0), id, ev.text(1), ev.int64(2), ev.text(3), ev.text(4));
        if (ev.isNull(5))
            insert.bind(7, nullptr);
        else
            insert.bind(7, ev.int64(5));
        insert.bind(8, ev.blob(6)).bind(9, ev.blob(7));
        while (insert.step()) {
        }
        insert.reset();
        ++events;
    }

    SqliteStatement evidence = src.prepare("SELECT id, kind, title, captured_at, author, png, data, sha256 "
                                           "FROM evidence WHERE incident_id = ?1 ORDER BY id");
    evidence.bind(1, id);
    while (evidence.step())
        dst.execute(
            "INSERT INTO evidence(id, incident_id, kind, title, captured_at, author, png, data, sha256) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            evidence.int64(0), id, evidence.text(1), evidence.text(2), evidence.int64(3), evidence.text(4),
            evidence.isNull(5) ? QByteArray() : evidence.blob(5), evidence.text(6), evidence.blob(7));
    return events;
}

void writeMeta(SqliteDb& src, SqliteDb& dst)
{
    const char* sql = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)";
    // The team's postmortem template goes along, so a postmortem made from the file reads the same.
    if (const QString text = readPostmortemTemplate(src); !text.isEmpty())
        dst.execute(sql, QStringLiteral("postmortem_template"), text);
    dst.execute(sql, kMetaKey, QStringLiteral("1"));
    dst.execute(sql, QStringLiteral("exported_at"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
}

// What must hold in the new file before it may replace the target.
void verifyCopy(SqliteDb& dst, qint64 id, const QByteArray& sourceHead, qint64 sourceEvents, qint64 snapshots)
{
    const QString shown =
        QCoreApplication::translate("IncidentFile", "The incident file failed its check: %1");
    for (const ChainReport& c : verifyChains(dst, 0)) {
        if (!c.ok)
            throw WorkError(shown.arg(c.message));
        if (c.incidentId != id || c.events != sourceEvents)
            throw WorkError(
                shown.arg(QCoreApplication::translate("IncidentFile", "its events differ from the "
                                                                      "workspace's.")));
    }
    const QStringList problems = verifyEvidence(dst, 0);
    if (!problems.isEmpty())
        throw WorkError(shown.arg(problems.constFirst()));
    if (const SnapshotRead s = readSnapshots(dst, id);
        !s.problems.isEmpty() || s.snapshots.size() != snapshots)
        throw WorkError(shown.arg(
            s.problems.isEmpty() ? QCoreApplication::translate("IncidentFile", "a panel snapshot is missing.")
                                 : s.problems.constFirst()));
    SqliteStatement head = dst.prepare("SELECT head_hash FROM incidents WHERE id = ?1");
    head.bind(1, id);
    if (!head.step() || (head.isNull(0) ? QByteArray() : head.blob(0)) != sourceHead)
        throw WorkError(shown.arg(QCoreApplication::translate("IncidentFile", "its last event differs.")));
    SqliteStatement check = dst.prepare("PRAGMA quick_check");
    if (check.step() && check.text(0) != QLatin1String("ok"))
        throw WorkError(shown.arg(check.text(0)));
}

} // namespace

void exportIncidentFile(Workspace& source, qint64 incidentId, const QString& target, QObject* context,
                        IncidentFileDone done, QList<PanelSnapshot> panels)
{
    auto out = std::make_shared<IncidentFileResult>();
    const QString absolute = QFileInfo(target).absoluteFilePath();
    out->path = absolute;
    const QString sourcePath = QFileInfo(source.path()).canonicalFilePath();
    source.read(
        [out, incidentId, absolute, sourcePath, panels = std::move(panels)](SqliteDb& src) {
            const QString shown = QDir::toNativeSeparators(absolute);
            if (QFileInfo(absolute).canonicalFilePath() == sourcePath)
                throw WorkError(QCoreApplication::translate(
                                    "IncidentFile", "“%1” is the open workspace; choose another file name.")
                                    .arg(shown));
            // Only an intact record is worth handing on: a broken chain would fail in the copy too.
            for (const ChainReport& c : verifyChains(src, incidentId)) {
                if (!c.ok)
                    throw WorkError(c.message);
            }
            if (const QStringList p = verifyEvidence(src, incidentId); !p.isEmpty())
                throw WorkError(p.constFirst());
            const QByteArray head = [&] {
                SqliteStatement s = src.prepare("SELECT head_hash FROM incidents WHERE id = ?1");
                s.bind(1, incidentId);
                return s.step() && !s.isNull(0) ? s.blob(0) : QByteArray();
            }();

            const QString part = absolute + QStringLiteral(".part");
            removeWithSidecars(part);
            try {
                SqliteDb dst = SqliteDb::open(part, SqliteDb::Access::ReadWriteCreate);
                // Rollback journal, not WAL: one file, nothing beside it, readable from read-only media.
                dst.executeScript("PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE");
                migrate(dst, latestSchemaVersion());
                dst.executeScript("BEGIN IMMEDIATE");
                out->events = copyRows(src, dst, incidentId);
                // Snapshots a read-only incident file already holds travel on; new ones join them.
                SnapshotRead kept = readSnapshots(src, incidentId);
                if (!kept.problems.isEmpty())
                    throw WorkError(kept.problems.constFirst());
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                for (const PanelSnapshot& p : std::as_const(kept.snapshots))
                    insertSnapshot(dst, incidentId, p, now);
                for (const PanelSnapshot& p : panels)
                    insertSnapshot(dst, incidentId, p, now);
                out->snapshots = kept.snapshots.size() + panels.size();
                writeMeta(src, dst);
                dst.executeScript("COMMIT");
                out->evidence = dst.queryInt64("SELECT count(*) FROM evidence").value_or(0);
                verifyCopy(dst, incidentId, head, out->events, out->snapshots);
                dst.executeScript("VACUUM");
                dst.close();
            } catch (...) {
                removeWithSidecars(part);
                throw;
            }
            QFile::remove(absolute);
            if (!QFile::rename(part, absolute)) {
                removeWithSidecars(part);
                throw WorkError(
                    QCoreApplication::translate("IncidentFile", "Could not write “%1”.").arg(shown));
            }
        },
        context,
        [out, done = std::move(done)](const ReadResult& r) {
            out->ok = r.ok;
            out->error = r.error;
            if (done)
                done(*out);
        });
}

bool isIncidentFile(const QString& path)
{
    const SqliteHeader h = readSqliteHeader(path);
    // Incident files are written in rollback-journal mode, so a WAL file is not one, and a read-only
    // connection to a rollback-journal file creates nothing beside it.
    if (h.status != SqliteHeader::Status::Ok || h.applicationId != kWorkspaceApplicationId || h.walMode ||
        QFileInfo::exists(path + QStringLiteral("-journal")))
        return false;
    try {
        SqliteDb db = SqliteDb::open(path, SqliteDb::Access::ReadOnly);
        db.executeScript("PRAGMA query_only = ON");
        SqliteStatement s = db.prepare("SELECT value FROM meta WHERE key = ?1");
        s.bind(1, kMetaKey);
        return s.step() && s.text(0) == QLatin1String("1");
    } catch (const SqliteError&) {
        return false;
    }
}

} // namespace wf::incident
