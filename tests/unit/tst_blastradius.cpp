#include "graph/BlastRadius.h"
#include "graph/SymptomRanking.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::graph;

namespace {

class Builder
{
public:
    int node(const QString& name, NodeKind kind = NodeKind::Service, const QString& region = {})
    {
        GraphNode n;
        n.name = name;
        n.kind = kind;
        n.region = region;
        return g.addNode(n);
    }
    void edge(int from, int to, bool async = false) { g.addEdge(from, to, Provenance::Observed, async); }
    void traces(int count, int entry, std::vector<int> nodes, std::vector<int> errors = {})
    {
        std::sort(nodes.begin(), nodes.end());
        std::sort(errors.begin(), errors.end());
        for (int i = 0; i < count; ++i) {
            TracePath p;
            p.entry = entry;
            p.nodes = nodes;
            p.errorNodes = errors;
            p.failed = std::binary_search(errors.begin(), errors.end(), entry);
            g.tracePaths().push_back(p);
        }
    }
    void load(int n, qint64 requests, qint64 errors, qint64 baseRequests, qint64 baseErrors)
    {
        g.node(n).stats.requests = requests;
        g.node(n).stats.errors = errors;
        g.node(n).baseline.requests = baseRequests;
        g.node(n).baseline.errors = baseErrors;
    }
    ServiceGraph g;
};

std::vector<int> sorted(std::vector<int> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

class TestBlastRadius : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diamond()
    {
        Builder b;
        const int gw = b.node(u"gateway"_s);
        const int a = b.node(u"a"_s);
        const int c = b.node(u"c"_s);
        const int other = b.node(u"other"_s);
        const int db = b.node(u"db"_s, NodeKind::Database);
        b.edge(gw, a);
        b.edge(gw, c);
        b.edge(gw, other);
        b.edge(a, db);
        b.edge(c, db);
        b.traces(5, gw, {gw, a, db}, {gw, a, db});
        b.traces(3, gw, {gw, c, db});
        b.traces(2, gw, {gw, other});
        const BlastRadius r = computeBlastRadius(b.g, {db});
        QCOMPARE(sorted(r.affected), sorted({gw, a, c}));
        QVERIFY(!r.isAffected(other));
        // Nearest first: a and c one hop away, the gateway two (not counted twice through both arms).
        QCOMPARE(r.affected.back(), gw);
        QCOMPARE(r.hops.back(), 2);
        QCOMPARE(r.entries.size(), size_t(1));
        QCOMPARE(r.entries.front().entry, gw);
        QCOMPARE(r.entries.front().traces, 10);
        QCOMPARE(r.entries.front().throughFailing, 8);
        QCOMPARE(r.entries.front().failedThrough, 5);
        QCOMPARE(r.entries.front().share(), 0.8);
        QCOMPARE(r.verdict, Verdict::SingleDependency);
    }

    void cycleTerminatesAndExcludesTheFailingNode()
    {
        Builder b;
        const int a = b.node(u"a"_s);
        const int bb = b.node(u"b"_s);
        const int c = b.node(u"c"_s);
        const int d = b.node(u"d"_s);
        b.edge(a, bb);
        b.edge(bb, c);
        b.edge(c, a);
        b.edge(d, a);
        const BlastRadius r = computeBlastRadius(b.g, {c});
        QCOMPARE(sorted(r.affected), sorted({a, bb, d}));
        QVERIFY(!r.isAffected(c));
        QVERIFY(r.isFailing(c));
        // Without trace paths the entry points are the affected nodes nobody calls.
        QCOMPARE(r.entries.size(), size_t(1));
        QCOMPARE(r.entries.front().entry, d);
        QCOMPARE(r.verdict, Verdict::SingleRegion);
    }

    void sharedDatabaseAndAsyncConsumers()
    {
        Builder b;
        const int s1 = b.node(u"orders"_s);
        const int s2 = b.node(u"billing"_s);
        const int s3 = b.node(u"search"_s);
        const int db = b.node(u"pg"_s, NodeKind::Database);
        const int q = b.node(u"kafka"_s, NodeKind::Queue);
        const int consumer = b.node(u"ledger"_s);
        b.edge(s1, db);
        b.edge(s2, db);
        b.edge(s1, q);
        b.edge(q, consumer, true);
        b.edge(consumer, db);
        const BlastRadius r = computeBlastRadius(b.g, {db});
        QCOMPARE(sorted(r.affected), sorted({s1, s2, consumer}));
        QVERIFY(!r.isAffected(s3));
        QVERIFY(!r.isAffected(q)); // the consumer's trouble does not travel back through the queue
        QCOMPARE(r.verdict, Verdict::SingleDependency);

        // A failing consumer alone: the producer keeps working.
        const BlastRadius c = computeBlastRadius(b.g, {consumer});
        QVERIFY(c.affected.empty());
        QCOMPARE(c.verdict, Verdict::SingleService);
    }

    void twoRegions()
    {
        Builder b;
        const int gwEu = b.node(u"gateway"_s, NodeKind::Service, u"eu-west"_s);
        const int gwUs = b.node(u"gateway"_s, NodeKind::Service, u"us-east"_s);
        const int payEu = b.node(u"payments"_s, NodeKind::Service, u"eu-west"_s);
        const int payUs = b.node(u"payments"_s, NodeKind::Service, u"us-east"_s);
        const int psp = b.node(u"psp"_s, NodeKind::External);
        b.edge(gwEu, payEu);
        b.edge(gwUs, payUs);
        b.edge(payEu, psp);
        b.edge(payUs, psp);
        const BlastRadius regional = computeBlastRadius(b.g, {payEu});
        QCOMPARE(regional.affected, std::vector<int>{gwEu});
        QCOMPARE(regional.regions, QStringList{u"eu-west"_s});
        QCOMPARE(regional.verdict, Verdict::SingleRegion);

        const BlastRadius shared = computeBlastRadius(b.g, {psp});
        QCOMPARE(sorted(shared.affected), sorted({gwEu, gwUs, payEu, payUs}));
        QCOMPARE(shared.regions, (QStringList{u"eu-west"_s, u"us-east"_s}));
        QCOMPARE(shared.verdict, Verdict::MultiRegion);
    }

    void autoPickTakesTheDeepestBreachingNode()
    {
        Builder b;
        const int gw = b.node(u"gateway"_s);
        const int pay = b.node(u"payments"_s);
        const int db = b.node(u"db"_s, NodeKind::Database);
        const int search = b.node(u"search"_s);
        b.edge(gw, pay);
        b.edge(pay, db);
        b.edge(gw, search);
        b.load(gw, 1000, 100, 1000, 5);  // 10 % vs 0.5 %: breaches, but its dependency does too
        b.load(pay, 200, 100, 200, 1);   // breaches, as does its dependency
        b.load(db, 200, 100, 200, 0);    // breaches; depends on nothing
        b.load(search, 500, 10, 500, 9); // 2 % as always: its own baseline
        QCOMPARE(pickFailingNodes(b.g), std::vector<int>{db});
        QCOMPARE(nodeHealth(b.g.node(search)), Health::Healthy);
        QCOMPARE(nodeHealth(b.g.node(db)), Health::Failing);

        // A cycle of breaching nodes: every one of them.
        b.edge(db, pay);
        QCOMPARE(sorted(pickFailingNodes(b.g)), sorted({pay, db}));
    }

    void rankingPutsTheOriginFirst()
    {
        Builder b;
        const int checkout = b.node(u"checkout"_s);
        const int pay = b.node(u"payments"_s);
        const int db = b.node(u"payments-db"_s, NodeKind::Database);
        const int search = b.node(u"search"_s);
        const int gw = b.node(u"gateway"_s);
        b.edge(gw, checkout);
        b.edge(checkout, pay);
        b.edge(pay, db);
        b.edge(checkout, search);
        b.traces(8, gw, {gw, checkout, pay, db}, {gw, checkout, pay, db});
        b.traces(2, gw, {gw, checkout, search}, {gw, checkout});
        b.traces(30, gw, {gw, checkout, pay, db, search});
        b.g.node(checkout).series.errorRate = {0, 0, 0.1, 0.4, 0.5};
        b.g.node(db).series.errorRate = {0, 0, 0.2, 0.7, 0.9};
        b.g.node(pay).series.errorRate = {0, 0, 0.1, 0.5, 0.6};
        b.g.node(search).series.errorRate = {0.3, 0, 0.3, 0, 0.3};
        const std::vector<SymptomCandidate> ranked = rankSymptomCauses(b.g, checkout);
        QCOMPARE(ranked.size(), size_t(3)); // downstream only: not the gateway, not itself
        QCOMPARE(ranked[0].node, db);
        QCOMPARE(ranked[0].failingTraces, 10);
        QCOMPARE(ranked[0].failingShare, 0.8);
        QCOMPARE(ranked[0].originShare, 0.8);
        QCOMPARE(ranked[1].node, pay);
        QCOMPARE(ranked[1].originShare, 0.0); // it passed the database's errors on
        QCOMPARE(ranked[2].node, search);
        QVERIFY(ranked[0].evidence.contains(u"80 %"_s));
        QVERIFY(ranked[0].score > ranked[1].score && ranked[1].score > ranked[2].score);
    }

    void correlationBasics()
    {
        QCOMPARE(correlation({1, 2, 3}, {2, 4, 6}), 1.0);
        QCOMPARE(correlation({1, 2, 3}, {3, 2, 1}), -1.0);
        QCOMPARE(correlation({1, 1, 1}, {3, 2, 1}), 0.0);
        QCOMPARE(correlation({1, 2}, {1, 2, 3}), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestBlastRadius)
#include "tst_blastradius.moc"
