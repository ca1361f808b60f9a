#include "runbook/AutomationKillSwitch.h"

namespace wf::runbook {

AutomationKillSwitch& AutomationKillSwitch::instance()
{
    static AutomationKillSwitch s;
    return s;
}

void AutomationKillSwitch::engage(const QString& by, const QString& reason)
{
    m_engaged = true;
    m_by = by;
    m_reason = reason;
    Q_EMIT engaged(by, reason); // also when already engaged: a second stop still stops what runs now
}

void AutomationKillSwitch::rearm(const QString& by)
{
    if (!m_engaged)
        return;
    m_engaged = false;
    m_by.clear();
    m_reason.clear();
    Q_EMIT rearmed(by);
}

} // namespace wf::runbook
