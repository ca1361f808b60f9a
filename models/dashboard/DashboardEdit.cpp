#include "DashboardEdit.h"

#include <QCoreApplication>

namespace wf::dashboard {

namespace {

const Panel* findPanel(const QList<Panel>& panels, int id)
{
    for (const Panel& p : panels)
        if (p.id == id)
            return &p;
    return nullptr;
}

// The panels whose value differs between the two lists (also those only in one of them).
QList<int> changedPanels(const QList<Panel>& a, const QList<Panel>& b)
{
    QList<int> ids;
    for (const Panel& p : a) {
        const Panel* other = findPanel(b, p.id);
        if (!other || !(*other == p))
            ids << p.id;
    }
    for (const Panel& p : b)
        if (!findPanel(a, p.id))
            ids << p.id;
    return ids;
}

Panel withPos(Panel p, const GridPos& pos)
{
    p.gridPos = pos;
    return p;
}

} // namespace

std::optional<DashboardEdit> diffDashboards(const Dashboard& before, const Dashboard& after, int focusPanelId)
{
    if (before.panels == after.panels && before.rows == after.rows)
        return std::nullopt;
    DashboardEdit edit;
    edit.panelsBefore = before.panels;
    edit.rowsBefore = before.rows;
    edit.panelsAfter = after.panels;
    edit.rowsAfter = after.rows;
    edit.kind = DashboardEdit::Kind::Layout;

    const QList<int> changed = changedPanels(before.panels, after.panels);
    int subject = 0;
    if (before.rows == after.rows) {
        if (changed.size() == 1)
            subject = changed.constFirst();
        else if (focusPanelId != 0 && changed.contains(focusPanelId))
            subject = focusPanelId;
    }
    const Panel* was = findPanel(before.panels, subject);
    const Panel* is = findPanel(after.panels, subject);
    if (!was || !is)
        return edit;
    // Others that changed must have changed position only (pushed aside), or it is a wider change.
    for (int id : changed) {
        if (id == subject)
            continue;
        const Panel* a = findPanel(before.panels, id);
        const Panel* b = findPanel(after.panels, id);
        if (!a || !b || !(withPos(*a, b->gridPos) == *b))
            return edit;
    }
    edit.panelId = subject;
    edit.panelTitle = is->title;
    if (withPos(*was, is->gridPos) == *is)
        edit.kind = (was->gridPos.w == is->gridPos.w && was->gridPos.h == is->gridPos.h)
                        ? DashboardEdit::Kind::Move
                        : DashboardEdit::Kind::Resize;
    else
        edit.kind = DashboardEdit::Kind::EditPanel;
    return edit;
}

void undoEdit(Dashboard& dashboard, const DashboardEdit& edit)
{
    dashboard.panels = edit.panelsBefore;
    dashboard.rows = edit.rowsBefore;
}

void redoEdit(Dashboard& dashboard, const DashboardEdit& edit)
{
    dashboard.panels = edit.panelsAfter;
    dashboard.rows = edit.rowsAfter;
}

bool canMerge(const DashboardEdit& previous, const DashboardEdit& next)
{
    return previous.kind == next.kind && previous.panelId != 0 && previous.panelId == next.panelId &&
           (next.kind == DashboardEdit::Kind::Move || next.kind == DashboardEdit::Kind::Resize) &&
           previous.panelsAfter == next.panelsBefore && previous.rowsAfter == next.rowsBefore;
}

DashboardEdit merged(const DashboardEdit& previous, const DashboardEdit& next)
{
    DashboardEdit out = next;
    out.panelsBefore = previous.panelsBefore;
    out.rowsBefore = previous.rowsBefore;
    return out;
}

QString describeEdit(const DashboardEdit& edit)
{
    const QString title =
        edit.panelTitle.isEmpty() ? QStringLiteral("#%1").arg(edit.panelId) : edit.panelTitle;
    switch (edit.kind) {
    case DashboardEdit::Kind::Move:
        return QCoreApplication::translate("DashboardEdit", "Move “%1”").arg(title);
    case DashboardEdit::Kind::Resize:
        return QCoreApplication::translate("DashboardEdit", "Resize “%1”").arg(title);
    case DashboardEdit::Kind::EditPanel:
        return QCoreApplication::translate("DashboardEdit", "Edit “%1”").arg(title);
    case DashboardEdit::Kind::Layout:
        break;
    }
    return QCoreApplication::translate("DashboardEdit", "Change layout");
}

} // namespace wf::dashboard
