// Undoable dashboard edits: what a change is (move, resize, panel edit, wider layout change), undo
// and redo restoring exactly, merging a run of keyboard steps, and the undo stack's text; and the
// panel editor's one-line threshold text, both ways.

#include "dashboard/DashboardEdit.h"
#include "dashboard/GridLayout.h"
#include "dashboard/ThresholdText.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::dashboard;

namespace {

Dashboard threePanels()
{
    Dashboard d;
    for (int i = 1; i <= 3; ++i) {
        Panel p;
        p.id = i;
        p.title = u"P%1"_s.arg(i);
        p.gridPos = {(i - 1) * 8, 0, 8, 6};
        d.panels << p;
    }
    return d;
}

} // namespace

class TestDashboardEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noChangeNoEdit()
    {
        const Dashboard d = threePanels();
        QVERIFY(!diffDashboards(d, d));
        Dashboard titled = d;
        titled.title = u"other"_s; // not panels or rows: not an undoable layout edit
        QVERIFY(!diffDashboards(d, titled));
    }

    void moveResizeAndEditAreTold()
    {
        const Dashboard before = threePanels();
        Dashboard moved = before;
        moved.panels[1].gridPos.y = 10;
        auto edit = diffDashboards(before, moved);
        QVERIFY(edit);
        QCOMPARE(edit->kind, DashboardEdit::Kind::Move);
        QCOMPARE(edit->panelId, 2);
        QCOMPARE(describeEdit(*edit), u"Move “P2”"_s);

        Dashboard resized = before;
        resized.panels[0].gridPos.w = 4;
        edit = diffDashboards(before, resized);
        QCOMPARE(edit->kind, DashboardEdit::Kind::Resize);
        QCOMPARE(describeEdit(*edit), u"Resize “P1”"_s);

        Dashboard edited = before;
        edited.panels[2].targets = {{u"A"_s, u"up"_s, {}}};
        edited.panels[2].title = u"Up"_s;
        edit = diffDashboards(before, edited);
        QCOMPARE(edit->kind, DashboardEdit::Kind::EditPanel);
        QCOMPARE(describeEdit(*edit), u"Edit “Up”"_s);
    }

    void moveThatPushesOthersIsAMoveOfTheDraggedPanel()
    {
        Dashboard before = threePanels();
        Dashboard after = before;
        // Drag P3 onto P1's place: the grid pushes P1 and P2 down.
        QVERIFY(movePanel(after, 3, 0, 0));
        auto edit = diffDashboards(before, after, 3);
        QVERIFY(edit);
        QCOMPARE(edit->kind, DashboardEdit::Kind::Move);
        QCOMPARE(edit->panelId, 3);
        // Without knowing which panel was dragged, several moved panels are a layout change.
        QCOMPARE(diffDashboards(before, after)->kind, DashboardEdit::Kind::Layout);
    }

    void undoRedoRestoreExactly()
    {
        const Dashboard before = threePanels();
        Dashboard after = before;
        QVERIFY(movePanel(after, 3, 0, 0));
        const auto edit = diffDashboards(before, after, 3);
        Dashboard d = after;
        undoEdit(d, *edit);
        QCOMPARE(d.panels, before.panels);
        redoEdit(d, *edit);
        QCOMPARE(d.panels, after.panels);
    }

    void rowToggleIsALayoutChangeAndUndoes()
    {
        Dashboard before = threePanels();
        for (Panel& p : before.panels)
            p.gridPos.y = 1;
        before.rows = {{10, u"Row"_s, false, 0, {}}};
        Dashboard after = before;
        QVERIFY(toggleRow(after, 10));
        QVERIFY(after.panels.isEmpty()); // now inside the collapsed row
        const auto edit = diffDashboards(before, after);
        QCOMPARE(edit->kind, DashboardEdit::Kind::Layout);
        QCOMPARE(describeEdit(*edit), u"Change layout"_s);
        Dashboard d = after;
        undoEdit(d, *edit);
        QCOMPARE(d.panels, before.panels);
        QCOMPARE(d.rows, before.rows);
    }

    void keyboardStepsMerge()
    {
        const Dashboard a = threePanels();
        Dashboard b = a;
        b.panels[0].gridPos.y = 6;
        Dashboard c = b;
        c.panels[0].gridPos.y = 12;
        const auto first = diffDashboards(a, b);
        const auto second = diffDashboards(b, c);
        QVERIFY(canMerge(*first, *second));
        const DashboardEdit both = merged(*first, *second);
        Dashboard d = c;
        undoEdit(d, both);
        QCOMPARE(d.panels, a.panels);

        // A resize does not fold into a move; nor a move of another panel.
        Dashboard e = c;
        e.panels[0].gridPos.w = 4;
        QVERIFY(!canMerge(*second, *diffDashboards(c, e)));
        Dashboard f = c;
        f.panels[1].gridPos.y = 20;
        QVERIFY(!canMerge(*second, *diffDashboards(c, f)));
        // Nor one that does not start where the previous ended.
        QVERIFY(!canMerge(*first, *diffDashboards(a, c)));
    }

    void thresholdTextRoundTrips()
    {
        QString error;
        const auto t = thresholdsFromText(u"green; 80 orange; 90 #ff0000"_s, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->steps.size(), 3);
        QVERIFY(!t->steps.at(0).value);
        QCOMPARE(*t->steps.at(2).value, 90.0);
        QCOMPARE(t->steps.at(2).color, u"#ff0000"_s);
        QCOMPARE(thresholdsToText(*t), u"green; 80 orange; 90 #ff0000"_s);

        const auto pct = thresholdsFromText(u"50% yellow"_s, &error);
        QVERIFY(pct);
        QCOMPARE(pct->mode, ThresholdMode::Percentage);
        QCOMPARE(pct->steps.size(), 2); // a base step was added
        QCOMPARE(thresholdsToText(*pct), u"green; 50% yellow"_s);
        QVERIFY(thresholdsFromText(QString(), &error)->steps.isEmpty());
    }

    void thresholdTextErrorsNameThePart()
    {
        QString error;
        QVERIFY(!thresholdsFromText(u"green; 90 red; 80 orange"_s, &error));
        QVERIFY(error.contains(u"80"_s));
        QVERIFY(!thresholdsFromText(u"green; lots red"_s, &error));
        QVERIFY(error.contains(u"lots"_s));
        QVERIFY(!thresholdsFromText(u"green; 80 red<b>"_s, &error));
        QVERIFY(error.contains(u"red<b>"_s));
        QVERIFY(!thresholdsFromText(u"green; 80 red blue"_s, &error));
    }
};

QTEST_GUILESS_MAIN(TestDashboardEdit)
#include "tst_dashboardedit.moc"
