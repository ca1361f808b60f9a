// Issue 7 in the app: the demo's live service graph through the real window and controller, with the
// demo shop as a child process and its payments failure scripted to start after 3 s. The graph tab
// must light up the blast radius the graph engineer found in-process (payments-db -> payments ->
// checkout -> cart -> gateway, eu-west only), and "Pin blast radius" must put its picture and numbers
// on the active incident's timeline. Set WF_GRAPH_OUT to a folder to keep the screenshots.

#include "AppController.h"
#include "DemoMode.h"
#include "ServiceGraphPresenter.h"
#include "core/CommandLine.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DemoDashboard.h"
#include "demo/DemoSession.h"
#include "demo/DemoShopProcess.h"
#include "graph/BlastRadius.h"
#include "graph/BlastRadiusPanel.h"
#include "graph/GraphTimeBar.h"
#include "graph/ServiceGraphDock.h"
#include "graph/ServiceGraphView.h"
#include "incident/EvidenceStore.h"
#include "incident/IncidentSession.h"
#include "items/TimelineModel.h"
#include "mainwindow/MainWindow.h"
#include "theme/Theme.h"

#include <QAction>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

const QStringList kBlastRadius{u"cart@eu-west"_s, u"checkout@eu-west"_s, u"gateway@eu-west"_s,
                               u"payments-db@eu-west"_s, u"payments@eu-west"_s};

QStringList jsonStrings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    out.sort();
    return out;
}

} // namespace

class TestDemoGraph : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_out;
    QElapsedTimer m_clock;

    QString out(const QString& name) const { return QDir(m_out).filePath(name); }
    void step(const char* what) { qInfo("%6.1f s  %s", double(m_clock.elapsed()) / 1000.0, what); }

private Q_SLOTS:
    void initTestCase()
    {
        m_clock.start();
        QVERIFY(m_tmp.isValid());
        m_out = qEnvironmentVariable("WF_GRAPH_OUT", m_tmp.path());
        QVERIFY(QDir().mkpath(m_out));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"WatchfloorGraphTest"_s);
        QCoreApplication::setApplicationName(u"watchfloor-graph-test"_s);
        QVERIFY2(QFileInfo(demo::demoShopProgram()).isExecutable(), qPrintable(demo::demoShopProgram()));
    }

    void failureLightsTheBlastRadiusAndPinsIt()
    {
        QSettings settings(m_tmp.filePath(u"graph.ini"_s), QSettings::IniFormat);
        ui::ThemeManager theme(&settings);
        ui::MainWindow window(&settings, &theme);
        window.setLayoutPersistent(false);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto controller = std::make_unique<app::AppController>(&window, true);
        const auto action = [&](const char* name) { return window.findChild<QAction*>(QLatin1String(name)); };

        const CommandLineOptions options =
            parseCommandLine({u"watchfloor"_s, u"--demo"_s, u"--demo-failure-after"_s, u"3"_s});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QSignalSpy opened(controller.get(), &app::AppController::workspaceOpened);
        QVERIFY(controller->start(options));
        QVERIFY(opened.wait(20000));
        QVERIFY(controller->demoSession());
        step("demo running");

        // The graph is a dashboard tab; Ctrl+Shift+G brings it forward and focuses the view.
        auto* page = window.findChild<ui::ServiceGraphDock*>(u"serviceGraphPage"_s);
        QVERIFY(page);
        QTabWidget* tabs = window.dashboards()->tabs();
        QVERIFY(tabs->currentWidget() != page);
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(page));
        QTRY_VERIFY(page->view()->hasFocus());
        QVERIFY(controller->demoMode());
        app::ServiceGraphPresenter* graph = controller->demoMode()->serviceGraph();
        QVERIFY(graph);
        graph->setRefreshInterval(1000); // the app refreshes every 3 s; the test need not wait that long

        // Without an incident the pin is offered nowhere, and says why.
        QAction* pin = action("actionPinBlastRadius");
        QVERIFY(pin);
        QVERIFY(!pin->isEnabled());
        QVERIFY2(pin->toolTip().contains(u"Declare an incident"_s), qPrintable(pin->toolTip()));
        QVERIFY(!page->pinButton()->isEnabled());

        // The graph fills from the demo's spans, then the failure: payments-db is the one node that
        // breaches its baseline with nothing below it breaching, and its callers light up.
        QTRY_VERIFY_WITH_TIMEOUT(page->view()->graph().findNode(u"payments-db@eu-west"_s) >= 0, 20000);
        step("graph has the shop");
        QTRY_COMPARE_WITH_TIMEOUT(page->view()->failingNodes(), QStringList{u"payments-db@eu-west"_s}, 45000);
        step("blast radius lit");
        QCOMPARE(page->view()->highlightedNodes(), kBlastRadius);
        QCOMPARE(page->panel()->verdictText(),
                 u"Blast radius: %1"_s.arg(graph::verdictText(graph::Verdict::SingleDependency)));
        QCOMPARE(page->panel()->affectedRowCount(), 5); // failing node + four dependents
        QCOMPARE(graph->radius().regions, QStringList{u"eu-west"_s});
        QVERIFY2(tabs->tabText(tabs->indexOf(page)).contains(u"1 failing"_s),
                 qPrintable(tabs->tabText(tabs->indexOf(page))));
        qInfo("graph refresh (worker) %.1f ms, %d nodes, %d edges", graph->lastBuildMs(),
              page->view()->graph().nodeCount(), page->view()->graph().edgeCount());
        QTRY_VERIFY_WITH_TIMEOUT(!page->view()->layoutPending(), 10000);
        // The view zooms to the failure's chain, at a zoom where node names are drawn (0.45 and up).
        QTRY_VERIFY_WITH_TIMEOUT(page->view()->transform().m11() >= 0.45, 10000);
        for (const QString& key : kBlastRadius) {
            const QPoint at = page->view()->mapFromScene(page->view()->positions().value(key));
            QVERIFY2(page->view()->viewport()->rect().contains(at), qPrintable(key));
        }
        QVERIFY(window.grab().save(out(u"graph-window.png"_s)));

        // Positions stay put between refreshes.
        const QHash<QString, QPointF> before = page->view()->positions();
        QSignalSpy refreshed(graph, &app::ServiceGraphPresenter::refreshed);
        QVERIFY(refreshed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!page->view()->layoutPending(), 10000);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(page->view()->positions().value(it.key()), it.value());

        // Declare; the pin becomes available in the menu and on the graph's tool bar.
        incident::IncidentSession* incidents = controller->incidents();
        incidents->declare({u"Payments failing"_s, incident::Severity::Sev2, {u"payments"_s}, u"tester"_s});
        QTRY_VERIFY_WITH_TIMEOUT(incidents->activeIncident().has_value(), 10000);
        QTRY_VERIFY(pin->isEnabled());
        QVERIFY(page->pinButton()->isEnabled());
        QSignalSpy pinned(incidents, &incident::IncidentSession::evidencePinned);
        // From the menu while another tab is in front: the picture is of the graph all the same.
        tabs->setCurrentIndex(tabs->indexOf(page) == 0 ? 1 : 0);
        QVERIFY(!page->isVisible());
        pin->trigger();
        QVERIFY(pinned.wait(10000));
        step("pinned");

        // The evidence row as stored: a Selection with the picture and the numbers.
        const qint64 incidentId = incidents->activeIncident()->id;
        incident::EvidenceStore store(*incidents->workspace());
        QList<incident::Evidence> rows;
        bool listed = false;
        store.list(incidentId, this, [&](const ReadResult& r, const QList<incident::Evidence>& list) {
            QVERIFY2(r.ok, qPrintable(r.error));
            rows = list;
            listed = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(listed, 10000);
        QCOMPARE(rows.size(), 1);
        const incident::Evidence& e = rows.front();
        QCOMPARE(e.kind, incident::EvidenceKind::Selection);
        QVERIFY2(e.title.contains(u"payments-db@eu-west"_s), qPrintable(e.title));
        const std::optional<QSize> size = incident::pngSize(e.png);
        QVERIFY(size.has_value());
        QVERIFY2(size->width() >= 600 && size->height() >= 300,
                 qPrintable(u"%1x%2"_s.arg(size->width()).arg(size->height())));
        const QJsonObject data = e.data();
        QCOMPARE(data.value(u"verdict"_s).toString(), u"single-dependency"_s);
        QCOMPARE(jsonStrings(data.value(u"failingKeys"_s)), QStringList{u"payments-db@eu-west"_s});
        QStringList affected = kBlastRadius;
        affected.removeAll(u"payments-db@eu-west"_s);
        QCOMPARE(jsonStrings(data.value(u"affectedKeys"_s)), affected);
        QCOMPARE(jsonStrings(data.value(u"regions"_s)), QStringList{u"eu-west"_s});
        const QJsonArray entries = data.value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).toObject().value(u"entry"_s).toString(), u"gateway@eu-west"_s);
        const double share = entries.at(0).toObject().value(u"share"_s).toDouble();
        QVERIFY2(share > 0.0 && share < 1.0, qPrintable(QString::number(share)));
        // The ranking for the entry point the failure hurts: payments' database first.
        QCOMPARE(data.value(u"symptom"_s).toString(), u"gateway@eu-west"_s);
        const QJsonArray ranking = data.value(u"ranking"_s).toArray();
        QVERIFY(!ranking.isEmpty());
        QCOMPARE(ranking.at(0).toObject().value(u"node"_s).toString(), u"payments-db@eu-west"_s);

        // Its timeline event points at that row (the timeline re-reads after the commit).
        const auto pinnedEvent = [incidents]() -> std::optional<incident::TimelineEvent> {
            for (const incident::TimelineEvent& t : incidents->timeline()->events()) {
                if (t.kind == incident::EventKind::EvidencePinned)
                    return t;
            }
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pinnedEvent().has_value(), 10000);
        const std::optional<incident::TimelineEvent> ev = pinnedEvent();
        QCOMPARE(ev->payload.value(u"evidence_id"_s).toInteger(), e.id);
        QCOMPARE(ev->payload.value(u"evidence_kind"_s).toString(), u"selection"_s);
        QCOMPARE(ev->payload.value(u"title"_s).toString(), e.title);
        QImage::fromData(e.png).save(out(u"graph-pinned.png"_s));

        // The dashboards' time range: the shop overview held around a moment holds the graph on that
        // window (its end shown, the time bar replaying across it); Back to live follows the newest
        // spans again.
        auto* overview = window.findChild<ui::DemoDashboard*>();
        QVERIFY(overview);
        ui::GraphTimeBar* bar = page->timeBar();
        QVERIFY(graph->followsLatest());
        QVERIFY(bar->isRangeMoving());
        QSignalSpy held(overview, &ui::DemoDashboard::timeWindowChanged);
        controller->demoMode()->showAround(QDateTime::currentMSecsSinceEpoch() - 60'000, u"a test moment"_s);
        QCOMPARE(held.size(), 1);
        const qint64 heldFromNs = held.at(0).at(0).toLongLong() * 1'000'000;
        const qint64 heldToNs = (held.at(0).at(1).toLongLong() + 1) * 1'000'000;
        QVERIFY(!graph->followsLatest());
        QVERIFY(!bar->isRangeMoving());
        QCOMPARE(bar->timeline().rangeFromNs(), heldFromNs);
        QCOMPARE(bar->timeline().rangeToNs(), heldToNs);
        QCOMPARE(bar->timeline().positionNs(), heldToNs);
        QVERIFY2(bar->positionText().contains(u"end of range"_s), qPrintable(bar->positionText()));
        QVERIFY(page->grab().save(out(u"graph-held-range.png"_s)));
        overview->findChild<QPushButton*>(u"backToLive"_s)->click();
        QVERIFY(graph->followsLatest());
        QVERIFY(bar->isRangeMoving());
        QCOMPARE(bar->positionText(), ui::GraphTimeBar::tr("Live"));
        // The newest spans again: the demo has run for about a minute, the held window was ten.
        QVERIFY(bar->timeline().rangeFromNs() > heldFromNs);
        QVERIFY(refreshed.wait(10000));

        controller.reset(); // takes its views out of the window first
        step("done");
    }
};

QTEST_MAIN(TestDemoGraph)
#include "tst_demo_graph.moc"
