// HttpClient against real servers on 127.0.0.1 (tests/support/LoopbackHttpServer, own thread): what a
// request returns and where it stops (timeouts, size caps, redirects, schemes, credentials, TLS). Every
// test also checks that this (UI) thread's event loop never stalls while requests are in flight.

#include "HttpClientTestUtil.h"
#include "LoopbackHttpServer.h"
#include "net/HttpClient.h"

#include <QRegularExpression>

using namespace wf::net;
using namespace std::chrono_literals;
using wf::test::get;
using wf::test::HttpRoute;
using wf::test::LoopbackHttpServer;
using wf::test::sendTo;
using wf::test::waitDone;

class tst_HttpClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void getReturnsBodyAndHeaders();
    void postSendsBody();
    void otherMethodsAreSentAsGiven();
    void gzipIsDecoded();
    void sizeCapCountsDecompressedBytes();
    void hangHitsTotalTimeout();
    void dripHitsTotalTimeout();
    void endlessBodyIsCapped();
    void headersAreCapped();
    void httpStatusKeepsBodyAndExcerpt();
    void redirectToFileIsRefused();
    void redirectLoopStops();
    void sameOriginRedirectKeepsCredentials();
    void crossOriginRedirectDropsCredentials_data();
    void crossOriginRedirectDropsCredentials();
    void connectionRefused();
    void dnsFailureIsFast();
    void invalidRequestsFailUpFront();
    void credentialsNeverInMessages();
    void tlsSelfSignedRejectedUnlessOptedOut();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    wf::test::GapMonitor m_gaps;
};

void tst_HttpClient::initTestCase()
{
    wf::test::unsetProxies();
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->port() != 0);
    m_client = std::make_unique<HttpClient>();
}

void tst_HttpClient::init()
{
    m_gaps.start();
}

void tst_HttpClient::cleanup()
{
    const qint64 gap = m_gaps.stop();
    QVERIFY2(gap < wf::test::kMaxEventLoopGapMs,
             qPrintable(QStringLiteral("UI thread stalled for %1 ms").arg(gap)));
}

void tst_HttpClient::cleanupTestCase()
{
    qInfo("measure: worst event-loop gap over all tests %lld ms", m_gaps.worstOverall());
    m_client.reset();
    m_server.reset();
}

void tst_HttpClient::getReturnsBodyAndHeaders()
{
    m_server->setRoute("/hello", HttpRoute::ok("hello world", {{"X-Test", "yes"}}));
    const QUrl url = m_server->url(QStringLiteral("/hello?q=1"));
    auto c = sendTo(*m_client, get(url), this);
    QVERIFY(waitDone(c, 5000));
    const HttpResult& r = c->result;
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("hello world"));
    QCOMPARE(r.header("x-TEST"), QByteArray("yes"));
    QCOMPARE(r.finalUrl, url);
    QCOMPARE(r.attempts, 1);
    QVERIFY(r.errorMessage.isEmpty());
    QCOMPARE(c->calls.load(), 1);
    const auto seen = m_server->requestsFor("/hello");
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, QByteArray("GET"));
    QVERIFY(seen[0].header("User-Agent").startsWith("Watchfloor/"));
}

void tst_HttpClient::postSendsBody()
{
    m_server->setRoute("/ingest", HttpRoute::ok("accepted"));
    HttpRequest r = get(m_server->url(QStringLiteral("/ingest")));
    r.method = "POST";
    r.body = QByteArray(300 * 1024, 'p'); // large enough that curl would otherwise send Expect: 100
    r.headers = {{"Content-Type", "application/json"}};
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
    const auto seen = m_server->requestsFor("/ingest");
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, QByteArray("POST"));
    QCOMPARE(seen[0].body, r.body);
    QCOMPARE(seen[0].header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!seen[0].hasHeader("Expect"));
}

void tst_HttpClient::otherMethodsAreSentAsGiven()
{
    m_server->setRoute("/thing", HttpRoute::ok("thing body"));
    const QUrl url = m_server->url(QStringLiteral("/thing"));
    for (const QByteArray& method : {QByteArray("PUT"), QByteArray("DELETE"), QByteArray("HEAD")}) {
        HttpRequest r = get(url);
        r.method = method;
        auto c = sendTo(*m_client, r, this);
        QVERIFY(waitDone(c, 5000));
        QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
        const auto seen = m_server->requestsFor("/thing");
        QCOMPARE(seen.last().method, method);
        if (method == "PUT")
            QCOMPARE(seen.last().header("Content-Length"), QByteArray("0")); // an empty body, said so
        if (method == "HEAD")
            QVERIFY(c->result.body.isEmpty());
        else
            QCOMPARE(c->result.body, QByteArray("thing body"));
    }
}

void tst_HttpClient::gzipIsDecoded()
{
    QByteArray text;
    for (int i = 0; i < 5000; ++i)
        text += "series{job=\"api\"} " + QByteArray::number(i) + '\n';
    HttpRoute route = HttpRoute::ok(text);
    route.gzip = true;
    m_server->setRoute("/gz", route);
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/gz"))), this);
    QVERIFY(waitDone(c, 5000));
    QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(c->result.body, text);
    QVERIFY(m_server->requestsFor("/gz").value(0).header("Accept-Encoding").contains("gzip"));
}

void tst_HttpClient::sizeCapCountsDecompressedBytes()
{
    // 2 MiB of zeros compresses to a few KiB: only counting decoded bytes catches it.
    HttpRoute route = HttpRoute::ok(QByteArray(2 * 1024 * 1024, '\0'));
    route.gzip = true;
    m_server->setRoute("/bomb", route);
    HttpRequest r = get(m_server->url(QStringLiteral("/bomb")));
    r.maxResponseBytes = 1024 * 1024;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::TooLarge);
    QVERIFY(c->result.body.isEmpty());
    QVERIFY2(c->result.errorMessage.contains(QLatin1String("1 MiB")), qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.attempts, 1);
}

void tst_HttpClient::hangHitsTotalTimeout()
{
    m_server->setRoute("/hang", HttpRoute::hang());
    HttpRequest r = get(m_server->url(QStringLiteral("/hang")));
    r.totalTimeout = 1s;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::Timeout);
    QVERIFY2(c->deliveredAfterMs >= 950 && c->deliveredAfterMs < 2500,
             qPrintable(QString::number(c->deliveredAfterMs)));
    QVERIFY2(c->result.errorMessage.contains(QLatin1String("1 s")), qPrintable(c->result.errorMessage));
    QVERIFY(c->result.errorMessage.contains(QStringLiteral("127.0.0.1:%1").arg(m_server->port())));
    QCOMPARE(c->result.attempts, 1); // a total timeout is never retried
}

void tst_HttpClient::dripHitsTotalTimeout()
{
    m_server->setRoute("/drip", HttpRoute::drip());
    HttpRequest r = get(m_server->url(QStringLiteral("/drip")));
    r.totalTimeout = 1200ms;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::Timeout);
    QVERIFY2(c->deliveredAfterMs >= 1150 && c->deliveredAfterMs < 2700,
             qPrintable(QString::number(c->deliveredAfterMs)));
    QVERIFY(c->result.body.isEmpty()); // partial bodies are not handed out
}

void tst_HttpClient::endlessBodyIsCapped()
{
    m_server->setRoute("/endless", HttpRoute::endless());
    HttpRequest r = get(m_server->url(QStringLiteral("/endless")));
    r.maxResponseBytes = 1024 * 1024;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 10000));
    QCOMPARE(c->result.error, HttpError::TooLarge);
    QVERIFY(c->result.body.size() <= r.maxResponseBytes);
    QVERIFY(c->deliveredAfterMs < 5000);
    // The client went away: the server notices and stops streaming.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    const qint64 sent = m_server->endlessBytesSent();
    QTest::qWait(300);
    QCOMPARE(m_server->endlessBytesSent(), sent);
    QVERIFY2(sent < 64 * 1024 * 1024, qPrintable(QString::number(sent)));
}

void tst_HttpClient::headersAreCapped()
{
    wf::test::HeaderList many;
    for (int i = 0; i < 400; ++i)
        many.append({"X-Filler-" + QByteArray::number(i), QByteArray(1024, 'h')});
    m_server->setRoute("/fatheaders", HttpRoute::ok("small", many));
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/fatheaders"))), this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::TooLarge);
    QVERIFY2(c->result.errorMessage.contains(QLatin1String("headers")), qPrintable(c->result.errorMessage));
}

void tst_HttpClient::httpStatusKeepsBodyAndExcerpt()
{
    const QByteArray body =
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\x1b[31m\x01\","
        "\"detail\":\"" +
        QByteArray(400, 'd') + "\"}";
    m_server->setRoute("/bad", HttpRoute::withStatus(400, body));
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/bad"))), this);
    QVERIFY(waitDone(c, 5000));
    const HttpResult& r = c->result;
    QCOMPARE(r.error, HttpError::HttpStatus);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, body);  // Prometheus puts its error JSON here
    QCOMPARE(r.attempts, 1); // 400 is not retryable
    QVERIFY(r.errorMessage.contains(QLatin1String("400")));
    QVERIFY(r.errorMessage.contains(QLatin1String("bad_data")));
    QVERIFY(!r.errorMessage.contains(QChar(0x1b)));
    QVERIFY(!r.errorMessage.contains(QChar(0x01)));
    QVERIFY2(r.errorMessage.size() < 320, qPrintable(r.errorMessage));
}

void tst_HttpClient::redirectToFileIsRefused()
{
    m_server->setRoute("/to-file", HttpRoute::redirect("file:///etc/passwd"));
    auto c = sendTo(*m_client, get(m_server->url(QStringLiteral("/to-file"))), this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::UnsupportedScheme);
    QVERIFY(c->result.body.isEmpty());
    QVERIFY2(c->result.errorMessage.contains(QLatin1String("\"file\"")), qPrintable(c->result.errorMessage));
    QVERIFY(!c->result.body.contains("root:"));
}

void tst_HttpClient::redirectLoopStops()
{
    m_server->setRoute("/loop", HttpRoute::redirect("/loop"));
    HttpRequest r = get(m_server->url(QStringLiteral("/loop")));
    r.maxRedirects = 3;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::TooManyRedirects);
    QCOMPARE(m_server->requestsFor("/loop").size(), 4); // the original plus three followed hops
    QVERIFY(c->result.errorMessage.contains(QLatin1String("3")));
}

void tst_HttpClient::sameOriginRedirectKeepsCredentials()
{
    m_server->setRoute("/old", HttpRoute::redirect("/new", 301));
    m_server->setRoute("/new", HttpRoute::ok("moved here"));
    HttpRequest r = get(m_server->url(QStringLiteral("/old")));
    r.credentials.bearerToken = "tok-123";
    r.headers = {{"Cookie", "session=abc"}};
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.body, QByteArray("moved here"));
    QCOMPARE(c->result.finalUrl, m_server->url(QStringLiteral("/new")));
    const auto landed = m_server->requestsFor("/new");
    QCOMPARE(landed.size(), 1);
    QCOMPARE(landed[0].header("Authorization"), QByteArray("Bearer tok-123"));
    QCOMPARE(landed[0].header("Cookie"), QByteArray("session=abc"));
}

void tst_HttpClient::crossOriginRedirectDropsCredentials_data()
{
    QTest::addColumn<QString>("targetHost");
    QTest::addColumn<int>("kind"); // 0 custom Authorization header, 1 basic credentials, 2 bearer token
    for (const QString& host : {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")}) {
        const QByteArray h = host.toLatin1();
        QTest::newRow(QByteArray("header to " + h).constData()) << host << 0;
        QTest::newRow(QByteArray("basic to " + h).constData()) << host << 1;
        QTest::newRow(QByteArray("bearer to " + h).constData()) << host << 2;
    }
}

void tst_HttpClient::crossOriginRedirectDropsCredentials()
{
    QFETCH(QString, targetHost);
    QFETCH(int, kind);
    LoopbackHttpServer other; // a different port: a different origin even on the same host
    other.setRoute("/landing", HttpRoute::ok("elsewhere"));
    const QByteArray away = "/away-" + QByteArray(QTest::currentDataTag()).replace(' ', '-');
    m_server->setRoute(away,
                       HttpRoute::redirect(other.url(QStringLiteral("/landing"), targetHost).toEncoded()));
    m_gaps.reset();

    HttpRequest r = get(m_server->url(QString::fromLatin1(away)));
    r.headers = {{"Cookie", "session=abc"}, {"X-Scope-OrgID", "tenant-1"}};
    if (kind == 0)
        r.headers.append(std::pair<QByteArray, QByteArray>("Authorization", "Bearer custom-secret"));
    else if (kind == 1)
        r.credentials = {QStringLiteral("alice"), QStringLiteral("pw-secret"), {}};
    else
        r.credentials.bearerToken = "token-secret";
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QVERIFY2(c->result.ok(), qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.body, QByteArray("elsewhere"));

    const auto first = m_server->requestsFor(away);
    QCOMPARE(first.size(), 1);
    QVERIFY(first[0].hasHeader("Authorization")); // the origin we were given does get them
    QVERIFY(first[0].hasHeader("Cookie"));
    const auto landed = other.requestsFor("/landing");
    QCOMPARE(landed.size(), 1);
    QVERIFY2(!landed[0].hasHeader("Authorization"), landed[0].header("Authorization").constData());
    QVERIFY(!landed[0].hasHeader("Cookie"));
    QVERIFY(!landed[0].hasHeader("Proxy-Authorization"));
    QCOMPARE(landed[0].header("X-Scope-OrgID"), QByteArray("tenant-1")); // ordinary headers still go
}

void tst_HttpClient::connectionRefused()
{
    HttpRequest r = get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(LoopbackHttpServer::closedPort())));
    r.maxRetries = 0;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::ConnectionRefused);
    QCOMPARE(c->result.attempts, 1);
    QVERIFY(c->deliveredAfterMs < 1000);
    QVERIFY2(c->result.errorMessage.contains(QLatin1String("refused")), qPrintable(c->result.errorMessage));

    // Refused is transient (a restarting server): GET retries it, within the budget.
    r.maxRetries = 2;
    auto again = sendTo(*m_client, r, this);
    QVERIFY(waitDone(again, 5000));
    QCOMPARE(again->result.error, HttpError::ConnectionRefused);
    QCOMPARE(again->result.attempts, 3);
}

void tst_HttpClient::dnsFailureIsFast()
{
    // .invalid never resolves (RFC 6761). Measured here: the resolver answers NXDOMAIN in milliseconds;
    // the connect timeout bounds it where a resolver would hang instead.
    HttpRequest r = get(QUrl(QStringLiteral("http://watchfloor-test.invalid/api")));
    r.connectTimeout = 2s;
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 6000));
    QVERIFY2(c->result.error == HttpError::Dns || c->result.error == HttpError::ConnectTimeout,
             qPrintable(c->result.errorMessage));
    QVERIFY2(c->result.errorMessage.contains(QLatin1String("watchfloor-test.invalid")),
             qPrintable(c->result.errorMessage));
    QCOMPARE(c->result.attempts, 1); // DNS failures are not retried
    qInfo("measure: DNS failure for .invalid delivered after %lld ms as %s", c->deliveredAfterMs,
          qPrintable(describe(c->result.error)));
}

void tst_HttpClient::invalidRequestsFailUpFront()
{
    struct Case
    {
        HttpRequest request;
        HttpError expected;
    };
    HttpRequest ftp = get(QUrl(QStringLiteral("ftp://127.0.0.1/file")));
    HttpRequest relative = get(QUrl(QStringLiteral("/just/a/path")));
    HttpRequest injected = get(m_server->url(QStringLiteral("/never")));
    injected.headers = {{"X-Evil", "a\r\nInjected: yes"}};
    HttpRequest badMethod = get(m_server->url(QStringLiteral("/never")));
    badMethod.method = "GET /other";
    const Case cases[] = {{ftp, HttpError::UnsupportedScheme},
                          {relative, HttpError::InvalidUrl},
                          {injected, HttpError::InvalidUrl},
                          {badMethod, HttpError::InvalidUrl}};
    for (const Case& k : cases) {
        auto c = sendTo(*m_client, k.request, this);
        QCOMPARE(c->calls.load(), 0); // queued, never called from inside send()
        QVERIFY(waitDone(c, 2000));
        QCOMPARE(c->result.error, k.expected);
        QVERIFY(!c->result.errorMessage.isEmpty());
        QCOMPARE(c->result.attempts, 0);
    }
    QVERIFY(m_server->requestsFor("/never").isEmpty());

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("context object and a callback")));
    QVERIFY(!m_client->send(get(m_server->url(QStringLiteral("/hello"))), nullptr, [](const HttpResult&) {})
                 .isValid());
}

void tst_HttpClient::credentialsNeverInMessages()
{
    m_server->setRoute("/denied", HttpRoute::withStatus(401, "no entry"));
    QUrl withUserInfo = m_server->url(QStringLiteral("/denied"));
    withUserInfo.setUserInfo(QStringLiteral("bob:url-secret"));
    HttpRequest r = get(withUserInfo);
    auto c = sendTo(*m_client, r, this);
    QVERIFY(waitDone(c, 5000));
    QCOMPARE(c->result.error, HttpError::HttpStatus);
    QVERIFY(!c->result.errorMessage.contains(QLatin1String("url-secret")));
    QVERIFY(c->result.finalUrl.userInfo().isEmpty());
    // The user info was sent as basic auth to its own origin, not lost.
    QCOMPARE(m_server->requestsFor("/denied").value(0).header("Authorization"),
             "Basic " + QByteArray("bob:url-secret").toBase64());

    HttpRequest refused =
        get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(LoopbackHttpServer::closedPort())));
    refused.credentials = {QStringLiteral("alice"), QStringLiteral("pw-secret"), "token-secret"};
    refused.maxRetries = 0;
    auto d = sendTo(*m_client, refused, this);
    QVERIFY(waitDone(d, 5000));
    for (const char* secret : {"pw-secret", "token-secret", "alice"})
        QVERIFY(!d->result.errorMessage.contains(QLatin1String(secret)));
}

void tst_HttpClient::tlsSelfSignedRejectedUnlessOptedOut()
{
    wf::test::SelfSignedTlsServer tls;
    if (!tls.isRunning()) {
        // install-deps test installs openssl: in CI a TLS server that cannot start is a broken setup.
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(qPrintable(QStringLiteral("no TLS test server: ") + tls.error()));
        QSKIP(qPrintable(QStringLiteral("no TLS test server: ") + tls.error()));
    }
    m_gaps.reset(); // starting openssl blocked this thread on purpose

    auto strict = sendTo(*m_client, get(tls.url()), this);
    QVERIFY(waitDone(strict, 10000));
    QCOMPARE(strict->result.error, HttpError::Tls);
    QCOMPARE(strict->result.attempts, 1);
    QVERIFY2(strict->result.errorMessage.contains(QLatin1String("certificate")),
             qPrintable(strict->result.errorMessage));

    HttpRequest insecure = get(tls.url());
    insecure.verifyTls = false;
    auto relaxed = sendTo(*m_client, insecure, this);
    QVERIFY(waitDone(relaxed, 10000));
    QVERIFY2(relaxed->result.ok(), qPrintable(relaxed->result.errorMessage));
    QCOMPARE(relaxed->result.status, 200);

    // The opt-out is per request: the next default request is strict again.
    auto strictAgain = sendTo(*m_client, get(tls.url()), this);
    QVERIFY(waitDone(strictAgain, 10000));
    QCOMPARE(strictAgain->result.error, HttpError::Tls);
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
