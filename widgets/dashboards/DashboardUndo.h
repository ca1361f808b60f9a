#pragma once

// The undo stack's entry for one dashboard edit (models/dashboard/DashboardEdit.h): undo puts the
// panels and rows from before back through `apply`, redo those from after. Grid gestures are already
// on screen when pushed, so their first redo does nothing; a panel editor's Apply is not, so it does.

#include "dashboard/DashboardEdit.h"

#include <QUndoCommand>

#include <functional>

namespace wf::ui {

class DashboardEditCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(const QList<dashboard::Panel>&, const QList<dashboard::Row>&)>;

    DashboardEditCommand(dashboard::DashboardEdit edit, bool alreadyApplied, Apply apply);

    void undo() override;
    void redo() override;
    int id() const override { return 4004; }
    bool mergeWith(const QUndoCommand* other) override;

    const dashboard::DashboardEdit& edit() const { return m_edit; }

private:
    dashboard::DashboardEdit m_edit;
    bool m_skipRedo;
    Apply m_apply;
};

} // namespace wf::ui
