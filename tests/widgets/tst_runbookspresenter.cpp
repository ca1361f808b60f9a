// Incident → Runbooks…: a runbook opened before the incident is declared still writes its steps to the
// incident's timeline once there is one (the drill found it did not).

#include "RunbooksPresenter.h"
#include "incident/IncidentSession.h"
#include "items/TimelineModel.h"
#include "mainwindow/MainWindow.h"
#include "net/HttpClient.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbooksDialog.h"

#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf;

class TestRunbooksPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runnerFollowsTheIncidentDeclaredAfterOpening()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        ui::MainWindow window(&settings, nullptr);
        OpenResult opened = Workspace::open(dir.filePath(u"w.watchfloor"_s), OpenMode::CreateIfMissing);
        QVERIFY2(opened, qPrintable(opened.message));
        incident::IncidentSession session;
        session.setAuthor(u"ana"_s);
        session.setWorkspace(opened.workspace.get());
        net::HttpClient http;
        app::RunbooksPresenter presenter(&window, &session, &http, {}, {});

        presenter.show();
        auto* dialog = window.findChild<ui::RunbooksDialog*>();
        QVERIFY(dialog);
        int demoRow = -1;
        for (int i = 0; i < dialog->list()->count(); ++i) {
            if (dialog->list()->item(i)->text().contains(u"payments database pool"_s))
                demoRow = i;
        }
        QVERIFY(demoRow >= 0);
        dialog->list()->setCurrentRow(demoRow);
        auto* runner = dialog->findChild<runbook::RunbookRunner*>();
        QVERIFY(runner);
        QVERIFY(runner->bind({{u"service"_s, u"payments"_s}, {u"control_port"_s, u"40123"_s}}).isEmpty());

        session.declare({u"Payments failing"_s, incident::Severity::Sev2, {u"payments"_s}, u"ana"_s});
        QTRY_VERIFY_WITH_TIMEOUT(session.activeIncident().has_value(), 5000);
        const int before = session.timeline()->rowCount();

        QVERIFY2(runner->recordDryRun(runner->runbook().steps.front().id).isEmpty(), "dry-run not recorded");
        // Recording a dry-run emits no step signal; ask the session as the dock's next refresh would.
        QTest::qWait(300);
        session.fetchNewEvents();
        QTRY_COMPARE_WITH_TIMEOUT(session.timeline()->rowCount(), before + 2, 5000); // started + finished
    }
};

QTEST_MAIN(TestRunbooksPresenter)
#include "tst_runbookspresenter.moc"
