#pragma once
// One switch for the whole process: engaged, it cancels every running runbook step and every runner
// refuses to start another until someone re-arms it. Lives on the main thread.
#include <QObject>
#include <QString>

namespace wf::runbook {

class AutomationKillSwitch : public QObject
{
    Q_OBJECT
public:
    static AutomationKillSwitch& instance();

    bool isEngaged() const { return m_engaged; }
    const QString& engagedBy() const { return m_by; }
    const QString& reason() const { return m_reason; }

    void engage(const QString& by, const QString& reason = {});
    void rearm(const QString& by);

Q_SIGNALS:
    void engaged(const QString& by, const QString& reason);
    void rearmed(const QString& by);

private:
    AutomationKillSwitch() = default;
    bool m_engaged = false;
    QString m_by;
    QString m_reason;
};

} // namespace wf::runbook
