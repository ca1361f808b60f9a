#pragma once
// Panel snapshots in a workspace or incident file (table `snapshots`, schema 6). Rows are written by
// the incident-file export and read by the offline review; each carries a SHA-256 over its title and
// data, checked on every read, so a damaged or edited snapshot is reported instead of drawn.
#include "incident/PanelSnapshot.h"
#include "store/Workspace.h"

#include <QList>
#include <QStringList>

#include <functional>

class QObject;

namespace wf {
class SqliteDb;
}

namespace wf::incident {

struct SnapshotRead
{
    QList<PanelSnapshot> snapshots; // in the order they were written
    QStringList problems;           // one translated sentence per row that failed its check
};

// Inside a transaction the caller holds. Throws WorkError when validateSnapshot refuses it.
void insertSnapshot(SqliteDb& db, qint64 incidentId, const PanelSnapshot& snapshot, qint64 capturedAtMs);
// A file older than schema 6 has no snapshots: an empty result, not a problem.
SnapshotRead readSnapshots(SqliteDb& db, qint64 incidentId);

using SnapshotsDone = std::function<void(const ReadResult&, const SnapshotRead&)>;
void loadSnapshots(Workspace& workspace, qint64 incidentId, QObject* context, SnapshotsDone done);

} // namespace wf::incident
