#include "graph/DeclaredCatalog.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::graph;

namespace {

bool hasDependency(const DeclaredCatalog& c, const QString& from, const QString& to)
{
    return std::any_of(c.dependencies.begin(), c.dependencies.end(),
                       [&](const DeclaredDependency& d) { return d.from == from && d.to == to; });
}

} // namespace

class TestGraphCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backstageMultiDocument()
    {
        const QByteArray yaml = R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  namespace: shop
spec:
  type: service
  dependsOn:
    - component:default/payments
    - resource:default/payments-db
  consumesApis: [payments-api, missing-api]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: payments}
spec:
  type: service
  providesApis: [payments-api]
  dependsOn: [resource:payments-db]
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: payments-db}
spec: {type: database}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: {name: orders}
spec: {type: kafka-topic}
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: {name: payments-api}
spec: {type: openapi}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: team-a}
)";
        const CatalogResult r = parseCatalog(yaml);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.catalog.services.size(), size_t(4)); // API and Group are not nodes
        QCOMPARE(r.catalog.services[2].kind, NodeKind::Database);
        QCOMPARE(r.catalog.services[0].nameSpace, u"shop"_s);
        QVERIFY(hasDependency(r.catalog, u"checkout"_s, u"payments"_s));
        QVERIFY(hasDependency(r.catalog, u"checkout"_s, u"payments-db"_s));
        QVERIFY(hasDependency(r.catalog, u"payments"_s, u"payments-db"_s));
        QCOMPARE(r.catalog.dependencies.size(), size_t(4)); // 3 dependsOn + 1 resolved API
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.front().contains(u"missing-api"_s));
    }

    void watchfloorFormat()
    {
        const QByteArray yaml = R"(services:
  - name: gateway
    region: eu-west
    dependsOn: [cart, auth]
  - name: cart
    dependsOn: checkout
  - name: kafka
    kind: queue
  - {kind: service}
)";
        const CatalogResult r = parseCatalog(yaml);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.catalog.services.size(), size_t(3));
        QCOMPARE(r.catalog.services[0].region, u"eu-west"_s);
        QCOMPARE(r.catalog.services[2].kind, NodeKind::Queue);
        QVERIFY(hasDependency(r.catalog, u"gateway"_s, u"auth"_s));
        QVERIFY(hasDependency(r.catalog, u"cart"_s, u"checkout"_s));
        QCOMPARE(r.warnings.size(), 1); // the entry without a name
    }

    void rejectsBadInputWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not yaml") << QByteArray("services: [a, b\n") << u"Not valid YAML"_s;
        QTest::newRow("not a catalog") << QByteArray("hello: world\n") << u"Neither"_s;
        QTest::newRow("services not a list") << QByteArray("services: 3\n") << u"must be a list"_s;
        QTest::newRow("too deep") << QByteArray(5000, '[') << u"nests deeper"_s;
        // yaml-cpp 0.7's LoadAll never returns on this; the parser must (found by fuzz_catalog).
        QTest::newRow("lone comma") << QByteArray(",") << QString();
        QTest::newRow("too large") << QByteArray(5 * 1024 * 1024, ' ') << u"at most"_s;
    }
    void rejectsBadInputWithAMessage()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const CatalogResult r = parseCatalog(yaml);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(r.catalog.services.empty());
    }

    void appliesToRegionalNodes()
    {
        ServiceGraph g;
        GraphNode n;
        n.name = u"checkout"_s;
        n.region = u"eu-west"_s;
        const int coEu = g.addNode(n);
        n.region = u"us-east"_s;
        const int coUs = g.addNode(n);
        n.name = u"payments"_s;
        const int payUs = g.addNode(n);
        n.region = u"eu-west"_s;
        const int payEu = g.addNode(n);
        g.addEdge(coEu, payEu, Provenance::Observed);

        DeclaredCatalog c;
        c.dependencies = {{u"checkout"_s, u"payments"_s}, {u"checkout"_s, u"fraud"_s}};
        applyCatalog(g, c);
        QCOMPARE(g.edge(g.findEdge(coEu, payEu)).provenance, Provenance::Both);
        QCOMPARE(g.edge(g.findEdge(coUs, payUs)).provenance, Provenance::Declared);
        QCOMPARE(g.findEdge(coEu, payUs), -1); // same region preferred
        const int fraud = g.findNode(u"fraud"_s);
        QVERIFY(fraud >= 0);
        QCOMPARE(g.node(fraud).provenance, Provenance::Declared);
        QVERIFY(g.findEdge(coEu, fraud) >= 0 && g.findEdge(coUs, fraud) >= 0);
    }
};

QTEST_GUILESS_MAIN(TestGraphCatalog)
#include "tst_graph_catalog.moc"
