#include "DemoShopProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSignalBlocker>

namespace wf::demo {

namespace {

constexpr qsizetype kStderrTailChars = 2000;

} // namespace

QString demoShopProgram()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("watchfloor-demo-shop.exe");
#else
    const QString name = QStringLiteral("watchfloor-demo-shop");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

QStringList demoShopArguments(const DemoShopLaunch& launch)
{
    return {QStringLiteral("--endpoint"),
            launch.endpoint.toString(),
            QStringLiteral("--seed"),
            QString::number(launch.seed),
            QStringLiteral("--speed"),
            QString::number(launch.speed),
            QStringLiteral("--failure-after"),
            QString::number(launch.failureAfterS),
            QStringLiteral("--exit-on-stdin-close")};
}

QString describeExit(QProcess::ExitStatus status, int exitCode, QProcess::ProcessError error,
                     const QString& errorString)
{
    if (error == QProcess::FailedToStart)
        return QCoreApplication::translate("DemoShopProcess", "could not be started: %1").arg(errorString);
    if (status == QProcess::CrashExit)
        return QCoreApplication::translate("DemoShopProcess", "crashed");
    return QCoreApplication::translate("DemoShopProcess", "exited with code %1").arg(exitCode);
}

DemoShopProcess::DemoShopProcess(QObject* parent)
    : QObject(parent)
{
    m_escalation.setSingleShot(true);
    connect(&m_escalation, &QTimer::timeout, this, &DemoShopProcess::escalate);
}

DemoShopProcess::~DemoShopProcess()
{
    // Our listeners may be half destroyed already (we are usually someone's member or child).
    const QSignalBlocker quiet(this);
    stopAndWait();
}

void DemoShopProcess::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void DemoShopProcess::start(const DemoShopLaunch& launch)
{
    stopAndWait();
    m_launch = launch;
    m_controlUrl = QUrl();
    m_stderrTail.clear();
    m_stopRequested = false;
    m_escalationStep = 0;

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DemoShopProcess::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &DemoShopProcess::readStderr);
    connect(m_process, &QProcess::finished, this, &DemoShopProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DemoShopProcess::onError);
    setState(State::Starting);
    // Argument list, no shell: nothing in the path or the options is ever interpreted.
    // ReadWrite keeps our end of the child's stdin open for as long as we live.
    m_process->start(launch.program, demoShopArguments(launch), QIODevice::ReadWrite);
}

void DemoShopProcess::readStdout()
{
    static const QRegularExpression control(QStringLiteral("^control: (http://\\S+)$"));
    while (m_process && m_process->canReadLine()) {
        const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
        const QRegularExpressionMatch m = control.match(line);
        if (m.hasMatch() && m_controlUrl.isEmpty()) {
            m_controlUrl = QUrl(m.captured(1));
            if (m_state == State::Starting)
                setState(State::Running);
            Q_EMIT running(m_controlUrl);
        }
    }
}

void DemoShopProcess::readStderr()
{
    if (!m_process)
        return;
    m_stderrTail += QString::fromUtf8(m_process->readAllStandardError());
    if (m_stderrTail.size() > kStderrTailChars)
        m_stderrTail = m_stderrTail.right(kStderrTailChars);
}

void DemoShopProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readStderr();
    m_lastExit = describeExit(status, exitCode, QProcess::UnknownError, QString());
    release();
}

void DemoShopProcess::onError(QProcess::ProcessError error)
{
    // Only a failed start ends things here; a crash also arrives through finished().
    if (error != QProcess::FailedToStart || !m_process)
        return;
    m_lastExit = describeExit(QProcess::NormalExit, 0, error, m_process->errorString());
    release();
}

void DemoShopProcess::release()
{
    m_escalation.stop();
    const bool expected = m_stopRequested;
    QString description = m_lastExit;
    if (!expected && !m_stderrTail.trimmed().isEmpty())
        description += QLatin1Char('\n') + m_stderrTail.trimmed().split(QLatin1Char('\n')).last();
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    setState(State::NotRunning);
    Q_EMIT exited(expected, description);
}

void DemoShopProcess::stop(int graceMs)
{
    if (!m_process || m_stopRequested)
        return;
    m_stopRequested = true;
    setState(State::Stopping);
    m_process->closeWriteChannel(); // the polite way: the shop exits on end of file
    m_escalationStep = 0;
    m_escalation.start(graceMs);
}

void DemoShopProcess::escalate()
{
    if (!m_process)
        return;
    if (m_escalationStep++ == 0) {
        m_process->terminate();
        m_escalation.start();
    } else {
        m_process->kill();
    }
}

void DemoShopProcess::stopAndWait(int graceMs)
{
    if (!m_process)
        return;
    m_stopRequested = true;
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(graceMs)) {
        m_process->terminate();
        if (!m_process->waitForFinished(graceMs)) {
            m_process->kill();
            m_process->waitForFinished(graceMs);
        }
    }
    // waitForFinished() delivered finished() to onFinished() already, unless the process never ran.
    if (m_process)
        release();
}

} // namespace wf::demo
