// DashboardGrid and TimeRangePicker offscreen: panels placed by gridPos on 24 columns, dragging by the
// title moves a panel through the model's grid rules, the grip resizes, Ctrl+arrows move, row headers
// collapse and expand; the picker's quick ranges, typed ranges (with errors), zoom, shift, back/forward
// and refresh interval. Writes dashboard-grid.png to WF_SHOT_DIR (or the build folder) to look at.

#include "dashboard/GridLayout.h"
#include "dashboards/grid/DashboardGrid.h"
#include "dashboards/grid/PanelFrame.h"
#include "dashboards/grid/TimeRangePicker.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;
using wf::ui::DashboardGrid;
using wf::ui::PanelFrame;
using wf::ui::TimeRangePicker;

namespace {

Panel panel(int id, const QString& title, GridPos pos, PanelType type = PanelType::TimeSeries)
{
    Panel p;
    p.id = id;
    p.title = title;
    p.type = type;
    p.gridPos = pos;
    return p;
}

Dashboard sample()
{
    Dashboard d;
    d.title = u"Grid"_s;
    d.rows = {Row{100, u"Overview"_s, false, 0, {}}, Row{101, u"Disks"_s, false, 9, {}}};
    d.panels = {panel(1, u"CPU"_s, {0, 1, 12, 8}), panel(2, u"Memory"_s, {12, 1, 6, 4}, PanelType::Stat),
                panel(3, u"Load"_s, {18, 1, 6, 4}, PanelType::Gauge),
                panel(4, u"Notes"_s, {12, 5, 12, 4}, PanelType::Text),
                panel(5, u"Disk IO"_s, {0, 10, 24, 6})};
    return d;
}

QWidget* makeContent(const Panel& p)
{
    auto* label = new QLabel(panelTypeName(p.type));
    label->setAlignment(Qt::AlignCenter);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void drag(QWidget* frame, QPoint from, QPoint to)
{
    QTest::mousePress(frame, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), frame->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(frame, &move);
    QTest::mouseRelease(frame, Qt::LeftButton, {}, to);
}

} // namespace

class TestDashboardGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placesPanelsOnTheGrid()
    {
        DashboardGrid grid(makeContent);
        grid.setDashboard(sample());
        grid.resize(1206, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        // 1200 px over 24 columns = 50 px per column, rows of 30 px.
        QCOMPARE(grid.frameFor(1)->geometry(), grid.cellRect({0, 1, 12, 8}));
        QCOMPARE(grid.cellRect({0, 1, 12, 8}), QRect(6, 36, 594, 234));
        QCOMPARE(grid.frameFor(3)->geometry().left(), 6 + 18 * 50);
        QCOMPARE(grid.rowHeaderFor(101)->geometry().top(), 6 + 9 * 30);
        QVERIFY(grid.minimumHeight() >= 6 + 16 * 30);
        QCOMPARE(qobject_cast<QLabel*>(grid.frameFor(2)->content())->text(), u"stat"_s);
    }

    void dragMovesThroughTheModel()
    {
        DashboardGrid grid(makeContent);
        grid.setDashboard(sample());
        grid.resize(1206, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QSignalSpy changed(&grid, &DashboardGrid::dashboardChanged);
        // Drag CPU by its title 12 columns to the right: it lands on Memory, Load and Notes, which
        // are pushed below it (they stay in the Overview row, above the Disks header).
        PanelFrame* cpu = grid.frameFor(1);
        drag(cpu, QPoint(100, 10), QPoint(100 + 12 * 50, 10));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(grid.dashboard().panel(1)->gridPos.x, 12);
        QCOMPARE(grid.dashboard().panel(1)->gridPos.y, 1);
        QCOMPARE(grid.dashboard().panel(2)->gridPos, (GridPos{12, 9, 6, 4})); // pushed below CPU
        const QList<GridItem> items = gridItems(grid.dashboard());
        for (qsizetype i = 0; i < items.size(); ++i) {
            for (qsizetype j = i + 1; j < items.size(); ++j)
                QVERIFY(!collides(items[i].pos, items[j].pos));
        }
        QCOMPARE(cpu->geometry(), grid.cellRect(grid.dashboard().panel(1)->gridPos));
    }

    void gripResizes()
    {
        DashboardGrid grid(makeContent);
        grid.setDashboard(sample());
        grid.resize(1206, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        PanelFrame* mem = grid.frameFor(2);
        const QPoint grip(mem->width() - 3, mem->height() - 3);
        // Wider by 6 columns (onto Load) and taller by 2 rows.
        drag(mem, grip, grip + QPoint(6 * 50, 2 * 30));
        QCOMPARE(grid.dashboard().panel(2)->gridPos, (GridPos{12, 1, 12, 6}));
        QVERIFY(grid.dashboard().panel(3)->gridPos.y >= 7); // Load pushed down
    }

    void keyboardMovesAndResizes()
    {
        DashboardGrid grid(makeContent);
        grid.setDashboard(sample());
        grid.resize(1206, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        PanelFrame* notes = grid.frameFor(4);
        notes->setFocus();
        QTest::keyClick(notes, Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(grid.dashboard().panel(4)->gridPos.x, 11);
        QTest::keyClick(notes, Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(grid.dashboard().panel(4)->gridPos.h, 5);
    }

    void rowsCollapseAndExpand()
    {
        DashboardGrid grid(makeContent);
        grid.setDashboard(sample());
        grid.resize(1206, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QSignalSpy changed(&grid, &DashboardGrid::dashboardChanged);
        grid.rowHeaderFor(100)->click();
        QVERIFY(changed.wait(2000));
        QVERIFY(grid.dashboard().rows[0].collapsed);
        QVERIFY(!grid.frameFor(1));
        QVERIFY(grid.rowHeaderFor(100)->text().contains(u"4 panels"));
        QCOMPARE(grid.dashboard().rows[1].y, 1); // Disks floated up
        QCOMPARE(grid.frameFor(5)->geometry(), grid.cellRect({0, 2, 24, 6}));
        grid.rowHeaderFor(100)->click();
        QVERIFY(changed.wait(2000));
        QVERIFY(grid.frameFor(1));
        QCOMPARE(grid.dashboard().panel(5)->gridPos.y, 10);
    }

    void pickerQuickAndTypedRanges()
    {
        TimeRangePicker picker;
        const qint64 now = 1715780262123; // 2024-05-15 13:37:42.123 UTC
        picker.setClock([now] { return now; });
        picker.show();
        QSignalSpy changed(&picker, &TimeRangePicker::timeRangeChanged);
        QCOMPARE(picker.quickRangesButton()->text(), u"Last 6 hours"_s);

        QAction* lastHour = nullptr;
        for (QAction* a : picker.quickRangesButton()->menu()->actions()) {
            if (a->text() == u"Last 1 hour")
                lastHour = a;
        }
        QVERIFY(lastHour);
        lastHour->trigger();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(picker.timeRange(), (TimeRange{u"now-1h"_s, u"now"_s}));
        QCOMPARE(picker.quickRangesButton()->text(), u"Last 1 hour"_s);

        picker.fromEdit()->setText(u"now-2h"_s);
        picker.toEdit()->setText(u"yesterday"_s);
        QVERIFY(picker.applyTyped().contains(u"yesterday"));
        QVERIFY(!picker.errorLabel()->isHidden());
        QCOMPARE(changed.count(), 1); // nothing applied

        picker.fromEdit()->setText(u"2024-05-15 10:00:00"_s);
        picker.toEdit()->setText(u"2024-05-15 12:00:00"_s);
        QVERIFY(picker.applyTyped().isEmpty());
        QVERIFY(picker.errorLabel()->isHidden());
        QCOMPARE(picker.timeRange(), absoluteRange(1715767200000, 1715774400000));

        picker.zoomOut();
        QCOMPARE(picker.timeRange(), absoluteRange(1715763600000, 1715778000000));
        picker.shiftBy(-0.5);
        QCOMPARE(picker.timeRange(), absoluteRange(1715763600000 - 7200000, 1715778000000 - 7200000));

        picker.goBack();
        picker.goBack();
        QCOMPARE(picker.timeRange(), absoluteRange(1715767200000, 1715774400000));
        picker.goForward();
        QCOMPARE(picker.timeRange(), absoluteRange(1715763600000, 1715778000000));
        QCOMPARE(changed.count(), 7); // quick, typed, zoom, shift, back, back, forward
    }

    void pickerRefreshInterval()
    {
        TimeRangePicker picker;
        QSignalSpy changed(&picker, &TimeRangePicker::refreshIntervalChanged);
        picker.setRefreshInterval(u"30s"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(1).toLongLong(), 30000);
        picker.setRefreshInterval(u"45s"_s); // not in the list: added
        QCOMPARE(picker.refreshInterval(), u"45s"_s);
        picker.setRefreshInterval(QString());
        QCOMPARE(picker.refreshInterval(), u"off"_s);
        QCOMPARE(changed.last().at(1).toLongLong(), 0);
    }

    void screenshot()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* picker = new TimeRangePicker(&window);
        auto* grid = new DashboardGrid(makeContent, &window);
        Dashboard d = sample();
        d.rows.append(Row{102, u"Network"_s, true, 16, {panel(6, u"Traffic"_s, {0, 17, 24, 6})}});
        grid->setDashboard(d);
        layout->addWidget(picker);
        layout->addWidget(grid, 1);
        window.resize(1280, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        grid->frameFor(4)->setFocus();
        QApplication::processEvents();
        const QString dir = qEnvironmentVariable("WF_SHOT_DIR", QDir::currentPath());
        QVERIFY(window.grab().save(dir + u"/dashboard-grid.png"_s));
    }
};

QTEST_MAIN(TestDashboardGrid)
#include "tst_dashboardgrid.moc"
