#include "docks/PanelDock.h"

#include "common/EmptyState.h"

namespace wf::ui {

PanelDock::PanelDock(const QString& objectName, const QString& title, EmptyState* emptyState, QWidget* parent)
    : QDockWidget(title, parent)
    , m_emptyState(emptyState)
{
    setObjectName(objectName);
    setWidget(emptyState);
    setMinimumWidth(160);
}

} // namespace wf::ui
