#pragma once
// An incident as one self-contained .watchfloor file for offline review: a new workspace holding only
// that incident, its roles, its timeline events with their original seq numbers and hashes, and its
// evidence; nothing else of the source workspace (no data sources, no UI state, no other incidents).
// The copy is verified (hash chain, evidence, head) before it replaces the target, and it is marked
// in its meta table so Watchfloor always opens it read-only: it is a record, not a place to work.
#include "incident/PanelSnapshot.h"
#include "store/Workspace.h"

#include <QString>

#include <functional>

class QObject;

namespace wf::incident {

struct IncidentFileResult
{
    bool ok = false;
    QString error; // translated
    QString path;  // absolute path written
    qint64 events = 0;
    qint64 evidence = 0;
    qint64 snapshots = 0;
};

using IncidentFileDone = std::function<void(const IncidentFileResult&)>;

// Reads one snapshot of `source` (on its reader thread) and writes `target`, replacing it.
// `panels`: what the dashboards showed over the incident's window, stored with it for offline review.
void exportIncidentFile(Workspace& source, qint64 incidentId, const QString& target, QObject* context,
                        IncidentFileDone done, QList<PanelSnapshot> panels = {});

// True for a file exportIncidentFile wrote. Changes nothing on disk; false for anything else,
// including files it cannot read.
bool isIncidentFile(const QString& path);

} // namespace wf::incident
