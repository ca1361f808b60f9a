#include "runbook/CommandExecution.h"

#include <QCoreApplication>

namespace wf::runbook {

CommandExecution::CommandExecution(RenderedCommand command, std::chrono::milliseconds timeout,
                                   QObject* parent)
    : StepExecution(parent)
    , m_command(std::move(command))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setInputChannelMode(QProcess::ManagedInputChannel);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeout);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        m_process.kill();
    });
    connect(&m_process, &QProcess::readyRead, this, [this] { m_output.append(m_process.readAll()); });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        m_output.append(m_process.readAll());
        ExecutionResult r;
        r.exitCode = status == QProcess::NormalExit ? exitCode : -1;
        r.cancelled = m_cancelled;
        r.timedOut = m_timedOut;
        r.succeeded = !m_cancelled && !m_timedOut && status == QProcess::NormalExit && exitCode == 0;
        if (m_cancelled)
            r.message = QCoreApplication::translate("Runbook", "cancelled; the process was killed");
        else if (m_timedOut)
            r.message =
                QCoreApplication::translate("Runbook", "timed out after %1 ms; the process was killed")
                    .arg(m_timeout.interval());
        else if (status != QProcess::NormalExit)
            r.message = QCoreApplication::translate("Runbook", "the process crashed");
        else if (exitCode != 0)
            r.message = QCoreApplication::translate("Runbook", "exited with code %1").arg(exitCode);
        finish(std::move(r));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // the others end in `finished`
        ExecutionResult r;
        r.message = QCoreApplication::translate("Runbook", "could not start %1: %2")
                        .arg(m_command.program, m_process.errorString());
        finish(std::move(r));
    });
}

CommandExecution::~CommandExecution()
{
    // Never leave a remediation running unobserved.
    if (m_process.state() != QProcess::NotRunning) {
        m_done = true;
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void CommandExecution::start()
{
    m_process.setProcessEnvironment(m_command.environment);
    if (!m_command.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_command.workingDirectory);
    m_timeout.start();
    m_process.start(m_command.program, m_command.arguments, QIODevice::ReadWrite);
    m_process.closeWriteChannel(); // a command waiting for input would only run into its timeout
}

void CommandExecution::cancel()
{
    if (m_done || m_process.state() == QProcess::NotRunning)
        return;
    m_cancelled = true;
    m_process.kill();
}

void CommandExecution::finish(ExecutionResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    result.output = m_output.text();
    Q_EMIT finished(result);
}

} // namespace wf::runbook
