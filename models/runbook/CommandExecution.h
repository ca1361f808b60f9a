#pragma once
// A command step: QProcess::start(program, arguments), never a shell, with only the allow-listed
// environment, both output channels merged into a bounded buffer, and a kill at the timeout.
#include "runbook/ActionRenderer.h"
#include "runbook/BoundedOutput.h"
#include "runbook/StepExecution.h"

#include <QProcess>
#include <QTimer>

#include <chrono>

namespace wf::runbook {

class CommandExecution : public StepExecution
{
    Q_OBJECT
public:
    CommandExecution(RenderedCommand command, std::chrono::milliseconds timeout, QObject* parent = nullptr);
    ~CommandExecution() override;
    void start() override;
    void cancel() override;

private:
    void finish(ExecutionResult result);

    RenderedCommand m_command;
    QProcess m_process;
    QTimer m_timeout;
    BoundedOutput m_output;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_done = false;
};

} // namespace wf::runbook
