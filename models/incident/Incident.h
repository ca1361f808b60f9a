#pragma once
// An incident as the timeline's projection sees it: what was declared, and where its status machine
// stands. The timeline (TimelineStore) is the record; this is the summary kept beside it.
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace wf::incident {

// SEV1 is the worst. Stored as 1..4.
enum class Severity { Sev1 = 1, Sev2 = 2, Sev3 = 3, Sev4 = 4 };

// Investigating -> Identified -> Mitigated -> Resolved; Resolved may be reopened (back to
// Investigating). Skipping ahead is allowed (a fix found at once goes straight to Mitigated or
// Resolved); going back before Resolved is allowed too, because a mitigation can fail.
enum class Status { Investigating, Identified, Mitigated, Resolved };

QString statusKey(Status status); // "investigating", ...: what the database stores
std::optional<Status> statusFromKey(const QString& key);
QString statusName(Status status);       // translated
QString severityName(Severity severity); // "SEV1"
bool canTransition(Status from, Status to);

// Well-known roles; any other non-empty name is accepted too.
QString roleCommander();      // "commander"
QString roleCommunications(); // "communications"
QString roleOperations();     // "operations"

struct Incident
{
    qint64 id = 0;
    QString title;
    Severity severity = Severity::Sev3;
    Status status = Status::Investigating;
    QStringList services;
    QList<std::pair<QString, QString>> roles; // role -> person, sorted by role
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 headSeq = 0; // the last timeline event's seq
};

struct IncidentDraft
{
    QString title;
    Severity severity = Severity::Sev3;
    QStringList services;
    QString commander; // becomes the commander role
};

// Empty when the draft may be declared, else a translated sentence saying what is wrong.
QString validateDraft(const IncidentDraft& draft);

} // namespace wf::incident
