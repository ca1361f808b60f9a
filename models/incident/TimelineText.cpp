#include "TimelineText.h"

#include "incident/Incident.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wf::incident {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Timeline", text);
}

QString str(const TimelineEvent& e, const char* key)
{
    return e.payload.value(QLatin1String(key)).toString();
}

QString statusText(const QString& key)
{
    const std::optional<Status> s = statusFromKey(key);
    return s ? statusName(*s) : key;
}

} // namespace

QString describeEvent(const TimelineEvent& e)
{
    switch (e.kind) {
    case EventKind::Declared: {
        QStringList services;
        for (const QJsonValue& v : e.payload.value(QLatin1String("services")).toArray())
            services << v.toString();
        const QString sev = severityName(Severity(e.payload.value(QLatin1String("severity")).toInt(3)));
        return services.isEmpty() ? tr("Declared %1: %2").arg(sev, str(e, "title"))
                                  : tr("Declared %1: %2 (services: %3)")
                                        .arg(sev, str(e, "title"), services.join(QStringLiteral(", ")));
    }
    case EventKind::StatusChange: {
        const QString base = tr("Status %1 → %2").arg(statusText(str(e, "from")), statusText(str(e, "to")));
        const QString reason = str(e, "reason");
        return reason.isEmpty() ? base : tr("%1: %2").arg(base, reason);
    }
    case EventKind::SeverityChange:
        return tr("Severity %1 → %2")
            .arg(severityName(Severity(e.payload.value(QLatin1String("from")).toInt())),
                 severityName(Severity(e.payload.value(QLatin1String("to")).toInt())));
    case EventKind::RoleChange:
        return str(e, "person").isEmpty() ? tr("Role %1 cleared").arg(str(e, "role"))
                                          : tr("%1 is now %2").arg(str(e, "person"), str(e, "role"));
    case EventKind::Correction:
        return tr("Correction of event %1: %2").arg(e.corrects).arg(str(e, "text"));
    case EventKind::ExternalLink:
        return tr("Link: %1").arg(str(e, "url"));
    case EventKind::Note:
    case EventKind::AlertFired:
    case EventKind::AlertResolved:
    case EventKind::RunbookStepStarted:
    case EventKind::RunbookStepFinished:
    case EventKind::EvidencePinned:
    case EventKind::Annotation:
        break;
    }
    const QString text = str(e, "text");
    return e.kind == EventKind::Note || text.isEmpty() ? (text.isEmpty() ? eventKindName(e.kind) : text)
                                                       : tr("%1: %2").arg(eventKindName(e.kind), text);
}

} // namespace wf::incident
