#include "docks/SourcesDock.h"

#include "common/EmptyState.h"

namespace wf::ui {

SourcesDock::SourcesDock(QWidget* parent)
    : PanelDock(
          QStringLiteral("sourcesDock"), tr("Sources"),
          new EmptyState(
              tr("No data sources"),
              tr("Add Prometheus, Alertmanager, Loki, Jaeger or Tempo, or start Watchfloor with --demo."),
              tr("Each source's health also shows in the status bar at the bottom of the window.")),
          parent)
{}

} // namespace wf::ui
