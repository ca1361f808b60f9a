// The demo shop's scripted failure, run in-process through ShopSimulation (the same code the
// watchfloor-demo-shop executable runs), derived into the service graph: the blast radius must be the
// payments database and its callers in the failing region only, and for checkout's errors the ranking
// must put payments' database (or payments) first.
#include "demo/ShopSimulation.h"
#include "graph/BlastRadius.h"
#include "graph/DemoSpans.h"
#include "graph/EdgeDerivation.h"
#include "graph/SymptomRanking.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf;

class TestServiceGraphDemo : public QObject
{
    Q_OBJECT

private:
    graph::ServiceGraph m_graph;

    QStringList keys(const std::vector<int>& nodes) const
    {
        QStringList out;
        for (int n : nodes)
            out << m_graph.node(n).key();
        out.sort();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        demo::ShopConfig config; // failure after 60 s, fully failed 20 s later, in eu-west
        QCOMPARE(config.failingRegion, u"eu-west"_s);
        demo::ShopSimulation sim(config);
        graph::EdgeDerivation derivation;
        constexpr qint64 kSec = demo::kNanosPerSecond;
        while (sim.now() < 125 * kSec) {
            sim.tick(kSec);
            derivation.add(graph::fromDemoBatch(sim.takeBatch()));
        }
        QCOMPARE(sim.state().phase, demo::ShopPhase::Failed);
        derivation.settle();
        const qint64 t0 = config.startUnixNano;
        // The failure window against a calm baseline before the incident started.
        m_graph = derivation.graph(t0 + 90 * kSec, t0 + 120 * kSec, t0 + 20 * kSec, t0 + 50 * kSec);
        QVERIFY(m_graph.nodeCount() > 0);
    }

    void graphHasTheShopsShape()
    {
        const auto edge = [&](const QString& a, const QString& b) {
            const int from = m_graph.findNode(a);
            const int to = m_graph.findNode(b);
            return from >= 0 && to >= 0 && m_graph.findEdge(from, to) >= 0;
        };
        for (const QString& region : {u"eu-west"_s, u"us-east"_s}) {
            const QString at = u'@' + region;
            QVERIFY(edge(u"gateway"_s + at, u"auth"_s + at));
            QVERIFY(edge(u"gateway"_s + at, u"cart"_s + at));
            QVERIFY(edge(u"cart"_s + at, u"checkout"_s + at));
            QVERIFY(edge(u"checkout"_s + at, u"payments"_s + at));
            QVERIFY(edge(u"payments"_s + at, u"payments-db"_s + at));
            QVERIFY(edge(u"checkout"_s + at, u"kafka"_s + at));
            QVERIFY(edge(u"kafka"_s + at, u"payments"_s + at));
        }
        QCOMPARE(m_graph.node(m_graph.findNode(u"payments-db@eu-west"_s)).kind, graph::NodeKind::Database);
        QCOMPARE(m_graph.node(m_graph.findNode(u"kafka@eu-west"_s)).kind, graph::NodeKind::Queue);
        QCOMPARE(m_graph.node(m_graph.findNode(u"psp"_s)).kind, graph::NodeKind::External);
        const int consume =
            m_graph.findEdge(m_graph.findNode(u"kafka@eu-west"_s), m_graph.findNode(u"payments@eu-west"_s));
        QVERIFY(m_graph.edge(consume).async);
    }

    void blastRadiusIsThePaymentsDatabaseInOneRegion()
    {
        const std::vector<int> failing = graph::pickFailingNodes(m_graph);
        QCOMPARE(keys(failing), QStringList{u"payments-db@eu-west"_s});
        const graph::BlastRadius r = graph::computeBlastRadius(m_graph, failing);
        // payments db -> payments -> checkout -> (cart, which the shop's checkout goes through) -> gateway
        QCOMPARE(keys(r.affected), (QStringList{u"cart@eu-west"_s, u"checkout@eu-west"_s,
                                                u"gateway@eu-west"_s, u"payments@eu-west"_s}));
        QCOMPARE(r.regions, QStringList{u"eu-west"_s});
        QCOMPARE(r.verdict, graph::Verdict::SingleDependency);
        QCOMPARE(r.groups, QStringList{u"shop"_s});
        // Only eu-west's gateway sends traffic through it; some of its traffic, not all (search, login...).
        QCOMPARE(r.entries.size(), size_t(1));
        QCOMPARE(m_graph.node(r.entries.front().entry).key(), u"gateway@eu-west"_s);
        QVERIFY2(r.entries.front().share() > 0.02 && r.entries.front().share() < 0.6,
                 qPrintable(QString::number(r.entries.front().share())));
        QVERIFY(r.entries.front().failedThrough > 0);
    }

    void checkoutErrorsRankPaymentsFirst()
    {
        const int checkout = m_graph.findNode(u"checkout@eu-west"_s);
        const std::vector<graph::SymptomCandidate> ranked = graph::rankSymptomCauses(m_graph, checkout);
        QVERIFY(ranked.size() >= 3);
        const QString first = m_graph.node(ranked[0].node).key();
        const QString second = m_graph.node(ranked[1].node).key();
        QVERIFY2(first == u"payments-db@eu-west"_s, qPrintable(first + u" / "_s + ranked[0].evidence));
        QCOMPARE(second, u"payments@eu-west"_s);
        QVERIFY(ranked[0].failingTraces > 0);
        QVERIFY(ranked[0].originShare > 0.5);
        QVERIFY(ranked[0].errorCorrelation > 0.3);
        for (size_t i = 2; i < ranked.size(); ++i)
            QVERIFY(ranked[i].score < ranked[1].score);
    }
};

QTEST_GUILESS_MAIN(TestServiceGraphDemo)
#include "tst_servicegraph_demo.moc"
