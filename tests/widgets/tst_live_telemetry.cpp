// The normal app (no --demo) receives OTLP/HTTP itself: opening a workspace starts LiveTelemetry on
// the configured loopback port with its signal store beside the workspace file, and the Traces, Logs
// and Service graph views read from it. Spans POSTed to the port must be stored and must draw the
// service graph; a taken port must leave the app working with a clear message; and the receiver
// must not be reachable from other machines unless the user opted in. Set WF_LIVE_OUT to a folder to
// keep the screenshot.

#include "AppController.h"
#include "DashboardPresenter.h"
#include "LiveMode.h"
#include "ReceiverSettingsDialog.h"
#include "ServiceGraphPresenter.h"
#include "TelemetryViews.h"
#include "core/CommandLine.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DashboardView.h"
#include "dashboards/grid/TimeRangePicker.h"
#include "graph/GraphTimeBar.h"
#include "graph/ServiceGraphDock.h"
#include "graph/ServiceGraphView.h"
#include "live/LiveTelemetry.h"
#include "live/ReceiverSettings.h"
#include "mainwindow/MainWindow.h"
#include "prometheus/LocalSeriesMetricsSource.h"
#include "receiver/OtlpReceiver.h"
#include "signalstore/SignalStore.h"
#include "theme/Theme.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QJsonObject stringAttr(const QString& key, const QString& value)
{
    return {{u"key"_s, key}, {u"value"_s, QJsonObject{{u"stringValue"_s, value}}}};
}

struct TestSpan
{
    QString service;
    QString id;     // 16 hex digits
    QString parent; // empty: root
    QString name;
    int kind; // OTLP: 2 server, 3 client
};

// One trace, gateway -> checkout -> payments, as OTLP/HTTP JSON: one resourceSpans per service.
QByteArray traceJson(const QString& traceId, qint64 startNs)
{
    const QList<TestSpan> spans{
        {u"gateway"_s, u"0000000000000a01"_s, {}, u"GET /checkout"_s, 2},
        {u"gateway"_s, u"0000000000000a02"_s, u"0000000000000a01"_s, u"POST checkout"_s, 3},
        {u"checkout"_s, u"0000000000000b01"_s, u"0000000000000a02"_s, u"POST /checkout"_s, 2},
        {u"checkout"_s, u"0000000000000b02"_s, u"0000000000000b01"_s, u"POST payments"_s, 3},
        {u"payments"_s, u"0000000000000c01"_s, u"0000000000000b02"_s, u"POST /charge"_s, 2},
    };
    QJsonArray resourceSpans;
    for (const QString& service : {u"gateway"_s, u"checkout"_s, u"payments"_s}) {
        QJsonArray list;
        int depth = 0;
        for (const TestSpan& s : spans) {
            ++depth;
            if (s.service != service)
                continue;
            list.append(QJsonObject{
                {u"traceId"_s, traceId},
                {u"spanId"_s, s.id},
                {u"parentSpanId"_s, s.parent},
                {u"name"_s, s.name},
                {u"kind"_s, s.kind},
                {u"startTimeUnixNano"_s, QString::number(startNs + depth * 1'000'000)},
                {u"endTimeUnixNano"_s, QString::number(startNs + 100'000'000 - depth * 1'000'000)},
            });
        }
        resourceSpans.append(QJsonObject{
            {u"resource"_s,
             QJsonObject{{u"attributes"_s, QJsonArray{stringAttr(u"service.name"_s, service)}}}},
            {u"scopeSpans"_s, QJsonArray{QJsonObject{{u"spans"_s, list}}}},
        });
    }
    return QJsonDocument(QJsonObject{{u"resourceSpans"_s, resourceSpans}}).toJson(QJsonDocument::Compact);
}

// POSTs to the receiver with the test's event loop turning; the HTTP status, or 0 on no answer.
int post(const QUrl& url, const QByteArray& body)
{
    QNetworkAccessManager net;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(net.post(request, body));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!done.wait(10000))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// A non-loopback IPv4 address of this machine, or a null address when it has none.
QHostAddress externalAddress()
{
    for (const QHostAddress& a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            return a;
    }
    return {};
}

bool canConnect(const QHostAddress& address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    return socket.waitForConnected(3000);
}

} // namespace

class TestLiveTelemetry : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_out;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_out = qEnvironmentVariable("WF_LIVE_OUT", m_tmp.path());
        QVERIFY(QDir().mkpath(m_out));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"WatchfloorLiveTest"_s);
        QCoreApplication::setApplicationName(u"watchfloor-live-test"_s);
    }

    void settingsAreRemembered()
    {
        QSettings settings(m_tmp.filePath(u"remember.ini"_s), QSettings::IniFormat);
        QCOMPARE(live::ReceiverSettings::load(settings), live::ReceiverSettings{});
        QCOMPARE(live::ReceiverSettings::load(settings).port, quint16(4318));
        const live::ReceiverSettings chosen{14318, true};
        chosen.save(settings);
        QCOMPARE(live::ReceiverSettings::load(settings), chosen);
        settings.setValue(u"otlpReceiver/port"_s, 70000); // out of range: the default again
        QCOMPARE(live::ReceiverSettings::load(settings).port, quint16(4318));
    }

    void settingsDialogShowsAndEditsTheSettings()
    {
        app::ReceiverSettingsDialog dialog({14318, false});
        auto* port = dialog.findChild<QSpinBox*>(u"receiverPort"_s);
        auto* all = dialog.findChild<QCheckBox*>(u"receiverAllInterfaces"_s);
        QVERIFY(port && all);
        QCOMPARE(port->value(), 14318);
        QVERIFY(!all->isChecked());
        QVERIFY2(all->toolTip().startsWith(u"Warning"_s), qPrintable(all->toolTip()));
        QCOMPARE(port->minimum(), 1);
        QCOMPARE(port->maximum(), 65535);
        auto* warning = dialog.findChild<QLabel*>(u"receiverWarning"_s);
        QVERIFY(warning);
        QVERIFY(warning->isHidden());
        port->setValue(4319);
        all->setChecked(true);
        QVERIFY(!warning->isHidden());
        QCOMPARE(dialog.settings(), (live::ReceiverSettings{4319, true}));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(QDir(m_out).filePath(u"receiver-settings.png"_s)));
    }

    void appReceivesTracesAndDrawsTheGraph()
    {
        const quint16 port = freeLoopbackPort();
        QVERIFY(port > 0);
        {
            QSettings stored;
            live::ReceiverSettings{port, false}.save(stored);
        }
        QSettings settings(m_tmp.filePath(u"window.ini"_s), QSettings::IniFormat);
        ui::ThemeManager theme(&settings);
        ui::MainWindow window(&settings, &theme);
        window.setLayoutPersistent(false);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto controller = std::make_unique<app::AppController>(&window, false);

        const QString workspace = m_tmp.filePath(u"live/ops.watchfloor"_s);
        QVERIFY(QDir().mkpath(QFileInfo(workspace).absolutePath()));
        const CommandLineOptions options = parseCommandLine({u"watchfloor"_s, u"--workspace"_s, workspace});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QSignalSpy opened(controller.get(), &app::AppController::workspaceOpened);
        QVERIFY(controller->start(options));
        QVERIFY(opened.wait(20000));

        app::LiveMode* liveMode = controller->liveMode();
        QVERIFY(liveMode);
        QVERIFY(!controller->demoSession());
        QVERIFY2(liveMode->receiverError().isEmpty(), qPrintable(liveMode->receiverError()));
        live::LiveTelemetry* telemetry = liveMode->telemetry();
        QCOMPARE(telemetry->receiver()->port(), port);
        QVERIFY(telemetry->receiver()->config().address.isLoopback());
        QVERIFY(QFileInfo::exists(m_tmp.filePath(u"live/ops.watchfloor.signals.sqlite"_s)));
        auto* status = window.findChild<QLabel*>(u"otlpStatusLabel"_s);
        QVERIFY(status);
        QCOMPARE(status->text(), u"OTLP 127.0.0.1:%1"_s.arg(port));

        auto* page = window.findChild<ui::ServiceGraphDock*>(u"serviceGraphPage"_s);
        QVERIFY(page);
        app::ServiceGraphPresenter* graph = liveMode->views()->serviceGraph();
        QVERIFY(graph);
        graph->setRefreshInterval(300);

        const QString traceId = u"5b8efff798038103d269b633813fc60c"_s;
        const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        QCOMPARE(post(QUrl(u"http://127.0.0.1:%1/v1/traces"_s.arg(port)),
                      traceJson(traceId, nowNs - 2'000'000'000)),
                 200);

        // Stored: all five spans of the trace come back out of the signal store.
        telemetry->signalStore()->flush();
        int stored = -1;
        telemetry->signalStore()->trace(
            *telemetry::TraceId::fromHex(QStringView(traceId)), this,
            [&](signalstore::QueryResult<std::vector<signalstore::StoredSpan>> r) {
                stored = r.ok ? int(r.value.size()) : -2;
            });
        QTRY_COMPARE_WITH_TIMEOUT(stored, 5, 10000);

        // Drawn: the three services and the two calls between them.
        const auto& g = [&]() -> const graph::ServiceGraph& { return page->view()->graph(); };
        QTRY_VERIFY_WITH_TIMEOUT(g().findNode(u"payments"_s) >= 0, 15000);
        const int gateway = g().findNode(u"gateway"_s);
        const int checkout = g().findNode(u"checkout"_s);
        const int payments = g().findNode(u"payments"_s);
        QVERIFY(gateway >= 0 && checkout >= 0);
        QCOMPARE(g().nodeCount(), 3);
        QVERIFY(g().findEdge(gateway, checkout) >= 0);
        QVERIFY(g().findEdge(checkout, payments) >= 0);
        QCOMPARE(g().findEdge(payments, gateway), -1);
        QCOMPARE(g().edgeCount(), 2);

        QTabWidget* tabs = window.dashboards()->tabs();
        tabs->setCurrentWidget(page);
        // The graph tab stays for as long as the workspace is open: no close button on either side.
        for (QTabBar::ButtonPosition side : {QTabBar::LeftSide, QTabBar::RightSide})
            QVERIFY(!tabs->tabBar()->tabButton(tabs->indexOf(page), side));
        QTRY_VERIFY_WITH_TIMEOUT(!page->view()->layoutPending(), 10000);
        QTest::qWait(300);
        QVERIFY(window.grab().save(QDir(m_out).filePath(u"live-graph-window.png"_s)));

        // Without a Prometheus in the workspace, dashboards query what the receiver got.
        QPointer<ui::DashboardView> view;
        connect(controller->dashboards(), &app::DashboardPresenter::dashboardOpened, this,
                [&view](ui::DashboardView* opened) { view = opened; });
        controller->dashboards()->openBytes(
            QByteArrayLiteral(
                R"j({"title":"Local","panels":[{"id":1,"type":"timeseries","title":"Requests",)j"
                R"j("gridPos":{"x":0,"y":0,"w":12,"h":8},)j"
                R"j("targets":[{"refId":"A","expr":"sum(requests)"}]}]})j"),
            u"local.json"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(view, 10000);
        QVERIFY(dynamic_cast<prometheus::LocalSeriesMetricsSource*>(view->metricsSource()));

        // Closing (switching to another workspace) releases the port.
        const QString other = m_tmp.filePath(u"live/other.watchfloor"_s);
        controller->openWorkspace(other, OpenMode::CreateIfMissing);
        QVERIFY(opened.wait(20000));
        QVERIFY(controller->liveMode());
        QVERIFY(controller->liveMode() != liveMode ||
                controller->liveMode()->telemetry()->receiver()->isRunning());
        QCOMPARE(window.findChildren<ui::ServiceGraphDock*>(u"serviceGraphPage"_s).size(), 1);
        controller.reset();
        QVERIFY(window.findChild<ui::ServiceGraphDock*>(u"serviceGraphPage"_s) == nullptr);
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, port), qPrintable(again.errorString()));
    }

    // Issue 7: after a restart the graph is rebuilt from the stored spans, nothing new arriving; and it
    // follows the time range picked on a dashboard (a fixed range is replayed, "Last 5 minutes"
    // follows the newest spans again).
    void graphComesBackAfterRestartAndFollowsTheDashboards()
    {
        const quint16 port = freeLoopbackPort();
        QVERIFY(port > 0);
        {
            QSettings stored;
            live::ReceiverSettings{port, false}.save(stored);
        }
        const QString workspace = m_tmp.filePath(u"restart/ops.watchfloor"_s);
        QVERIFY(QDir().mkpath(QFileInfo(workspace).absolutePath()));
        const CommandLineOptions options = parseCommandLine({u"watchfloor"_s, u"--workspace"_s, workspace});
        QSettings settings(m_tmp.filePath(u"window3.ini"_s), QSettings::IniFormat);
        ui::ThemeManager theme(&settings);
        // Two hours ago: the restarted graph must end at the newest stored span, not at the clock.
        const qint64 traceStartNs = (QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000) * 1'000'000;
        const qint64 traceEndNs = traceStartNs + 100'000'000 - 1'000'000; // the gateway span's end

        {
            ui::MainWindow window(&settings, &theme);
            window.setLayoutPersistent(false);
            auto controller = std::make_unique<app::AppController>(&window, false);
            QSignalSpy opened(controller.get(), &app::AppController::workspaceOpened);
            QVERIFY(controller->start(options));
            QVERIFY(opened.wait(20000));
            QVERIFY(controller->liveMode());
            live::LiveTelemetry* telemetry = controller->liveMode()->telemetry();
            QSignalSpy stored(telemetry->signalStore(), &signalstore::SignalStore::spansStored);
            QCOMPARE(post(QUrl(u"http://127.0.0.1:%1/v1/traces"_s.arg(port)),
                          traceJson(u"6b8efff798038103d269b633813fc60c"_s, traceStartNs)),
                     200);
            telemetry->signalStore()->flush();
            QTRY_VERIFY_WITH_TIMEOUT(telemetry->signalStore()->stats().spansStored == 5, 10000);
            controller.reset(); // the app closes
        }

        ui::MainWindow window(&settings, &theme);
        window.setLayoutPersistent(false);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto controller = std::make_unique<app::AppController>(&window, false);
        QSignalSpy opened(controller.get(), &app::AppController::workspaceOpened);
        QVERIFY(controller->start(options));
        QVERIFY(opened.wait(20000));
        QVERIFY(controller->liveMode());
        app::ServiceGraphPresenter* graph = controller->liveMode()->views()->serviceGraph();
        QVERIFY(graph);
        graph->setRefreshInterval(300);
        auto* page = window.findChild<ui::ServiceGraphDock*>(u"serviceGraphPage"_s);
        QVERIFY(page);
        const auto& g = [&]() -> const graph::ServiceGraph& { return page->view()->graph(); };
        QTRY_VERIFY_WITH_TIMEOUT(g().findNode(u"payments"_s) >= 0, 15000);
        QCOMPARE(graph->storedSpansLoaded(), qint64(5));
        QCOMPARE(g().nodeCount(), 3);
        const int gateway = g().findNode(u"gateway"_s);
        const int checkout = g().findNode(u"checkout"_s);
        const int payments = g().findNode(u"payments"_s);
        QVERIFY(g().findEdge(gateway, checkout) >= 0);
        QVERIFY(g().findEdge(checkout, payments) >= 0);
        QCOMPARE(g().edgeCount(), 2);
        ui::GraphTimeBar* bar = page->timeBar();
        QVERIFY(graph->followsLatest());
        QCOMPARE(bar->timeline().rangeToNs(), traceEndNs);
        QCOMPARE(bar->positionText(), ui::GraphTimeBar::tr("Live"));
        window.dashboards()->tabs()->setCurrentWidget(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->view()->layoutPending(), 10000);
        QVERIFY(window.grab().save(QDir(m_out).filePath(u"restart-graph-window.png"_s)));

        // A dashboard's time range, picked: the graph holds on it.
        QPointer<ui::DashboardView> view;
        connect(controller->dashboards(), &app::DashboardPresenter::dashboardOpened, this,
                [&view](ui::DashboardView* opened) { view = opened; });
        controller->dashboards()->openBytes(QByteArrayLiteral(R"j({"title":"Local","panels":[]})j"),
                                            u"local.json"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(view, 10000);
        const qint64 fromMs = traceStartNs / 1'000'000 - 600'000;
        const qint64 toMs = traceStartNs / 1'000'000 + 600'000;
        view->picker()->setTimeRange(dashboard::absoluteRange(fromMs, toMs));
        QVERIFY(!graph->followsLatest());
        QVERIFY(!bar->isRangeMoving());
        QCOMPARE(bar->timeline().rangeFromNs(), fromMs * 1'000'000);
        QCOMPARE(bar->timeline().rangeToNs(), toMs * 1'000'000);
        QVERIFY2(bar->positionText().contains(u"end of range"_s), qPrintable(bar->positionText()));
        // Replayed to the trace's moment, the graph shows its calls; ten minutes later, nothing.
        bar->seek(traceStartNs + 10'000'000'000);
        QTRY_COMPARE_WITH_TIMEOUT(g().edgeCount(), 2, 10000);
        bar->follow();
        QTRY_COMPARE_WITH_TIMEOUT(g().edgeCount(), 0, 10000);

        // "Last 5 minutes": following the newest spans again, across five minutes of them.
        view->picker()->setTimeRange({u"now-5m"_s, u"now"_s});
        QVERIFY(graph->followsLatest());
        QCOMPARE(graph->liveSpanNs(), 5 * 60 * 1'000'000'000LL);
        QVERIFY(bar->isRangeMoving());
        QCOMPARE(bar->timeline().rangeToNs(), traceEndNs);
        QCOMPARE(bar->positionText(), ui::GraphTimeBar::tr("Live"));
        QTRY_COMPARE_WITH_TIMEOUT(g().edgeCount(), 2, 10000);
    }

    void takenPortLeavesTheAppWorking()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        {
            QSettings stored;
            live::ReceiverSettings{squatter.serverPort(), false}.save(stored);
        }
        QSettings settings(m_tmp.filePath(u"window2.ini"_s), QSettings::IniFormat);
        ui::ThemeManager theme(&settings);
        ui::MainWindow window(&settings, &theme);
        window.setLayoutPersistent(false);
        auto controller = std::make_unique<app::AppController>(&window, false);
        const QString workspace = m_tmp.filePath(u"taken/ops.watchfloor"_s);
        QVERIFY(QDir().mkpath(QFileInfo(workspace).absolutePath()));
        QSignalSpy opened(controller.get(), &app::AppController::workspaceOpened);
        QVERIFY(controller->start(parseCommandLine({u"watchfloor"_s, u"--workspace"_s, workspace})));
        QVERIFY(opened.wait(20000));

        app::LiveMode* liveMode = controller->liveMode();
        QVERIFY(liveMode); // the views are there, showing what the store holds
        QVERIFY(!liveMode->telemetry()->receiverRunning());
        QVERIFY2(liveMode->receiverError().contains(QString::number(squatter.serverPort())),
                 qPrintable(liveMode->receiverError()));
        auto* status = window.findChild<QLabel*>(u"otlpStatusLabel"_s);
        QVERIFY(status);
        QCOMPARE(status->text(), u"OTLP receiver off"_s);
        QCOMPARE(status->toolTip(), liveMode->receiverError());
        QVERIFY(window.findChild<ui::ServiceGraphDock*>(u"serviceGraphPage"_s));

        // Settings ▸ OTLP receiver with a free port: remembered, and the receiver starts on it.
        const quint16 port = freeLoopbackPort();
        controller->applyReceiverSettings({port, false});
        QCOMPARE(live::ReceiverSettings::load(QSettings()).port, port);
        QVERIFY(controller->liveMode());
        QVERIFY(controller->liveMode()->telemetry()->receiverRunning());
        QCOMPARE(controller->liveMode()->telemetry()->receiver()->port(), port);
        QCOMPARE(window.findChildren<ui::ServiceGraphDock*>(u"serviceGraphPage"_s).size(), 1);
        QVERIFY(window.findChild<QAction*>(u"actionReceiverSettings"_s));
    }

    void notReachableFromOtherMachinesWithoutOptIn()
    {
        const QHostAddress external = externalAddress();
        if (external.isNull())
            QSKIP("This machine has no non-loopback IPv4 address to try connecting through");

        live::LiveTelemetryConfig config;
        config.folder = m_tmp.filePath(u"loopback"_s);
        QVERIFY(QDir().mkpath(config.folder));
        config.port = freeLoopbackPort();
        {
            live::LiveTelemetry loopbackOnly(config);
            QString error;
            QVERIFY2(loopbackOnly.start(&error), qPrintable(error));
            QVERIFY(canConnect(QHostAddress::LocalHost, config.port));
            QVERIFY(!canConnect(external, config.port));
            QCOMPARE(loopbackOnly.endpointText(), u"127.0.0.1:%1"_s.arg(config.port));
        }

        // The receiver itself refuses a non-loopback address that was not opted into.
        receiver::ReceiverConfig raw;
        raw.address = external;
        raw.port = 0;
        raw.bearerToken = "secret-token";
        receiver::OtlpReceiver refused;
        refused.setConfig(raw);
        QVERIFY(!refused.start());
        QVERIFY2(refused.errorString().contains(u"Refusing"_s), qPrintable(refused.errorString()));

        // Opted in: reachable from outside, but only with the bearer token made for this start.
        config.listenOnAllInterfaces = true;
        config.folder = m_tmp.filePath(u"everywhere"_s);
        QVERIFY(QDir().mkpath(config.folder));
        live::LiveTelemetry everywhere(config);
        QString error;
        QVERIFY2(everywhere.start(&error), qPrintable(error));
        QVERIFY(everywhere.config().bearerToken.size() >= 24);
        const QUrl url(u"http://%1:%2/v1/traces"_s.arg(external.toString()).arg(config.port));
        QCOMPARE(post(url, traceJson(u"5b8efff798038103d269b633813fc60d"_s, 1'000'000'000)), 401);
    }
};

QTEST_MAIN(TestLiveTelemetry)
#include "tst_live_telemetry.moc"
