#include "ProcessLifetime.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace wf::demoshop {

#ifdef Q_OS_UNIX
namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int signal)
{
    // Async-signal-safe: write one byte and let the event loop do the rest.
    const char byte = static_cast<char>(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace
#endif

bool tieToParent()
{
#ifdef Q_OS_LINUX
    const pid_t parentBefore = ::getppid();
    if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0)
        return true; // not fatal: the parent still stops us with SIGTERM on a clean exit
    // The parent may have died before prctl() took effect; then we were re-parented already.
    return ::getppid() == parentBefore;
#else
    return true;
#endif
}

ProcessLifetime::ProcessLifetime(QObject* parent)
    : QObject(parent)
{}

ProcessLifetime::~ProcessLifetime()
{
#ifdef Q_OS_UNIX
    if (m_signalNotifier != nullptr) {
        struct sigaction action = {};
        action.sa_handler = SIG_DFL;
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);
        ::close(g_signalPipe[0]);
        ::close(g_signalPipe[1]);
        g_signalPipe[0] = g_signalPipe[1] = -1;
    }
#endif
}

bool ProcessLifetime::watchSignals()
{
#ifdef Q_OS_UNIX
    if (m_signalNotifier != nullptr)
        return true;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return false;
    ::fcntl(g_signalPipe[1], F_SETFL, O_NONBLOCK);
    m_signalNotifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(g_signalPipe[0], &byte, 1) == 1)
            Q_EMIT quitRequested(byte == SIGINT ? u"SIGINT"_s : u"SIGTERM"_s);
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
#else
    return false;
#endif
}

void ProcessLifetime::watchStdinClose()
{
#ifdef Q_OS_UNIX
    if (m_stdinNotifier != nullptr)
        return;
    m_stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this, [this] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof(buffer));
        if (n <= 0) {
            m_stdinNotifier->setEnabled(false);
            Q_EMIT quitRequested(u"stdin closed"_s);
        }
    });
#endif
}

} // namespace wf::demoshop
