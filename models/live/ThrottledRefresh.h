#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace wf::live {

// Turns a stream of "something changed" notifications (a store commit every few milliseconds under
// load) into at most one refresh per interval, with never more than one refresh in flight: the
// refresh function starts an asynchronous query and the owner calls finished() when it is answered.
// A request arriving while a refresh runs is remembered and served once the interval has passed.
class ThrottledRefresh : public QObject
{
    Q_OBJECT
public:
    ThrottledRefresh(int minIntervalMs, std::function<void()> refresh, QObject* parent = nullptr);

    void request();  // soon: at once if the last refresh is older than the interval
    void finished(); // the refresh started last has been answered
    bool inFlight() const { return m_inFlight; }
    int minIntervalMs() const { return m_minIntervalMs; }

private:
    void runIfDue();

    int m_minIntervalMs;
    std::function<void()> m_refresh;
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    bool m_pending = false;
    bool m_inFlight = false;
};

} // namespace wf::live
