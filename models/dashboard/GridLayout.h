#pragma once

// Grid editing with Grafana's rules (react-grid-layout, vertical compaction): items never overlap,
// and everything floats up as far as it can ("gravity up"). Moving or resizing an item pushes the
// items it lands on down, or, when one fits above it, lets that one swap above it; then the grid is
// compacted. Pure functions over positions, used by DashboardGrid's drag and resize and unit-tested.

#include "Dashboard.h"

#include <QList>

namespace wf::dashboard {

struct GridItem
{
    int id = 0;
    GridPos pos;

    friend bool operator==(const GridItem&, const GridItem&) = default;
};

bool collides(const GridPos& a, const GridPos& b);

// Floats every item up as far as it goes, in top-to-bottom, left-to-right order; also clamps x/w into
// the 24 columns and h to at least 1.
void compact(QList<GridItem>& items);

// Moves item `id` to column x, row y (clamped to the grid), resolves collisions and compacts.
// Returns false when there is no such item.
bool moveItem(QList<GridItem>& items, int id, int x, int y);
// Resizes item `id` to w x h grid units (clamped: 1..24-x wide, at least 1 high), pushes what it now
// covers down and compacts.
bool resizeItem(QList<GridItem>& items, int id, int w, int h);
// The position for a new w x h item: the top-most, then left-most free place (or below everything).
GridPos firstFreePosition(const QList<GridItem>& items, int w, int h);

// The dashboard's grid items: its panels and its row headers (24 x 1).
QList<GridItem> gridItems(const Dashboard& dashboard);
// Writes positions back to panels and rows (rows re-sorted by y).
void applyGridItems(Dashboard& dashboard, const QList<GridItem>& items);

// The same operations on a dashboard. Moving a row header is not supported (returns false), as rows
// are reordered by moving their panels.
bool movePanel(Dashboard& dashboard, int panelId, int x, int y);
bool resizePanel(Dashboard& dashboard, int panelId, int w, int h);
// Adds `panel` (its id replaced by a fresh one, its size kept) at the first free place; returns the id.
int addPanel(Dashboard& dashboard, Panel panel);
bool removePanel(Dashboard& dashboard, int panelId);
// Collapses an expanded row (its panels move into it and off the grid) or expands a collapsed one
// (its panels come back below its header, pushing what follows down). Returns false for no such row.
bool toggleRow(Dashboard& dashboard, int rowId);

} // namespace wf::dashboard
