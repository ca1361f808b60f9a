// The service graph dock offscreen: the demo shop's failure with its blast radius highlighted, and a
// generated 1,000-node graph; layout off the UI thread, stable positions, search and filters.
// WF_GRAPH_SHOTS=<dir> saves servicegraph-demo.png and servicegraph-1000.png there.
#include "../unit/GraphGenerator.h"
#include "demo/ShopSimulation.h"
#include "graph/BlastRadiusPanel.h"
#include "graph/DemoSpans.h"
#include "graph/EdgeDerivation.h"
#include "graph/GraphItems.h"
#include "graph/GraphTimeBar.h"
#include "graph/ServiceGraphDock.h"
#include "graph/ServiceGraphView.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

graph::ServiceGraph demoGraph()
{
    demo::ShopSimulation sim;
    graph::EdgeDerivation d;
    constexpr qint64 kSec = demo::kNanosPerSecond;
    while (sim.now() < 125 * kSec) {
        sim.tick(kSec);
        d.add(graph::fromDemoBatch(sim.takeBatch()));
    }
    d.settle();
    const qint64 t0 = sim.config().startUnixNano;
    return d.graph(t0 + 90 * kSec, t0 + 120 * kSec, t0 + 20 * kSec, t0 + 50 * kSec);
}

void save(QWidget& w, const QString& name)
{
    const QString dir = qEnvironmentVariable("WF_GRAPH_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(w.grab().save(dir + u'/' + name));
}

} // namespace

class TestServiceGraphView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The dock remembers collapsed groups in QSettings: a test profile, emptied first.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"WatchfloorGraphTest"_s);
        QSettings().remove(u"serviceGraph"_s);
    }

    void demoBlastRadiusIsHighlighted()
    {
        ui::ServiceGraphDock dock;
        dock.resize(1500, 900);
        dock.show();
        QSignalSpy laidOut(dock.view(), &ui::ServiceGraphView::layoutApplied);
        dock.setGraph(demoGraph());
        QVERIFY(dock.view()->layoutPending());
        QVERIFY(laidOut.wait(10000));
        QCOMPARE(dock.view()->lastLayout().engine, graph::LayoutEngine::GraphvizDot);
        QCOMPARE(dock.view()->visibleNodeCount(), dock.view()->graph().nodeCount());

        dock.showBlastRadius(); // nothing selected: the nodes breaching their baseline
        QCOMPARE(dock.view()->failingNodes(), QStringList{u"payments-db@eu-west"_s});
        QCOMPARE(dock.view()->highlightedNodes(),
                 (QStringList{u"cart@eu-west"_s, u"checkout@eu-west"_s, u"gateway@eu-west"_s,
                              u"payments-db@eu-west"_s, u"payments@eu-west"_s}));
        QVERIFY(dock.panel()->verdictText().contains(graph::verdictText(graph::Verdict::SingleDependency)));
        QCOMPARE(dock.panel()->affectedRowCount(), 5);
        dock.showSymptom(u"checkout@eu-west"_s);
        save(dock, u"servicegraph-demo.png"_s);

        // The user drags a node; the move is remembered across refreshes of the graph.
        ui::ServiceGraphView* view = dock.view();
        const QPointF from = view->positions().value(u"psp"_s);
        const QPoint press = view->mapFromScene(from);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, press);
        QTest::mouseMove(view->viewport(), press + QPoint(40, 25));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, press + QPoint(40, 25));
        const QPointF dragged = view->positions().value(u"psp"_s);
        QVERIFY2(dragged != from, "the drag did not move the node");

        const QPointF before = dock.view()->positions().value(u"auth@us-east"_s);
        dock.setGraph(demoGraph());
        QVERIFY(laidOut.wait(10000));
        QCOMPARE(dock.view()->lastLayout().engine, graph::LayoutEngine::Incremental);
        QCOMPARE(dock.view()->positions().value(u"auth@us-east"_s), before);
        QCOMPARE(dock.view()->positions().value(u"psp"_s), dragged);
        QCOMPARE(dock.view()->graph().nodeCount(), 21);
        QVERIFY(dock.view()->highlightedNodes().isEmpty()); // a new graph drops the old highlight
    }

    void thousandNodes()
    {
        ui::ServiceGraphDock dock;
        dock.resize(1500, 900);
        dock.show();
        QSignalSpy laidOut(dock.view(), &ui::ServiceGraphView::layoutApplied);
        graph::ServiceGraph g = graph::testdata::generatedGraph(1000, 3000);
        dock.setGraph(g);
        QVERIFY(laidOut.wait(10000));
        QCOMPARE(dock.view()->lastLayout().engine, graph::LayoutEngine::Layered);
        QCOMPARE(dock.view()->visibleNodeCount(), 1000);
        dock.showBlastRadius();
        QVERIFY(!dock.view()->failingNodes().isEmpty());
        // Best of five full-view repaints, fitted (the worst case: every node and edge in view).
        qint64 best = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer frame;
            frame.start();
            dock.view()->viewport()->grab();
            best = std::min(best, frame.nsecsElapsed());
        }
        qInfo("full-view repaint at 1,000 nodes: %.1f ms (best of 5)", double(best) / 1e6);
        save(dock, u"servicegraph-1000.png"_s);

        // Search selects and centres; hops narrow to the neighbourhood; errors-only to the failing.
        QVERIFY(dock.view()->findNode(u"svc-500@"_s));
        QCOMPARE(dock.view()->selectedNode(), u"svc-500@eu-west"_s);
        dock.view()->setHopFilter(1);
        const int neighbourhood = dock.view()->visibleNodeCount();
        QVERIFY(neighbourhood > 1 && neighbourhood < 30);
        dock.view()->setHopFilter(0);
        dock.view()->setErrorsOnly(true);
        QVERIFY(dock.view()->visibleNodeCount() < 1000);
        dock.view()->setErrorsOnly(false);

        // Five new nodes: existing positions stay, the newcomers land near their neighbours.
        const auto before = dock.view()->positions();
        for (int i = 0; i < 5; ++i) {
            graph::GraphNode n;
            n.name = u"new-"_s + QString::number(i);
            const int idx = g.addNode(n);
            g.addEdge(10 + i, idx, graph::Provenance::Observed);
        }
        dock.setGraph(g);
        QVERIFY(laidOut.wait(10000));
        QCOMPARE(dock.view()->lastLayout().engine, graph::LayoutEngine::Incremental);
        QVERIFY(dock.view()->lastLayout().milliseconds < 200);
        const auto after = dock.view()->positions();
        QCOMPARE(after.value(u"svc-42@eu-west"_s), before.value(u"svc-42@eu-west"_s));
        QVERIFY(after.contains(u"new-0"_s));
        QVERIFY(!before.contains(u"new-0"_s));
    }

    void levelOfDetailAndMotion()
    {
        ui::ServiceGraphView view;
        view.resize(1600, 1000);
        view.show();
        QSignalSpy laidOut(&view, &ui::ServiceGraphView::layoutApplied);
        view.setGraph(graph::testdata::generatedGraph(1000, 3000));
        QVERIFY(laidOut.wait(10000));
        view.fitAll();
        QVERIFY(view.zoom() < ui::kDetailZoom);
        auto cacheModes = [&view] {
            QSet<int> modes;
            for (QGraphicsItem* i : view.scene()->items()) {
                if (dynamic_cast<ui::GraphNodeItem*>(i))
                    modes.insert(int(i->cacheMode()));
            }
            return modes;
        };
        QCOMPARE(cacheModes(), QSet<int>{int(QGraphicsItem::NoCache)}); // far out: plain boxes
        QVERIFY(view.edgesBatched()); // and edges drawn by the view in one batch, their items hidden
        int visibleEdgeItems = 0;
        for (QGraphicsItem* i : view.scene()->items())
            visibleEdgeItems += dynamic_cast<ui::GraphEdgeItem*>(i) && i->isVisible() ? 1 : 0;
        QCOMPARE(visibleEdgeItems, 0);
        QCOMPARE(view.scene()->itemIndexMethod(), QGraphicsScene::BspTreeIndex);
        QTRY_VERIFY_WITH_TIMEOUT(!view.inMotion(), 2000); // fitting scrolled: wait for it to settle
        QVERIFY(view.renderHints().testFlag(QPainter::Antialiasing));
        view.zoomBy(ui::kDetailZoom / view.zoom() * 1.2);
        QVERIFY(!view.edgesBatched());
        // Moving at a readable zoom: node pictures cached.
        QCOMPARE(cacheModes(), QSet<int>{int(QGraphicsItem::ItemCoordinateCache)});
        QVERIFY(view.inMotion());
        QVERIFY(!view.renderHints().testFlag(QPainter::Antialiasing)); // moving: no antialiasing
        QTRY_VERIFY_WITH_TIMEOUT(!view.inMotion(), 2000);
        QVERIFY(view.renderHints().testFlag(QPainter::Antialiasing));
        QCOMPARE(cacheModes(), QSet<int>{int(QGraphicsItem::NoCache)}); // still: sharp text again
    }

    void groupsCollapseAndAreRemembered()
    {
        const graph::ServiceGraph full = demoGraph();
        {
            ui::ServiceGraphDock dock;
            dock.resize(1600, 1000);
            dock.show();
            dock.setGraph(full);
            QCOMPARE(dock.view()->graph().nodeCount(), full.nodeCount());
            dock.setGroupBy(graph::GroupBy::Region);
            dock.toggleGroupOf(u"auth@us-east"_s); // double-click: collapse its region
            QVERIFY(dock.isGroupCollapsed(u"region:us-east"_s));
            const graph::ServiceGraph& shown = dock.view()->graph();
            const int group = shown.findNode(u"region:us-east"_s);
            QVERIFY(group >= 0);
            QVERIFY(shown.node(group).members > 1);
            QCOMPARE(shown.nodeCount(), full.nodeCount() - shown.node(group).members + 1);
            QCOMPARE(dock.displayedKey(u"auth@us-east"_s), u"region:us-east"_s);
            QCOMPARE(dock.displayedKey(u"payments@eu-west"_s), u"payments@eu-west"_s);
            // The failure is in eu-west, untouched by the collapse.
            QSignalSpy laidOut(dock.view(), &ui::ServiceGraphView::layoutApplied);
            QVERIFY(laidOut.wait(10000));
            dock.showBlastRadius();
            QCOMPARE(dock.view()->failingNodes(), QStringList{u"payments-db@eu-west"_s});
            QVERIFY(!dock.view()->highlightedNodes().contains(u"region:us-east"_s));
            save(dock, u"servicegraph-groups.png"_s);
        }
        // A new dock (the next session) remembers the grouping; a refresh keeps it.
        ui::ServiceGraphDock dock;
        dock.setGraph(full);
        QCOMPARE(dock.groupBy(), graph::GroupBy::Region);
        QVERIFY(dock.view()->graph().findNode(u"region:us-east"_s) >= 0);
        dock.toggleGroupOf(u"region:us-east"_s); // double-click the group: expand
        QVERIFY(dock.view()->graph().findNode(u"auth@us-east"_s) >= 0);
        QCOMPARE(dock.view()->graph().nodeCount(), full.nodeCount());
        dock.setGroupBy(graph::GroupBy::None);
    }

    void timeBarReplays()
    {
        ui::GraphTimeBar bar;
        constexpr qint64 kSec = 1'000'000'000;
        QSignalSpy changed(&bar, &ui::GraphTimeBar::timeChanged);
        bar.setRange(1000 * kSec, 1600 * kSec);
        QVERIFY(bar.timeline().following());
        QCOMPARE(bar.positionText(), ui::GraphTimeBar::tr("Live"));
        bar.slider()->setValue(500);
        QVERIFY(!bar.timeline().following());
        QCOMPARE(bar.timeline().positionNs(), 1300 * kSec);
        QVERIFY(bar.positionText().contains(u"replay"_s));
        const int before = int(changed.size());
        bar.setStepInterval(10);
        bar.playButton()->click(); // play from the slider's position
        QVERIFY(bar.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!bar.isPlaying(), 5000); // runs to the range's end and stops
        QCOMPARE(bar.timeline().positionNs(), 1600 * kSec);
        QVERIFY(changed.size() >= before + 30); // every step asked for a graph
        QCOMPARE(bar.slider()->value(), graph::GraphTimeline::kSliderSteps);
        bar.follow();
        QVERIFY(bar.timeline().following());
    }

    void panelColumnsFitAt1600()
    {
        ui::ServiceGraphDock dock;
        dock.resize(1600, 1000);
        dock.show();
        QSignalSpy laidOut(dock.view(), &ui::ServiceGraphView::layoutApplied);
        dock.setGraph(demoGraph());
        QVERIFY(laidOut.wait(10000));
        dock.showBlastRadius();
        dock.showSymptom(u"checkout@eu-west"_s);
        QCoreApplication::processEvents();
        const auto trees = dock.panel()->findChildren<QTreeWidget*>();
        QCOMPARE(trees.size(), 3);
        for (QTreeWidget* t : trees) {
            const int used = t->header()->length();
            QVERIFY2(used <= t->viewport()->width(),
                     qPrintable(u"%1 of %2 px"_s.arg(used).arg(t->viewport()->width())));
            for (int c = 1; c < t->columnCount(); ++c) // every number column wide enough for its text
                QVERIFY(t->header()->sectionSize(c) >= t->header()->sectionSizeHint(c) ||
                        t->header()->sectionResizeMode(c) == QHeaderView::Stretch);
        }
        save(dock, u"servicegraph-demo-1600.png"_s);
    }
};

QTEST_MAIN(TestServiceGraphView)
#include "tst_servicegraphview.moc"
