#include "runbook/CheckExecution.h"

#include <QCoreApplication>

namespace wf::runbook {

CheckExecution::CheckExecution(CheckEvaluator* evaluator, CheckAction check,
                               std::chrono::milliseconds timeout, QObject* parent)
    : StepExecution(parent)
    , m_evaluator(evaluator)
    , m_check(std::move(check))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeout);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        ExecutionResult r;
        r.timedOut = true;
        r.message = QCoreApplication::translate("Runbook", "the check did not answer within %1 ms")
                        .arg(m_timeout.interval());
        finish(r);
    });
}

void CheckExecution::start()
{
    if (!m_evaluator) {
        ExecutionResult r;
        r.message = m_check.source == CheckSource::Prometheus
                        ? QCoreApplication::translate(
                              "Runbook", "this check needs a Prometheus connection, which is not configured")
                        : QCoreApplication::translate("Runbook", "the local signal store is not available");
        QMetaObject::invokeMethod(
            this, [this, r] { finish(r); }, Qt::QueuedConnection);
        return;
    }
    m_timeout.start();
    m_evaluator->evaluate(m_check, this, [this](const CheckValue& v) {
        ExecutionResult r;
        r.value = v.value;
        if (!v.ok) {
            r.message = v.error;
            r.output = v.error;
        } else {
            r.succeeded = m_check.condition.holds(v.value);
            r.output = v.detail + u'\n' +
                       QCoreApplication::translate("Runbook", "value %1, condition %2: %3")
                           .arg(v.value)
                           .arg(m_check.condition.text,
                                r.succeeded ? QCoreApplication::translate("Runbook", "holds")
                                            : QCoreApplication::translate("Runbook", "does not hold"));
            if (!r.succeeded)
                r.message =
                    QCoreApplication::translate("Runbook", "the condition %1 does not hold (value %2)")
                        .arg(m_check.condition.text)
                        .arg(v.value);
        }
        finish(r);
    });
}

void CheckExecution::cancel()
{
    ExecutionResult r;
    r.cancelled = true;
    r.message = QCoreApplication::translate("Runbook", "cancelled");
    finish(r);
}

void CheckExecution::finish(ExecutionResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(result);
}

} // namespace wf::runbook
