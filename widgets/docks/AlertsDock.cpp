#include "docks/AlertsDock.h"

#include "common/EmptyState.h"

namespace wf::ui {

AlertsDock::AlertsDock(QWidget* parent)
    : PanelDock(QStringLiteral("alertsDock"), tr("Alerts"),
                new EmptyState(tr("No alerts"),
                               tr("Firing and pending alerts from Alertmanager and Prometheus appear here, "
                                  "the most severe first."),
                               tr("Add an Alertmanager or Prometheus source in the Sources panel, or start "
                                  "Watchfloor with --demo.")),
                parent)
{}

} // namespace wf::ui
