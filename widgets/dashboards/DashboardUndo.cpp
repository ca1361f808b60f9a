#include "DashboardUndo.h"

namespace wf::ui {

DashboardEditCommand::DashboardEditCommand(dashboard::DashboardEdit edit, bool alreadyApplied, Apply apply)
    : m_edit(std::move(edit))
    , m_skipRedo(alreadyApplied)
    , m_apply(std::move(apply))
{
    setText(dashboard::describeEdit(m_edit));
}

void DashboardEditCommand::undo()
{
    m_apply(m_edit.panelsBefore, m_edit.rowsBefore);
}

void DashboardEditCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    m_apply(m_edit.panelsAfter, m_edit.rowsAfter);
}

bool DashboardEditCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const DashboardEditCommand*>(other);
    if (!next || !dashboard::canMerge(m_edit, next->m_edit))
        return false;
    m_edit = dashboard::merged(m_edit, next->m_edit);
    setText(dashboard::describeEdit(m_edit));
    return true;
}

} // namespace wf::ui
