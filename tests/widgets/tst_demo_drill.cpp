// The full demo drill of issue 6, through the real window, controller and presenters with the real
// demo shop as a child process: the scripted failure, declare, pin the dashboards, the demo runbook
// (dry-run, first check, decision, the dangerous reset typed out, the final check passing once the
// shop has recovered), resolve, the postmortem in all three formats, the incident file, and that file
// opened in a second window with nothing on the network. Set WF_DRILL_OUT to a folder to keep the
// exports, the PDF's first page as PNG and screenshots of the windows.

#include "AppController.h"
#include "DrillSupport.h"
#include "PostmortemPresenter.h"
#include "core/CommandLine.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DemoDashboard.h"
#include "dashboards/SnapshotDashboard.h"
#include "demo/DemoSession.h"
#include "demo/DemoShopProcess.h"
#include "dialogs/DeclareIncidentDialog.h"
#include "incident/EvidenceStore.h"
#include "incident/IncidentFile.h"
#include "incident/IncidentSession.h"
#include "items/TimelineModel.h"
#include "mainwindow/MainWindow.h"
#include "net/HttpClient.h"
#include "runbook/LocalStoreCheckEvaluator.h"
#include "runbook/RunbookLibrary.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbookView.h"
#include "runbook/RunbooksDialog.h"
#include "sources/SourceHealthMonitor.h"
#include "sources/SourcesController.h"
#include "theme/Theme.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QImage>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace wf;
using runbook::StepState;

namespace {

const QString kRunbookId = u"demo-payments-db-pool"_s;
const QString kTitle = u"Payments failing: DB pool exhausted"_s;

// One window with its controller, as main() builds them.
struct App
{
    explicit App(const QString& settingsFile)
        : settings(settingsFile, QSettings::IniFormat)
        , theme(&settings)
        , window(&settings, &theme)
        , controller(std::make_unique<app::AppController>(&window, true))
    {
        window.setLayoutPersistent(false);
        window.resize(1600, 1000);
        window.show();
    }
    ~App() { controller.reset(); } // the controller takes its views out of the window first

    template<typename T>
    T* presenter() const
    {
        return controller->findChild<T*>(QString(), Qt::FindDirectChildrenOnly);
    }
    QAction* action(const char* name) const { return window.findChild<QAction*>(QLatin1String(name)); }
    QStringList messageBoxes() const
    {
        QStringList texts;
        for (const QMessageBox* box : window.findChildren<QMessageBox*>())
            texts << box->text();
        return texts;
    }

    QSettings settings;
    ui::ThemeManager theme;
    ui::MainWindow window;
    std::unique_ptr<app::AppController> controller;
};

// The runbook's own first check (its metric, ratio, window and condition), read straight from the
// store the demo's receiver feeds, so the drill starts when the runbook would see the failure.
std::optional<double> paymentsErrorRate(const demo::DemoSession& session)
{
    static const std::optional<runbook::CheckAction> check = []() -> std::optional<runbook::CheckAction> {
        for (const runbook::RunbookFile& f : runbook::loadRunbooks(runbook::shippedRunbooksPath())) {
            if (f.result.ok() && f.result.runbook->id == kRunbookId) {
                runbook::CheckAction c = f.result.runbook->step(u"measure-errors"_s)->check;
                c.match = {{u"service.name"_s, u"payments"_s}};
                return c;
            }
        }
        return std::nullopt;
    }();
    if (!check)
        return std::nullopt;
    const runbook::CheckValue v =
        runbook::LocalStoreCheckEvaluator(*session.seriesStore()).evaluateNow(*check);
    return v.ok ? std::optional<double>(v.value) : std::nullopt;
}

QString shopPhase(const QUrl& control)
{
    net::HttpClient http;
    QObject context;
    std::optional<net::HttpResult> result;
    net::HttpRequest req;
    req.url = control.resolved(QUrl(u"/state"_s));
    http.send(req, &context, [&](const net::HttpResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return {};
    return QJsonDocument::fromJson(result->body).object().value(u"phase"_s).toString();
}

int timelineRows(incident::IncidentSession* s, incident::EventKind kind)
{
    int n = 0;
    TimelineModel* m = s->timeline();
    for (int row = 0; row < m->rowCount(); ++row)
        n += m->index(row, 0).data(TimelineModel::KindRole).toInt() == int(kind);
    return n;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDemoDrill : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_out; // WF_DRILL_OUT, or the temporary folder
    std::unique_ptr<App> m_app;
    QString m_incidentFile;
    int m_eventsAtExport = 0;
    QElapsedTimer m_clock;

    QString out(const QString& name) const { return QDir(m_out).filePath(name); }
    void step(const char* what) { qInfo("%6.1f s  %s", double(m_clock.elapsed()) / 1000.0, what); }

    // Clicks a step's Run button, answering the prompt the view opens (if any), and waits until the
    // step has run and the runner is idle again (unless the runner is expected to refuse).
    void clickRun(RunbookView* view, runbook::RunbookRunner* runner, const QString& stepId,
                  std::function<void(QInputDialog*)> answer = {}, QString* prompt = nullptr,
                  bool expectRun = true)
    {
        QString label;
        const bool asks = bool(answer);
        if (asks)
            drill::answerNextInputDialog(std::move(answer), &label);
        auto* button = view->findChild<QPushButton*>(u"run-"_s + stepId);
        QVERIFY(button);
        button->click();
        if (asks) {
            QVERIFY2(!label.isEmpty(), qPrintable(u"no prompt for "_s + stepId));
            if (prompt)
                *prompt = label;
        }
        if (!expectRun)
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!runner->isBusy() && runner->state(stepId) != StepState::Pending &&
                                     runner->state(stepId) != StepState::Running,
                                 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_clock.start();
        QVERIFY(m_tmp.isValid());
        m_out = qEnvironmentVariable("WF_DRILL_OUT", m_tmp.path());
        QVERIFY(QDir().mkpath(m_out));
        // The presenters read QSettings() and QStandardPaths themselves: keep them off the real ones.
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"WatchfloorDrill"_s);
        QCoreApplication::setApplicationName(u"watchfloor-drill"_s);
        // The shop is found beside the running executable, as in an installed watchfloor.
        QVERIFY2(QFileInfo(demo::demoShopProgram()).isExecutable(), qPrintable(demo::demoShopProgram()));
    }

    void failureDeclarePinAndRunbook()
    {
        m_app = std::make_unique<App>(m_tmp.filePath(u"drill.ini"_s));
        App& a = *m_app;
        const CommandLineOptions options =
            parseCommandLine({u"watchfloor"_s, u"--demo"_s, u"--demo-failure-after"_s, u"2"_s});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QSignalSpy opened(a.controller.get(), &app::AppController::workspaceOpened);
        QVERIFY(a.controller->start(options));
        QVERIFY(opened.wait(20000));
        demo::DemoSession* session = a.controller->demoSession();
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(session->shop()->controlUrl().port() > 0, 20000);
        const int controlPort = session->shop()->controlUrl().port();
        step("demo running");

        // 1. The failure: the payments error rate passes the runbook's 1% with a margin, so its first
        // check sees it too.
        QTRY_VERIFY_WITH_TIMEOUT(paymentsErrorRate(*session).value_or(0) > 0.015, 45000);
        qInfo("payments error rate %.4f", *paymentsErrorRate(*session));
        step("error rate spiked");

        // 2. Declare, through the Incident menu's dialog.
        incident::IncidentSession* incidents = a.controller->incidents();
        a.action("actionDeclareIncident")->trigger();
        auto* declare = a.window.findChild<ui::DeclareIncidentDialog*>(u"declareIncidentDialog"_s);
        QVERIFY(declare);
        QTRY_VERIFY(declare->isVisible());
        declare->findChild<QLineEdit*>(u"incidentTitleField"_s)->setText(kTitle);
        declare->findChild<QLineEdit*>(u"incidentServicesField"_s)->setText(u"payments, checkout"_s);
        auto* severity = declare->findChild<QComboBox*>(u"incidentSeverityField"_s);
        severity->setCurrentIndex(severity->findData(2));
        QPushButton* ok = declare->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(incidents->activeIncident().has_value(), 10000);
        QCOMPARE(incidents->activeIncident()->title, kTitle);
        step("declared");

        // 3. Pin the dashboards (the shop overview with the spike).
        auto* postmortem = a.presenter<app::PostmortemPresenter>();
        QVERIFY(postmortem);
        QSignalSpy reported(postmortem, &app::PostmortemPresenter::finished);
        QTRY_VERIFY(a.action("actionPinDashboards")->isEnabled());
        a.action("actionPinDashboards")->trigger();
        QVERIFY(reported.wait(10000));
        QVERIFY2(reported.last().at(0).toBool(), qPrintable(reported.last().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(timelineRows(incidents, incident::EventKind::EvidencePinned), 1, 10000);
        // The pin holds the panels' numbers too, not only their picture.
        {
            std::optional<QList<incident::Evidence>> pinned;
            incident::EvidenceStore(*incidents->workspace())
                .list(incidents->activeIncident()->id, this,
                      [&](const ReadResult&, const QList<incident::Evidence>& l) { pinned = l; });
            QTRY_VERIFY_WITH_TIMEOUT(pinned.has_value(), 10000);
            QCOMPARE(pinned->size(), 1);
            const QJsonArray panels = pinned->at(0).data().value(u"panels"_s).toArray();
            QCOMPARE(panels.size(), 3);
            QVERIFY(!panels.at(0).toObject().value(u"series"_s).toArray().isEmpty());
        }
        step("pinned");

        // 4. The runbook, from Incident → Runbooks….
        a.action("actionRunbooks")->trigger();
        auto* dialog = a.window.findChild<ui::RunbooksDialog*>(u"runbooksDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QList<runbook::RunbookFile> files = runbook::loadRunbooks(runbook::shippedRunbooksPath());
        int row = -1;
        for (int i = 0; i < files.size(); ++i)
            row = files[i].result.ok() && files[i].result.runbook->id == kRunbookId ? i : row;
        QVERIFY(row >= 0);
        QCOMPARE(dialog->list()->count(), files.size());
        dialog->list()->setCurrentRow(row);
        runbook::RunbookRunner* runner = nullptr;
        for (auto* r : dialog->findChildren<runbook::RunbookRunner*>())
            runner = r->runbook().id == kRunbookId ? r : runner;
        QVERIFY(runner);
        auto* view = dialog->findChild<RunbookView*>();
        QVERIFY(view && view->isVisible());
        QCOMPARE(view->findChild<QLineEdit*>(u"control_port"_s)->text(), QString::number(controlPort));
        QVERIFY(runner->isBound());

        // Dry-run of the reset: exactly what will be sent, to the shop's control port.
        view->findChild<QPushButton*>(u"dryrun-reset-pool"_s)->click();
        const QStringList dry = view->detail()->toPlainText().split(u'\n');
        QCOMPARE(dry.value(0), u"POST http://127.0.0.1:%1/actions/payments-db-pool/reset"_s.arg(controlPort));
        QVERIFY2(view->detail()->toPlainText().contains(u"type payments"_s), qPrintable(dry.join(u'\n')));
        QCOMPARE(runner->state(u"reset-pool"_s), StepState::Pending); // a dry-run runs nothing

        // The first check: "> 1%" holds while payments fails, and the run stops at the decision.
        QSignalSpy waiting(runner, &runbook::RunbookRunner::waitingAt);
        clickRun(view, runner, u"measure-errors"_s);
        QVERIFY2(runner->state(u"measure-errors"_s) == StepState::Succeeded,
                 qPrintable(runner->record(u"measure-errors"_s).output));
        QVERIFY(runner->record(u"measure-errors"_s).value > 0.01);
        QTRY_VERIFY(!waiting.isEmpty());
        QCOMPARE(waiting.last().at(0).toString(), u"decide"_s);
        step("first check: error rate high");

        // The decision, answered in the view's prompt; the run goes on to the dangerous step and waits.
        QString prompt;
        clickRun(
            view, runner, u"decide"_s,
            [](QInputDialog* d) {
                d->setTextValue(u"reset"_s);
                d->accept();
            },
            &prompt);
        QVERIFY2(prompt.contains(u"connection pool exhausted"_s), qPrintable(prompt));
        QCOMPARE(runner->state(u"decide"_s), StepState::Succeeded);
        QCOMPARE(runner->record(u"decide"_s).outcome, u"reset"_s);
        QCOMPARE(waiting.last().at(0).toString(), u"reset-pool"_s);
        QCOMPARE(runner->state(u"reset-pool"_s), StepState::Pending);

        // A wrong service name runs nothing.
        clickRun(
            view, runner, u"reset-pool"_s,
            [](QInputDialog* d) {
                d->setTextValue(u"checkout"_s);
                d->accept();
            },
            nullptr, false);
        QVERIFY2(view->detail()->toPlainText().contains(u"type the service name payments"_s),
                 qPrintable(view->detail()->toPlainText()));
        QCOMPARE(runner->state(u"reset-pool"_s), StepState::Pending);
        const QString before = shopPhase(session->shop()->controlUrl());
        QVERIFY2(before == u"degrading"_s || before == u"failed"_s, qPrintable(before));

        // The dangerous reset with the service typed out; the final check runs right after it.
        clickRun(
            view, runner, u"reset-pool"_s,
            [](QInputDialog* d) {
                d->setTextValue(u"payments"_s);
                d->accept();
            },
            &prompt);
        QVERIFY2(prompt.contains(u"payments"_s), qPrintable(prompt));
        QVERIFY2(
            runner->state(u"reset-pool"_s) == StepState::Succeeded,
            qPrintable(runner->record(u"reset-pool"_s).output + runner->record(u"reset-pool"_s).message));
        QCOMPARE(runner->record(u"reset-pool"_s).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!runner->isBusy() && runner->state(u"verify"_s) != StepState::Pending,
                                 20000);
        step("reset sent");

        // Incident → Runbooks… again (to bring the dialog back to the front) keeps the run.
        const QPointer<runbook::RunbookRunner> keep(runner);
        a.action("actionRunbooks")->trigger();
        QTest::qWait(100); // a rebuilt view would be deleted later, from the event loop
        QVERIFY2(keep, "showing the runbooks again discarded the run in progress");
        QCOMPARE(runner->state(u"reset-pool"_s), StepState::Succeeded);

        // The shop recovers (12 s of refilling the pool) ...
        QTRY_COMPARE_WITH_TIMEOUT(shopPhase(session->shop()->controlUrl()), u"recovered"_s, 30000);
        step("shop recovered");
        // ... and the final check passes once the errors from before have left its one-minute window,
        // retried the way the runbook says to.
        QElapsedTimer verifying;
        verifying.start();
        while (runner->state(u"verify"_s) != StepState::Succeeded && verifying.elapsed() < 90000) {
            // Not more often: every retry is two more events on the incident's timeline.
            QTest::qWait(10000);
            clickRun(view, runner, u"verify"_s);
        }
        QVERIFY2(runner->state(u"verify"_s) == StepState::Succeeded,
                 qPrintable(runner->record(u"verify"_s).output));
        QVERIFY(runner->record(u"verify"_s).value < 0.01);
        qInfo("payments error rate after the reset %.4f", runner->record(u"verify"_s).value);
        step("final check passes");

        // Every step the runner took is in the incident dock's timeline without any other write.
        QTRY_VERIFY_WITH_TIMEOUT(timelineRows(incidents, incident::EventKind::RunbookStepFinished) >= 5,
                                 10000);
        QCOMPARE(timelineRows(incidents, incident::EventKind::RunbookStepStarted),
                 timelineRows(incidents, incident::EventKind::RunbookStepFinished));
        if (qEnvironmentVariableIsSet("WF_DRILL_OUT"))
            QVERIFY(dialog->grab().save(out(u"drill-runbooks.png"_s)));
        dialog->close();
    }

    void resolveAndExport()
    {
        QVERIFY(m_app);
        App& a = *m_app;
        incident::IncidentSession* incidents = a.controller->incidents();

        // Jump: Enter on the declaration in the timeline holds the shop dashboard around its time;
        // "Back to live" follows the last minutes again.
        auto* dashboard = a.window.findChild<ui::DemoDashboard*>();
        auto* timelineView = a.window.findChild<QTreeView*>(u"timelineView"_s);
        QVERIFY(dashboard && timelineView && dashboard->isFollowingLive());
        timelineView->setFocus();
        timelineView->setCurrentIndex(timelineView->model()->index(0, 0));
        QTest::keyClick(timelineView, Qt::Key_Return);
        QVERIFY(!dashboard->isFollowingLive());
        auto* backToLive = dashboard->findChild<QPushButton*>(u"backToLive"_s);
        QVERIFY(backToLive && backToLive->isVisibleTo(dashboard));
        QTest::mouseClick(backToLive, Qt::LeftButton);
        QVERIFY(dashboard->isFollowingLive());

        // 5. Resolved, from the Incident dock's status box as a keyboard user would (End: the last).
        auto* status = a.window.findChild<QComboBox*>(u"incidentStatus"_s);
        QVERIFY(status && status->isEnabled());
        QCOMPARE(status->itemData(status->count() - 1).toInt(), int(incident::Status::Resolved));
        QTest::keyClick(status, Qt::Key_End);
        QTRY_VERIFY_WITH_TIMEOUT(incidents->activeIncident()->status == incident::Status::Resolved, 10000);
        QTRY_COMPARE(timelineRows(incidents, incident::EventKind::StatusChange), 1);
        step("resolved");
        if (qEnvironmentVariableIsSet("WF_DRILL_OUT"))
            QVERIFY(a.window.grab().save(out(u"drill-window.png"_s)));

        // 6. The postmortem in the three formats, written by the presenter the menu action calls.
        auto* postmortem = a.presenter<app::PostmortemPresenter>();
        QSignalSpy reported(postmortem, &app::PostmortemPresenter::finished);
        for (const QString& name : {u"postmortem.md"_s, u"postmortem.html"_s, u"postmortem.pdf"_s}) {
            QFile::remove(out(name));
            postmortem->exportPostmortemTo(out(name));
            QVERIFY(reported.wait(20000));
            QVERIFY2(reported.last().at(0).toBool(), qPrintable(reported.last().at(1).toString()));
            QVERIFY(QFileInfo(out(name)).size() > 0);
        }
        const QString md = QString::fromUtf8(readAll(out(u"postmortem.md"_s)));
        const QString html = QString::fromUtf8(readAll(out(u"postmortem.html"_s)));
        for (const QString& text : {md, html}) {
            QVERIFY2(text.contains(kTitle), qPrintable(text.left(500)));
            QVERIFY(text.contains(u"Reset the payments database pool"_s));
            QVERIFY(text.contains(u"Error rate is back below 1"_s));
            QVERIFY(text.contains(u"Evidence pinned: Dashboards at"_s));
            QVERIFY(text.contains(u"match their hash chain"_s));
        }
        QVERIFY(html.contains(u"data:image/png;base64,"_s)); // the pinned dashboards, inline
        QVERIFY(QFileInfo::exists(out(u"postmortem-evidence"_s)) || md.contains(u".png"_s));

        const QString pdf = out(u"postmortem.pdf"_s);
        QVERIFY(readAll(pdf).startsWith("%PDF-"));
        if (!QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty()) {
            QString text = drill::runTool(u"pdftotext"_s, {pdf, u"-"_s}).simplified();
            QVERIFY2(text.contains(u"Postmortem: "_s + kTitle), qPrintable(text.left(500)));
            QVERIFY(text.remove(u' ').contains(u"Resetthepaymentsdatabasepool"_s));
        } else {
            qWarning("pdftotext (poppler-utils) not installed: the PDF's text was not checked");
        }
        if (!QStandardPaths::findExecutable(u"pdftoppm"_s).isEmpty()) {
            const QString png = out(u"postmortem-page1.png"_s);
            QFile::remove(png);
            const QString error = drill::renderFirstPdfPage(pdf, png);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const QImage page(png);
            QVERIFY(!page.isNull());
            QVERIFY(page.height() > page.width()); // a portrait page
            qInfo("PDF page 1 rendered to %s", qPrintable(png));
        } else {
            qWarning("pdftoppm (poppler-utils) not installed: the PDF was not rendered");
        }
        step("postmortem exported");

        // 7. The incident file.
        m_incidentFile = out(u"drill.watchfloor"_s);
        QFile::remove(m_incidentFile);
        QVERIFY(a.action("actionExportIncidentFile")->isEnabled());
        postmortem->exportIncidentFileTo(m_incidentFile);
        QVERIFY(reported.wait(20000));
        QVERIFY2(reported.last().at(0).toBool(), qPrintable(reported.last().at(1).toString()));
        QVERIFY(incident::isIncidentFile(m_incidentFile));
        m_eventsAtExport = incidents->timeline()->rowCount();
        // The shop dashboard's three panels over the incident window travel with it.
        QVERIFY2(reported.last().at(1).toString().contains(
                     u"(%1 events, 1 evidence, 3 panel snapshots, verified)"_s.arg(m_eventsAtExport)),
                 qPrintable(reported.last().at(1).toString()));
        QVERIFY2(a.messageBoxes().isEmpty(), qPrintable(a.messageBoxes().join(u'\n')));
        step("incident file exported");
    }

    void incidentFileOpensOffline()
    {
        QVERIFY(m_app && !m_incidentFile.isEmpty());
        // The network goes: the drill's window, its receiver and its shop are closed first.
        const qint64 shopPid = m_app->controller->demoSession()->shop()->processId();
        QVERIFY(shopPid > 0);
        m_app.reset();
        QTRY_VERIFY_WITH_TIMEOUT(drill::processGone(shopPid), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(drill::tcpSocketsOfThisProcess(), QStringList(), 10000);

        App b(m_tmp.filePath(u"offline.ini"_s));
        incident::IncidentSession* incidents = b.controller->incidents();
        QSignalSpy opened(b.controller.get(), &app::AppController::workspaceOpened);
        QSignalSpy integrity(incidents, &incident::IncidentSession::integrityChecked);
        b.controller->openFile(m_incidentFile);
        QVERIFY(opened.wait(20000));

        // Read-only, the incident and its whole timeline, and the hash chain verified.
        QVERIFY(!incidents->canWrite());
        QTRY_VERIFY_WITH_TIMEOUT(incidents->activeIncident().has_value(), 10000);
        QCOMPARE(incidents->activeIncident()->title, kTitle);
        QCOMPARE(incidents->activeIncident()->status, incident::Status::Resolved);
        QTRY_COMPARE_WITH_TIMEOUT(incidents->timeline()->rowCount(), m_eventsAtExport, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!integrity.isEmpty(), 10000);
        QCOMPARE(integrity.first().at(0).toStringList(), QStringList());
        QVERIFY(b.window.dashboards()->notice().contains(u"read-only"_s));
        QVERIFY(!b.action("actionDeclareIncident")->isEnabled());
        QVERIFY(!b.action("actionPinDashboards")->isEnabled());
        QVERIFY(b.action("actionExportPostmortem")->isEnabled());
        QVERIFY(!b.window.findChild<QComboBox*>(u"incidentStatus"_s)->isEnabled());
        // The charts of the time, drawn from the file: the payments spike is in the data.
        ui::SnapshotDashboard* charts = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((charts = b.window.findChild<ui::SnapshotDashboard*>()) != nullptr, 10000);
        QCOMPARE(charts->charts().size(), 3);
        QCOMPARE(charts->problemText(), QString());
        for (ui::TimeSeriesChart* c : charts->charts())
            QVERIFY2(c->lineNames().contains(u"payments"_s), qPrintable(c->lineNames().join(u", "_s)));
        QVERIFY(charts->charts().at(0)->visibleAnnotationCount() > 0);

        // Offline: no demo, no receiver, no data source to probe, and after a while of running not
        // one TCP socket in the process.
        QVERIFY(!b.controller->demoSession());
        QVERIFY(b.controller->sources()->sources().isEmpty());
        QTest::qWait(1500);
        QCOMPARE(b.controller->sources()->monitor()->probesInFlight(), 0);
        QCOMPARE(drill::tcpSocketsOfThisProcess(), QStringList());
        QVERIFY2(b.messageBoxes().isEmpty(), qPrintable(b.messageBoxes().join(u'\n')));
        if (qEnvironmentVariableIsSet("WF_DRILL_OUT"))
            QVERIFY(b.window.grab().save(out(u"drill-offline.png"_s)));
        step("incident file reviewed offline");
    }
};

QTEST_MAIN(TestDemoDrill)
#include "tst_demo_drill.moc"
