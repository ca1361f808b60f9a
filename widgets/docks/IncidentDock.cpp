#include "docks/IncidentDock.h"

#include "common/EmptyState.h"

namespace wf::ui {

IncidentDock::IncidentDock(QWidget* parent)
    : PanelDock(QStringLiteral("incidentDock"), tr("Incident & timeline"),
                new EmptyState(tr("No open incident"),
                               tr("When an incident is declared, its severity, roles, status and a "
                                  "tamper-evident timeline of every action appear here."),
                               tr("Declaring incidents arrives with the incident timeline.")),
                parent)
{}

} // namespace wf::ui
