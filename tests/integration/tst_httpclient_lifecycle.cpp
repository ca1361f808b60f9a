// HttpClient against real servers on 127.0.0.1: retries and backoff, cancellation, callback delivery
// (context thread, destroyed contexts), many requests at once, and destroying the client mid-flight.
// Every test also checks that this (UI) thread's event loop never stalls while requests are in flight.

#include "HttpClientTestUtil.h"
#include "LoopbackHttpServer.h"
#include "net/HttpClient.h"

#include <algorithm>
#include <vector>

using namespace wf::net;
using namespace std::chrono_literals;
using wf::test::Collector;
using wf::test::get;
using wf::test::HttpRoute;
using wf::test::LoopbackHttpServer;
using wf::test::sendTo;
using wf::test::waitDone;

class tst_HttpClientLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void retriesIdempotentOn503();
    void postIsNotRetried();
    void droppedConnectionIsRetried();
    void retryAfterIsHonoured();
    void retryAfterBeyondCapIsNotAwaited();
    void retriesStayWithinTotalBudget();
    void cancelInFlight();
    void cancelBeforeDeliveryWins();
    void contextDestroyedBeforeCompletion();
    void contextDestroyedWhileResultsArrive();
    void callbackRunsOnContextThread();
    void hundredConcurrentRequests();
    void clientDestroyedWithRequestsInFlight();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    wf::test::GapMonitor m_gaps;
};

void tst_HttpClientLifecycle::initTestCase()
{
    wf::test::unsetProxies();
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->port() != 0);
    m_client = std::make_unique<HttpClient>();
}

void tst_HttpClientLifecycle::init()
{
    m_gaps.start();
}

void tst_HttpClientLifecycle::cleanup()
{
    const qint64 gap = m_gaps.stop();
    QVERIFY2(gap < wf::test::kMaxEventLoopGapMs,
             qPrintable(QStringLiteral("UI thread stalled for %1 ms").arg(gap)));
}

void tst_HttpClientLifecycle::cleanupTestCase()
{
    qInfo("measure: worst event-loop gap over all tests %lld ms", m_gaps.worstOverall());
    m_client.reset();
    m_server.reset();
}

void tst_HttpClientLifecycle::retriesIdempotentOn503()
{
    HttpRoute route = HttpRoute::ok("finally");
    route.failFirst = 2;
    m_server->setRoute("/flaky", route);
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/flaky"))), this);
    QVERIFY(waitDone(c, 10000));
    QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.body, QByteArray("finally"));
    QCOMPARE(c->result.attempts, 3);
    QCOMPARE(m_server->requestsFor("/flaky").size(), 3);
}

void tst_HttpClientLifecycle::postIsNotRetried()
{
    HttpRoute route = HttpRoute::ok("created");
    route.failFirst = 2;
    m_server->setRoute("/create", route);
    HttpRequest r = get(m_server->url(QStringLiteral("/create")));
    r.method = "POST";
    r.body = "{}";
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::HttpStatus);
    QCOMPARE(c->result.status, 503);
    QCOMPARE(c->result.attempts, 1);
    QTest::qWait(300); // nothing arrives later either
    QCOMPARE(m_server->requestsFor("/create").size(), 1);
}

void tst_HttpClientLifecycle::droppedConnectionIsRetried()
{
    HttpRoute route = HttpRoute::ok("second time lucky");
    route.failFirst = 1;
    route.failStatus = 0; // close without answering
    m_server->setRoute("/reset", route);
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/reset"))), this);
    QVERIFY(waitDone(c, 5000));
    QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.attempts, 2);
}

void tst_HttpClientLifecycle::retryAfterIsHonoured()
{
    HttpRoute route = HttpRoute::ok("after the pause");
    route.failFirst = 1;
    route.failStatus = 429;
    route.failRetryAfter = "1";
    m_server->setRoute("/ratelimited", route);
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/ratelimited"))), this);
    QVERIFY(waitDone(c, 5000));
    QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.attempts, 2);
    const auto seen = m_server->requestsFor("/ratelimited");
    QCOMPARE(seen.size(), 2);
    const qint64 pause = seen[1].receivedAtMs - seen[0].receivedAtMs;
    QVERIFY2(pause >= 950 && pause < 2500, qPrintable(QString::number(pause)));
}

void tst_HttpClientLifecycle::retryAfterBeyondCapIsNotAwaited()
{
    HttpRoute route = HttpRoute::ok("never");
    route.failFirst = 100;
    route.failRetryAfter = "3600";
    m_server->setRoute("/maintenance", route);
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/maintenance"))), this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::HttpStatus);
    QCOMPARE(c->result.status, 503);
    QCOMPARE(c->result.attempts, 1);
    QCOMPARE(c->result.header("Retry-After"), QByteArray("3600")); // the caller can show when to come back
    QVERIFY(c->deliveredAfterMs < 1000);
}

void tst_HttpClientLifecycle::retriesStayWithinTotalBudget()
{
    HttpRoute route = HttpRoute::ok("never");
    route.failFirst = 1000;
    m_server->setRoute("/down", route);
    HttpRequest r = get(m_server->url(QStringLiteral("/down")));
    r.maxRetries = 10;
    r.totalTimeout = 1500ms;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::HttpStatus); // the last real answer, not a timeout
    QCOMPARE(c->result.status, 503);
    QVERIFY(c->result.attempts >= 2);
    QVERIFY2(c->deliveredAfterMs <= 1600, qPrintable(QString::number(c->deliveredAfterMs)));
    QCOMPARE(m_server->requestsFor("/down").size(), c->result.attempts);
}

void tst_HttpClientLifecycle::cancelInFlight()
{
    m_server->setRoute("/hang", HttpRoute::hang());
    HttpRequestHandle handle;
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/hang"))), this, &handle);
    QVERIFY(handle.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 1, 5000); // really in flight
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    handle.cancel();
    QVERIFY(waitDone(c, 2000));
    const qint64 latency = sinceCancel.elapsed();
    QCOMPARE(c->result.error, HttpError::Cancelled);
    QVERIFY2(latency < 200, qPrintable(QString::number(latency)));
    qInfo("measure: cancel to callback %lld ms", latency);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 2000); // the connection was closed
    handle.cancel();                                                 // again: harmless
    QTest::qWait(200);
    QCOMPARE(c->calls.load(), 1);
}

void tst_HttpClientLifecycle::cancelBeforeDeliveryWins()
{
    m_server->setRoute("/hello", HttpRoute::ok("hello"));
    HttpRequestHandle handle;
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/hello"))), this, &handle);
    QThread::msleep(100); // the answer is most likely queued already: cancel must still win
    handle.cancel();
    QVERIFY(waitDone(c, 2000));
    QCOMPARE(c->result.error, HttpError::Cancelled);
    QVERIFY(c->result.body.isEmpty());
    QTest::qWait(100);
    QCOMPARE(c->calls.load(), 1);
    m_gaps.reset(); // the deliberate sleep above is not the client's stall
}

void tst_HttpClientLifecycle::contextDestroyedBeforeCompletion()
{
    m_server->setRoute("/slow", HttpRoute::hang());
    auto* context = new QObject;
    HttpRequest r = get(m_server->url(QStringLiteral("/slow")));
    r.totalTimeout = 500ms;
    auto c = sendTo(*m_client, r, context);
    delete context;
    QTest::qWait(1000); // well past the timeout: the result exists and must be dropped
    QCOMPARE(c->calls.load(), 0);
}

void tst_HttpClientLifecycle::contextDestroyedWhileResultsArrive()
{
    m_server->setRoute("/hello", HttpRoute::ok("hello"));
    std::vector<std::shared_ptr<Collector>> all;
    for (int round = 0; round < 20; ++round) {
        auto* context = new QObject;
        for (int i = 0; i < 5; ++i)
            all.push_back(sendTo(*m_client, get(m_server->url(QStringLiteral("/hello"))), context));
        QTest::qWait(round % 4); // destroy at varying points: before, during and after delivery
        delete context;
    }
    auto keeper = sendTo(*m_client, get(m_server->url(QStringLiteral("/hello"))), this);
    QVERIFY(waitDone(keeper, 5000));
    QTest::qWait(200);
    for (const auto& c : all)
        QVERIFY(c->calls.load() <= 1);
}

void tst_HttpClientLifecycle::callbackRunsOnContextThread()
{
    m_server->setRoute("/hello", HttpRoute::ok("hello"));
    QThread worker;
    worker.start();
    auto* context = new QObject;
    context->moveToThread(&worker);
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/hello"))), context);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->thread, &worker);
    QVERIFY(c->result.ok());
    QMetaObject::invokeMethod(
        context, [context] { delete context; }, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();
}

void tst_HttpClientLifecycle::hundredConcurrentRequests()
{
    m_server->setRoute("/item", HttpRoute::ok(QByteArray(8 * 1024, 'i')));
    std::vector<std::shared_ptr<Collector>> all;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 100; ++i)
        all.push_back(sendTo(*m_client, get(m_server->url(QStringLiteral("/item?n=%1").arg(i))), this));
    const qint64 sendCost = t.elapsed();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(all.begin(), all.end(), [](const auto& c) { return c->calls.load() > 0; });
        },
        20000));
    const qint64 total = t.elapsed();
    for (const auto& c : all) {
        QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
        QCOMPARE(c->result.body.size(), 8 * 1024);
        QCOMPARE(c->result.attempts, 1);
        QCOMPARE(c->calls.load(), 1);
    }
    qInfo("measure: 100 concurrent GETs: send() total %lld ms, all delivered after %lld ms", sendCost, total);
}

void tst_HttpClientLifecycle::clientDestroyedWithRequestsInFlight()
{
    m_server->setRoute("/hang", HttpRoute::hang());
    m_server->setRoute("/endless", HttpRoute::endless());
    auto client = std::make_unique<HttpClient>();
    std::vector<std::shared_ptr<Collector>> all;
    for (int i = 0; i < 10; ++i) {
        all.push_back(sendTo(*client, get(m_server->url(QStringLiteral("/hang"))), this));
        all.push_back(sendTo(*client, get(m_server->url(QStringLiteral("/endless"))), this));
    }
    HttpRequestHandle survivor;
    all.push_back(sendTo(*client, get(m_server->url(QStringLiteral("/hang"))), this, &survivor));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->openConnections() >= 10, 5000);
    QElapsedTimer t;
    t.start();
    client.reset();
    const qint64 dtorMs = t.elapsed();
    QVERIFY2(dtorMs < 1000, qPrintable(QString::number(dtorMs)));
    survivor.cancel(); // the client is gone: must be a harmless no-op
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(all.begin(), all.end(), [](const auto& c) { return c->calls.load() > 0; });
        },
        3000));
    for (const auto& c : all) {
        QCOMPARE(c->calls.load(), 1);
        QCOMPARE(c->result.error, HttpError::Cancelled);
    }
    qInfo("measure: ~HttpClient with 21 requests in flight took %lld ms", dtorMs);
    m_gaps.reset(); // the destructor's join is on this thread by design
}

QTEST_GUILESS_MAIN(tst_HttpClientLifecycle)
#include "tst_httpclient_lifecycle.moc"
