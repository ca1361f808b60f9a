#include "TimelineText.h"

#include "incident/Incident.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wf::incident {
namespace {

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
        return services.isEmpty()
                   ? QCoreApplication::translate("Timeline", "Declared %1: %2").arg(sev, str(e, "title"))
                   : QCoreApplication::translate("Timeline", "Declared %1: %2 (services: %3)")
                         .arg(sev, str(e, "title"), services.join(QStringLiteral(", ")));
    }
    case EventKind::StatusChange: {
        const QString base = QCoreApplication::translate("Timeline", "Status %1 → %2")
                                 .arg(statusText(str(e, "from")), statusText(str(e, "to")));
        const QString reason = str(e, "reason");
        return reason.isEmpty() ? base : QCoreApplication::translate("Timeline", "%1: %2").arg(base, reason);
    }
    case EventKind::SeverityChange:
        return QCoreApplication::translate("Timeline", "Severity %1 → %2")
            .arg(severityName(Severity(e.payload.value(QLatin1String("from")).toInt())),
                 severityName(Severity(e.payload.value(QLatin1String("to")).toInt())));
    case EventKind::RoleChange:
        return str(e, "person").isEmpty()
                   ? QCoreApplication::translate("Timeline", "Role %1 cleared").arg(str(e, "role"))
                   : QCoreApplication::translate("Timeline", "%1 is now %2")
                         .arg(str(e, "person"), str(e, "role"));
    case EventKind::Correction:
        return QCoreApplication::translate("Timeline", "Correction of event %1: %2")
            .arg(e.corrects)
            .arg(str(e, "text"));
    case EventKind::ExternalLink:
        return QCoreApplication::translate("Timeline", "Link: %1").arg(str(e, "url"));
    case EventKind::EvidencePinned:
        if (!str(e, "title").isEmpty())
            return QCoreApplication::translate("Timeline", "Evidence pinned: %1").arg(str(e, "title"));
        break;
    case EventKind::Note:
    case EventKind::AlertFired:
    case EventKind::AlertResolved:
    case EventKind::RunbookStepStarted:
    case EventKind::RunbookStepFinished:
    case EventKind::Annotation:
        break;
    }
    const QString text = str(e, "text");
    return e.kind == EventKind::Note || text.isEmpty()
               ? (text.isEmpty() ? eventKindName(e.kind) : text)
               : QCoreApplication::translate("Timeline", "%1: %2").arg(eventKindName(e.kind), text);
}

bool isChartMoment(EventKind kind)
{
    switch (kind) {
    case EventKind::Declared:
    case EventKind::StatusChange:
    case EventKind::SeverityChange:
    case EventKind::AlertFired:
    case EventKind::AlertResolved:
    case EventKind::RunbookStepFinished:
    case EventKind::Annotation:
        return true;
    case EventKind::Note:
    case EventKind::RoleChange:
    case EventKind::RunbookStepStarted:
    case EventKind::EvidencePinned:
    case EventKind::ExternalLink:
    case EventKind::Correction:
        break;
    }
    return false;
}

} // namespace wf::incident
