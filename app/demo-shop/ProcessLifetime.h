#pragma once

#include <QObject>

class QSocketNotifier;

namespace wf::demoshop {

// The demo shop is a child of `watchfloor --demo` and must never outlive it.
//   - tieToParent(): on Linux asks the kernel for SIGTERM when the parent dies, also when it crashes
//     (PR_SET_PDEATHSIG). Returns false if the parent is already gone.
//   - ProcessLifetime: turns SIGTERM/SIGINT into a normal event-loop quit (self-pipe; a signal
//     handler may only write a byte), and optionally quits when stdin reaches end of file.
bool tieToParent();

class ProcessLifetime : public QObject
{
    Q_OBJECT
public:
    explicit ProcessLifetime(QObject* parent = nullptr);
    ~ProcessLifetime() override;

    bool watchSignals();    // SIGTERM, SIGINT
    void watchStdinClose(); // quits on EOF or a read error on fd 0

Q_SIGNALS:
    void quitRequested(const QString& reason);

private:
    QSocketNotifier* m_signalNotifier = nullptr;
    QSocketNotifier* m_stdinNotifier = nullptr;
};

} // namespace wf::demoshop
