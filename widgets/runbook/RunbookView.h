#pragma once
// A thin view over one RunbookRunner: the parameter values, one row per step with its state and
// Run / Dry-run buttons, the selected step's dry-run or output, Cancel and the kill switch. Every
// rule (validation, typed confirmation, second-person approval, the timeline) lives in the runner;
// this only asks the person for what the runner needs and shows what it says.
#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace wf::runbook {
class RunbookRunner;
struct RunRequest;
} // namespace wf::runbook

namespace wf {

class RunbookView : public QWidget
{
    Q_OBJECT
public:
    explicit RunbookView(runbook::RunbookRunner* runner, QWidget* parent = nullptr);

    // Shows the dry-run of a step in the detail pane (what the Dry-run button does).
    void showDryRun(const QString& stepId);
    // Asks for what the step needs (typed service, approver, decision), then runs it.
    void run(const QString& stepId);
    // Fills a parameter field (e.g. the demo shop's control port); unknown names are ignored.
    void setValue(const QString& name, const QString& value);
    QString value(const QString& name) const; // empty for unknown names

    QPlainTextEdit* detail() const { return m_detail; }
    QTableWidget* steps() const { return m_steps; }

private:
    void applyValues();
    void refreshRow(const QString& stepId);
    bool askFor(const QString& stepId, runbook::RunRequest& request);
    void updateKillSwitch();

    runbook::RunbookRunner* m_runner;
    QHash<QString, QLineEdit*> m_values;
    QLabel* m_valueErrors;
    QTableWidget* m_steps;
    QPlainTextEdit* m_detail;
    QPushButton* m_cancel;
    QPushButton* m_killSwitch;
};

} // namespace wf
