#pragma once
// Incidents and their append-only timeline, in the workspace. An event counts as saved only when its
// transaction has committed with synchronous=FULL (the `done` callback), so what the UI shows as saved
// survives a crash or a power cut. Every event is hash-chained to its incident's previous one;
// verify() walks the chains and names the first event that does not match.
#include "incident/Incident.h"
#include "incident/TimelineEvent.h"
#include "store/Workspace.h"

#include <QList>

#include <functional>

class QObject;

namespace wf::incident {

struct TimelineFilter
{
    qint64 incidentId = 0;
    QList<EventKind> kinds; // empty: all
    QString text;           // case-insensitive substring of the payload; empty: all
    qint64 afterSeq = 0;    // only events with seq > afterSeq (for incremental refresh)
    int limit = 10000;
};

struct ChainReport
{
    bool ok = true;
    qint64 incidentId = 0;
    qint64 events = 0;
    qint64 firstBadSeq = 0; // 0 when ok
    QString message;        // translated; names the incident and event when not ok
};

class TimelineStore
{
public:
    explicit TimelineStore(Workspace& workspace);

    using DeclareDone = std::function<void(const WriteResult&, qint64 incidentId)>;
    using AppendDone = std::function<void(const WriteResult&, const TimelineEvent& saved)>;
    using IncidentsDone = std::function<void(const ReadResult&, const QList<Incident>&)>;
    using EventsDone = std::function<void(const ReadResult&, const QList<TimelineEvent>&)>;
    using VerifyDone = std::function<void(const ReadResult&, const QList<ChainReport>&)>;

    // Creates the incident (Investigating) and its first event, "declared", by `author`.
    void declare(const IncidentDraft& draft, const QString& author, QObject* context, DeclareDone done);

    // Appends a note, alert, runbook step, evidence, annotation or link. Status, severity and role
    // changes go through their own calls, which also keep the projection in step.
    void append(const TimelineEvent& event, QObject* context, AppendDone done);
    void changeStatus(qint64 incidentId, Status to, const QString& author, const QString& reason,
                      QObject* context, AppendDone done);
    void changeSeverity(qint64 incidentId, Severity to, const QString& author, QObject* context,
                        AppendDone done);
    // An empty person clears the role.
    void assignRole(qint64 incidentId, const QString& role, const QString& person, const QString& author,
                    QObject* context, AppendDone done);
    // A correction of event `corrects`, with the corrected text; the original stays as it was.
    void correct(qint64 incidentId, qint64 corrects, const QString& text, const QString& author,
                 QObject* context, AppendDone done);

    void incidents(QObject* context, IncidentsDone done);
    void events(const TimelineFilter& filter, QObject* context, EventsDone done);
    // incidentId 0: every incident.
    void verify(qint64 incidentId, QObject* context, VerifyDone done);

private:
    Workspace& m_workspace;
};

} // namespace wf::incident
