// Dashboard grid editing with Grafana's rules: no overlaps, gravity up, push-down on collision, swap
// when dragging past a neighbour, resize, adding in the first free place, and row collapse/expand.

#include "dashboard/Dashboard.h"
#include "dashboard/GridLayout.h"

#include <QTest>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;

namespace {

Panel panel(int id, int x, int y, int w, int h)
{
    Panel p;
    p.id = id;
    p.title = QStringLiteral("P%1").arg(id);
    p.gridPos = {x, y, w, h};
    return p;
}

GridPos posOf(const QList<GridItem>& items, int id)
{
    for (const GridItem& i : items) {
        if (i.id == id)
            return i.pos;
    }
    return GridPos{-1, -1, -1, -1};
}

bool noOverlaps(const QList<GridItem>& items)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        for (qsizetype j = i + 1; j < items.size(); ++j) {
            if (collides(items[i].pos, items[j].pos))
                return false;
        }
    }
    return true;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collisionIsStrictOverlap()
    {
        QVERIFY(collides({0, 0, 12, 8}, {11, 7, 2, 2}));
        QVERIFY(!collides({0, 0, 12, 8}, {12, 0, 12, 8})); // touching edges
        QVERIFY(!collides({0, 0, 12, 8}, {0, 8, 12, 8}));
    }

    void compactFloatsUpAndClamps()
    {
        QList<GridItem> items{
            {1, {0, 5, 12, 4}}, {2, {12, 20, 12, 4}}, {3, {0, 30, 30, 2}}, {4, {20, 40, 8, 0}}};
        compact(items);
        QCOMPARE(posOf(items, 1), (GridPos{0, 0, 12, 4}));
        QCOMPARE(posOf(items, 2), (GridPos{12, 0, 12, 4}));
        QCOMPARE(posOf(items, 3), (GridPos{0, 4, 24, 2})); // width clamped to the 24 columns
        QCOMPARE(posOf(items, 4), (GridPos{16, 6, 8, 1})); // moved into the grid, height at least 1
        QVERIFY(noOverlaps(items));
    }

    void compactResolvesOverlapsOfImportedLayouts()
    {
        QList<GridItem> items{{1, {0, 0, 12, 4}}, {2, {6, 2, 12, 4}}};
        compact(items);
        QCOMPARE(posOf(items, 2), (GridPos{6, 4, 12, 4}));
        QVERIFY(noOverlaps(items));
    }

    void moveOntoANeighbourPushesItDown()
    {
        // A | B side by side; C under A. Move A onto B's place: B goes under A, C floats up.
        QList<GridItem> items{{1, {0, 0, 12, 4}}, {2, {12, 0, 12, 4}}, {3, {0, 4, 12, 4}}};
        QVERIFY(moveItem(items, 1, 12, 0));
        QCOMPARE(posOf(items, 1), (GridPos{12, 0, 12, 4}));
        QCOMPARE(posOf(items, 2), (GridPos{12, 4, 12, 4}));
        QCOMPARE(posOf(items, 3), (GridPos{0, 0, 12, 4}));
        QVERIFY(noOverlaps(items));
    }

    void pushesCascade()
    {
        // Three stacked full-width items; moving a wide one onto the top pushes the whole column.
        QList<GridItem> items{{1, {0, 0, 24, 3}}, {2, {0, 3, 24, 3}}, {3, {0, 6, 24, 3}}, {4, {0, 9, 24, 2}}};
        QVERIFY(moveItem(items, 4, 0, 0));
        QCOMPARE(posOf(items, 4).y, 0);
        QCOMPARE(posOf(items, 1).y, 2);
        QCOMPARE(posOf(items, 2).y, 5);
        QCOMPARE(posOf(items, 3).y, 8);
        QVERIFY(noOverlaps(items));
    }

    void draggingDownPastANeighbourSwaps()
    {
        QList<GridItem> items{{1, {0, 0, 24, 4}}, {2, {0, 4, 24, 4}}};
        QVERIFY(moveItem(items, 1, 0, 5));
        QCOMPARE(posOf(items, 2), (GridPos{0, 0, 24, 4}));
        QCOMPARE(posOf(items, 1), (GridPos{0, 4, 24, 4}));
    }

    void draggingDownOnlySlightlyKeepsTheOrder()
    {
        QList<GridItem> items{{1, {0, 0, 24, 4}}, {2, {0, 4, 24, 4}}};
        QVERIFY(moveItem(items, 1, 0, 2));
        QCOMPARE(posOf(items, 1).y, 0);
        QCOMPARE(posOf(items, 2).y, 4);
    }

    void draggingUpSwaps()
    {
        QList<GridItem> items{{1, {0, 0, 24, 4}}, {2, {0, 4, 24, 4}}};
        QVERIFY(moveItem(items, 2, 0, 0));
        QCOMPARE(posOf(items, 2).y, 0);
        QCOMPARE(posOf(items, 1).y, 4);
    }

    void moveIsClampedToTheGrid()
    {
        QList<GridItem> items{{1, {0, 0, 8, 4}}};
        QVERIFY(moveItem(items, 1, 30, -5));
        QCOMPARE(posOf(items, 1), (GridPos{16, 0, 8, 4}));
        QVERIFY(!moveItem(items, 99, 0, 0));
    }

    void droppingFarBelowFloatsUp()
    {
        QList<GridItem> items{{1, {0, 0, 12, 4}}, {2, {12, 0, 12, 4}}};
        QVERIFY(moveItem(items, 2, 0, 100));
        QCOMPARE(posOf(items, 2), (GridPos{0, 4, 12, 4}));
    }

    void resizePushesDownWhatItCovers()
    {
        QList<GridItem> items{{1, {0, 0, 12, 4}}, {2, {12, 0, 12, 4}}, {3, {0, 4, 24, 2}}};
        QVERIFY(resizeItem(items, 1, 24, 6));
        QCOMPARE(posOf(items, 1), (GridPos{0, 0, 24, 6}));
        QCOMPARE(posOf(items, 2), (GridPos{12, 6, 12, 4}));
        QCOMPARE(posOf(items, 3), (GridPos{0, 10, 24, 2}));
        QVERIFY(noOverlaps(items));
        // Shrinking lets the others float back up.
        QVERIFY(resizeItem(items, 1, 12, 2));
        QCOMPARE(posOf(items, 2), (GridPos{12, 0, 12, 4}));
        QCOMPARE(posOf(items, 3), (GridPos{0, 4, 24, 2}));
    }

    void resizeIsClamped()
    {
        QList<GridItem> items{{1, {20, 0, 4, 4}}};
        QVERIFY(resizeItem(items, 1, 10, 0));
        QCOMPARE(posOf(items, 1), (GridPos{20, 0, 4, 1}));
    }

    void firstFreePositionFillsGaps()
    {
        const QList<GridItem> items{{1, {0, 0, 12, 4}}, {2, {0, 4, 24, 4}}};
        QCOMPARE(firstFreePosition(items, 12, 4), (GridPos{12, 0, 12, 4}));
        QCOMPARE(firstFreePosition(items, 24, 2), (GridPos{0, 8, 24, 2}));
    }

    void dashboardOperationsKeepRows()
    {
        Dashboard d;
        d.rows = {Row{10, QStringLiteral("CPU"), false, 0, {}},
                  Row{11, QStringLiteral("Memory"), false, 5, {}}};
        d.panels = {panel(1, 0, 1, 12, 4), panel(2, 12, 1, 12, 4), panel(3, 0, 6, 24, 4)};
        QCOMPARE(d.rowOf(*d.panel(1))->id, 10);
        QCOMPARE(d.rowOf(*d.panel(3))->id, 11);
        QVERIFY(!movePanel(d, 10, 0, 3)); // row headers are not panels
        QVERIFY(resizePanel(d, 1, 12, 8));
        QCOMPARE(d.panel(1)->gridPos.h, 8);
        QCOMPARE(d.rows[1].y, 9); // the Memory row was pushed down, not overlapped
        QCOMPARE(d.panel(3)->gridPos.y, 10);
        QCOMPARE(d.rowOf(*d.panel(3))->id, 11);
        QVERIFY(noOverlaps(gridItems(d)));
    }

    void collapseAndExpandRow()
    {
        Dashboard d;
        d.rows = {Row{10, QStringLiteral("CPU"), false, 0, {}},
                  Row{11, QStringLiteral("Memory"), false, 9, {}}};
        d.panels = {panel(1, 0, 1, 12, 8), panel(2, 12, 1, 12, 4), panel(3, 0, 10, 24, 4)};
        const Dashboard before = d;

        QVERIFY(toggleRow(d, 10));
        QVERIFY(d.rows[0].collapsed);
        QCOMPARE(d.rows[0].panels.size(), 2);
        QCOMPARE(d.panels.size(), 1);
        QCOMPARE(d.rows[1].y, 1);           // Memory floated up under the collapsed header
        QCOMPARE(d.panel(3)->gridPos.y, 2); // and its panel with it
        QCOMPARE(d.allPanels().size(), 3);
        QCOMPARE(d.allPanels().first()->id, 1); // collapsed panels listed right after their header

        QVERIFY(toggleRow(d, 10));
        QVERIFY(!d.rows[0].collapsed);
        QVERIFY(d.rows[0].panels.isEmpty());
        QCOMPARE(d.panel(1)->gridPos, before.panels[0].gridPos);
        QCOMPARE(d.panel(2)->gridPos, before.panels[1].gridPos);
        QCOMPARE(d.rows[1].y, 9);
        QCOMPARE(d.panel(3)->gridPos.y, 10);
        QVERIFY(!toggleRow(d, 42));
    }

    void addAndRemovePanels()
    {
        Dashboard d;
        d.panels = {panel(1, 0, 0, 12, 4)};
        d.rows = {Row{7, QStringLiteral("R"), true, 4, {panel(5, 0, 5, 6, 2)}}};
        Panel p = panel(0, 0, 0, 12, 4);
        const int id = addPanel(d, p);
        QCOMPARE(id, 8); // above every id, also of rows and collapsed panels
        QCOMPARE(d.panel(id)->gridPos, (GridPos{12, 0, 12, 4}));
        QVERIFY(removePanel(d, 1));
        QCOMPARE(d.panel(id)->gridPos, (GridPos{12, 0, 12, 4}));
        QVERIFY(removePanel(d, 5)); // from inside the collapsed row
        QVERIFY(d.rows[0].panels.isEmpty());
        QVERIFY(!removePanel(d, 5));
    }

    void panelTypeNamesRoundTrip()
    {
        for (PanelType t : {PanelType::TimeSeries, PanelType::Stat, PanelType::Gauge, PanelType::BarGauge,
                            PanelType::Table, PanelType::Heatmap, PanelType::Text, PanelType::Logs}) {
            QCOMPARE(panelTypeFromName(panelTypeName(t)), t);
        }
        QCOMPARE(panelTypeFromName(QStringLiteral("graph")), PanelType::Unknown);
        QCOMPARE(legendCalcFromName(QStringLiteral("lastNotNull")), LegendCalc::Last);
        QCOMPARE(drawStyleFromName(QStringLiteral("bars")), DrawStyle::Bars);
        QVERIFY(!stackingFromName(QStringLiteral("sideways")));
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
