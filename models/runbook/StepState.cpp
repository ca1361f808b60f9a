#include "runbook/StepState.h"

#include <QCoreApplication>

namespace wf::runbook {

QString stepStateKey(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return QStringLiteral("pending");
    case StepState::Running:
        return QStringLiteral("running");
    case StepState::Succeeded:
        return QStringLiteral("succeeded");
    case StepState::Failed:
        return QStringLiteral("failed");
    case StepState::Skipped:
        return QStringLiteral("skipped");
    case StepState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString stepStateName(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return QCoreApplication::translate("Runbook", "Pending");
    case StepState::Running:
        return QCoreApplication::translate("Runbook", "Running");
    case StepState::Succeeded:
        return QCoreApplication::translate("Runbook", "Succeeded");
    case StepState::Failed:
        return QCoreApplication::translate("Runbook", "Failed");
    case StepState::Skipped:
        return QCoreApplication::translate("Runbook", "Skipped");
    case StepState::Cancelled:
        return QCoreApplication::translate("Runbook", "Cancelled");
    }
    return {};
}

} // namespace wf::runbook
