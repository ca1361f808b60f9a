#include "docks/IncidentDock.h"

#include "common/EmptyState.h"
#include "incident/IncidentPanel.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace wf::ui {

IncidentDock::IncidentDock(QWidget* parent)
    : PanelDock(QStringLiteral("incidentDock"), tr("Incident & timeline"),
                new EmptyState(tr("No open incident"),
                               tr("When an incident is declared, its severity, roles, status and a "
                                  "tamper-evident timeline of every action appear here."),
                               tr("Incident → Declare incident… (Ctrl+Shift+I) starts one.")),
                parent)
{
    auto* empty = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addWidget(emptyState(), 1);
    m_declare = new QPushButton(tr("Declare incident…"), empty);
    m_declare->setObjectName(QStringLiteral("declareIncidentButton"));
    m_declare->setToolTip(tr("Open an incident: title, severity, services and commander"));
    emptyLayout->addWidget(m_declare, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);

    m_panel = new IncidentPanel(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_panel);
    setWidget(m_stack);
    connect(m_declare, &QPushButton::clicked, this, &IncidentDock::declareRequested);
}

void IncidentDock::setHasIncident(bool has)
{
    m_stack->setCurrentIndex(has ? 1 : 0);
}

void IncidentDock::setCanDeclare(bool can)
{
    m_declare->setEnabled(can);
}

} // namespace wf::ui
