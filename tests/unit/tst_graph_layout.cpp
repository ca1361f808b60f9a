#include "GraphGenerator.h"
#include "GraphTestData.h"
#include "graph/GraphLayout.h"
#include "graph/LiveServiceGraph.h"

#include <QTest>

#include <algorithm>
#include <utility>
#include <vector>

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

ServiceGraph chainOf(int length)
{
    QStringList names;
    for (int i = 0; i < length; ++i)
        names << u"s%1"_s.arg(i);
    return chain(names);
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

// Several generated components of falling size (different seeds and names), plus isolated nodes.
ServiceGraph componentsGraph(int nodes)
{
    ServiceGraph g;
    int left = nodes;
    for (int part = 0; left > 0; ++part) {
        const int size = part < 6 ? std::max(1, std::min(left, nodes * (6 - part) / 24)) : 1;
        const ServiceGraph c = testdata::generatedGraph(size, size * 3, quint32(100 + part));
        const int base = g.nodeCount();
        for (GraphNode n : c.nodes()) {
            n.name = u"c%1-"_s.arg(part) + n.name;
            g.addNode(n);
        }
        for (const GraphEdge& e : c.edges())
            g.addEdge(base + e.from, base + e.to, e.provenance);
        left -= size;
    }
    return g;
}

ServiceGraph fan(int callees)
{
    ServiceGraph g;
    for (int i = 0; i <= callees; ++i) {
        GraphNode n;
        n.name = u"n%1"_s.arg(i);
        g.addNode(n);
        if (i > 0)
            g.addEdge(0, i, Provenance::Observed);
    }
    return g;
}

// Bounding box of the node boxes, not of their centres.
QRectF nodeBounds(const LayoutResult& r, const LayoutOptions& o)
{
    QRectF box;
    for (const QPointF& p : r.positions)
        box |= QRectF(p.x() - o.nodeWidth / 2, p.y() - o.nodeHeight / 2, o.nodeWidth, o.nodeHeight);
    return box;
}

// Overlap test in O(n log n): sorted by x, only boxes closer than a node's width are compared.
bool overlapsFast(const LayoutResult& r, const LayoutOptions& o)
{
    auto values = r.positions.values();
    std::sort(values.begin(), values.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
    for (int i = 0; i < values.size(); ++i) {
        for (int j = i + 1; j < values.size() && values[j].x() - values[i].x() < o.nodeWidth; ++j) {
            if (std::abs(values[i].y() - values[j].y()) < o.nodeHeight)
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
        // Acyclic edges follow the reading order: callee below its caller in the same column, or in a
        // column further right (deep graphs wrap into side-by-side columns to fit the view's shape),
        // except where cycle breaking reversed an edge (the generator makes 3 % of edges point back).
        // Columns are told apart by the gap between them, wider than any gap between neighbours.
        const LayoutOptions o;
        std::vector<std::pair<double, double>> spans; // x extents of the nodes, merged into columns
        for (const QPointF& p : std::as_const(r.positions))
            spans.emplace_back(p.x() - o.nodeWidth / 2, p.x() + o.nodeWidth / 2);
        std::sort(spans.begin(), spans.end());
        std::vector<double> columnStarts{spans.front().first};
        double reach = spans.front().second;
        for (const auto& [left, right] : spans) {
            if (left > reach + 2 * o.nodeGap)
                columnStarts.push_back(left);
            reach = std::max(reach, right);
        }
        auto readingOrder = [&](const QPointF& p) {
            const auto column =
                std::upper_bound(columnStarts.begin(), columnStarts.end(), p.x()) - columnStarts.begin();
            return std::pair<qsizetype, double>(column, p.y());
        };
        int inOrder = 0;
        for (const GraphEdge& e : g.edges())
            inOrder += readingOrder(r.positions[g.node(e.from).key()]) <
                               readingOrder(r.positions[g.node(e.to).key()])
                           ? 1
                           : 0;
        QVERIFY2(inOrder > g.edgeCount() * 9 / 10,
                 qPrintable(u"%1 of %2 edges in reading order, %3 columns"_s.arg(inOrder)
                                .arg(g.edgeCount())
                                .arg(columnStarts.size())));
    }

    void largeGraphsFillTheView_data()
    {
        QTest::addColumn<ServiceGraph>("graph");
        QTest::addColumn<int>("components");
        QTest::newRow("500 nodes, one component") << testdata::generatedGraph(500, 1500) << 1;
        QTest::newRow("1000 nodes, one component") << testdata::generatedGraph(1000, 3000) << 1;
        QTest::newRow("500 nodes, several components") << componentsGraph(500) << 6;
        QTest::newRow("1000 nodes, several components") << componentsGraph(1000) << 6;
        QTest::newRow("500-node chain") << chainOf(500) << 1;
        QTest::newRow("one caller of 600") << fan(600) << 1;
    }

    void largeGraphsFillTheView()
    {
        QFETCH(ServiceGraph, graph);
        QFETCH(int, components);
        QVERIFY(graph.nodeCount() >= 500);
        const LayoutOptions o;
        const LayoutResult r = layoutGraph(graph, o);
        QCOMPARE(r.engine, LayoutEngine::Layered);
        QCOMPARE(r.positions.size(), graph.nodeCount());
        QVERIFY(!overlapsFast(r, o));
        const QRectF box = nodeBounds(r, o);
        const double aspect = box.width() / box.height();
        qInfo("%d nodes, at least %d components: %.0f x %.0f, aspect %.2f", graph.nodeCount(), components,
              box.width(), box.height(), aspect);
        QVERIFY2(aspect >= 0.5 && aspect <= 3, qPrintable(QString::number(aspect)));
        // Filling the view: fitted at 1600x1000 a node is drawn at least a fifth of its size (not a
        // speck on a tall strip), i.e. the graph is nowhere near as tall as 1,000 nodes in a column.
        const double scale = std::min(1600 / box.width(), 1000 / box.height());
        QVERIFY2(box.width() * box.height() * scale * scale > 1600 * 1000 * 0.45,
                 qPrintable(QString::number(scale)));
        // Same graph, same positions: refreshes do not move anything.
        QCOMPARE(layoutGraph(graph, o).positions, r.positions);
    }

    void wrappedColumnsKeepCallersAboveCallees()
    {
        // A chain is the deepest graph: its layers wrap into columns, each read top to bottom.
        const ServiceGraph g = chainOf(300);
        const LayoutResult r = layeredLayout(g);
        int down = 0;
        int columns = 1;
        for (const GraphEdge& e : g.edges()) {
            const QPointF a = r.positions[g.node(e.from).key()];
            const QPointF b = r.positions[g.node(e.to).key()];
            down += a.y() < b.y() ? 1 : 0;
            columns += b.x() > a.x() + LayoutOptions{}.nodeWidth ? 1 : 0;
        }
        QVERIFY2(columns > 3, qPrintable(QString::number(columns)));
        QCOMPARE(down, g.edgeCount() - (columns - 1)); // only the hops into the next column go up
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
