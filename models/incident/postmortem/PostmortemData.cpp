#include "PostmortemData.h"

#include "incident/EvidenceStore.h"
#include "incident/SnapshotStore.h"
#include "incident/TimelineSql.h"
#include "incident/postmortem/PostmortemTemplate.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QDateTime>

#include <memory>

namespace wf::incident {

PostmortemData readPostmortemData(SqliteDb& db, qint64 incidentId)
{
    PostmortemData d;
    const QList<Incident> incidents = incidentId > 0 ? readIncidents(db, incidentId) : QList<Incident>{};
    if (incidents.isEmpty())
        throw WorkError(QCoreApplication::translate("Timeline", "There is no incident %1 in this workspace.")
                            .arg(incidentId));
    d.incident = incidents.constFirst();
    SqliteStatement s = db.prepare("SELECT seq, incident_id, kind, at, author, payload, corrects, prev_hash, "
                                   "hash FROM timeline_events WHERE incident_id = ?1 ORDER BY seq");
    s.bind(1, incidentId);
    while (s.step())
        d.events.append(readEventRow(s));
    d.evidence = readEvidence(db, incidentId);
    for (const ChainReport& c : verifyChains(db, incidentId)) {
        if (!c.ok)
            d.integrityProblems << c.message;
    }
    d.integrityProblems << verifyEvidence(db, incidentId);
    SnapshotRead shots = readSnapshots(db, incidentId);
    d.integrityProblems << shots.problems;
    d.snapshots = std::move(shots.snapshots);
    d.templateText = readPostmortemTemplate(db);
    d.generatedAtMs = QDateTime::currentMSecsSinceEpoch();
    return d;
}

void loadPostmortemData(Workspace& workspace, qint64 incidentId, QObject* context, PostmortemDataDone done)
{
    auto out = std::make_shared<PostmortemData>();
    workspace.read([out, incidentId](SqliteDb& db) { *out = readPostmortemData(db, incidentId); }, context,
                   [out, done = std::move(done)](const ReadResult& r) {
                       if (done)
                           done(r, r.ok ? *out : PostmortemData{});
                   });
}

} // namespace wf::incident
