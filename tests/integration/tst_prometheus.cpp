// The real Debian Prometheus 2.42 scraping the real node exporter every second, on free loopback ports,
// queried through PrometheusClient and PrometheusMetricsSource: what a panel receives (series, label
// sets, values in range), the editor's autocomplete endpoints, health endpoints, and PromQL errors with
// Prometheus' own message and position.

#include "PromTestHelpers.h"
#include "PrometheusServer.h"
#include "TestSupport.h"
#include "net/HttpClient.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/PrometheusMetricsSource.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QThread>

#include <cmath>
#include <memory>
#include <optional>

using namespace wf;
using namespace wf::prometheus;
using namespace Qt::StringLiterals;

class TestPrometheus : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::PrometheusServer> m_server;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<PrometheusClient> m_client;

    // One instant query, answered.
    MetricsResult instant(const QString& expr)
    {
        test::AnswerBox<MetricsResult> box;
        m_client->query({expr, 0}, this, box.callback());
        if (!box.wait())
            return {};
        return *box.value;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char* v :
             {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(v);
        QString missing;
        if (!test::PrometheusServer::binariesAvailable(&missing)) {
            // On a developer machine without the packages: skip. In CI (install-deps test installs
            // them) a missing server is a broken setup and must not pass as a skip.
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(missing + u" is missing: install the Debian prometheus packages"_s));
            QSKIP(qPrintable(missing + u" is missing: install the Debian prometheus packages"_s));
        }
        m_server = std::make_unique<test::PrometheusServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_http = std::make_unique<net::HttpClient>();
        PrometheusConfig config;
        config.baseUrl = m_server->prometheusUrl();
        config.timeout = std::chrono::milliseconds(5000);
        m_client = std::make_unique<PrometheusClient>(m_http.get(), config);

        // Data: the target is up and a 5 s rate has two samples (bounded wait).
        const bool ready = QTest::qWaitFor(
            [this] {
                const MetricsResult up = instant(u"up{job=\"node\"}"_s);
                const MetricsResult rate = instant(u"count(rate(node_cpu_seconds_total[5s]))"_s);
                return up.ok() && up.series.size() == 1 && up.series[0].values[0] == 1.0 && rate.ok() &&
                       !rate.series.empty() && rate.series[0].values[0] > 0;
            },
            20000);
        QVERIFY2(ready, qPrintable(m_server->processLog()));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_http.reset();
        m_server.reset(); // kills both processes
    }

    void rateOfCpuSecondsReachesThePanel()
    {
        PrometheusMetricsSource source(m_client.get());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        test::AnswerBox<MetricsResult> box;
        source.queryRange({u"rate(node_cpu_seconds_total[5s])"_s, now - 10'000, now, 1000}, this,
                          box.callback());
        QVERIFY(box.wait());
        const MetricsResult& r = *box.value;
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.resultType, ResultType::Matrix);
        QVERIFY(!r.series.empty());
        const int ncpu = QThread::idealThreadCount();
        QSet<QString> modes;
        for (const SeriesSet& s : r.series) {
            QSet<QString> keys;
            for (const auto& kv : s.labels)
                keys.insert(kv.first);
            QCOMPARE(keys,
                     (QSet<QString>{u"cpu"_s, u"mode"_s, u"instance"_s, u"job"_s})); // rate() drops __name__
            QCOMPARE(test::labelValue(s.labels, u"instance"_s), m_server->nodeExporterAddress());
            QCOMPARE(test::labelValue(s.labels, u"job"_s), u"node"_s);
            modes.insert(test::labelValue(s.labels, u"mode"_s));
            QVERIFY(!s.values.empty());
            QCOMPARE(s.values.size(), s.timesNs.size());
            for (std::size_t i = 0; i < s.values.size(); ++i) {
                QVERIFY2(std::isfinite(s.values[i]) && s.values[i] >= 0 && s.values[i] <= ncpu,
                         qPrintable(QString::number(s.values[i])));
                QVERIFY(s.timesNs[i] >= (now - 10'000) * 1'000'000 && s.timesNs[i] <= now * 1'000'000);
            }
        }
        QVERIFY(modes.contains(u"idle"_s));
        QVERIFY(modes.contains(u"user"_s));
        QVERIFY(modes.contains(u"system"_s));
    }

    void summedRateIsBoundedByCpuCount()
    {
        // irate: the last two samples only, so a window not yet full of samples cannot skew it.
        const MetricsResult r = instant(u"sum(irate(node_cpu_seconds_total[5s]))"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.resultType, ResultType::Vector);
        QCOMPARE(r.series.size(), 1u);
        const double total = r.series[0].values[0];
        // Every CPU spends each second in some mode: the sum is the CPU count (scrape jitter aside).
        const int cpus =
            int(instant(u"count(count by (cpu) (node_cpu_seconds_total))"_s).series.at(0).values[0]);
        QVERIFY(cpus >= 1);
        QVERIFY2(total > 0.5 * cpus && total < 1.5 * cpus,
                 qPrintable(u"%1 over %2 CPUs"_s.arg(total).arg(cpus)));
    }

    void labelsAndValuesForAutocomplete()
    {
        test::AnswerBox<PromApiResult<QStringList>> labels, names, modes;
        m_client->labels({}, this, labels.callback());
        m_client->labelValues(u"__name__"_s, {}, this, names.callback());
        m_client->labelValues(u"mode"_s, {{u"node_cpu_seconds_total"_s}, 0, 0}, this, modes.callback());
        QVERIFY(labels.wait() && names.wait() && modes.wait());
        QVERIFY2(labels.value->ok(), qPrintable(labels.value->error.message));
        for (const QString& l : {u"__name__"_s, u"cpu"_s, u"mode"_s, u"instance"_s, u"job"_s})
            QVERIFY2(labels.value->value.contains(l), qPrintable(l));
        for (const QString& m :
             {u"node_cpu_seconds_total"_s, u"node_load1"_s, u"node_memory_MemTotal_bytes"_s, u"up"_s})
            QVERIFY2(names.value->value.contains(m), qPrintable(m));
        for (const QString& m : {u"idle"_s, u"user"_s, u"system"_s})
            QVERIFY2(modes.value->value.contains(m), qPrintable(m));
    }

    void seriesMetadataTargetsBuildInfo()
    {
        test::AnswerBox<PromApiResult<QList<LabelSet>>> series;
        test::AnswerBox<PromApiResult<QList<MetricMetadata>>> metadata;
        test::AnswerBox<PromApiResult<QList<PromTarget>>> targets;
        test::AnswerBox<PromApiResult<PromBuildInfo>> build;
        m_client->series({{u"node_cpu_seconds_total{mode=\"idle\"}"_s}, 0, 0}, this, series.callback());
        m_client->metadata(u"node_cpu_seconds_total"_s, 0, this, metadata.callback());
        m_client->targets(this, targets.callback());
        m_client->buildInfo(this, build.callback());
        QVERIFY(series.wait() && metadata.wait() && targets.wait() && build.wait());

        QVERIFY2(series.value->ok(), qPrintable(series.value->error.message));
        QVERIFY(!series.value->value.isEmpty());
        for (const LabelSet& s : series.value->value) {
            QCOMPARE(test::labelValue(s, u"__name__"_s), u"node_cpu_seconds_total"_s);
            QCOMPARE(test::labelValue(s, u"mode"_s), u"idle"_s);
            QVERIFY(!test::labelValue(s, u"cpu"_s).isEmpty());
        }
        QVERIFY2(metadata.value->ok(), qPrintable(metadata.value->error.message));
        QCOMPARE(metadata.value->value.size(), 1);
        QCOMPARE(metadata.value->value[0].type, u"counter"_s);
        QVERIFY(!metadata.value->value[0].help.isEmpty());
        QVERIFY(targets.value->ok());
        QCOMPARE(targets.value->value.size(), 1);
        QCOMPARE(targets.value->value[0].health, u"up"_s);
        QVERIFY(targets.value->value[0].scrapeUrl.contains(m_server->nodeExporterAddress()));
        QCOMPARE(targets.value->value[0].scrapeInterval, u"1s"_s);
        QVERIFY(build.value->ok());
        QVERIFY2(build.value->value.version.startsWith(u"2."_s), qPrintable(build.value->value.version));
    }

    void promqlErrorKeepsPrometheusMessageAndPosition()
    {
        PrometheusMetricsSource source(m_client.get());
        test::AnswerBox<MetricsResult> box;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        source.queryRange({u"sum(rate(node_cpu_seconds_total[5s])"_s, now - 5000, now, 1000}, this,
                          box.callback());
        QVERIFY(box.wait());
        const MetricsError& e = box.value->error;
        QCOMPARE(e.kind, MetricsErrorKind::BadQuery);
        QCOMPARE(e.errorType, u"bad_data"_s);
        QCOMPARE(e.httpStatus, 400);
        QVERIFY2(e.message.contains(u"parse error"_s), qPrintable(e.message));
        QCOMPARE(e.line, 1);
        QVERIFY2(e.column > 0 && e.column <= 40, qPrintable(e.message));

        test::AnswerBox<MetricsResult> exec;
        // Valid syntax, fails to execute: many-to-many matching.
        source.queryInstant({u"node_cpu_seconds_total + on(mode) node_cpu_seconds_total"_s, 0}, this,
                            exec.callback());
        QVERIFY(exec.wait());
        QCOMPARE(exec.value->error.kind, MetricsErrorKind::Execution);
        QVERIFY2(exec.value->error.message.contains(u"many"_s), qPrintable(exec.value->error.message));
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
