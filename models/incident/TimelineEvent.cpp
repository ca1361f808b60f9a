#include "TimelineEvent.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

#include <array>

namespace wf::incident {
namespace {

struct KindInfo
{
    EventKind kind;
    const char* key;
    const char* name;
};

const std::array kKinds{
    KindInfo{EventKind::Declared, "declared", QT_TRANSLATE_NOOP("Timeline", "Declared")},
    KindInfo{EventKind::Note, "note", QT_TRANSLATE_NOOP("Timeline", "Note")},
    KindInfo{EventKind::StatusChange, "status_change", QT_TRANSLATE_NOOP("Timeline", "Status change")},
    KindInfo{EventKind::SeverityChange, "severity_change", QT_TRANSLATE_NOOP("Timeline", "Severity change")},
    KindInfo{EventKind::RoleChange, "role_change", QT_TRANSLATE_NOOP("Timeline", "Role change")},
    KindInfo{EventKind::AlertFired, "alert_fired", QT_TRANSLATE_NOOP("Timeline", "Alert fired")},
    KindInfo{EventKind::AlertResolved, "alert_resolved", QT_TRANSLATE_NOOP("Timeline", "Alert resolved")},
    KindInfo{EventKind::RunbookStepStarted, "runbook_step_started",
             QT_TRANSLATE_NOOP("Timeline", "Runbook step started")},
    KindInfo{EventKind::RunbookStepFinished, "runbook_step_finished",
             QT_TRANSLATE_NOOP("Timeline", "Runbook step finished")},
    KindInfo{EventKind::EvidencePinned, "evidence_pinned", QT_TRANSLATE_NOOP("Timeline", "Evidence pinned")},
    KindInfo{EventKind::Annotation, "annotation", QT_TRANSLATE_NOOP("Timeline", "Annotation")},
    KindInfo{EventKind::ExternalLink, "external_link", QT_TRANSLATE_NOOP("Timeline", "External link")},
    KindInfo{EventKind::Correction, "correction", QT_TRANSLATE_NOOP("Timeline", "Correction")},
};

void addField(QCryptographicHash& h, const QByteArray& bytes)
{
    std::array<char, 8> len{};
    qToBigEndian(quint64(bytes.size()), len.data());
    h.addData(QByteArrayView(len.data(), qsizetype(len.size())));
    h.addData(bytes);
}

void addInt(QCryptographicHash& h, qint64 v)
{
    std::array<char, 8> b{};
    qToBigEndian(v, b.data());
    h.addData(QByteArrayView(b.data(), qsizetype(b.size())));
}

} // namespace

QString eventKindKey(EventKind kind)
{
    for (const KindInfo& k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    }
    return {};
}

std::optional<EventKind> eventKindFromKey(const QString& key)
{
    for (const KindInfo& k : kKinds) {
        if (key == QLatin1String(k.key))
            return k.kind;
    }
    return std::nullopt;
}

QString eventKindName(EventKind kind)
{
    for (const KindInfo& k : kKinds) {
        if (k.kind == kind)
            return QCoreApplication::translate("Timeline", k.name);
    }
    return {};
}

QByteArray payloadJson(const QJsonObject& payload)
{
    // QJsonObject keeps its keys sorted, so equal payloads serialise to equal bytes.
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

QByteArray timelineHash(const QByteArray& prevHash, const TimelineEvent& event, const QByteArray& payload)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    addField(h, QByteArrayLiteral("watchfloor-timeline-v1"));
    addField(h, prevHash);
    addInt(h, event.seq);
    addInt(h, event.incidentId);
    addField(h, eventKindKey(event.kind).toUtf8());
    addInt(h, event.atMs);
    addField(h, event.author.toUtf8());
    addField(h, payload);
    addInt(h, event.corrects);
    return h.result();
}

QByteArray timelineGenesis(qint64 incidentId)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    addField(h, QByteArrayLiteral("watchfloor-timeline-genesis-v1"));
    addInt(h, incidentId);
    return h.result();
}

} // namespace wf::incident
