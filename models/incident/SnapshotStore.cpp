#include "SnapshotStore.h"

#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <memory>

namespace wf::incident {
namespace {

QByteArray snapshotHash(qint64 incidentId, const QString& title, qint64 capturedAtMs, const QByteArray& data)
{
    // Length-prefixed fields: no two different rows hash the same bytes.
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto field = [&h](const QByteArray& bytes) {
        const qint64 n = bytes.size();
        h.addData(QByteArrayView(reinterpret_cast<const char*>(&n), sizeof n));
        h.addData(bytes);
    };
    field(QByteArray::number(incidentId));
    field(title.toUtf8());
    field(QByteArray::number(capturedAtMs));
    field(data);
    return h.result();
}

bool hasSnapshotTable(SqliteDb& db)
{
    SqliteStatement s = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'snapshots'");
    return s.step();
}

} // namespace

void insertSnapshot(SqliteDb& db, qint64 incidentId, const PanelSnapshot& snapshot, qint64 capturedAtMs)
{
    if (const QString why = validateSnapshot(snapshot); !why.isEmpty())
        throw WorkError(
            QCoreApplication::translate("Snapshot", "“%1” was not kept: %2").arg(snapshot.title, why));
    const QByteArray data = encodeSnapshotData(snapshot);
    db.execute(
        "INSERT INTO snapshots(incident_id, title, captured_at, data, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
        incidentId, snapshot.title, capturedAtMs, data,
        snapshotHash(incidentId, snapshot.title, capturedAtMs, data));
}

SnapshotRead readSnapshots(SqliteDb& db, qint64 incidentId)
{
    SnapshotRead out;
    if (!hasSnapshotTable(db))
        return out;
    SqliteStatement s = db.prepare(
        "SELECT id, title, captured_at, data, sha256 FROM snapshots WHERE incident_id = ?1 ORDER BY id");
    s.bind(1, incidentId);
    while (s.step()) {
        const qint64 id = s.int64(0);
        const QString title = s.text(1);
        const QByteArray data = s.isNull(3) ? QByteArray() : s.blob(3);
        if (snapshotHash(incidentId, title, s.int64(2), data) != (s.isNull(4) ? QByteArray() : s.blob(4))) {
            out.problems << QCoreApplication::translate("Snapshot",
                                                        "Snapshot %1 (“%2”) does not match its checksum: "
                                                        "it was changed after it was written.")
                                .arg(id)
                                .arg(title);
            continue;
        }
        QString error;
        std::optional<PanelSnapshot> snapshot = decodeSnapshotData(data, &error);
        if (!snapshot) {
            out.problems << QCoreApplication::translate("Snapshot", "Snapshot %1 (“%2”): %3")
                                .arg(id)
                                .arg(title, error);
            continue;
        }
        snapshot->title = title;
        out.snapshots.append(std::move(*snapshot));
    }
    return out;
}

void loadSnapshots(Workspace& workspace, qint64 incidentId, QObject* context, SnapshotsDone done)
{
    auto out = std::make_shared<SnapshotRead>();
    workspace.read([out, incidentId](SqliteDb& db) { *out = readSnapshots(db, incidentId); }, context,
                   [out, done = std::move(done)](const ReadResult& r) {
                       if (done)
                           done(r, *out);
                   });
}

} // namespace wf::incident
