#pragma once

// Shared by the HttpClient integration tests: collecting a callback's result, and checking that the
// test (UI) thread's event loop never stalls while requests are in flight.

#include "TestSupport.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

namespace wf::test {

constexpr qint64 kMaxEventLoopGapMs = 100;

struct Collector
{
    net::HttpResult result;
    QThread* thread = nullptr;
    qint64 deliveredAfterMs = -1;
    QElapsedTimer sinceSend;
    std::atomic<int> calls{0}; // incremented last, so readers that see it also see the fields above
};

inline std::shared_ptr<Collector> sendTo(net::HttpClient& client, net::HttpRequest request, QObject* context,
                                         net::HttpRequestHandle* handleOut = nullptr)
{
    auto c = std::make_shared<Collector>();
    c->sinceSend.start();
    net::HttpRequestHandle h = client.send(std::move(request), context, [c](const net::HttpResult& r) {
        c->result = r;
        c->thread = QThread::currentThread();
        c->deliveredAfterMs = c->sinceSend.elapsed();
        ++c->calls;
    });
    if (handleOut)
        *handleOut = h;
    return c;
}

inline bool waitDone(const std::shared_ptr<Collector>& c, int timeoutMs)
{
    return QTest::qWaitFor([&] { return c->calls.load() > 0; }, timeoutMs);
}

inline net::HttpRequest get(const QUrl& url)
{
    net::HttpRequest r;
    r.url = url;
    return r;
}

// Start in init(), stop in cleanup(); stop() logs and returns the test's worst gap.
class GapMonitor
{
public:
    void start()
    {
        m_watchdog = std::make_unique<EventLoopWatchdog>();
        m_clock.start();
    }
    // For a test that blocks this thread on purpose (starting a process, joining in a destructor).
    void reset() { m_watchdog->reset(); }
    qint64 stop()
    {
        QCoreApplication::processEvents(); // let the last tick land
        const qint64 gap = m_watchdog->worstGapMs();
        m_worst = std::max(m_worst, gap);
        qInfo("measure: %s took %lld ms, worst event-loop gap %lld ms", QTest::currentTestFunction(),
              m_clock.elapsed(), gap);
        m_watchdog.reset();
        return gap;
    }
    qint64 worstOverall() const { return m_worst; }

private:
    std::unique_ptr<EventLoopWatchdog> m_watchdog;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

// A proxy from the environment would turn loopback tests into proxy tests.
inline void unsetProxies()
{
    for (const char* v : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(v);
}

} // namespace wf::test
