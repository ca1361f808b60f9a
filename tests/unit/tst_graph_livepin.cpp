// The app-side pieces of the live service graph: the baseline that stays calm while a failure lasts
// (LiveBaseline), and the numbers a pinned blast radius carries (blastRadiusJson).
#include "graph/BlastRadiusJson.h"
#include "graph/LiveBaseline.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::graph;

namespace {

constexpr qint64 kW = 30;

// gateway -> checkout -> db, with one trace through all three that failed at the gateway and one that
// only touched the gateway.
ServiceGraph shop()
{
    ServiceGraph g;
    const auto node = [&](const QString& name, NodeKind kind) {
        GraphNode n;
        n.name = name;
        n.kind = kind;
        n.region = u"eu-west"_s;
        n.nameSpace = u"shop"_s;
        n.stats.requests = 100;
        n.stats.errors = name == u"db"_s ? 40 : 10;
        return g.addNode(n);
    };
    const int gw = node(u"gateway"_s, NodeKind::Service);
    const int co = node(u"checkout"_s, NodeKind::Service);
    const int db = node(u"db"_s, NodeKind::Database);
    g.addEdge(gw, co, Provenance::Observed);
    g.addEdge(co, db, Provenance::Both);
    g.tracePaths().push_back({gw, true, {gw, co, db}, {gw, co, db}});
    g.tracePaths().push_back({gw, false, {gw}, {}});
    return g;
}

} // namespace

class TestGraphLivePin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baselineFollowsTheWindowWhileCalm()
    {
        LiveBaseline b(kW);
        QCOMPARE(b.windowsEndingAt(100), (GraphWindows{70, 100, 40, 70}));
        b.update(b.windowsEndingAt(100), false);
        QVERIFY(!b.frozen());
        QCOMPARE(b.windowsEndingAt(130), (GraphWindows{100, 130, 70, 100}));
    }

    void baselineStaysCalmWhileBreachingThenFollowsAgain()
    {
        LiveBaseline b(kW);
        b.update(b.windowsEndingAt(100), true); // the failure shows first against [40, 70)
        QVERIFY(b.frozen());
        QCOMPARE(b.windowsEndingAt(200), (GraphWindows{170, 200, 40, 70}));
        b.update(b.windowsEndingAt(200), true); // still failing: the first calm baseline stays
        QCOMPARE(b.windowsEndingAt(300), (GraphWindows{270, 300, 40, 70}));
        b.update(b.windowsEndingAt(300), false); // recovered
        QVERIFY(!b.frozen());
        QCOMPARE(b.windowsEndingAt(400), (GraphWindows{370, 400, 340, 370}));
    }

    void pinnedNumbersNameTheRadius()
    {
        const ServiceGraph g = shop();
        const int db = g.findNode(u"db@eu-west"_s);
        const BlastRadius r = computeBlastRadius(g, {db});
        const QJsonObject json = blastRadiusJson(g, r, g.findNode(u"gateway@eu-west"_s),
                                                 rankSymptomCauses(g, g.findNode(u"gateway@eu-west"_s)));
        QCOMPARE(json.value(u"verdict"_s).toString(), u"single-dependency"_s);
        QCOMPARE(json.value(u"failingKeys"_s).toArray(), QJsonArray{u"db@eu-west"_s});
        QCOMPARE(json.value(u"affectedKeys"_s).toArray(),
                 (QJsonArray{u"checkout@eu-west"_s, u"gateway@eu-west"_s}));
        const QJsonArray affected = json.value(u"affected"_s).toArray();
        QCOMPARE(affected.at(0).toObject().value(u"hops"_s).toInt(), 1);
        QCOMPARE(affected.at(1).toObject().value(u"hops"_s).toInt(), 2);
        QCOMPARE(json.value(u"failing"_s).toArray().at(0).toObject().value(u"errorRate"_s).toDouble(), 0.4);
        const QJsonObject entry = json.value(u"entries"_s).toArray().at(0).toObject();
        QCOMPARE(entry.value(u"entry"_s).toString(), u"gateway@eu-west"_s);
        QCOMPARE(entry.value(u"traces"_s).toInteger(), qint64(2));
        QCOMPARE(entry.value(u"throughFailing"_s).toInteger(), qint64(1));
        QCOMPARE(entry.value(u"share"_s).toDouble(), 0.5);
        QCOMPARE(json.value(u"regions"_s).toArray(), QJsonArray{u"eu-west"_s});
        QCOMPARE(json.value(u"symptom"_s).toString(), u"gateway@eu-west"_s);
        QVERIFY(!json.value(u"ranking"_s).toArray().isEmpty());
        QCOMPARE(blastRadiusTitle(g, r), u"Blast radius: db@eu-west, single dependency, 2 affected"_s);
    }

    void nothingFailingSaysSo()
    {
        const ServiceGraph g = shop();
        const BlastRadius r = computeBlastRadius(g, {});
        const QJsonObject json = blastRadiusJson(g, r);
        QCOMPARE(json.value(u"verdict"_s).toString(), u"none"_s);
        QVERIFY(!json.contains(u"ranking"_s));
        QVERIFY(json.value(u"affectedKeys"_s).toArray().isEmpty());
        QCOMPARE(blastRadiusTitle(g, r), u"Blast radius: nothing breaches its baseline"_s);
    }
};

QTEST_GUILESS_MAIN(TestGraphLivePin)
#include "tst_graph_livepin.moc"
