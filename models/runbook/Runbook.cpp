#include "runbook/Runbook.h"

#include <cmath>

namespace wf::runbook {

bool Condition::holds(double value) const
{
    if (std::isnan(value))
        return false; // no data never satisfies a check
    switch (comparison) {
    case Comparison::Less:
        return value < threshold;
    case Comparison::LessOrEqual:
        return value <= threshold;
    case Comparison::Greater:
        return value > threshold;
    case Comparison::GreaterOrEqual:
        return value >= threshold;
    case Comparison::Equal:
        return value == threshold;
    case Comparison::NotEqual:
        return value != threshold;
    }
    return false;
}

const Step* Runbook::step(const QString& stepId) const
{
    const int i = indexOf(stepId);
    return i < 0 ? nullptr : &steps[i];
}

int Runbook::indexOf(const QString& stepId) const
{
    for (int i = 0; i < steps.size(); ++i) {
        if (steps[i].id == stepId)
            return i;
    }
    return -1;
}

const Parameter* Runbook::parameter(const QString& name) const
{
    for (const Parameter& p : parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QString actionKindKey(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Http:
        return QStringLiteral("http");
    case ActionKind::Command:
        return QStringLiteral("command");
    case ActionKind::Check:
        return QStringLiteral("check");
    case ActionKind::Confirm:
        return QStringLiteral("confirm");
    case ActionKind::Approval:
        return QStringLiteral("approval");
    }
    return {};
}

} // namespace wf::runbook
