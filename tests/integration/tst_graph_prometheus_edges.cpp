// Service graph edges from a real Prometheus: the Debian Prometheus scrapes a tiny service-mesh
// exposition (Istio's request counter and duration histogram with source/destination labels) served
// by a LoopbackHttpServer, and the MetricEdgeFetcher's configured queries, run through
// PrometheusMetricsSource, come back as the edges and numbers the exposition implies.
#include "LoopbackHttpServer.h"
#include "PrometheusServer.h"
#include "graph/MetricEdgeFetcher.h"
#include "net/HttpClient.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/PrometheusMetricsSource.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace wf;
using namespace Qt::StringLiterals;

namespace {

struct Pair
{
    const char* from;
    const char* to;
    double rps;      // requests per second
    double errShare; // share answered 5xx
    int latencyLe;   // every request lands in this bucket (ms)
};
constexpr Pair kPairs[] = {
    {"frontend", "checkout", 20, 0.0, 50},
    {"checkout", "payments", 10, 0.5, 1000},
    {"checkout", "cart", 5, 0.0, 25},
};

// The exposition after `seconds` of steady traffic: counters grow linearly, so rate() is the rps.
QByteArray exposition(double seconds)
{
    QByteArray out = "# TYPE istio_requests_total counter\n";
    for (const Pair& p : kPairs) {
        const double total = p.rps * seconds;
        const double errors = total * p.errShare;
        out += QStringLiteral("istio_requests_total{reporter=\"source\",source_workload=\"%1\","
                              "source_workload_namespace=\"shop\",destination_workload=\"%2\","
                              "destination_workload_namespace=\"shop\",response_code=\"200\"} %3\n")
                   .arg(QLatin1StringView(p.from), QLatin1StringView(p.to))
                   .arg(total - errors, 0, 'f', 3)
                   .toUtf8();
        out += QStringLiteral("istio_requests_total{reporter=\"source\",source_workload=\"%1\","
                              "source_workload_namespace=\"shop\",destination_workload=\"%2\","
                              "destination_workload_namespace=\"shop\",response_code=\"503\"} %3\n")
                   .arg(QLatin1StringView(p.from), QLatin1StringView(p.to))
                   .arg(errors, 0, 'f', 3)
                   .toUtf8();
    }
    out += "# TYPE istio_request_duration_milliseconds histogram\n";
    for (const Pair& p : kPairs) {
        const double total = p.rps * seconds;
        for (int le : {25, 50, 100, 1000, 5000}) {
            out += QStringLiteral("istio_request_duration_milliseconds_bucket{reporter=\"source\","
                                  "source_workload=\"%1\",source_workload_namespace=\"shop\","
                                  "destination_workload=\"%2\",destination_workload_namespace=\"shop\","
                                  "le=\"%3\"} %4\n")
                       .arg(QLatin1StringView(p.from), QLatin1StringView(p.to))
                       .arg(le)
                       .arg(le >= p.latencyLe ? total : 0.0, 0, 'f', 3)
                       .toUtf8();
        }
        out += QStringLiteral("istio_request_duration_milliseconds_bucket{reporter=\"source\","
                              "source_workload=\"%1\",source_workload_namespace=\"shop\","
                              "destination_workload=\"%2\",destination_workload_namespace=\"shop\","
                              "le=\"+Inf\"} %3\n")
                   .arg(QLatin1StringView(p.from), QLatin1StringView(p.to))
                   .arg(total, 0, 'f', 3)
                   .toUtf8();
    }
    return out;
}

// Istio's queries over a short range, so a few 1 s scrapes are enough.
graph::MetricEdgeQueries shortQueries()
{
    graph::MetricEdgeQueries q = graph::MetricEdgeQueries::istio();
    q.rateQuery.replace(u"[5m]"_s, u"[10s]"_s);
    q.errorRateQuery.replace(u"[5m]"_s, u"[10s]"_s);
    q.latencyQuery.replace(u"[5m]"_s, u"[10s]"_s);
    return q;
}

} // namespace

class TestGraphPrometheusEdges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void edgesFromAMeshExposition()
    {
        for (const char* v :
             {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(v);
        QString missing;
        if (!test::PrometheusServer::binariesAvailable(&missing)) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(missing + u" is missing: install the Debian prometheus packages"_s));
            QSKIP(qPrintable(missing + u" is missing: install the Debian prometheus packages"_s));
        }
        test::LoopbackHttpServer mesh;
        QElapsedTimer clock;
        clock.start();
        auto serve = [&] {
            // Start at 100 s of traffic so the first scrape already has non-zero counters.
            mesh.setRoute("/metrics", test::HttpRoute::ok(exposition(100 + double(clock.elapsed()) / 1000),
                                                          {{"Content-Type", "text/plain; version=0.0.4"}}));
        };
        serve();
        QTimer ticker;
        ticker.setInterval(100);
        QObject::connect(&ticker, &QTimer::timeout, serve);

        test::PrometheusServer prom;
        prom.addScrapeTarget(u"mesh"_s, u"127.0.0.1:%1"_s.arg(mesh.port()));
        // start() blocks without an event loop, so the counters only grow from here: steady
        // traffic, and rate() over 10 s is exact once 10 s of it were scraped.
        QVERIFY2(prom.start(), qPrintable(prom.error()));
        clock.restart();
        ticker.start();

        net::HttpClient http;
        prometheus::PrometheusConfig config;
        config.baseUrl = prom.prometheusUrl();
        config.timeout = std::chrono::milliseconds(5000);
        prometheus::PrometheusClient client(&http, config);
        prometheus::PrometheusMetricsSource source(&client);
        graph::MetricEdgeFetcher fetcher(&source, shortQueries());

        // Scrapes every second: wait (bounded) until the rates cover all three pairs with latency.
        graph::MetricEdgeSet set;
        const bool ready = QTest::qWaitFor(
            [&] {
                if (clock.elapsed() < 12000)
                    return false;
                QSignalSpy spy(&fetcher, &graph::MetricEdgeFetcher::fetched);
                fetcher.fetch(0);
                if (!spy.wait(5000))
                    return false;
                set = spy.at(0).at(0).value<graph::MetricEdgeSet>();
                if (set.edges.size() != 3)
                    return false;
                for (const graph::MetricEdgeSample& e : set.edges) {
                    if (e.requestsPerSecond <= 0 || e.p95Ms < 0)
                        return false;
                }
                return true;
            },
            40000);
        QVERIFY2(ready, qPrintable(u"edges: %1, warnings: %2\n%3"_s.arg(set.edges.size())
                                       .arg(set.warnings.join(u"; "_s), prom.processLog().right(2000))));
        QVERIFY2(set.warnings.isEmpty(), qPrintable(set.warnings.join(u"; "_s)));

        auto find = [&](const char* from, const char* to) -> const graph::MetricEdgeSample& {
            for (const graph::MetricEdgeSample& e : set.edges) {
                if (e.source == QLatin1StringView(from) && e.destination == QLatin1StringView(to))
                    return e;
            }
            static graph::MetricEdgeSample none;
            return none;
        };
        // The three pairs share one clock, so their ratios are exact whatever the scrape timing: 20 vs
        // 10 vs 5 requests/s, half of checkout -> payments failing. The absolute rate depends on when
        // the 1 s scrapes happened on a loaded machine: within 50 % of the 10/s served.
        const graph::MetricEdgeSample& pay = find("checkout", "payments");
        const graph::MetricEdgeSample& front = find("frontend", "checkout");
        const graph::MetricEdgeSample& cart = find("checkout", "cart");
        QCOMPARE(pay.destinationNamespace, u"shop"_s);
        QVERIFY2(std::abs(pay.requestsPerSecond - 10) < 5,
                 qPrintable(QString::number(pay.requestsPerSecond)));
        QVERIFY2(std::abs(front.requestsPerSecond / pay.requestsPerSecond - 2) < 0.05,
                 qPrintable(QString::number(front.requestsPerSecond)));
        QVERIFY2(std::abs(cart.requestsPerSecond / pay.requestsPerSecond - 0.5) < 0.05,
                 qPrintable(QString::number(cart.requestsPerSecond)));
        QVERIFY2(std::abs(pay.errorsPerSecond / pay.requestsPerSecond - 0.5) < 0.05,
                 qPrintable(QString::number(pay.errorsPerSecond)));
        QCOMPARE(front.errorsPerSecond, 0.0);
        // Every payments request sits in the (100, 1000] bucket, frontend's in (25, 50]: p95
        // interpolates inside them.
        QVERIFY2(pay.p95Ms > 100 && pay.p95Ms <= 1000, qPrintable(QString::number(pay.p95Ms)));
        QVERIFY2(front.p95Ms > 25 && front.p95Ms <= 50, qPrintable(QString::number(front.p95Ms)));

        // Into a graph: three edges seen in metrics, payments' errors make it fail.
        graph::ServiceGraph g;
        g.windowFromNs = 0;
        g.windowToNs = 30'000'000'000;
        QCOMPARE(graph::applyMetricEdges(g, set), 3);
        QCOMPARE(g.nodeCount(), 4);
        const int p = g.findNode(u"payments"_s);
        QVERIFY(p >= 0);
        QVERIFY(g.node(p).stats.errorRate() > 0.4);
    }
};

QTEST_MAIN(TestGraphPrometheusEdges)
#include "tst_graph_prometheus_edges.moc"
