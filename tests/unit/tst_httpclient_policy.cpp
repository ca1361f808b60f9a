// The pure policy behind HttpClient, without curl or sockets: retry classification and backoff,
// redirect origin rules, header stripping and parsing, request validation, message hygiene.

#include "net/ErrorText.h"
#include "net/HeaderParser.h"
#include "net/RedirectPolicy.h"
#include "net/RequestValidation.h"
#include "net/RetryPolicy.h"

#include <QTest>

using namespace wf::net;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

class tst_HttpClientPolicy : public QObject
{
    Q_OBJECT

private slots:
    void idempotentMethods();
    void retryableClassification();
    void backoffBoundsWithFullJitter();
    void backoffDoesNotOverflow();
    void retryAfterParsing();
    void planRetryRespectsLimitsAndBudget();
    void allowedSchemes();
    void sameOrigin_data();
    void sameOrigin();
    void redirectResolution();
    void redirectMethodRewrite();
    void sensitiveHeadersStripped();
    void statusLineParsing();
    void headerLineParsing();
    void headerCollectorResetsAndCaps();
    void excerptIsPrintableAndBounded();
    void messagesNameHostAndLimits();
    void requestValidation();
};

void tst_HttpClientPolicy::idempotentMethods()
{
    for (const char* m : {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
        QVERIFY2(isIdempotentMethod(m), m);
    for (const char* m : {"POST", "PATCH", "CONNECT", "TRACE", "get", ""})
        QVERIFY2(!isIdempotentMethod(m), m);
}

void tst_HttpClientPolicy::retryableClassification()
{
    for (int s : {429, 502, 503, 504})
        QVERIFY(isRetryableFailure(HttpError::HttpStatus, s, false));
    for (int s : {400, 401, 403, 404, 500, 501, 505})
        QVERIFY2(!isRetryableFailure(HttpError::HttpStatus, s, false), qPrintable(QString::number(s)));
    QVERIFY(isRetryableFailure(HttpError::ConnectionRefused, 0, false));
    QVERIFY(isRetryableFailure(HttpError::ConnectTimeout, 0, false));
    QVERIFY(isRetryableFailure(HttpError::Network, 0, true));   // reset / empty reply
    QVERIFY(!isRetryableFailure(HttpError::Network, 0, false)); // e.g. unreachable
    for (HttpError e : {HttpError::Dns, HttpError::Timeout, HttpError::Tls, HttpError::TooLarge,
                        HttpError::TooManyRedirects, HttpError::UnsupportedScheme, HttpError::InvalidUrl,
                        HttpError::Cancelled, HttpError::None})
        QVERIFY(!isRetryableFailure(e, 503, true));
}

void tst_HttpClientPolicy::backoffBoundsWithFullJitter()
{
    const BackoffConfig cfg{100ms, 1000ms};
    // Ceiling doubles from the base and stops at the cap; r spans [0, ceiling].
    const qint64 ceilings[] = {100, 200, 400, 800, 1000, 1000};
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(fullJitterBackoff(i, cfg, 0.0).count(), 0);
        QCOMPARE(fullJitterBackoff(i, cfg, 0.999999).count(), ceilings[i] - 1);
        QCOMPARE(fullJitterBackoff(i, cfg, 0.5).count(), ceilings[i] / 2);
    }
    // Out-of-range randoms are clamped, never produce a negative or over-cap wait.
    QCOMPARE(fullJitterBackoff(3, cfg, -1.0).count(), 0);
    QCOMPARE(fullJitterBackoff(3, cfg, 7.0).count(), 800);
}

void tst_HttpClientPolicy::backoffDoesNotOverflow()
{
    const BackoffConfig cfg{250ms, 8000ms};
    QCOMPARE(fullJitterBackoff(1000, cfg, 0.5).count(), 4000);
    QCOMPARE(fullJitterBackoff(-5, cfg, 0.5).count(), 125);
}

void tst_HttpClientPolicy::retryAfterParsing()
{
    const QDateTime now = QDateTime(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);
    QCOMPARE(parseRetryAfter("5", now), std::optional(milliseconds(5000)));
    QCOMPARE(parseRetryAfter(" 0 ", now), std::optional(milliseconds(0)));
    QCOMPARE(parseRetryAfter("Fri, 01 Mar 2024 12:00:30 GMT", now), std::optional(milliseconds(30000)));
    QCOMPARE(parseRetryAfter("Fri, 01 Mar 2024 11:00:00 GMT", now), std::optional(milliseconds(0))); // past
    QVERIFY(parseRetryAfter("99999999999999999999", now).value() > milliseconds(1000LL * 3600 * 24 * 365));
    QVERIFY(!parseRetryAfter("", now));
    QVERIFY(!parseRetryAfter("-5", now));
    QVERIFY(!parseRetryAfter("soon", now));
    QVERIFY(!parseRetryAfter("1.5", now));
}

void tst_HttpClientPolicy::planRetryRespectsLimitsAndBudget()
{
    const BackoffConfig cfg{100ms, 1000ms, 10000ms, 100ms};
    // Retries used up.
    QVERIFY(!planRetry(2, 2, std::nullopt, 30s, cfg, 0.5).retry);
    // Normal: jittered delay within the ceiling for this retry index.
    RetryPlan p = planRetry(1, 2, std::nullopt, 30s, cfg, 0.5);
    QVERIFY(p.retry);
    QCOMPARE(p.delay, 100ms);
    // Retry-After raises the wait...
    p = planRetry(0, 2, 3000ms, 30s, cfg, 0.5);
    QVERIFY(p.retry);
    QCOMPARE(p.delay, 3000ms);
    // ...but beyond its cap means give up now, not wait.
    QVERIFY(!planRetry(0, 2, 10001ms, 60s, cfg, 0.5).retry);
    // The wait plus a minimal attempt must fit in what is left of the total budget.
    QVERIFY(!planRetry(0, 2, 3000ms, 3050ms, cfg, 0.5).retry);
    QVERIFY(planRetry(0, 2, 3000ms, 3100ms, cfg, 0.5).retry);
    QVERIFY(!planRetry(0, 2, std::nullopt, 50ms, cfg, 0.0).retry);
}

void tst_HttpClientPolicy::allowedSchemes()
{
    QVERIFY(isAllowedScheme(QUrl(QStringLiteral("http://a/"))));
    QVERIFY(isAllowedScheme(QUrl(QStringLiteral("HTTPS://a/"))));
    for (const char* u : {"file:///etc/passwd", "ftp://a/", "gopher://a/", "dict://a/", "data:text/plain,x",
                          "javascript:alert(1)", "//a/relative"})
        QVERIFY2(!isAllowedScheme(QUrl(QString::fromLatin1(u))), u);
}

void tst_HttpClientPolicy::sameOrigin_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("path differs") << "http://h:80/a"
                                  << "http://h/b?x" << true;
    QTest::newRow("host case") << "https://Example.COM/"
                               << "https://example.com:443/" << true;
    QTest::newRow("port differs") << "http://127.0.0.1:8080/"
                                  << "http://127.0.0.1:8081/" << false;
    QTest::newRow("host differs") << "http://127.0.0.1:8080/"
                                  << "http://localhost:8080/" << false;
    QTest::newRow("scheme differs") << "https://h/"
                                    << "http://h/" << false;
    QTest::newRow("default vs explicit") << "http://h/"
                                         << "http://h:8080/" << false;
    QTest::newRow("subdomain") << "http://h.example/"
                               << "http://evil.h.example/" << false;
}

void tst_HttpClientPolicy::sameOrigin()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(isSameOrigin(QUrl(a), QUrl(b)), same);
    QCOMPARE(isSameOrigin(QUrl(b), QUrl(a)), same);
}

void tst_HttpClientPolicy::redirectResolution()
{
    const QUrl base(QStringLiteral("http://h:81/api/v1/query?x=1"));
    QCOMPARE(resolveRedirect(base, "/other"), QUrl(QStringLiteral("http://h:81/other")));
    QCOMPARE(resolveRedirect(base, "range"), QUrl(QStringLiteral("http://h:81/api/v1/range")));
    QCOMPARE(resolveRedirect(base, "//cdn.example/x"), QUrl(QStringLiteral("http://cdn.example/x")));
    QCOMPARE(resolveRedirect(base, "https://b/#frag"), QUrl(QStringLiteral("https://b/")));
    QCOMPARE(resolveRedirect(base, "file:///etc/passwd").scheme(), QStringLiteral("file"));
    QVERIFY(!resolveRedirect(base, "").isValid());
    QVERIFY(!resolveRedirect(base, "   ").isValid());
    QVERIFY(!resolveRedirect(base, "http://[::1").isValid());
}

void tst_HttpClientPolicy::redirectMethodRewrite()
{
    QCOMPARE(methodAfterRedirect(303, "POST").method, QByteArray("GET"));
    QVERIFY(!methodAfterRedirect(303, "PUT").keepBody);
    QCOMPARE(methodAfterRedirect(303, "HEAD").method, QByteArray("HEAD"));
    QCOMPARE(methodAfterRedirect(302, "POST").method, QByteArray("GET"));
    QCOMPARE(methodAfterRedirect(301, "PUT").method, QByteArray("PUT"));
    QVERIFY(methodAfterRedirect(301, "PUT").keepBody);
    QCOMPARE(methodAfterRedirect(307, "POST").method, QByteArray("POST"));
    QVERIFY(methodAfterRedirect(308, "POST").keepBody);
    QVERIFY(isRedirectStatus(308));
    QVERIFY(!isRedirectStatus(304));
    QVERIFY(!isRedirectStatus(300));
}

void tst_HttpClientPolicy::sensitiveHeadersStripped()
{
    const HttpHeaders in = {{"authorization", "Bearer x"},
                            {"X-Scope-OrgID", "t"},
                            {"COOKIE", "a=b"},
                            {"Proxy-Authorization", "p"},
                            {"Accept", "application/json"}};
    const HttpHeaders out = withoutSensitiveHeaders(in);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].first, QByteArray("X-Scope-OrgID"));
    QCOMPARE(out[1].first, QByteArray("Accept"));
    QVERIFY(isSensitiveHeader("Authorization"));
    QVERIFY(!isSensitiveHeader("Authorization-Info"));
}

void tst_HttpClientPolicy::statusLineParsing()
{
    QCOMPARE(parseStatusLine("HTTP/1.1 200 OK\r\n"), std::optional(200));
    QCOMPARE(parseStatusLine("HTTP/2 404\r\n"), std::optional(404));
    QCOMPARE(parseStatusLine("HTTP/1.0 503"), std::optional(503));
    QVERIFY(!parseStatusLine("HTTP/1.1 20 OK"));
    QVERIFY(!parseStatusLine("HTTP/1.1 2000 OK"));
    QVERIFY(!parseStatusLine("HTTP/1.1 099 nope"));
    QVERIFY(!parseStatusLine("Content-Type: text/plain"));
    QVERIFY(!parseStatusLine("HTTP/1.1"));
    QVERIFY(!parseStatusLine(""));
}

void tst_HttpClientPolicy::headerLineParsing()
{
    auto h = parseHeaderLine("Content-Type:  application/json \r\n");
    QVERIFY(h);
    QCOMPARE(h->first, QByteArray("Content-Type"));
    QCOMPARE(h->second, QByteArray("application/json"));
    QCOMPARE(parseHeaderLine("X-Empty:")->second, QByteArray());
    QCOMPARE(parseHeaderLine("Location: http://a/b:c")->second, QByteArray("http://a/b:c"));
    QVERIFY(!parseHeaderLine(": no name"));
    QVERIFY(!parseHeaderLine("Bad Name: x"));
    QVERIFY(!parseHeaderLine(" folded continuation"));
    QVERIFY(!parseHeaderLine("no colon at all"));
    QVERIFY(!parseHeaderLine(QByteArrayView("X: a\0b", 6)));
    QVERIFY(!isValidHeaderValue("a\r\nInjected: 1"));
    QVERIFY(isValidHeaderName("X-Scope-OrgID"));
    QVERIFY(!isValidHeaderName("X Scope"));
}

void tst_HttpClientPolicy::headerCollectorResetsAndCaps()
{
    ResponseHeaderCollector c(200);
    QVERIFY(c.feed("HTTP/1.1 100 Continue\r\n"));
    QVERIFY(c.feed("X-Interim: 1\r\n"));
    QVERIFY(c.feed("\r\n"));
    QVERIFY(c.feed("HTTP/1.1 200 OK\r\n"));
    QVERIFY(c.feed("Retry-After: 5\r\n"));
    QCOMPARE(c.status(), 200);
    QCOMPARE(c.headers().size(), 1); // interim headers gone
    QCOMPARE(c.value("retry-after"), QByteArray("5"));
    QVERIFY(!c.feed(QByteArray("X-Big: " + QByteArray(200, 'b') + "\r\n")));
    QVERIFY(c.overLimit());
}

void tst_HttpClientPolicy::excerptIsPrintableAndBounded()
{
    QCOMPARE(printableExcerpt("  {\"error\":\n\t\"bad\"}  "), QStringLiteral("{\"error\": \"bad\"}"));
    QCOMPARE(printableExcerpt("a\x1b[31mb\x07"
                              "c"),
             QStringLiteral("a [31mb c"));
    QCOMPARE(printableExcerpt("caf\xc3\xa9"), QStringLiteral("caf??"));
    const QString cut = printableExcerpt(QByteArray(1000, 'x'), 200);
    QCOMPARE(cut.size(), 203);
    QVERIFY(cut.endsWith(QLatin1String("...")));
    QCOMPARE(printableExcerpt(QByteArray(200, 'x'), 200).size(), 200); // exactly the limit: not cut
    QCOMPARE(printableExcerpt(""), QString());
    QCOMPARE(printableExcerpt("\r\n\t "), QString());
}

void tst_HttpClientPolicy::messagesNameHostAndLimits()
{
    const QUrl url(QStringLiteral("http://prom.example:9090/api/v1/query?token=qsecret"));
    ErrorDetails d{url};
    QCOMPARE(errorMessage(HttpError::Dns, d), QStringLiteral("Could not resolve host prom.example:9090"));
    d.limit = 2500;
    QVERIFY(errorMessage(HttpError::ConnectTimeout, d).contains(QLatin1String("2.5 s")));
    d.limit = 30000;
    QVERIFY(errorMessage(HttpError::Timeout, d).contains(QLatin1String("30 s")));
    d.limit = 64LL * 1024 * 1024;
    QVERIFY(errorMessage(HttpError::TooLarge, d).contains(QLatin1String("64 MiB")));
    d.status = 503;
    d.body = "overloaded";
    const QString status = errorMessage(HttpError::HttpStatus, d);
    QVERIFY(status.contains(QLatin1String("503")) && status.contains(QLatin1String("overloaded")));
    for (HttpError e : {HttpError::Dns, HttpError::Timeout, HttpError::HttpStatus, HttpError::Cancelled})
        QVERIFY(!errorMessage(e, d).contains(QLatin1String("qsecret")));
    QVERIFY(hostForMessage(QUrl(QStringLiteral("http://u:p@[::1]:8080/x"))) == QStringLiteral("[::1]:8080"));
    for (int e = int(HttpError::None); e <= int(HttpError::Network); ++e)
        QVERIFY(!describe(HttpError(e)).isEmpty());
}

void tst_HttpClientPolicy::requestValidation()
{
    HttpRequest r;
    r.url = QUrl(QStringLiteral("http://alice:s%40cret@h:8080/p#frag"));
    r.maxRetries = 1000;
    r.connectTimeout = 60s;
    r.totalTimeout = 10s;
    QVERIFY(!normalizeRequest(r));
    QCOMPARE(r.credentials.user, QStringLiteral("alice"));
    QCOMPARE(r.credentials.password, QStringLiteral("s@cret"));
    QCOMPARE(r.url, QUrl(QStringLiteral("http://h:8080/p")));
    QCOMPARE(r.maxRetries, 10);
    QCOMPARE(r.connectTimeout, 10s); // never longer than the whole budget

    HttpRequest bad;
    bad.url = QUrl(QStringLiteral("file:///etc/passwd"));
    QCOMPARE(normalizeRequest(bad)->error, HttpError::UnsupportedScheme);
    bad.url = QUrl(QStringLiteral("http:///nohost"));
    QCOMPARE(normalizeRequest(bad)->error, HttpError::InvalidUrl);
    bad.url = QUrl(QStringLiteral("http://h/"));
    bad.credentials.bearerToken = "s3cr3t\r\nX-Injected: 1";
    QCOMPARE(normalizeRequest(bad)->error, HttpError::InvalidUrl);
    QVERIFY(!normalizeRequest(bad)->detail.contains(QLatin1String("s3cr3t"))); // the secret is not echoed
}

QTEST_GUILESS_MAIN(tst_HttpClientPolicy)
#include "tst_httpclient_policy.moc"
