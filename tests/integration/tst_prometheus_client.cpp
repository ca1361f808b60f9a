// PrometheusClient against a scriptable loopback server replaying the captured Prometheus 2.42 answers:
// what goes on the wire (POST form encoding, GET fallback on 405, auth, custom headers, path prefix)
// and what comes back (every endpoint decoded, errors with the server's text, proxy pages, hangs,
// refused connections, cancel).

#include "LoopbackHttpServer.h"
#include "PromTestHelpers.h"
#include "TestSupport.h"
#include "net/HttpClient.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/PrometheusMetricsSource.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace wf;
using namespace wf::prometheus;
using namespace Qt::StringLiterals;
using test::HttpRoute;
using test::LoopbackHttpServer;

namespace {

QByteArray sample(const QString& name)
{
    QFile f(test::samplePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(name));
    return f.readAll();
}

const test::HeaderList kJson{{"Content-Type", "application/json"}};

// Collects one callback's result and checks it ran once, on the test thread.
QByteArray formValue(const QByteArray& encoded, const QString& key)
{
    return QUrlQuery(QString::fromLatin1(encoded)).queryItemValue(key, QUrl::FullyDecoded).toUtf8();
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<LoopbackHttpServer> m_server;

    std::unique_ptr<PrometheusClient> client(PrometheusAuth auth = {}, net::HttpHeaders headers = {},
                                             const QString& prefix = u"/"_s, int timeoutMs = 5000)
    {
        PrometheusConfig c;
        c.baseUrl = m_server->url(prefix);
        c.headers = std::move(headers);
        c.timeout = std::chrono::milliseconds(timeoutMs);
        return std::make_unique<PrometheusClient>(m_http.get(), c, std::move(auth));
    }

private Q_SLOTS:
    void init()
    {
        for (const char* v :
             {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(v);
        m_http = std::make_unique<net::HttpClient>();
        m_server = std::make_unique<LoopbackHttpServer>();
    }
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void queryRangePostsFormAndDecodes()
    {
        m_server->setRoute("/api/v1/query_range",
                           HttpRoute::ok(sample(u"prom_query_range_rate_cpu.json"_s), kJson));
        auto c = client();
        test::AnswerBox<MetricsResult> box;
        const QString expr = u"sum by (mode) (rate(node_cpu_seconds_total{mode!=\"idle\"}[5s])) + 1 & x"_s;
        c->queryRange({expr, 1795471027000, 1795471057500, 1000}, this, box.callback());
        QVERIFY(box.wait());
        QCOMPARE(box.calls, 1);
        QCOMPARE(box.thread, QThread::currentThread());
        QVERIFY2(box.value->ok(), qPrintable(box.value->error.message));
        QCOMPARE(box.value->series.size(), 16u);

        const auto reqs = m_server->requestsFor("/api/v1/query_range");
        QCOMPARE(reqs.size(), 1);
        QCOMPARE(reqs[0].method, QByteArray("POST"));
        QCOMPARE(reqs[0].header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(reqs[0].body.contains("%2B")); // a '+' in PromQL must not become a space
        QCOMPARE(formValue(reqs[0].body, u"query"_s), expr.toUtf8());
        QCOMPARE(formValue(reqs[0].body, u"start"_s), QByteArray("1795471027.000"));
        QCOMPARE(formValue(reqs[0].body, u"end"_s), QByteArray("1795471057.500"));
        QCOMPARE(formValue(reqs[0].body, u"step"_s), QByteArray("1.000"));
        QCOMPARE(formValue(reqs[0].body, u"timeout"_s), QByteArray("5000ms"));
    }

    void fallsBackToGetOn405AndRemembers()
    {
        HttpRoute route = HttpRoute::ok(sample(u"prom_query_up_vector.json"_s), kJson);
        route.failFirst = 1;
        route.failStatus = 405;
        m_server->setRoute("/api/v1/query", route);
        auto c = client();
        test::AnswerBox<MetricsResult> first;
        c->query({u"up"_s, 1795471057000}, this, first.callback());
        QVERIFY(first.wait());
        QVERIFY2(first.value->ok(), qPrintable(first.value->error.message));
        QCOMPARE(first.calls, 1);
        test::AnswerBox<MetricsResult> second;
        c->query({u"up"_s, 0}, this, second.callback());
        QVERIFY(second.wait());
        QVERIFY(second.value->ok());

        const auto reqs = m_server->requestsFor("/api/v1/query");
        QCOMPARE(reqs.size(), 3);
        QCOMPARE(reqs[0].method, QByteArray("POST"));
        QCOMPARE(reqs[1].method, QByteArray("GET"));
        QCOMPARE(QUrlQuery(QString::fromLatin1(reqs[1].query)).queryItemValue(u"time"_s),
                 u"1795471057.000"_s);
        QCOMPARE(QUrlQuery(QString::fromLatin1(reqs[1].query)).queryItemValue(u"query"_s), u"up"_s);
        QCOMPARE(reqs[2].method, QByteArray("GET")); // no second POST
    }

    void authHeadersAndPathPrefix()
    {
        m_server->setRoute("/prom/api/v1/status/buildinfo",
                           HttpRoute::ok(sample(u"prom_buildinfo.json"_s), kJson));
        auto basic = client({u"ops"_s, u"s3cret"_s, {}}, {{"X-Scope-OrgID", "tenant-1"}}, u"/prom"_s);
        test::AnswerBox<PromApiResult<PromBuildInfo>> b;
        basic->buildInfo(this, b.callback());
        QVERIFY(b.wait());
        QVERIFY2(b.value->ok(), qPrintable(b.value->error.message));
        QCOMPARE(b.value->value.version, u"2.42.0+ds"_s);
        QCOMPARE(b.value->value.goVersion, u"go1.19.8"_s);

        auto bearer = client({{}, {}, "tok-42"}, {}, u"/prom/"_s);
        test::AnswerBox<PromApiResult<PromBuildInfo>> t;
        bearer->buildInfo(this, t.callback());
        QVERIFY(t.wait());
        QVERIFY(t.value->ok());

        const auto reqs = m_server->requestsFor("/prom/api/v1/status/buildinfo");
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(reqs[0].header("Authorization"), "Basic " + QByteArray("ops:s3cret").toBase64());
        QCOMPARE(reqs[0].header("X-Scope-OrgID"), QByteArray("tenant-1"));
        QCOMPARE(reqs[1].header("Authorization"), QByteArray("Bearer tok-42"));
        QVERIFY(!bearer->endpointUrl(u"query"_s).toString().contains(u"tok"_s));
    }

    void metadataEndpointsDecode()
    {
        m_server->setRoute("/api/v1/labels", HttpRoute::ok(sample(u"prom_labels.json"_s), kJson));
        m_server->setRoute("/api/v1/label/job/values",
                           HttpRoute::ok(sample(u"prom_label_job_values.json"_s), kJson));
        m_server->setRoute("/api/v1/series", HttpRoute::ok(sample(u"prom_series.json"_s), kJson));
        m_server->setRoute("/api/v1/metadata", HttpRoute::ok(sample(u"prom_metadata.json"_s), kJson));
        m_server->setRoute("/api/v1/rules", HttpRoute::ok(sample(u"prom_rules.json"_s), kJson));
        m_server->setRoute("/api/v1/alerts", HttpRoute::ok(sample(u"prom_alerts.json"_s), kJson));
        m_server->setRoute("/api/v1/targets", HttpRoute::ok(sample(u"prom_targets.json"_s), kJson));
        auto c = client();

        test::AnswerBox<PromApiResult<QStringList>> labels, values;
        test::AnswerBox<PromApiResult<QList<LabelSet>>> series;
        test::AnswerBox<PromApiResult<QList<MetricMetadata>>> metadata;
        test::AnswerBox<PromApiResult<QList<PromRule>>> rules;
        test::AnswerBox<PromApiResult<QList<PromAlert>>> alerts;
        test::AnswerBox<PromApiResult<QList<PromTarget>>> targets;
        c->labels({{u"up"_s}, 1000, 2000}, this, labels.callback());
        c->labelValues(u"job"_s, {}, this, values.callback());
        c->series({{u"up"_s, u"node_cpu_seconds_total{cpu=\"0\"}"_s}, 0, 0}, this, series.callback());
        c->metadata({}, 20, this, metadata.callback());
        c->rules(this, rules.callback());
        c->alerts(this, alerts.callback());
        c->targets(this, targets.callback());
        QVERIFY(labels.wait() && values.wait() && series.wait() && metadata.wait() && rules.wait() &&
                alerts.wait() && targets.wait());

        QVERIFY(labels.value->ok());
        QVERIFY(labels.value->value.contains(u"__name__"_s));
        QVERIFY(labels.value->value.contains(u"mode"_s));
        QVERIFY(values.value->value.contains(u"node"_s));
        QVERIFY(values.value->value.contains(u"prometheus"_s));
        QVERIFY(series.value->ok());
        QVERIFY(series.value->value.size() > 8);
        QVERIFY(series.value->value[0].contains({u"__name__"_s, u"node_cpu_seconds_total"_s}));
        QVERIFY(metadata.value->ok());
        QCOMPARE(metadata.value->value.size(), 20);
        QVERIFY(std::any_of(metadata.value->value.begin(), metadata.value->value.end(),
                            [](const MetricMetadata& m) {
                                return m.metric == u"go_memstats_lookups_total"_s && m.type == u"counter"_s &&
                                       !m.help.isEmpty();
                            }));
        QVERIFY(rules.value->ok());
        QCOMPARE(rules.value->value.size(), 5); // 1 recording + 4 alerting, as captured
        QCOMPARE(rules.value->value[0].type, u"recording"_s);
        QCOMPARE(std::count_if(rules.value->value.begin(), rules.value->value.end(),
                               [](const PromRule& r) { return r.state == u"firing"_s; }),
                 3);
        QVERIFY(alerts.value->ok());
        QVERIFY(!alerts.value->value.isEmpty());
        QVERIFY(alerts.value->value[0].labels.contains({u"alertname"_s, u"ProbeAlwaysFiring"_s}));
        QVERIFY(targets.value->ok());
        QCOMPARE(targets.value->value.size(), 6);
        QVERIFY(
            std::all_of(targets.value->value.begin(), targets.value->value.end(),
                        [](const PromTarget& t) { return !t.scrapeUrl.isEmpty() && !t.health.isEmpty(); }));

        // GET parameters as documented: repeated match[], label name in the path, metadata limit.
        const auto seriesReq = m_server->requestsFor("/api/v1/series").value(0);
        QStringList matches;
        for (const QByteArray& item : seriesReq.body.split('&'))
            if (item.startsWith("match%5B%5D="))
                matches.append(QString::fromUtf8(QByteArray::fromPercentEncoding(item.mid(12))));
        QCOMPARE(matches, (QStringList{u"up"_s, u"node_cpu_seconds_total{cpu=\"0\"}"_s}));
        QCOMPARE(QUrlQuery(QString::fromLatin1(m_server->requestsFor("/api/v1/metadata").value(0).query))
                     .queryItemValue(u"limit"_s),
                 u"20"_s);
    }

    void serverErrorsKeepTheirText()
    {
        m_server->setRoute("/api/v1/query",
                           HttpRoute::withStatus(400, sample(u"prom_query_error_bad_data.json"_s), kJson));
        m_server->setRoute(
            "/api/v1/query_range",
            HttpRoute::withStatus(
                422,
                "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"found duplicate series\"}",
                kJson));
        m_server->setRoute("/api/v1/labels", HttpRoute::withStatus(503, "Service Unavailable\n"));
        m_server->setRoute("/api/v1/series",
                           HttpRoute::ok("<!doctype html><html><body>Please sign in</body></html>",
                                         {{"Content-Type", "text/html"}}));
        auto c = client();
        test::AnswerBox<MetricsResult> parse, exec;
        test::AnswerBox<PromApiResult<QStringList>> unavailable;
        test::AnswerBox<PromApiResult<QList<LabelSet>>> html;
        c->query({u"sum(rate(x[5m])"_s, 0}, this, parse.callback());
        c->queryRange({u"a / b"_s, 0, 60000, 1000}, this, exec.callback());
        c->labels({}, this, unavailable.callback());
        c->series({{u"up"_s}, 0, 0}, this, html.callback());
        QVERIFY(parse.wait() && exec.wait() && unavailable.wait() && html.wait());

        QCOMPARE(parse.value->error.kind, MetricsErrorKind::BadQuery);
        QVERIFY(parse.value->error.message.contains(u"1:31: parse error: unclosed left parenthesis"_s));
        QCOMPARE(parse.value->error.column, 31);
        QCOMPARE(exec.value->error.kind, MetricsErrorKind::Execution);
        QVERIFY(exec.value->error.message.contains(u"found duplicate series"_s));
        QCOMPARE(exec.value->error.httpStatus, 422);
        QCOMPARE(unavailable.value->error.kind, MetricsErrorKind::Unavailable);
        QVERIFY(unavailable.value->error.message.contains(u"503"_s));
        QCOMPARE(html.value->error.kind, MetricsErrorKind::NotPrometheus);
        QVERIFY2(html.value->error.message.contains(u"Please sign in"_s),
                 qPrintable(html.value->error.message));
    }

    void warningsAndPartialResponsesSurface()
    {
        m_server->setRoute("/api/v1/query",
                           HttpRoute::ok("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                                         "\"result\":[{\"metric\":{\"a\":\"1\"},\"value\":[1,\"2\"]}]},"
                                         "\"warnings\":[\"partial response: store 10.0.0.2 unavailable\"]}",
                                         kJson));
        auto c = client();
        test::AnswerBox<MetricsResult> box;
        c->query({u"up"_s, 0}, this, box.callback());
        QVERIFY(box.wait());
        QVERIFY(box.value->ok());
        QCOMPARE(box.value->warnings, QStringList{u"partial response: store 10.0.0.2 unavailable"_s});
        QCOMPARE(box.value->series.size(), 1u);
    }

    void hangTimesOutAndRefusedPortFails()
    {
        m_server->setRoute("/api/v1/query", HttpRoute::hang());
        auto c = client({}, {}, u"/"_s, 800);
        test::AnswerBox<MetricsResult> hang;
        QElapsedTimer clock;
        clock.start();
        c->query({u"up"_s, 0}, this, hang.callback());
        QVERIFY(hang.wait(5000));
        QCOMPARE(hang.value->error.kind, MetricsErrorKind::Timeout);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!hang.value->error.message.isEmpty());

        PrometheusConfig closed;
        closed.baseUrl = QUrl(u"http://127.0.0.1:%1/"_s.arg(LoopbackHttpServer::closedPort()));
        closed.timeout = std::chrono::milliseconds(3000);
        PrometheusClient refused(m_http.get(), closed);
        test::AnswerBox<MetricsResult> r;
        refused.query({u"up"_s, 0}, this, r.callback());
        QVERIFY(r.wait(5000));
        QCOMPARE(r.value->error.kind, MetricsErrorKind::Network);
        QVERIFY2(r.value->error.message.contains(u"127.0.0.1"_s), qPrintable(r.value->error.message));
    }

    void cancelDeliversCancelledOnce()
    {
        m_server->setRoute("/api/v1/query", HttpRoute::hang());
        auto c = client();
        test::AnswerBox<MetricsResult> box;
        MetricsCall call = c->query({u"up"_s, 0}, this, box.callback());
        QVERIFY(call.isValid());
        call.cancel();
        QVERIFY(box.wait(3000));
        QCOMPARE(box.value->error.kind, MetricsErrorKind::Cancelled);
        QTest::qWait(100);
        QCOMPARE(box.calls, 1);
        call.cancel(); // harmless after completion
    }

    void decodingRunsOnThePoolNotTheCallersThread()
    {
        // With the global pool held busy, an answer that arrived cannot be decoded: had the client
        // decoded on this (the caller's) thread, the callback would come anyway.
        m_server->setRoute("/api/v1/query_range",
                           HttpRoute::ok(sample(u"prom_query_range_rate_cpu.json"_s), kJson));
        auto c = client();
        QThreadPool* pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        QSemaphore release;
        QSemaphore started;
        for (int i = 0; i < threads; ++i)
            pool->start([&] {
                started.release();
                release.acquire();
            });
        QVERIFY(started.tryAcquire(threads, 5000));
        test::AnswerBox<MetricsResult> box;
        c->queryRange({u"up"_s, 0, 60000, 1000}, this, box.callback());
        QVERIFY(QTest::qWaitFor([this] { return m_server->requestsFor("/api/v1/query_range").size() == 1; },
                                5000));
        QTest::qWait(500);
        const int callsWhileBusy = box.calls;
        release.release(threads);
        QCOMPARE(callsWhileBusy, 0);
        QVERIFY(box.wait());
        QVERIFY(box.value->ok());
        QCOMPARE(box.value->series.size(), 16u);
    }

    void invalidRequestsNeverLeave()
    {
        auto c = client();
        test::AnswerBox<MetricsResult> empty, step;
        c->queryRange({u"  "_s, 0, 1000, 1000}, this, empty.callback());
        c->queryRange({u"up"_s, 0, 1000, 0}, this, step.callback());
        QVERIFY(empty.wait() && step.wait());
        QCOMPARE(empty.value->error.kind, MetricsErrorKind::InvalidRequest);
        QCOMPARE(step.value->error.kind, MetricsErrorKind::InvalidRequest);
        QCOMPARE(m_server->requests().size(), 0);
        QVERIFY(!c->query({u"up"_s, 0}, nullptr, [](MetricsResult) {}).isValid());
    }

    void sourceForwardsToClient()
    {
        m_server->setRoute("/api/v1/query_range",
                           HttpRoute::ok(sample(u"prom_query_range_recording_rule.json"_s), kJson));
        auto c = client();
        PrometheusMetricsSource source(c.get());
        test::AnswerBox<MetricsResult> box;
        source.queryRange({u"instance:node_cpu_utilisation:rate10s"_s, 0, 30000, 1000}, this, box.callback());
        QVERIFY(box.wait());
        QVERIFY(box.value->ok());
        QCOMPARE(box.value->series.size(), 1u);
        QCOMPARE(box.value->series[0].labels.value(0).second, u"instance:node_cpu_utilisation:rate10s"_s);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheus_client.moc"
