#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace wf::demo {

// How `watchfloor --demo` starts its simulated shop.
struct DemoShopLaunch
{
    QString program; // watchfloor-demo-shop; see demoShopProgram()
    QUrl endpoint;   // our OTLP receiver
    quint64 seed = 1;
    double speed = 1.0;
    double failureAfterS = 60.0; // simulated seconds until the payments DB pool starts to fail
};

// watchfloor-demo-shop beside the running executable (both are installed into the same bin folder).
QString demoShopProgram();
// The argument list (no shell involved). Always --exit-on-stdin-close: the shop watches the pipe we
// hold, which the kernel closes for us even when we crash or are killed with SIGKILL.
QStringList demoShopArguments(const DemoShopLaunch& launch);
// "exited with code 2", "crashed (signal)", "could not be started: …", translated.
QString describeExit(QProcess::ExitStatus status, int exitCode, QProcess::ProcessError error,
                     const QString& errorString);

// The shop as a child process: start, learn its control URL from the first stdout line, stop it on
// request or on destruction (close its stdin, then SIGTERM, then SIGKILL), and say so when it dies by
// itself. Its stderr is kept (the last lines) to explain an unexpected exit.
class DemoShopProcess : public QObject
{
    Q_OBJECT
public:
    enum class State { NotRunning, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit DemoShopProcess(QObject* parent = nullptr);
    ~DemoShopProcess() override; // stopAndWait()

    void start(const DemoShopLaunch& launch);
    void restart() { start(m_launch); }
    // Asynchronous: closes stdin at once, terminates after graceMs, kills after twice that.
    void stop(int graceMs = 2000);
    // Blocking, for shutdown: returns once the child is gone (at most about 3 × graceMs).
    void stopAndWait(int graceMs = 1000);

    State state() const { return m_state; }
    QUrl controlUrl() const { return m_controlUrl; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    QString lastExit() const { return m_lastExit; } // describeExit() of the last end
    QString stderrTail() const { return m_stderrTail; }
    const DemoShopLaunch& launch() const { return m_launch; }

Q_SIGNALS:
    void running(const QUrl& controlUrl);
    // expected: we asked it to stop. description: describeExit(), plus the stderr tail when unexpected.
    void exited(bool expected, const QString& description);
    void stateChanged(wf::demo::DemoShopProcess::State state);

private:
    void setState(State s);
    void readStdout();
    void readStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void escalate();
    void release();

    DemoShopLaunch m_launch;
    QProcess* m_process = nullptr;
    QTimer m_escalation;
    State m_state = State::NotRunning;
    QUrl m_controlUrl;
    QString m_lastExit;
    QString m_stderrTail;
    bool m_stopRequested = false;
    int m_escalationStep = 0;
};

} // namespace wf::demo
