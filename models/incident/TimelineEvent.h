#pragma once
// One entry of an incident's timeline. Events are never changed or deleted; a correction is a new
// event whose `corrects` names the event it corrects.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf::incident {

enum class EventKind {
    Declared,
    Note,
    StatusChange,
    SeverityChange,
    RoleChange,
    AlertFired,
    AlertResolved,
    RunbookStepStarted,
    RunbookStepFinished,
    EvidencePinned,
    Annotation,
    ExternalLink,
    Correction,
};

QString eventKindKey(EventKind kind); // "note", "status_change", ...: what the database stores
std::optional<EventKind> eventKindFromKey(const QString& key);
QString eventKindName(EventKind kind); // translated, for filters and exports

struct TimelineEvent
{
    qint64 seq = 0; // assigned by the store; increases across the workspace
    qint64 incidentId = 0;
    EventKind kind = EventKind::Note;
    qint64 atMs = 0;     // when it happened (UTC ms); the store fills "now" when 0
    QString author;      // who did it: a person, or "watchfloor" for automation
    QJsonObject payload; // kind-specific fields; a note has {"text": ...}
    qint64 corrects = 0; // seq of the corrected event, for corrections
    QByteArray prevHash; // set by the store
    QByteArray hash;     // set by the store
};

// SHA-256 over an unambiguous encoding (every field length-prefixed; the payload as compact JSON with
// sorted keys) of the event and the previous event's hash.
// `payloadJson` is the payload exactly as stored, so verification hashes the bytes on disk rather
// than a re-serialisation that could differ.
QByteArray timelineHash(const QByteArray& prevHash, const TimelineEvent& event,
                        const QByteArray& payloadJson);
QByteArray payloadJson(const QJsonObject& payload);

// The hash an incident's first event chains to, so two incidents' chains can never be spliced.
QByteArray timelineGenesis(qint64 incidentId);

} // namespace wf::incident
