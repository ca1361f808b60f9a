#include "docks/TracesDock.h"

#include "common/EmptyState.h"

namespace wf::ui {

TracesDock::TracesDock(QWidget* parent)
    : PanelDock(
          QStringLiteral("tracesDock"), tr("Traces"),
          new EmptyState(
              tr("No traces"),
              tr("Traces from Jaeger, Tempo or OTLP appear here as a waterfall of spans, slowest and failing "
                 "first."),
              tr("Add a Jaeger or Tempo source in the Sources panel, or start Watchfloor with --demo.")),
          parent)
{}

} // namespace wf::ui
