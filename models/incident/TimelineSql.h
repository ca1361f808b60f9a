#pragma once
// The timeline's SQL building blocks, for code that must work inside one transaction with the timeline:
// pinning evidence (the evidence row and its event commit together) and exporting an incident file
// (which verifies the copy on its own connection). Everyone else goes through TimelineStore.
#include "incident/Incident.h"
#include "incident/TimelineEvent.h"
#include "incident/TimelineStore.h"

#include <QList>

namespace wf {
class SqliteDb;
class SqliteStatement;
} // namespace wf

namespace wf::incident {

// Appends inside the caller's transaction; fills seq, atMs, prevHash and hash of `ev`. Throws
// WorkError or SqliteError.
void appendInTransaction(SqliteDb& db, TimelineEvent& ev);

// One row of "SELECT seq, incident_id, kind, at, author, payload, corrects, prev_hash, hash".
TimelineEvent readEventRow(const SqliteStatement& s);

// incidentId 0: every incident. Roles included.
QList<Incident> readIncidents(SqliteDb& db, qint64 incidentId);

// Walks the hash chains (incidentId 0: all); what TimelineStore::verify reports.
QList<ChainReport> verifyChains(SqliteDb& db, qint64 incidentId);

} // namespace wf::incident
