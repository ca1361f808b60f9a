// Issue 5 in the running app: the real window and controller with the demo shop as a child process.
// An incident is declared before the scripted failure; then a failing checkout trace is opened from
// the trace list (Enter on its row) into the central "Trace" tab, which must show that trace with its
// critical path and error spans, and Escape closes it; and the logs dock's Patterns tab must show the
// shop's log patterns with the failure's new ones marked. Set WF_TRACES_OUT to keep the screenshots.

#include "AppController.h"
#include "core/CommandLine.h"
#include "dashboards/DashboardArea.h"
#include "demo/DemoSession.h"
#include "docks/PanelDock.h"
#include "incident/IncidentSession.h"
#include "items/TraceListModel.h"
#include "logs/LogListView.h"
#include "logs/LogPatternModel.h"
#include "mainwindow/MainWindow.h"
#include "patterns/LogPatternsView.h"
#include "theme/Theme.h"
#include "traces/TraceListView.h"
#include "traces/TraceTree.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wf;

class TestDemoTraces : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_out;

    void save(QWidget* w, const QString& name)
    {
        const QString path = QDir(m_out).filePath(name);
        QVERIFY2(w->grab().save(path), qPrintable(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_out = qEnvironmentVariable("WF_TRACES_OUT", m_tmp.path());
        QVERIFY(QDir().mkpath(m_out));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"WatchfloorTraces"_s);
        QCoreApplication::setApplicationName(u"watchfloor-traces"_s);
    }

    void failingCheckoutTraceAndNewPatterns()
    {
        QSettings settings(m_tmp.filePath(u"app.ini"_s), QSettings::IniFormat);
        ui::ThemeManager theme(&settings);
        ui::MainWindow window(&settings, &theme);
        window.setLayoutPersistent(false);
        window.resize(1600, 1000);
        window.show();
        auto controller = std::make_unique<app::AppController>(&window, true);
        auto cleanup = qScopeGuard([&] { controller.reset(); });

        const CommandLineOptions options =
            parseCommandLine({u"watchfloor"_s, u"--demo"_s, u"--demo-failure-after"_s, u"8"_s});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QSignalSpy opened(controller.get(), &app::AppController::workspaceOpened);
        QVERIFY(controller->start(options));
        QVERIFY(opened.wait(20000));
        QVERIFY(controller->demoSession());

        // Declared once the shop's routine lines are in (those patterns are then not new) and before
        // the scripted failure (whose patterns are).
        auto* logList = window.findChild<ui::LogListView*>();
        QVERIFY(logList);
        QTRY_VERIFY_WITH_TIMEOUT(logList->table()->model()->rowCount() >= 30, 30000);
        incident::IncidentSession* incidents = controller->incidents();
        incidents->declare({u"Checkout failing"_s, incident::Severity::Sev2, {u"payments"_s}, u"tester"_s});
        QTRY_VERIFY_WITH_TIMEOUT(incidents->activeIncident().has_value(), 10000);

        // 1. A failing checkout trace from the list, opened with Enter.
        auto* list = window.findChild<ui::TraceListView*>();
        QVERIFY(list);
        QTableView* table = list->table();
        auto* model = qobject_cast<items::TraceListModel*>(table->model());
        QVERIFY(model);
        const auto failingCheckout = [&] {
            for (int i = 0; i < model->rowCount(); ++i) {
                const signalstore::TraceSummary& t = model->row(i);
                if (t.errorCount > 0 && t.rootName.contains(u"checkout"_s))
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(failingCheckout() >= 0, 60000);
        const int row = failingCheckout();
        const signalstore::TraceSummary wanted = model->row(row);
        table->setFocus();
        table->setCurrentIndex(model->index(row, 0));
        QTest::keyClick(table, Qt::Key_Return); // no event loop in between: the row is still `wanted`

        QTabWidget* tabs = window.dashboards()->tabs();
        ui::TraceView* view = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((view = qobject_cast<ui::TraceView*>(tabs->currentWidget())) != nullptr,
                                 10000);
        QCOMPARE(view->objectName(), u"receivedTraceTab"_s);
        QVERIFY(tabs->tabText(tabs->currentIndex()).contains(u"checkout"_s));
        QTRY_VERIFY(view->waterfall()->tree() != nullptr);
        const traces::TraceTree* tree = view->waterfall()->tree();
        // The list may lag behind the store by a refresh: the tab has at least what the row said.
        QVERIFY2(tree->size() >= wanted.spanCount,
                 qPrintable(u"%1 < %2"_s.arg(tree->size()).arg(wanted.spanCount)));
        QVERIFY(tree->size() > 1);
        QVERIFY(!tree->criticalPath().empty());
        QVERIFY(!tree->errorNodes().empty());
        QVERIFY(!view->selfTimeServiceAt(0).isEmpty()); // the self-time table has a service
        QVERIFY2(view->titleText().contains(u"checkout"_s), qPrintable(view->titleText()));
        save(&window, u"demo-trace-tab.png"_s);

        // The same tab is reused for the next trace.
        const int tabCount = tabs->count();
        table->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QTest::qWait(500);
        QCOMPARE(tabs->count(), tabCount);

        // Escape in the waterfall closes the tab.
        view = qobject_cast<ui::TraceView*>(tabs->currentWidget());
        QVERIFY(view);
        QTest::keyClick(view->waterfall(), Qt::Key_Escape);
        QTRY_COMPARE(tabs->count(), tabCount - 1);
        QVERIFY(!window.dashboards()->findChild<ui::TraceView*>());

        // 2. The Patterns tab beside the live log lines.
        ui::PanelDock* logsDock = window.dock(u"logsDock"_s);
        logsDock->show();
        logsDock->raise();
        auto* logTabs = logsDock->findChild<QTabWidget*>(u"logsTabs"_s);
        QVERIFY(logTabs);
        auto* patterns = logsDock->findChild<ui::LogPatternsView*>(u"demoLogPatterns"_s);
        QVERIFY(patterns);
        logTabs->setCurrentWidget(patterns);
        const auto newPatterns = [&] {
            int n = 0;
            for (int i = 0; i < patterns->model()->rowCount(); ++i)
                n += patterns->model()->index(i, 0).data(logs::LogPatternModel::IsNewRole).toBool() ? 1 : 0;
            return n;
        };
        // The scripted failure's pool timeouts first appear after the declaration: marked new.
        const auto poolTimeoutIsNew = [&] {
            for (int i = 0; i < patterns->model()->rowCount(); ++i) {
                const QModelIndex index = patterns->model()->index(i, logs::LogPatternModel::PatternColumn);
                if (index.data().toString().contains(u"Connection is not available"_s))
                    return index.data(logs::LogPatternModel::IsNewRole).toBool();
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(poolTimeoutIsNew(), 90000);
        QVERIFY(newPatterns() > 0);
        const int total = patterns->model()->rowCount();
        qInfo("%d patterns, %d new since the incident", total, newPatterns());
        QVERIFY(total > newPatterns()); // the shop's routine lines predate the incident
        logsDock->setFloating(true);
        logsDock->resize(1200, 700);
        save(logsDock, u"demo-patterns-tab.png"_s);
    }
};

QTEST_MAIN(TestDemoTraces)
#include "tst_demo_traces.moc"
