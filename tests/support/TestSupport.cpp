#include "TestSupport.h"

#include <QDir>

namespace wf::test {

EventLoopWatchdog::EventLoopWatchdog(std::chrono::milliseconds tick)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(tick);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopWatchdog::onTick);
    reset();
    m_timer.start();
}

void EventLoopWatchdog::reset()
{
    m_clock.start();
    m_last = 0;
    m_worstGapMs = 0;
}

void EventLoopWatchdog::onTick()
{
    const qint64 now = m_clock.elapsed();
    m_worstGapMs = std::max(m_worstGapMs, now - m_last);
    m_last = now;
}

QString samplePath(const QString& name)
{
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SAMPLES_DIR");
    return QDir(dir).filePath(name);
}

} // namespace wf::test
