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

void PanelDock::setContent(QWidget* content)
{
    QWidget* old = widget();
    QWidget* now = content ? content : m_emptyState;
    if (old == now)
        return;
    // QDockWidget::setWidget() leaves the old widget as a visible child: hide it, keep it (the
    // empty state is needed again when the content goes).
    setWidget(now);
    if (old)
        old->hide();
    now->show();
}

} // namespace wf::ui
