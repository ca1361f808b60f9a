#pragma once
// Everything a postmortem is made from, read in one snapshot of the workspace: the incident, its
// timeline in order, its evidence, and whether the timeline and evidence are intact.
#include "incident/Evidence.h"
#include "incident/Incident.h"
#include "incident/PanelSnapshot.h"
#include "incident/TimelineEvent.h"
#include "incident/TimelineStore.h"
#include "store/Workspace.h"

#include <QList>
#include <QStringList>

#include <functional>

class QObject;

namespace wf {
class SqliteDb;
}

namespace wf::incident {

struct PostmortemData
{
    Incident incident;
    QList<TimelineEvent> events;   // in seq order
    QList<Evidence> evidence;      // in pinning order
    QStringList integrityProblems; // empty when the chain and every evidence row verify
    // What the dashboards showed over the incident's window: kept in an incident file, or captured from
    // the live panels at export. Feeds the detection section's impact estimate.
    QList<PanelSnapshot> snapshots;
    // The same drawn as pictures (the widgets layer renders them; models cannot draw).
    struct Chart
    {
        QString title;
        QByteArray png;
    };
    QList<Chart> charts;
    QString templateText; // the workspace's postmortem template; empty: the default
    qint64 generatedAtMs = 0;
};

// Throws WorkError when there is no such incident.
PostmortemData readPostmortemData(SqliteDb& db, qint64 incidentId);

using PostmortemDataDone = std::function<void(const ReadResult&, const PostmortemData&)>;
void loadPostmortemData(Workspace& workspace, qint64 incidentId, QObject* context, PostmortemDataDone done);

} // namespace wf::incident
