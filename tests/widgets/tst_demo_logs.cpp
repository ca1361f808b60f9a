// Issue 5's log view in the running app: the real window and controller with the demo shop as a
// child process. The logs dock's Search tab (the stored-log browser) fills with the shop's lines and
// follows new ones, a full-text search for the failure's error words highlights them, a line's trace
// opens in the central "Trace" tab, the dashboard's fixed window narrows it and "Back to live" widens
// it again, and a pattern double-clicked in the Patterns tab lists that pattern's lines. Set
// WF_LOGS_OUT to keep the screenshot (demo-log-search.png).

#include "AppController.h"
#include "core/CommandLine.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DemoDashboard.h"
#include "docks/PanelDock.h"
#include "logs/LogBrowserView.h"
#include "logs/LogHistogramWidget.h"
#include "logs/LogPatternModel.h"
#include "logs/LogRowsView.h"
#include "logs/LogViewModel.h"
#include "mainwindow/MainWindow.h"
#include "patterns/LogPatternsView.h"
#include "theme/Theme.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wf;

class TestDemoLogs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_out;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_out = qEnvironmentVariable("WF_LOGS_OUT", m_tmp.path());
        QVERIFY(QDir().mkpath(m_out));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"WatchfloorLogs"_s);
        QCoreApplication::setApplicationName(u"watchfloor-logs"_s);
    }

    void searchTabFollowsSearchesAndLinks()
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
            parseCommandLine({u"watchfloor"_s, u"--demo"_s, u"--demo-failure-after"_s, u"5"_s});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QSignalSpy opened(controller.get(), &app::AppController::workspaceOpened);
        QVERIFY(controller->start(options));
        QVERIFY(opened.wait(20000));

        ui::PanelDock* logsDock = window.dock(u"logsDock"_s);
        logsDock->show();
        logsDock->raise();
        auto* logTabs = logsDock->findChild<QTabWidget*>(u"logsTabs"_s);
        QVERIFY(logTabs);
        auto* view = logsDock->findChild<ui::LogBrowserView*>();
        QVERIFY(view);
        QCOMPARE(logTabs->tabText(logTabs->indexOf(view)), u"Search"_s);
        logTabs->setCurrentWidget(view);
        logsDock->setFloating(true);
        logsDock->resize(1400, 700);
        logs::LogViewModel* model = view->model();
        const auto rowCount = [&] { return int(model->rows().size()); };

        // 1. Lines arrive while the newest are on screen (the Follow tick), not only at open.
        QVERIFY(view->followButton()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(rowCount() > 0, 30000);
        const qint64 firstTop = model->rows().front().id;
        QTRY_VERIFY_WITH_TIMEOUT(!model->rows().empty() && model->rows().front().id > firstTop, 20000);

        // 2. The failure's error lines, found by full text and highlighted.
        const auto hasTimeouts = [&] {
            view->searchField()->setText(u"\"timed out\""_s);
            view->applySearch();
            QTest::qWait(300);
            // A few, so the screenshot shows a list of them.
            return model->rows().size() >= 6 && model->rows().front().body.contains(u"timed out"_s);
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasTimeouts(), 90000);
        for (const signalstore::LogRow& r : model->rows())
            QVERIFY2(r.body.contains(u"timed out"_s, Qt::CaseInsensitive), qPrintable(r.body));
        view->rowsView()->viewport()->repaint();
        QVERIFY(view->rowsView()->paintedRowCount() > 0);
        QVERIFY(!view->rowsView()->paintedHighlights(0).isEmpty());
        QTRY_VERIFY(model->histogram().total() > 0);
        view->rowsView()->setCurrentRow(1);
        QTest::qWait(100);
        const QString shot = QDir(m_out).filePath(u"demo-log-search.png"_s);
        QVERIFY(logsDock->grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        // 3. A line's trace opens in the central Trace tab.
        int withTrace = -1;
        for (int i = 0; i < rowCount() && withTrace < 0; ++i)
            if (model->rows()[std::size_t(i)].traceId.isValid())
                withTrace = i;
        QVERIFY2(withTrace >= 0, "no error line carries a trace id");
        const telemetry::TraceId traceId = model->rows()[std::size_t(withTrace)].traceId;
        view->rowsView()->setCurrentRow(withTrace);
        QVERIFY(view->rowsView()->openTraceAction()->isEnabled());
        view->rowsView()->openTraceAction()->trigger();
        QTabWidget* central = window.dashboards()->tabs();
        ui::TraceView* trace = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((trace = qobject_cast<ui::TraceView*>(central->currentWidget())) != nullptr,
                                 10000);
        QCOMPARE(trace->objectName(), u"receivedTraceTab"_s);
        QTRY_VERIFY(trace->waterfall()->tree() != nullptr);
        QVERIFY(central->tabToolTip(central->currentIndex()).contains(traceId.toHex()));
        QVERIFY2(central->tabText(central->currentIndex()) != u"Trace: "_s,
                 qPrintable(central->tabText(central->currentIndex()))); // named by its root span

        // 4. The dashboard's fixed window is the view's range; Back to live lifts it.
        auto* dashboard = window.dashboards()->findChild<ui::DemoDashboard*>();
        QVERIFY(dashboard);
        view->searchField()->clear();
        view->applySearch();
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        dashboard->showAround(nowMs - 5 * 60 * 1000, u"test moment"_s); // ends well before now
        QTRY_VERIFY(!model->rows().empty() && model->rows().front().timeNs <= nowMs * 1'000'000);
        QVERIFY(model->timeToNs() <= nowMs * 1'000'000);
        QVERIFY(!model->followNewest()); // a window with an end does not follow
        dashboard->followLive();
        QTRY_VERIFY(model->timeToNs() == model->extent().maxTimeNs + 1);

        // 5. A pattern double-clicked in the Patterns tab: its lines, by a regular expression.
        auto* patterns = logsDock->findChild<ui::LogPatternsView*>(u"demoLogPatterns"_s);
        QVERIFY(patterns);
        logTabs->setCurrentWidget(patterns);
        const auto timeoutPattern = [&] {
            for (int i = 0; i < patterns->model()->rowCount(); ++i) {
                const QModelIndex index = patterns->model()->index(i, logs::LogPatternModel::PatternColumn);
                if (index.data().toString().contains(u"Connection is not available"_s))
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(timeoutPattern() >= 0, 30000);
        const QModelIndex patternIndex =
            patterns->model()->index(timeoutPattern(), logs::LogPatternModel::PatternColumn);
        Q_EMIT patterns->table()->doubleClicked(patternIndex);
        QCOMPARE(logTabs->currentWidget(), view);
        QCOMPARE(view->modeBox()->currentData().toInt(), int(logs::LogSearchMode::Regex));
        QTRY_VERIFY_WITH_TIMEOUT(!model->isScanning() && model->scanMatches() > 0, 20000);
        const QRegularExpression regex(view->searchField()->text(),
                                       QRegularExpression::CaseInsensitiveOption);
        for (const signalstore::LogRow& r : model->rows()) {
            QVERIFY2(r.body.contains(u"Connection is not available"_s), qPrintable(r.body));
            QVERIFY(regex.match(r.body).hasMatch());
        }
        // The routine lines of the other patterns are not among them.
        QVERIFY(model->scanMatches() < model->extent().approximateCount());
    }
};

QTEST_MAIN(TestDemoLogs)
#include "tst_demo_logs.moc"
