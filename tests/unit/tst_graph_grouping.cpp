// Collapsible groups (region/cluster/namespace) and the graph's time: what a collapsed group stands
// for, and which windows a replay position shows.
#include "graph/BlastRadius.h"
#include "graph/GraphGrouping.h"
#include "graph/GraphTimeline.h"
#include "graph/NodeHealth.h"

#include <QTest>

using namespace wf::graph;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kSec = 1'000'000'000;

int node(ServiceGraph& g, const QString& name, const QString& region, const QString& ns, qint64 requests,
         qint64 errors, qint64 baseRequests = 100, qint64 baseErrors = 0)
{
    GraphNode n;
    n.name = name;
    n.region = region;
    n.nameSpace = ns;
    n.stats.requests = requests;
    n.stats.errors = errors;
    n.stats.seconds = 30;
    n.baseline.requests = baseRequests;
    n.baseline.errors = baseErrors;
    n.baseline.seconds = 30;
    return g.addNode(n);
}

// gateway(edge) -> checkout(shop) -> payments(pay) -> db(pay); gateway -> search(shop), one region.
struct Shop
{
    ServiceGraph g;
    int gw, co, search, pay, db;
    Shop()
    {
        gw = node(g, u"gateway"_s, u"eu"_s, u"edge"_s, 100, 30);
        co = node(g, u"checkout"_s, u"eu"_s, u"shop"_s, 50, 25);
        search = node(g, u"search"_s, u"eu"_s, u"shop"_s, 50, 0);
        pay = node(g, u"payments"_s, u"eu"_s, u"pay"_s, 50, 25);
        db = node(g, u"db"_s, u"eu"_s, u"pay"_s, 50, 25);
        auto edge = [this](int a, int b, qint64 req, qint64 err) {
            GraphEdge& e = g.edge(g.addEdge(a, b, Provenance::Observed));
            e.observedBy = SeenInTraces;
            e.stats.requests = req;
            e.stats.errors = err;
        };
        edge(gw, co, 50, 25);
        edge(gw, search, 50, 0);
        edge(co, pay, 50, 25);
        edge(pay, db, 50, 25);
        TracePath t;
        t.entry = gw;
        t.failed = true;
        t.nodes = {gw, co, pay, db};
        t.errorNodes = {gw, co, pay, db};
        g.tracePaths().push_back(t);
    }
};

} // namespace

class TestGraphGrouping : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupKeysPerAttribute()
    {
        Shop s;
        QCOMPARE(groupKeys(s.g, GroupBy::Namespace),
                 QStringList({u"namespace:edge"_s, u"namespace:pay"_s, u"namespace:shop"_s}));
        QCOMPARE(groupKeys(s.g, GroupBy::Region), QStringList{u"region:eu"_s});
        QVERIFY(groupKeys(s.g, GroupBy::Cluster).isEmpty()); // no node has a cluster
        QCOMPARE(groupByFromName(groupByName(GroupBy::Cluster)), GroupBy::Cluster);
        QCOMPARE(groupByFromName(u"bogus"_s), GroupBy::None);
    }

    void nothingCollapsedKeepsTheGraph()
    {
        Shop s;
        const GroupedGraph r = collapseGroups(s.g, GroupBy::Namespace, {});
        QCOMPARE(r.graph.nodeCount(), s.g.nodeCount());
        QCOMPARE(r.graph.edgeCount(), s.g.edgeCount());
    }

    void collapsedGroupAggregatesNodesAndEdges()
    {
        Shop s;
        const GroupedGraph r =
            collapseGroups(s.g, GroupBy::Namespace, {u"namespace:pay"_s, u"namespace:shop"_s});
        const ServiceGraph& g = r.graph;
        QCOMPARE(g.nodeCount(), 3); // gateway, shop, pay
        const int shop = g.findNode(u"namespace:shop"_s);
        const int pay = g.findNode(u"namespace:pay"_s);
        QVERIFY(shop >= 0 && pay >= 0);
        QCOMPARE(r.displayed[size_t(s.co)], shop);
        QCOMPARE(r.displayed[size_t(s.search)], shop);
        QCOMPARE(g.node(shop).members, 2);
        QCOMPARE(g.node(shop).stats.requests, qint64(100));
        QCOMPARE(g.node(shop).stats.errors, qint64(25));
        // Health is the worst member's: checkout fails, so the group does, though search is fine.
        QCOMPARE(g.node(shop).failingMembers, 1);
        QCOMPARE(nodeHealth(g.node(shop)), Health::Failing);
        // gateway's two edges into the shop merge into one with the summed numbers; pay's inner edge
        // (payments -> db) disappears.
        QCOMPARE(g.edgeCount(), 2);
        const int e = g.findEdge(g.findNode(u"gateway@eu"_s), shop);
        QVERIFY(e >= 0);
        QCOMPARE(g.edge(e).stats.requests, qint64(100));
        QCOMPARE(g.edge(e).stats.errors, qint64(25));
        QCOMPARE(g.edge(e).observedBy, quint8(SeenInTraces));
        QVERIFY(g.findEdge(shop, pay) >= 0);
    }

    void blastRadiusOnTheCollapsedGraph()
    {
        Shop s;
        const GroupedGraph r = collapseGroups(s.g, GroupBy::Namespace, {u"namespace:pay"_s});
        const int pay = r.graph.findNode(u"namespace:pay"_s);
        const BlastRadius radius = computeBlastRadius(r.graph, {pay});
        QVERIFY(radius.isAffected(r.graph.findNode(u"checkout@eu"_s)));
        QVERIFY(radius.isAffected(r.graph.findNode(u"gateway@eu"_s)));
        QVERIFY(!radius.isAffected(r.graph.findNode(u"search@eu"_s)));
        QCOMPARE(int(r.graph.tracePaths().size()), 1);
        QCOMPARE(int(r.graph.tracePaths().front().nodes.size()), 3); // gateway, checkout, pay group
    }

    void timelineFollowsTheRange()
    {
        GraphTimeline t(30 * kSec);
        t.setRange(1000 * kSec, 1600 * kSec);
        QVERIFY(t.following());
        QCOMPARE(t.positionNs(), 1600 * kSec);
        QCOMPARE(t.sliderValue(), GraphTimeline::kSliderSteps);
        LiveBaseline live(30 * kSec);
        QCOMPARE(t.windows(live), live.windowsEndingAt(1600 * kSec));
        t.setRange(1000 * kSec, 1700 * kSec); // the dashboards moved on: so does the graph
        QCOMPARE(t.positionNs(), 1700 * kSec);
    }

    void replayUsesTheCalmBeforeTheRange()
    {
        GraphTimeline t(30 * kSec);
        t.setRange(1000 * kSec, 1600 * kSec);
        t.seekSlider(500);
        QVERIFY(!t.following());
        QCOMPARE(t.positionNs(), 1300 * kSec);
        const GraphWindows w = t.windows(LiveBaseline(30 * kSec));
        QCOMPARE(w.toNs, 1300 * kSec);
        QCOMPARE(w.fromNs, 1270 * kSec);
        QCOMPARE(w.baselineToNs, 1000 * kSec); // before the incident window, not the window before
        QCOMPARE(w.baselineFromNs, 970 * kSec);
        // Early in the range the baseline is simply the window before.
        t.seek(1010 * kSec);
        QCOMPARE(t.windows(LiveBaseline(30 * kSec)).baselineToNs, 980 * kSec);
    }

    void replayAdvancesToTheEnd()
    {
        GraphTimeline t(30 * kSec);
        t.setRange(0, 100 * kSec);
        t.seek(-50 * kSec); // clamped
        QCOMPARE(t.positionNs(), qint64(0));
        int steps = 0;
        while (t.advance(30 * kSec))
            ++steps;
        QCOMPARE(steps, 4); // 30, 60, 90, 100
        QCOMPARE(t.positionNs(), 100 * kSec);
        QVERIFY(!t.following());
        t.follow();
        QVERIFY(!t.advance(kSec)); // live: nothing to advance
        t.setRange(50, 10);        // reversed: ignored
        QCOMPARE(t.rangeToNs(), 100 * kSec);
    }
};

QTEST_GUILESS_MAIN(TestGraphGrouping)
#include "tst_graph_grouping.moc"
