#pragma once

// Invariants every dashboard import must keep, whatever the input: a rejection has a message; an
// accepted dashboard stays within the limits, counts every panel as imported or not, reports every
// placeholder, survives Watchfloor JSON export and re-import with the same shape, and its grid
// compacts without overlaps.

#include "dashboard/GrafanaImport.h"
#include "dashboard/GridLayout.h"
#include "dashboard/WatchfloorJson.h"

#include <cstdio>
#include <cstdlib>

namespace fuzzdashboard {

inline void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "dashboard import invariant broken: %s\n", what);
        std::abort();
    }
}

inline void checkResult(const wf::dashboard::ImportResult& r)
{
    using namespace wf::dashboard;
    if (!r.ok())
        return;
    const QList<const Panel*> all = r.dashboard.allPanels();
    check(all.size() <= kMaxImportedPanels, "panel limit");
    check(r.report.panelsImported + r.report.panelsNotImported >= all.size(), "panel counts");
    for (const Panel* p : all) {
        check(p->targets.size() <= kMaxTargetsPerPanel, "target limit");
        if (p->type == PanelType::Unknown)
            check(!r.report.issues.isEmpty(), "placeholder without a report");
    }
    check(r.dashboard.variables.size() <= kMaxImportedVariables, "variable limit");

    const ImportResult again = importWatchfloor(toJson(r.dashboard));
    check(again.ok(), "own export not readable");
    check(again.dashboard.allPanels().size() == all.size(), "round trip lost panels");
    check(again.dashboard.rows.size() == r.dashboard.rows.size(), "round trip lost rows");
    check(again.dashboard.variables.size() == r.dashboard.variables.size(), "round trip lost variables");

    QList<GridItem> items = gridItems(r.dashboard);
    compact(items);
    for (qsizetype i = 0; i < items.size(); ++i) {
        check(items[i].pos.x >= 0 && items[i].pos.x + items[i].pos.w <= kGridColumns, "outside the grid");
        for (qsizetype j = i + 1; j < items.size(); ++j)
            check(!collides(items[i].pos, items[j].pos), "overlap after compaction");
    }
}

} // namespace fuzzdashboard
