#pragma once

// One undoable change of a dashboard's layout or panels (move, resize, panel edit, row toggle): the
// panels and rows before and after, and what kind of change it was, for the undo stack's text and for
// merging a burst of keyboard steps into one entry. Snapshots of panels and rows rather than deltas:
// a row toggle moves panels between the grid and the row, which a delta per panel cannot express.

#include "Dashboard.h"

#include <QList>
#include <QString>

#include <optional>

namespace wf::dashboard {

struct DashboardEdit
{
    enum class Kind { Move, Resize, EditPanel, Layout };

    Kind kind = Kind::Layout;
    int panelId = 0; // Move, Resize, EditPanel: the panel; 0 for several
    QString panelTitle;
    QList<Panel> panelsBefore;
    QList<Row> rowsBefore;
    QList<Panel> panelsAfter;
    QList<Row> rowsAfter;

    friend bool operator==(const DashboardEdit&, const DashboardEdit&) = default;
};

// The edit that turns `before` into `after`, or nullopt when their panels and rows are the same.
// A change of one panel's position only is a Move, of its size (maybe with position) a Resize, of
// anything else of it an EditPanel; anything wider is a Layout (other panels pushed aside by a move
// still make it a Move of the dragged panel when `focusPanelId` names it).
std::optional<DashboardEdit> diffDashboards(const Dashboard& before, const Dashboard& after,
                                            int focusPanelId = 0);

// Puts the edit's "before" (undo) or "after" (redo) panels and rows into `dashboard`.
void undoEdit(Dashboard& dashboard, const DashboardEdit& edit);
void redoEdit(Dashboard& dashboard, const DashboardEdit& edit);

// Whether `next` can fold into `previous` (same kind and panel, and `previous`'s result is `next`'s
// start): a run of Ctrl+arrow steps becomes one undo entry. merged keeps previous' before.
bool canMerge(const DashboardEdit& previous, const DashboardEdit& next);
DashboardEdit merged(const DashboardEdit& previous, const DashboardEdit& next);

// "Move “CPU”", "Resize “CPU”", "Edit “CPU”", "Change layout": for Edit ▸ Undo.
QString describeEdit(const DashboardEdit& edit);

} // namespace wf::dashboard
