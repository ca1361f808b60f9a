#include "dialogs/DeclareIncidentDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf::ui {

DeclareIncidentDialog::DeclareIncidentDialog(const QString& commander, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("declareIncidentDialog"));
    setWindowTitle(tr("Declare incident"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("incidentTitleField"));
    m_title->setPlaceholderText(tr("What users see, e.g. “Checkout fails for 30% of users”"));
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("incidentSeverityField"));
    const QStringList hints{tr("SEV1 — critical: most users or revenue affected"),
                            tr("SEV2 — major: a key feature broken for many users"),
                            tr("SEV3 — minor: degraded, with a workaround"),
                            tr("SEV4 — low: little user impact")};
    for (int s = 1; s <= 4; ++s)
        m_severity->addItem(hints.at(s - 1), s);
    m_severity->setCurrentIndex(2);
    m_services = new QLineEdit(this);
    m_services->setObjectName(QStringLiteral("incidentServicesField"));
    m_services->setPlaceholderText(tr("checkout, payments"));
    m_services->setToolTip(tr("Affected services, separated by commas"));
    m_commander = new QLineEdit(commander, this);
    m_commander->setObjectName(QStringLiteral("incidentCommanderField"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Declare"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("&Services:"), m_services);
    form->addRow(tr("&Commander:"), m_commander);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_title, &QLineEdit::textChanged, this, &DeclareIncidentDialog::revalidate);
    connect(m_services, &QLineEdit::textChanged, this, &DeclareIncidentDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

incident::IncidentDraft DeclareIncidentDialog::draft() const
{
    incident::IncidentDraft d;
    d.title = m_title->text().trimmed();
    d.severity = incident::Severity(m_severity->currentData().toInt());
    for (const QString& s : m_services->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!s.trimmed().isEmpty())
            d.services << s.trimmed();
    }
    d.commander = m_commander->text().trimmed();
    return d;
}

void DeclareIncidentDialog::revalidate()
{
    const QString problem = incident::validateDraft(draft());
    // An empty title is the starting state, not an error worth shouting about.
    m_problem->setText(m_title->text().trimmed().isEmpty() ? QString() : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace wf::ui
