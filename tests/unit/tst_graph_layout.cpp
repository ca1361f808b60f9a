#include "GraphGenerator.h"
#include "GraphTestData.h"
#include "graph/GraphLayout.h"
#include "graph/LiveServiceGraph.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::graph;

namespace {

ServiceGraph chain(const QStringList& names)
{
    ServiceGraph g;
    for (const QString& n : names) {
        GraphNode node;
        node.name = n;
        g.addNode(node);
    }
    for (int i = 0; i + 1 < g.nodeCount(); ++i)
        g.addEdge(i, i + 1, Provenance::Observed);
    return g;
}

bool overlaps(const LayoutResult& r, const LayoutOptions& o)
{
    const auto values = r.positions.values();
    for (int i = 0; i < values.size(); ++i) {
        for (int j = i + 1; j < values.size(); ++j) {
            if (std::abs(values[i].x() - values[j].x()) < o.nodeWidth &&
                std::abs(values[i].y() - values[j].y()) < o.nodeHeight)
                return true;
        }
    }
    return false;
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallGraphsUseGraphvizCallersAbove()
    {
        ServiceGraph g = chain({u"gateway"_s, u"checkout"_s, u"payments"_s, u"db"_s});
        GraphNode extra;
        extra.name = u"auth"_s;
        g.addEdge(0, g.addNode(extra), Provenance::Declared);
        const LayoutResult r = layoutGraph(g);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.engine, LayoutEngine::GraphvizDot);
        QCOMPARE(r.positions.size(), 5);
        QVERIFY(r.positions[u"gateway"_s].y() < r.positions[u"checkout"_s].y());
        QVERIFY(r.positions[u"checkout"_s].y() < r.positions[u"payments"_s].y());
        QVERIFY(r.positions[u"payments"_s].y() < r.positions[u"db"_s].y());
        QVERIFY(!overlaps(r, LayoutOptions{}));
    }

    void largeGraphsUseTheLayeredLayout()
    {
        const ServiceGraph g = testdata::generatedGraph(400, 1200);
        const LayoutResult r = layoutGraph(g);
        QCOMPARE(r.engine, LayoutEngine::Layered);
        QCOMPARE(r.positions.size(), 400);
        QVERIFY(!overlaps(r, LayoutOptions{}));
        // Acyclic edges point downwards: the layering put every callee below its caller, except where
        // cycle breaking reversed an edge (the generator makes 3 % of edges point back).
        int down = 0;
        for (const GraphEdge& e : g.edges())
            down += r.positions[g.node(e.from).key()].y() < r.positions[g.node(e.to).key()].y() ? 1 : 0;
        QVERIFY2(down > g.edgeCount() * 9 / 10, qPrintable(QString::number(down)));
    }

    void cyclesAndSelfLoopsLayOut()
    {
        ServiceGraph g = chain({u"a"_s, u"b"_s, u"c"_s});
        g.addEdge(2, 0, Provenance::Observed);
        g.addEdge(1, 1, Provenance::Observed);
        const LayoutResult r = layeredLayout(g);
        QCOMPARE(r.positions.size(), 3);
        QVERIFY(!overlaps(r, LayoutOptions{}));
    }

    void relayoutKeepsPositionsAndPlacesNewcomersNearby()
    {
        ServiceGraph g = testdata::generatedGraph(300, 900);
        const LayoutResult first = layeredLayout(g);
        GraphNode n;
        n.name = u"newcomer"_s;
        const int idx = g.addNode(n);
        g.addEdge(17, idx, Provenance::Observed);
        const LayoutResult second = relayout(g, first.positions, {});
        QCOMPARE(second.engine, LayoutEngine::Incremental);
        for (auto it = first.positions.cbegin(); it != first.positions.cend(); ++it)
            QCOMPARE(second.positions.value(it.key()), it.value());
        const QPointF caller = first.positions.value(g.node(17).key());
        const QPointF placed = second.positions.value(u"newcomer"_s);
        QVERIFY(placed.y() > caller.y()); // below its caller
        QVERIFY(std::abs(placed.x() - caller.x()) < 20 * 210);
        QVERIFY(!overlaps(second, LayoutOptions{}));
    }

    void manyNewNodesLayOutAgainButKeepPinnedOnes()
    {
        const ServiceGraph small = chain({u"a"_s, u"b"_s});
        QHash<QString, QPointF> previous{{u"a"_s, QPointF(5000, 5000)}, {u"b"_s, QPointF(7000, 7000)}};
        ServiceGraph g = testdata::generatedGraph(40, 80);
        for (const GraphNode& n : small.nodes())
            g.addNode(n);
        const LayoutResult r = relayout(g, previous, {u"a"_s});
        QVERIFY(r.engine != LayoutEngine::Incremental);
        QCOMPARE(r.positions.value(u"a"_s), QPointF(5000, 5000)); // the user put it there
        QVERIFY(r.positions.value(u"b"_s) != QPointF(7000, 7000));
    }

    void liveGraphAppliesTheCatalog()
    {
        LiveServiceGraph live;
        testdata::SpanBuilder b;
        const int gw = b.resource(u"gateway"_s);
        const int cart = b.resource(u"cart"_s);
        b.call(gw, cart, 1, 10, 0, 0, 5 * testdata::kMs);
        live.addSpans(b.take());
        DeclaredCatalog catalog;
        catalog.dependencies = {{u"gateway"_s, u"cart"_s}, {u"cart"_s, u"inventory"_s}};
        live.setCatalog(catalog);
        const ServiceGraph g = live.graph(0, 10 * testdata::kSec);
        const int gwNode = g.findNode(u"gateway"_s);
        const int cartNode = g.findNode(u"cart"_s);
        QCOMPARE(g.edge(g.findEdge(gwNode, cartNode)).provenance, Provenance::Both);
        const int inv = g.findNode(u"inventory"_s);
        QVERIFY(inv >= 0);
        QCOMPARE(g.edge(g.findEdge(cartNode, inv)).provenance, Provenance::Declared);
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graph_layout.moc"
