// RunbookView: the Dry-run button shows exactly the runner's dry-run, Run runs the step and the row
// follows its state, bad values are shown and block running, and the kill-switch button stops and
// re-arms automation.

#include "runbook/AutomationKillSwitch.h"
#include "runbook/RunbookParser.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbookView.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::runbook;

namespace {

const QByteArray kRunbook = "---\n"
                            "id: view\n"
                            "title: View test\n"
                            "service: \"{{svc}}\"\n"
                            "parameters:\n"
                            "  - name: svc\n"
                            "    type: service\n"
                            "    default: checkout\n"
                            "---\n"
                            "```step\n"
                            "id: say\n"
                            "title: Say\n"
                            "action: command\n"
                            "program: /bin/echo\n"
                            "args: [\"{{svc}}\"]\n"
                            "```\n";

} // namespace

class TestRunbookView : public QObject
{
    Q_OBJECT

    std::unique_ptr<RunbookRunner> m_runner;
    std::unique_ptr<wf::RunbookView> m_view;

    QPushButton* button(const QString& name) const { return m_view->findChild<QPushButton*>(name); }
    QString stateText() const { return m_view->steps()->item(0, 2)->text(); }

private Q_SLOTS:
    void init()
    {
        const ParseResult parsed = parseRunbook(kRunbook);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.text()));
        m_runner = std::make_unique<RunbookRunner>(*parsed.runbook);
        m_runner->setOperator(u"ana"_s);
        m_view = std::make_unique<wf::RunbookView>(m_runner.get());
        m_view->show();
    }
    void cleanup()
    {
        m_view.reset();
        m_runner.reset();
        AutomationKillSwitch::instance().rearm(u"test"_s);
    }

    void dryRunShowsTheRunnersLines()
    {
        QVERIFY(button(u"dryrun-say"_s));
        QTest::mouseClick(button(u"dryrun-say"_s), Qt::LeftButton);
        QCOMPARE(m_view->detail()->toPlainText(), m_runner->dryRun(u"say"_s).lines.join(u'\n'));
        QVERIFY(m_view->detail()->toPlainText().startsWith(u"argv: [\"/bin/echo\",\"checkout\"]"_s));
    }

    void runFollowsTheStepState()
    {
        QCOMPARE(stateText(), stepStateName(StepState::Pending));
        QTest::mouseClick(button(u"run-say"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(), stepStateName(StepState::Succeeded), 10000);
        QCOMPARE(m_view->detail()->toPlainText(), u"checkout\n"_s);
    }

    void badValuesAreShownAndBlockRunning()
    {
        auto* edit = m_view->findChild<QLineEdit*>(u"svc"_s);
        QVERIFY(edit);
        edit->setText(u"x; rm -rf /"_s);
        QTest::mouseClick(button(u"apply-values"_s), Qt::LeftButton);
        QVERIFY(!m_runner->isBound());
        QTest::mouseClick(button(u"run-say"_s), Qt::LeftButton);
        QTest::qWait(200);
        QCOMPARE(stateText(), stepStateName(StepState::Pending));
        QVERIFY(m_view->detail()->toPlainText().contains(u"no valid values"_s));
    }

    void killSwitchButtonStopsAndRearms()
    {
        QPushButton* ks = button(u"kill-switch"_s);
        QVERIFY(ks);
        QCOMPARE(ks->text(), wf::RunbookView::tr("Stop all automation"));
        QTest::mouseClick(ks, Qt::LeftButton);
        QVERIFY(AutomationKillSwitch::instance().isEngaged());
        QCOMPARE(ks->text(), wf::RunbookView::tr("Re-arm automation"));
        QTest::mouseClick(button(u"run-say"_s), Qt::LeftButton);
        QVERIFY(m_view->detail()->toPlainText().contains(u"kill switch"_s));
        QTest::mouseClick(ks, Qt::LeftButton);
        QVERIFY(!AutomationKillSwitch::instance().isEngaged());
    }
};

QTEST_MAIN(TestRunbookView)
#include "tst_runbookview.moc"
