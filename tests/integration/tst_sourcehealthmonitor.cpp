#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "items/SourceHealthModel.h"
#include "net/HttpClient.h"
#include "sources/SourceHealthMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using wf::HealthState;
using wf::SourceHealth;
using wf::SourceHealthModel;
using wf::SourceHealthMonitor;
using wf::test::HttpRoute;
using wf::test::LoopbackHttpServer;

namespace {

SourceHealth source(const QString& name, const QString& kind, const QUrl& url)
{
    SourceHealth s;
    s.name = name;
    s.kind = kind;
    s.url = url;
    return s;
}

int stateOf(const SourceHealthModel& model, const QString& name)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row).data().toString() == name)
            return model.index(row).data(SourceHealthModel::StateRole).toInt();
    return -1;
}

} // namespace

class TestSourceHealthMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probeUrlsPerKind()
    {
        const QUrl base(QStringLiteral("http://127.0.0.1:9090/prom/?x=1"));
        QCOMPARE(SourceHealthMonitor::probeUrl(QStringLiteral("prometheus"), base).toString(),
                 QStringLiteral("http://127.0.0.1:9090/prom/api/v1/status/buildinfo"));
        QCOMPARE(SourceHealthMonitor::probeUrl(QStringLiteral("alertmanager"),
                                               QUrl(QStringLiteral("http://h:9093")))
                     .path(),
                 QStringLiteral("/-/healthy"));
        QCOMPARE(
            SourceHealthMonitor::probeUrl(QStringLiteral("loki"), QUrl(QStringLiteral("http://h"))).path(),
            QStringLiteral("/ready"));
        QVERIFY(SourceHealthMonitor::probeUrl(QStringLiteral("otlp"), base).isEmpty());
    }

    void upDownAndDegradedFromRealServers()
    {
        LoopbackHttpServer server;
        server.setRoute("/api/v1/status/buildinfo",
                        HttpRoute::ok(QByteArrayLiteral("{\"status\":\"success\"}")));
        server.setRoute("/-/healthy", HttpRoute::withStatus(503, QByteArrayLiteral("not ready")));
        server.setRoute("/ready", HttpRoute::hang());

        wf::net::HttpClient http;
        SourceHealthModel model;
        model.setSources(
            {source(QStringLiteral("prom"), QStringLiteral("prometheus"), server.url({})),
             source(QStringLiteral("am"), QStringLiteral("alertmanager"), server.url({})),
             source(QStringLiteral("loki"), QStringLiteral("loki"), server.url({})),
             source(QStringLiteral("gone"), QStringLiteral("prometheus"),
                    QUrl(QStringLiteral("http://127.0.0.1:%1").arg(LoopbackHttpServer::closedPort())))});
        SourceHealthMonitor monitor(&http, &model);
        monitor.setProbeTimeout(800ms);
        QSignalSpy spy(&monitor, &SourceHealthMonitor::probed);
        wf::test::EventLoopWatchdog watchdog;
        monitor.checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 4, 5000);

        QCOMPARE(stateOf(model, QStringLiteral("prom")), int(HealthState::Up));
        QCOMPARE(stateOf(model, QStringLiteral("am")), int(HealthState::Down));
        QCOMPARE(stateOf(model, QStringLiteral("loki")), int(HealthState::Down)); // timed out
        QCOMPARE(stateOf(model, QStringLiteral("gone")), int(HealthState::Down));
        const QString amTip = model.index(1).data(Qt::ToolTipRole).toString();
        QVERIFY2(amTip.contains(QStringLiteral("503")), qPrintable(amTip));
        QVERIFY2(watchdog.worstGapMs() < 100, qPrintable(QString::number(watchdog.worstGapMs())));
        // Probes never retry: one request per probe.
        QCOMPARE(server.requestsFor("/-/healthy").size(), 1);
    }

    void slowAnswerIsDegradedAndHungSourceIsNotProbedTwice()
    {
        LoopbackHttpServer server;
        server.setRoute("/ready", HttpRoute::hang());
        wf::net::HttpClient http;
        SourceHealthModel model;
        model.setSources({source(QStringLiteral("tempo"), QStringLiteral("tempo"), server.url({}))});
        SourceHealthMonitor monitor(&http, &model);
        monitor.setProbeTimeout(1500ms);
        monitor.checkNow();
        monitor.checkNow();
        monitor.checkNow();
        QCOMPARE(monitor.probesInFlight(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.probesInFlight(), 0, 4000);
        QCOMPARE(server.requestsFor("/ready").size(), 1);

        wf::net::HttpResult slow;
        slow.elapsedMs = 2500;
        QString message;
        QCOMPARE(SourceHealthMonitor::classify(slow, 2000ms, &message), HealthState::Degraded);
        QVERIFY(message.contains(QStringLiteral("2500")));
    }

    void removedSourceIsNotResurrectedByALateProbe()
    {
        LoopbackHttpServer server;
        server.setRoute("/-/healthy", HttpRoute::ok(QByteArrayLiteral("ok")));
        wf::net::HttpClient http;
        SourceHealthModel model;
        model.setSources({source(QStringLiteral("am"), QStringLiteral("alertmanager"), server.url({}))});
        SourceHealthMonitor monitor(&http, &model);
        monitor.checkNow();
        model.setSources({});
        QTest::qWait(500);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSourceHealthMonitor)
#include "tst_sourcehealthmonitor.moc"
