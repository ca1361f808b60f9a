#include "Incident.h"

#include <QCoreApplication>

namespace wf::incident {

QString statusKey(Status status)
{
    switch (status) {
    case Status::Investigating:
        return QStringLiteral("investigating");
    case Status::Identified:
        return QStringLiteral("identified");
    case Status::Mitigated:
        return QStringLiteral("mitigated");
    case Status::Resolved:
        return QStringLiteral("resolved");
    }
    return {};
}

std::optional<Status> statusFromKey(const QString& key)
{
    for (Status s : {Status::Investigating, Status::Identified, Status::Mitigated, Status::Resolved}) {
        if (statusKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString statusName(Status status)
{
    switch (status) {
    case Status::Investigating:
        return QCoreApplication::translate("Incident", "Investigating");
    case Status::Identified:
        return QCoreApplication::translate("Incident", "Identified");
    case Status::Mitigated:
        return QCoreApplication::translate("Incident", "Mitigated");
    case Status::Resolved:
        return QCoreApplication::translate("Incident", "Resolved");
    }
    return {};
}

QString severityName(Severity severity)
{
    return QCoreApplication::translate("Incident", "SEV%1").arg(int(severity));
}

bool canTransition(Status from, Status to)
{
    if (from == to)
        return false;
    if (from == Status::Resolved)
        return to == Status::Investigating; // reopen
    return true;
}

QString roleCommander()
{
    return QStringLiteral("commander");
}

QString roleCommunications()
{
    return QStringLiteral("communications");
}

QString roleOperations()
{
    return QStringLiteral("operations");
}

QString validateDraft(const IncidentDraft& draft)
{
    const QString title = draft.title.trimmed();
    if (title.isEmpty())
        return QCoreApplication::translate("Incident", "The incident needs a title.");
    if (title.size() > 200)
        return QCoreApplication::translate("Incident", "The title is too long: at most 200 characters.");
    if (int(draft.severity) < 1 || int(draft.severity) > 4)
        return QCoreApplication::translate("Incident", "The severity must be SEV1 to SEV4.");
    for (const QString& s : draft.services) {
        if (s.trimmed().isEmpty() || s.contains(QLatin1Char(',')))
            return QCoreApplication::translate("Incident", "“%1” is not a valid service name.").arg(s);
    }
    return {};
}

} // namespace wf::incident
