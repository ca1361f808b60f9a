// Authentication and scrape interval against the real Debian Prometheus, started behind
// --web.config.file with a bcrypt basic-auth user (hash made by htpasswd for this run): a wrong or
// missing password gives a clear 401 message, the right one returns data; the server's own 1 s scrape
// interval is read back and sizes the steps. Bearer tokens and error envelopes go through a loopback
// server that records what arrives.

#include "LoopbackHttpServer.h"
#include "PromTestHelpers.h"
#include "PrometheusServer.h"
#include "net/HttpClient.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/StepSizing.h"
#include "sources/SourceCredentials.h"

#include <QDateTime>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

using namespace wf;
using namespace wf::prometheus;
using namespace Qt::StringLiterals;
using test::HttpRoute;

namespace {

const QString kUser = u"watch"_s;
const QString kPassword = u"floor-Tiger-417"_s;

void unsetProxies()
{
    for (const char* v : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(v);
}

} // namespace

class TestPrometheusAuth : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::PrometheusServer> m_server;
    std::unique_ptr<net::HttpClient> m_http;

    std::unique_ptr<PrometheusClient> client(const SourceCredentials& c)
    {
        PrometheusConfig config;
        config.baseUrl = m_server->prometheusUrl();
        config.timeout = std::chrono::milliseconds(5000);
        auto out = std::make_unique<PrometheusClient>(m_http.get(), config);
        out->setCredentials(c.prometheusAuth(), c.headers);
        return out;
    }
    static SourceCredentials basic(const QString& password)
    {
        SourceCredentials c;
        c.mode = SourceCredentials::Mode::Basic;
        c.user = kUser;
        c.password = password;
        return c;
    }
    MetricsResult instant(PrometheusClient& c, const QString& expr)
    {
        test::AnswerBox<MetricsResult> box;
        c.query({expr, 0}, this, box.callback());
        return box.wait() ? *box.value : MetricsResult{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        unsetProxies();
        QString missing;
        const QString htpasswd = QStandardPaths::findExecutable(u"htpasswd"_s);
        if (htpasswd.isEmpty())
            missing = u"htpasswd (apache2-utils)"_s;
        else
            test::PrometheusServer::binariesAvailable(&missing);
        if (!missing.isEmpty()) {
            // In CI (install-deps test installs both) a missing binary is a broken setup, not a skip.
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(missing + u" is missing: run packaging/install-deps.sh test"_s));
            QSKIP(qPrintable(missing + u" is missing: run packaging/install-deps.sh test"_s));
        }
        // bcrypt cost 5 (the minimum htpasswd allows is 4): Prometheus checks the hash on every
        // request, and cost 10 would add ~60 ms to each on this machine.
        QProcess hash;
        hash.start(htpasswd, {u"-nbBC"_s, u"5"_s, kUser, kPassword});
        QVERIFY(hash.waitForFinished(10000));
        const QByteArray line = hash.readAllStandardOutput().trimmed();
        QVERIFY2(hash.exitCode() == 0 && line.startsWith(QByteArray(kUser.toUtf8() + ":$2")),
                 line.constData());
        const QByteArray bcrypt = line.mid(kUser.size() + 1);

        m_server = std::make_unique<test::PrometheusServer>();
        m_server->setWebConfig("basic_auth_users:\n  " + kUser.toUtf8() + ": '" + bcrypt + "'\n",
                               "Basic " + (kUser + u':' + kPassword).toUtf8().toBase64());
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_http = std::make_unique<net::HttpClient>();

        auto c = client(basic(kPassword));
        const bool ready = QTest::qWaitFor(
            [&] {
                const MetricsResult up = instant(*c, u"up{job=\"node\"}"_s);
                return up.ok() && up.series.size() == 1 && up.series[0].values[0] == 1.0;
            },
            20000);
        QVERIFY2(ready, qPrintable(m_server->processLog()));
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void wrongOrMissingPasswordIsAClear401()
    {
        for (const SourceCredentials& c : {basic(u"not-the-password"_s), SourceCredentials{}}) {
            auto cl = client(c);
            const MetricsResult r = instant(*cl, u"up"_s);
            QCOMPARE(r.error.kind, MetricsErrorKind::Unauthorized);
            QCOMPARE(r.error.httpStatus, 401);
            QVERIFY2(r.error.message.contains(u"HTTP 401"_s) &&
                         r.error.message.contains(u"check the user, password or token"_s),
                     qPrintable(r.error.message));
            // The password typed is never echoed back in what the user sees.
            QVERIFY(!r.error.message.contains(u"not-the-password"_s));
        }
    }

    void rightPasswordReturnsData()
    {
        auto c = client(basic(kPassword));
        const MetricsResult r = instant(*c, u"node_load1"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.series.size(), 1u);
        QVERIFY(r.series[0].values[0] >= 0);

        test::AnswerBox<PromApiResult<QStringList>> labels;
        c->labels({}, this, labels.callback());
        QVERIFY(labels.wait());
        QVERIFY2(labels.value->ok(), qPrintable(labels.value->error.message));
        QVERIFY(labels.value->value.contains(u"instance"_s));
    }

    void scrapeIntervalComesFromTheServerAndSizesSteps()
    {
        auto c = client(basic(kPassword));
        test::AnswerBox<PromApiResult<qint64>> interval;
        c->scrapeInterval(this, interval.callback());
        QVERIFY(interval.wait());
        QVERIFY2(interval.value->ok(), qPrintable(interval.value->error.message));
        QCOMPARE(interval.value->value, 1000); // PrometheusServer configures 1s

        // A 2-minute range on a 60 px sparkline: never more points than pixels, never finer than 1 s.
        const qint64 end = QDateTime::currentMSecsSinceEpoch();
        StepRequest request;
        request.startMs = end - 120'000;
        request.endMs = end;
        request.widthPx = 60;
        request.minIntervalMs = interval.value->value;
        const StepChoice step = chooseStep(request);
        QVERIFY(step.stepMs >= 1000);
        QVERIFY(step.points <= 60);
        test::AnswerBox<MetricsResult> range;
        c->queryRange({u"node_load1"_s, request.startMs, request.endMs, step.stepMs}, this, range.callback());
        QVERIFY(range.wait());
        QVERIFY2(range.value->ok(), qPrintable(range.value->error.message));
        QCOMPARE(range.value->series.size(), 1u);
        QVERIFY(qint64(range.value->series[0].values.size()) <= step.points);

        // A wide panel over 10 s: the width would allow 1,000 points, the scrape interval only ~11.
        request.startMs = end - 10'000;
        request.widthPx = 1000;
        const StepChoice fine = chooseStep(request);
        QVERIFY(fine.stepMs >= 1000);
        QVERIFY(fine.points <= 11);
    }

    void scrapeIntervalFallsBackToTargetsWithoutStatusConfig()
    {
        // Thanos and VictoriaMetrics have no /status/config; their targets still say.
        test::LoopbackHttpServer server;
        server.setRoute("/api/v1/status/config", HttpRoute::withStatus(404, "404 page not found\n"));
        server.setRoute("/api/v1/targets", HttpRoute::ok(R"({"status":"success","data":{"activeTargets":[
                            {"scrapePool":"a","scrapeUrl":"x/metrics","health":"up","labels":{},
                             "scrapeInterval":"30s"},
                            {"scrapePool":"b","scrapeUrl":"y/metrics","health":"up","labels":{},
                             "scrapeInterval":"10s"}],"droppedTargets":[]}})",
                                                         {{"Content-Type", "application/json"}}));
        PrometheusConfig config;
        config.baseUrl = server.url(u"/"_s);
        PrometheusClient c(m_http.get(), config);
        test::AnswerBox<PromApiResult<qint64>> interval;
        c.scrapeInterval(this, interval.callback());
        QVERIFY(interval.wait());
        QVERIFY2(interval.value->ok(), qPrintable(interval.value->error.message));
        QCOMPARE(interval.value->value, 10000);

        // A refused login does not fall back: /targets would be refused the same way.
        server.setRoute("/api/v1/status/config", HttpRoute::withStatus(401, "Unauthorized\n"));
        test::AnswerBox<PromApiResult<qint64>> refused;
        c.scrapeInterval(this, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.value->error.kind, MetricsErrorKind::Unauthorized);
        QCOMPARE(server.requestsFor("/api/v1/targets").size(), 1);
    }

    void bearerTokenAndHeadersArriveAndTlsStaysVerified()
    {
        test::LoopbackHttpServer server;
        server.setRoute("/api/v1/query",
                        HttpRoute::ok(R"({"status":"success","data":{"resultType":"vector","result":[]}})",
                                      {{"Content-Type", "application/json"}}));
        SourceCredentials c;
        c.mode = SourceCredentials::Mode::Bearer;
        c.token = "tok-Lighthouse-88";
        c.headers = {{"X-Scope-OrgID", "tenant-7"}};
        PrometheusConfig config;
        config.baseUrl = server.url(u"/"_s);
        QVERIFY(config.verifyTls); // the default: verification is only ever switched off by the user
        PrometheusClient client(m_http.get(), config);
        client.setCredentials(c.prometheusAuth(), c.headers);
        test::AnswerBox<MetricsResult> box;
        client.query({u"up"_s, 0}, this, box.callback());
        QVERIFY(box.wait());
        QVERIFY2(box.value->ok(), qPrintable(box.value->error.message));
        const auto reqs = server.requestsFor("/api/v1/query");
        QCOMPARE(reqs.size(), 1);
        QCOMPARE(reqs[0].header("Authorization"), QByteArray("Bearer tok-Lighthouse-88"));
        QCOMPARE(reqs[0].header("X-Scope-OrgID"), QByteArray("tenant-7"));
        QVERIFY(!client.endpointUrl(u"query"_s).toString().contains(u"Lighthouse"_s));

        // The same client settings against a self-signed certificate: refused, so the token is never
        // handed to a server that could not prove who it is.
        test::SelfSignedTlsServer tls;
        if (!tls.isRunning()) {
            // install-deps test installs openssl: in CI a TLS server that cannot start is a broken setup.
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(u"openssl s_server did not start: "_s + tls.error()));
            QSKIP(qPrintable(u"openssl s_server did not start: "_s + tls.error()));
        }
        PrometheusConfig tlsConfig;
        tlsConfig.baseUrl = tls.url();
        tlsConfig.timeout = std::chrono::milliseconds(5000);
        PrometheusClient tlsClient(m_http.get(), tlsConfig);
        tlsClient.setCredentials(c.prometheusAuth(), c.headers);
        test::AnswerBox<MetricsResult> refused;
        tlsClient.query({u"up"_s, 0}, this, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.value->error.kind, MetricsErrorKind::Network);
        QVERIFY2(refused.value->error.message.contains(u"certificate"_s, Qt::CaseInsensitive),
                 qPrintable(refused.value->error.message));
    }

    void errorEnvelopesKeepPrometheusOwnMessage()
    {
        test::LoopbackHttpServer server;
        const test::HeaderList json{{"Content-Type", "application/json"}};
        // Thanos/Mimir answer an overloaded store with 503 and the API's envelope.
        server.setRoute("/api/v1/query",
                        HttpRoute::withStatus(503,
                                              R"({"status":"error","errorType":"unavailable",)"
                                              R"("error":"too many outstanding requests"})",
                                              json));
        server.setRoute("/api/v1/query_range",
                        HttpRoute::withStatus(422,
                                              R"({"status":"error","errorType":"execution",)"
                                              R"("error":"query processing would load too many samples )"
                                              R"(into memory in query execution"})",
                                              json));
        PrometheusConfig config;
        config.baseUrl = server.url(u"/"_s);
        PrometheusClient c(m_http.get(), config);
        test::AnswerBox<MetricsResult> unavailable, execution;
        c.query({u"up"_s, 0}, this, unavailable.callback());
        c.queryRange({u"rate(x[1m])"_s, 0, 60000, 1000}, this, execution.callback());
        QVERIFY(unavailable.wait() && execution.wait());
        QCOMPARE(unavailable.value->error.kind, MetricsErrorKind::Unavailable);
        QCOMPARE(unavailable.value->error.httpStatus, 503);
        QCOMPARE(unavailable.value->error.errorType, u"unavailable"_s);
        QVERIFY2(unavailable.value->error.message.contains(u"too many outstanding requests"_s),
                 qPrintable(unavailable.value->error.message));
        QCOMPARE(execution.value->error.kind, MetricsErrorKind::Execution);
        QCOMPARE(execution.value->error.httpStatus, 422);
        QVERIFY(execution.value->error.message.contains(u"would load too many samples"_s));
    }

    void partialResponseWarningsReachTheResult()
    {
        test::LoopbackHttpServer server;
        server.setRoute("/api/v1/query_range",
                        HttpRoute::ok(R"({"status":"success","data":{"resultType":"matrix","result":[
                            {"metric":{"job":"a"},"values":[[1,"1"],[2,"2"]]}]},
                            "warnings":["PromQL info: partial response, store eu-1 unavailable",
                                        "second warning"],
                            "infos":["PromQL info: metric might not be a counter"]})",
                                      {{"Content-Type", "application/json"}}));
        PrometheusConfig config;
        config.baseUrl = server.url(u"/"_s);
        PrometheusClient c(m_http.get(), config);
        test::AnswerBox<MetricsResult> box;
        c.queryRange({u"x"_s, 1000, 2000, 1000}, this, box.callback());
        QVERIFY(box.wait());
        QVERIFY2(box.value->ok(), qPrintable(box.value->error.message));
        QCOMPARE(box.value->series.size(), 1u);
        QCOMPARE(box.value->series[0].values.size(), 2u);
        QCOMPARE(box.value->warnings.size(), 2);
        QVERIFY(box.value->warnings[0].contains(u"store eu-1 unavailable"_s));
        QCOMPARE(box.value->infos, QStringList{u"PromQL info: metric might not be a counter"_s});
    }
};

QTEST_GUILESS_MAIN(TestPrometheusAuth)
#include "tst_prometheus_auth.moc"
