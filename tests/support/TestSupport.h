#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace wf::test {

// Measures how long the calling thread's event loop goes without running a timer. Tests use it to
// assert that work handed to other threads never blocks the UI thread.
class EventLoopWatchdog : public QObject
{
public:
    explicit EventLoopWatchdog(std::chrono::milliseconds tick = std::chrono::milliseconds(5));
    qint64 worstGapMs() const { return m_worstGapMs; }
    void reset();

private:
    void onTick();
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worstGapMs = 0;
};

// Path of a file in tests/data/samples (WATCHFLOOR_SAMPLES_DIR, set by ctest).
QString samplePath(const QString& name);

} // namespace wf::test
