#pragma once
// A check step: asks an evaluator for the value and compares it with the step's condition. No data
// fails the check: a remediation is not declared a success on silence.
#include "runbook/CheckEvaluator.h"
#include "runbook/StepExecution.h"

#include <QTimer>

namespace wf::runbook {

class CheckExecution : public StepExecution
{
    Q_OBJECT
public:
    CheckExecution(CheckEvaluator* evaluator, CheckAction check, std::chrono::milliseconds timeout,
                   QObject* parent = nullptr);
    void start() override;
    void cancel() override;

private:
    void finish(ExecutionResult result);

    CheckEvaluator* m_evaluator;
    CheckAction m_check;
    QTimer m_timeout;
    bool m_done = false;
};

} // namespace wf::runbook
