#include "GridLayout.h"

#include <algorithm>
#include <numeric>

namespace wf::dashboard {

namespace {

void clampInto(GridPos& p)
{
    p.w = std::clamp(p.w, 1, kGridColumns);
    p.x = std::clamp(p.x, 0, kGridColumns - p.w);
    p.h = std::max(p.h, 1);
    p.y = std::max(p.y, 0);
}

// Indices of `items` in top-to-bottom, left-to-right order.
QList<qsizetype> byPosition(const QList<GridItem>& items)
{
    QList<qsizetype> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const GridPos& pa = items[a].pos;
        const GridPos& pb = items[b].pos;
        return pa.y != pb.y ? pa.y < pb.y : pa.x < pb.x;
    });
    return order;
}

// The first settled item `pos` overlaps, or -1.
qsizetype firstCollision(const QList<GridItem>& items, const QList<qsizetype>& settled, const GridPos& pos)
{
    for (qsizetype i : settled) {
        if (collides(items[i].pos, pos))
            return i;
    }
    return -1;
}

// With item `fixed` where it is, pushes every other item down below whatever it overlaps, in
// top-to-bottom order, so pushes cascade without recursion.
void settleAround(QList<GridItem>& items, qsizetype fixed)
{
    QList<qsizetype> settled{fixed};
    for (qsizetype i : byPosition(items)) {
        if (i == fixed)
            continue;
        for (qsizetype hit = firstCollision(items, settled, items[i].pos); hit >= 0;
             hit = firstCollision(items, settled, items[i].pos)) {
            items[i].pos.y = items[hit].pos.y + items[hit].pos.h;
        }
        settled.append(i);
    }
}

qsizetype indexOf(const QList<GridItem>& items, int id)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items[i].id == id)
            return i;
    }
    return -1;
}

} // namespace

bool collides(const GridPos& a, const GridPos& b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

void compact(QList<GridItem>& items)
{
    QList<qsizetype> settled;
    for (qsizetype i : byPosition(items)) {
        GridPos& p = items[i].pos;
        clampInto(p);
        while (p.y > 0 && firstCollision(items, settled, GridPos{p.x, p.y - 1, p.w, p.h}) < 0)
            --p.y;
        for (qsizetype hit = firstCollision(items, settled, p); hit >= 0;
             hit = firstCollision(items, settled, p))
            p.y = items[hit].pos.y + items[hit].pos.h;
        settled.append(i);
    }
}

bool moveItem(QList<GridItem>& items, int id, int x, int y)
{
    const qsizetype m = indexOf(items, id);
    if (m < 0)
        return false;
    GridPos& moved = items[m].pos;
    moved.x = x;
    moved.y = y;
    clampInto(moved);
    // An item the moved one lands on swaps above it when it fits there (what makes dragging a panel
    // past its neighbour work); otherwise settleAround pushes it down.
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i == m || !collides(items[i].pos, items[m].pos))
            continue;
        GridPos above = items[i].pos;
        above.y = items[m].pos.y - above.h;
        if (above.y < 0)
            continue;
        bool free = true;
        for (qsizetype j = 0; j < items.size() && free; ++j)
            free = j == i || !collides(items[j].pos, above);
        if (free)
            items[i].pos = above;
    }
    settleAround(items, m);
    compact(items);
    return true;
}

bool resizeItem(QList<GridItem>& items, int id, int w, int h)
{
    const qsizetype m = indexOf(items, id);
    if (m < 0)
        return false;
    GridPos& p = items[m].pos;
    p.w = std::clamp(w, 1, kGridColumns - std::clamp(p.x, 0, kGridColumns - 1));
    p.h = std::max(h, 1);
    clampInto(p);
    settleAround(items, m);
    compact(items);
    return true;
}

GridPos firstFreePosition(const QList<GridItem>& items, int w, int h)
{
    GridPos candidate{0, 0, std::clamp(w, 1, kGridColumns), std::max(h, 1)};
    int bottom = 0;
    for (const GridItem& item : items)
        bottom = std::max(bottom, item.pos.y + item.pos.h);
    for (candidate.y = 0; candidate.y < bottom; ++candidate.y) {
        for (candidate.x = 0; candidate.x + candidate.w <= kGridColumns; ++candidate.x) {
            const bool free = std::none_of(items.cbegin(), items.cend(), [&](const GridItem& item) {
                return collides(item.pos, candidate);
            });
            if (free)
                return candidate;
        }
    }
    candidate.x = 0;
    candidate.y = bottom;
    return candidate;
}

QList<GridItem> gridItems(const Dashboard& dashboard)
{
    QList<GridItem> items;
    for (const Panel& p : dashboard.panels)
        items.append({p.id, p.gridPos});
    for (const Row& r : dashboard.rows)
        items.append({r.id, GridPos{0, r.y, kGridColumns, 1}});
    return items;
}

void applyGridItems(Dashboard& dashboard, const QList<GridItem>& items)
{
    for (const GridItem& item : items) {
        if (Panel* p = dashboard.panel(item.id)) {
            p->gridPos = item.pos;
            continue;
        }
        for (Row& r : dashboard.rows) {
            if (r.id == item.id)
                r.y = item.pos.y;
        }
    }
    std::stable_sort(dashboard.rows.begin(), dashboard.rows.end(),
                     [](const Row& a, const Row& b) { return a.y < b.y; });
}

bool movePanel(Dashboard& dashboard, int panelId, int x, int y)
{
    if (!dashboard.panel(panelId))
        return false;
    QList<GridItem> items = gridItems(dashboard);
    moveItem(items, panelId, x, y);
    applyGridItems(dashboard, items);
    return true;
}

bool resizePanel(Dashboard& dashboard, int panelId, int w, int h)
{
    if (!dashboard.panel(panelId))
        return false;
    QList<GridItem> items = gridItems(dashboard);
    resizeItem(items, panelId, w, h);
    applyGridItems(dashboard, items);
    return true;
}

int addPanel(Dashboard& dashboard, Panel panel)
{
    panel.id = dashboard.nextId();
    panel.gridPos = firstFreePosition(gridItems(dashboard), panel.gridPos.w, panel.gridPos.h);
    dashboard.panels.append(panel);
    return panel.id;
}

bool removePanel(Dashboard& dashboard, int panelId)
{
    for (qsizetype i = 0; i < dashboard.panels.size(); ++i) {
        if (dashboard.panels[i].id == panelId) {
            dashboard.panels.removeAt(i);
            QList<GridItem> items = gridItems(dashboard);
            compact(items);
            applyGridItems(dashboard, items);
            return true;
        }
    }
    for (Row& r : dashboard.rows) {
        for (qsizetype i = 0; i < r.panels.size(); ++i) {
            if (r.panels[i].id == panelId) {
                r.panels.removeAt(i);
                return true;
            }
        }
    }
    return false;
}

bool toggleRow(Dashboard& dashboard, int rowId)
{
    auto row = std::find_if(dashboard.rows.begin(), dashboard.rows.end(),
                            [&](const Row& r) { return r.id == rowId; });
    if (row == dashboard.rows.end())
        return false;
    if (!row->collapsed) {
        int end = std::numeric_limits<int>::max();
        for (const Row& other : std::as_const(dashboard.rows)) {
            if (other.y > row->y)
                end = std::min(end, other.y);
        }
        QList<Panel> kept;
        for (const Panel& p : std::as_const(dashboard.panels)) {
            if (p.gridPos.y > row->y && p.gridPos.y < end)
                row->panels.append(p);
            else
                kept.append(p);
        }
        dashboard.panels = kept;
        row->collapsed = true;
    } else {
        int top = std::numeric_limits<int>::max();
        int bottom = 0;
        for (const Panel& p : std::as_const(row->panels)) {
            top = std::min(top, p.gridPos.y);
            bottom = std::max(bottom, p.gridPos.y + p.gridPos.h);
        }
        const int rowY = row->y;
        if (!row->panels.isEmpty()) {
            const int height = bottom - top;
            for (Panel& p : dashboard.panels) {
                if (p.gridPos.y > rowY)
                    p.gridPos.y += height;
            }
            for (Row& r : dashboard.rows) {
                if (r.y > rowY)
                    r.y += height;
            }
            for (Panel p : std::as_const(row->panels)) {
                p.gridPos.y += rowY + 1 - top;
                dashboard.panels.append(p);
            }
        }
        row->panels.clear();
        row->collapsed = false;
    }
    QList<GridItem> items = gridItems(dashboard);
    compact(items);
    applyGridItems(dashboard, items);
    return true;
}

} // namespace wf::dashboard
