#include "runbook/RunbookView.h"

#include "runbook/AutomationKillSwitch.h"
#include "runbook/RunbookRunner.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf {

using runbook::AutomationKillSwitch;
using runbook::RunbookRunner;
using runbook::RunRequest;
using runbook::StepState;

namespace {
enum Column { TitleColumn, ActionColumn, StateColumn, ButtonsColumn, ColumnCount };
}

RunbookView::RunbookView(RunbookRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_valueErrors(new QLabel(this))
    , m_steps(new QTableWidget(this))
    , m_detail(new QPlainTextEdit(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_killSwitch(new QPushButton(this))
{
    m_killSwitch->setObjectName(u"kill-switch"_s);
    const runbook::Runbook& rb = runner->runbook();
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(rb.title, this);
    title->setTextFormat(Qt::PlainText);
    layout->addWidget(title);
    if (!rb.description.isEmpty()) {
        auto* description = new QLabel(rb.description, this);
        description->setWordWrap(true);
        layout->addWidget(description);
    }

    auto* form = new QFormLayout;
    for (const runbook::Parameter& p : rb.parameters) {
        auto* edit = new QLineEdit(p.defaultValue.value_or(QString()), this);
        edit->setObjectName(p.name);
        edit->setToolTip(p.description);
        if (p.secret)
            edit->setEchoMode(QLineEdit::Password);
        m_values.insert(p.name, edit);
        form->addRow(p.name, edit);
    }
    layout->addLayout(form);
    auto* apply = new QPushButton(tr("Use these values"), this);
    apply->setObjectName(u"apply-values"_s);
    connect(apply, &QPushButton::clicked, this, &RunbookView::applyValues);
    layout->addWidget(apply);
    m_valueErrors->setWordWrap(true);
    layout->addWidget(m_valueErrors);

    m_steps->setColumnCount(ColumnCount);
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Action"), tr("State"), QString()});
    m_steps->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_steps->verticalHeader()->hide();
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setRowCount(int(rb.steps.size()));
    for (int row = 0; row < rb.steps.size(); ++row) {
        const runbook::Step& s = rb.steps[row];
        auto* item = new QTableWidgetItem(s.dangerous ? tr("%1 (dangerous)").arg(s.title) : s.title);
        item->setData(Qt::UserRole, s.id);
        m_steps->setItem(row, TitleColumn, item);
        m_steps->setItem(row, ActionColumn, new QTableWidgetItem(runbook::actionKindKey(s.action)));
        m_steps->setItem(row, StateColumn, new QTableWidgetItem(runbook::stepStateName(StepState::Pending)));
        auto* buttons = new QWidget(m_steps);
        auto* buttonsLayout = new QHBoxLayout(buttons);
        buttonsLayout->setContentsMargins(0, 0, 0, 0);
        auto* runButton = new QPushButton(tr("Run"), buttons);
        runButton->setObjectName(u"run-"_s + s.id);
        auto* dryRunButton = new QPushButton(tr("Dry-run"), buttons);
        dryRunButton->setObjectName(u"dryrun-"_s + s.id);
        buttonsLayout->addWidget(runButton);
        buttonsLayout->addWidget(dryRunButton);
        const QString id = s.id;
        connect(runButton, &QPushButton::clicked, this, [this, id] { run(id); });
        connect(dryRunButton, &QPushButton::clicked, this, [this, id] { showDryRun(id); });
        m_steps->setCellWidget(row, ButtonsColumn, buttons);
    }
    layout->addWidget(m_steps, 2);
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_detail, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_cancel);
    bottom->addStretch();
    bottom->addWidget(m_killSwitch);
    layout->addLayout(bottom);
    connect(m_cancel, &QPushButton::clicked, m_runner, &RunbookRunner::cancel);
    connect(m_killSwitch, &QPushButton::clicked, this, [this] {
        AutomationKillSwitch& ks = AutomationKillSwitch::instance();
        if (ks.isEngaged())
            ks.rearm(m_runner->operatorName());
        else
            ks.engage(m_runner->operatorName(), tr("stopped from the runbook view"));
    });
    connect(&AutomationKillSwitch::instance(), &AutomationKillSwitch::engaged, this,
            &RunbookView::updateKillSwitch);
    connect(&AutomationKillSwitch::instance(), &AutomationKillSwitch::rearmed, this,
            &RunbookView::updateKillSwitch);
    updateKillSwitch();

    connect(m_runner, &RunbookRunner::stepStateChanged, this, [this](const QString& id) { refreshRow(id); });
    connect(m_runner, &RunbookRunner::stepFinished, this,
            [this](const QString& id, const runbook::StepRecord& rec) {
                refreshRow(id);
                m_detail->setPlainText(rec.message.isEmpty() ? rec.output
                                                             : rec.message + u"\n\n"_s + rec.output);
            });
    connect(m_runner, &RunbookRunner::waitingAt, this,
            [this](const QString&, const QString& why) { m_detail->appendPlainText(u"\n"_s + why); });
    applyValues();
}

void RunbookView::applyValues()
{
    QHash<QString, QString> values;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (!it.value()->text().isEmpty())
            values.insert(it.key(), it.value()->text());
    }
    const QStringList errors = m_runner->bind(values);
    m_valueErrors->setText(errors.join(u'\n'));
}

void RunbookView::showDryRun(const QString& stepId)
{
    const runbook::DryRun d = m_runner->dryRun(stepId);
    m_detail->setPlainText(d.ok() ? d.lines.join(u'\n') : d.error);
}

bool RunbookView::askFor(const QString& stepId, RunRequest& request)
{
    const runbook::Step* step = m_runner->runbook().step(stepId);
    bool ok = true;
    if (step->dangerous) {
        request.confirmation =
            QInputDialog::getText(this, tr("Dangerous step"),
                                  tr("%1 is marked dangerous. Type the service name %2 to run it:")
                                      .arg(step->title, m_runner->targetService()),
                                  QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return false;
    }
    if (step->action == runbook::ActionKind::Approval) {
        request.approver = QInputDialog::getText(
            this, tr("Approval"),
            tr("%1\nName of the person who approves (not you):").arg(step->approval.prompt),
            QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return false;
    }
    if (step->action == runbook::ActionKind::Confirm) {
        QStringList names;
        for (const runbook::Outcome& o : step->confirm.outcomes)
            names.append(o.name);
        request.outcome =
            QInputDialog::getItem(this, tr("Decision"), step->confirm.question, names, 0, false, &ok);
        if (!ok)
            return false;
    }
    return true;
}

void RunbookView::run(const QString& stepId)
{
    RunRequest request;
    if (!askFor(stepId, request))
        return;
    const QString why = m_runner->runFrom(stepId, request);
    if (!why.isEmpty())
        m_detail->setPlainText(why);
    else
        m_detail->setPlainText(tr("Running %1…").arg(stepId));
}

void RunbookView::refreshRow(const QString& stepId)
{
    const int row = m_runner->runbook().indexOf(stepId);
    if (row < 0)
        return;
    m_steps->item(row, StateColumn)->setText(runbook::stepStateName(m_runner->state(stepId)));
    m_cancel->setEnabled(m_runner->isBusy());
}

void RunbookView::updateKillSwitch()
{
    const bool engaged = AutomationKillSwitch::instance().isEngaged();
    m_killSwitch->setText(engaged ? tr("Re-arm automation") : tr("Stop all automation"));
    m_cancel->setEnabled(m_runner->isBusy());
}

QString RunbookView::value(const QString& name) const
{
    const QLineEdit* edit = m_values.value(name);
    return edit ? edit->text() : QString();
}

void RunbookView::setValue(const QString& name, const QString& value)
{
    if (QLineEdit* edit = m_values.value(name)) {
        edit->setText(value);
        applyValues(); // bind again, so a filled-in value does not still show as missing
    }
}

} // namespace wf
