#include "docks/LogsDock.h"

#include "common/EmptyState.h"

namespace wf::ui {

LogsDock::LogsDock(QWidget* parent)
    : PanelDock(
          QStringLiteral("logsDock"), tr("Logs"),
          new EmptyState(tr("No logs"),
                         tr("Log lines from Loki, or sent to Watchfloor over OTLP, appear here with search "
                            "and live tail."),
                         tr("Add a Loki source in the Sources panel, or start Watchfloor with --demo.")),
          parent)
{}

} // namespace wf::ui
