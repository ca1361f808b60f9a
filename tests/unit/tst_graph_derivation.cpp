#include "GraphTestData.h"
#include "graph/EdgeDerivation.h"
#include "graph/LatencyHistogram.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::graph;
using namespace wf::graph::testdata;
using wf::telemetry::SpanKind;

class TestGraphDerivation : public QObject
{
    Q_OBJECT

private:
    static const GraphEdge* edge(const ServiceGraph& g, const QString& from, const QString& to)
    {
        const int a = g.findNode(from);
        const int b = g.findNode(to);
        if (a < 0 || b < 0)
            return nullptr;
        const int e = g.findEdge(a, b);
        return e < 0 ? nullptr : &g.edge(e);
    }

private Q_SLOTS:
    // Quantiles within a quarter-doubling of the truth from 10 us up to minutes: an outage's timeouts
    // (seconds) must not all read as the same capped value.
    void latencyQuantilesCoverSecondsAndMinutes()
    {
        for (const qint64 ms : {1LL, 40LL, 573LL, 2'000LL, 30'000LL, 600'000LL}) {
            LatencyHistogram h;
            for (int i = 0; i < 100; ++i)
                h.add(ms * 1'000'000);
            const double p95 = h.quantileMs(0.95);
            QVERIFY2(p95 >= double(ms) && p95 <= double(ms) * 1.25,
                     qPrintable(QStringLiteral("%1 ms read as %2 ms").arg(ms).arg(p95)));
        }
        LatencyHistogram slow;
        slow.add(2'000'000'000);
        LatencyHistogram fast;
        fast.add(600'000'000);
        QVERIFY(slow.quantileMs(0.95) > fast.quantileMs(0.95));
    }

    void clientServerAcrossServices()
    {
        SpanBuilder b;
        const int gw = b.resource(u"gateway"_s);
        const int cart = b.resource(u"cart"_s);
        for (quint64 t = 1; t <= 20; ++t) {
            b.span(gw, t, 100, 0, SpanKind::Server, 0, 50 * kMs);
            b.call(gw, cart, t, 200, 100, kMs, (t <= 10 ? 10 : 40) * kMs, t == 20);
        }
        EdgeDerivation d;
        d.add(b.take());
        const ServiceGraph g = d.graph(0, 10 * kSec);
        QCOMPARE(g.nodeCount(), 2);
        const GraphEdge* e = edge(g, u"gateway"_s, u"cart"_s);
        QVERIFY(e);
        QCOMPARE(e->stats.requests, 20);
        QCOMPARE(e->stats.errors, 1);
        QVERIFY(!e->async);
        QCOMPARE(e->provenance, Provenance::Observed);
        // Half the calls took 10 ms, half 40 ms: the median is near 10, p95 near 40 (bucket accuracy).
        QVERIFY2(e->stats.p50Ms() >= 10 && e->stats.p50Ms() < 13,
                 qPrintable(QString::number(e->stats.p50Ms())));
        QVERIFY2(e->stats.p95Ms() >= 40 && e->stats.p95Ms() < 48,
                 qPrintable(QString::number(e->stats.p95Ms())));
        QVERIFY(!edge(g, u"cart"_s, u"gateway"_s));
        QCOMPARE(g.node(g.findNode(u"cart"_s)).stats.requests, 20);
        QCOMPARE(g.tracePaths().size(), size_t(20));
        QCOMPARE(g.tracePaths().front().entry, g.findNode(u"gateway"_s));
    }

    void childBeforeParentAcrossBatches()
    {
        SpanBuilder b;
        const int gw = b.resource(u"gateway"_s);
        const int auth = b.resource(u"auth"_s);
        // The server child ends first and is released first, as SDK batch processors do.
        b.span(auth, 1, 11, 10, SpanKind::Server, kMs, 4 * kMs);
        EdgeDerivation d;
        d.add(b.take());
        QCOMPARE(d.counters().waitingChildren, 1);
        b.span(gw, 1, 10, 1, SpanKind::Client, 0, 5 * kMs);
        b.span(gw, 1, 1, 0, SpanKind::Server, 0, 6 * kMs);
        d.add(b.take());
        QCOMPARE(d.counters().waitingChildren, 0);
        d.settle();
        const ServiceGraph g = d.graph(0, 10 * kSec);
        const GraphEdge* e = edge(g, u"gateway"_s, u"auth"_s);
        QVERIFY(e);
        QCOMPARE(e->stats.requests, 1);
        QCOMPARE(g.nodeCount(), 2); // the matched client span did not become an external endpoint
    }

    void missingParentKeepsChildWithoutCaller()
    {
        SpanBuilder b;
        const int users = b.resource(u"users"_s);
        b.span(users, 7, 71, 999, SpanKind::Server, kMs, 3 * kMs, true);
        EdgeDerivation d;
        d.add(b.take());
        d.settle();
        const ServiceGraph g = d.graph(0, 10 * kSec);
        QCOMPARE(g.nodeCount(), 1);
        QCOMPARE(g.edgeCount(), 0);
        QCOMPARE(g.node(0).stats.errors, 1);
        QCOMPARE(g.tracePaths().size(), size_t(1));
        QCOMPARE(g.tracePaths().front().entry, 0); // the earliest span stands in for the missing root
    }

    void clockSkewUsesTheCallersDuration()
    {
        SpanBuilder b;
        const int a = b.resource(u"a"_s);
        const int c = b.resource(u"c"_s);
        b.span(a, 1, 10, 0, SpanKind::Client, 100 * kMs, 130 * kMs);
        // The callee's host clock is 2 s behind: its span starts before the caller's.
        b.span(c, 1, 11, 10, SpanKind::Server, 100 * kMs - 2 * kSec, 128 * kMs - 2 * kSec);
        // A span that ends before it starts (skew inside one span): its duration is not trusted.
        b.span(a, 2, 20, 0, SpanKind::Client, 200 * kMs, 150 * kMs);
        b.span(c, 2, 21, 20, SpanKind::Server, 201 * kMs, 221 * kMs);
        EdgeDerivation d;
        d.add(b.take());
        const ServiceGraph g = d.graph(0, 10 * kSec);
        const GraphEdge* e = edge(g, u"a"_s, u"c"_s);
        QVERIFY(e);
        QCOMPARE(e->stats.requests, 2);
        // 30 ms from the caller, 20 ms from the callee for the skewed one: p99 ~ 30, p50 ~ 20.
        QVERIFY2(e->stats.p99Ms() >= 30 && e->stats.p99Ms() < 36,
                 qPrintable(QString::number(e->stats.p99Ms())));
        QVERIFY2(e->stats.p50Ms() >= 20 && e->stats.p50Ms() < 24,
                 qPrintable(QString::number(e->stats.p50Ms())));
        QCOMPARE(d.counters().skewed, 1);
    }

    void duplicateSpanIdsCountOnce()
    {
        SpanBuilder b;
        const int a = b.resource(u"a"_s);
        const int c = b.resource(u"c"_s);
        b.call(a, c, 1, 10, 0, 0, 5 * kMs);
        const GraphSpanBatch batch = b.take();
        EdgeDerivation d;
        d.add(batch);
        d.add(batch); // a retried export
        const ServiceGraph g = d.graph(0, 10 * kSec);
        QCOMPARE(edge(g, u"a"_s, u"c"_s)->stats.requests, 1);
        QCOMPARE(d.counters().duplicates, 2);
    }

    void databaseAndExternalEndpoints()
    {
        SpanBuilder b;
        const int pay = b.resource(u"payments"_s, u"eu-west"_s);
        GraphSpan& db = b.span(pay, 1, 10, 1, SpanKind::Client, 0, 3 * kMs, true);
        db.dbSystem = u"postgresql"_s;
        db.peerService = u"payments-db"_s;
        GraphSpan& psp = b.span(pay, 1, 11, 1, SpanKind::Client, 4 * kMs, 50 * kMs);
        psp.serverAddress = u"api.psp.example"_s;
        b.span(pay, 1, 1, 0, SpanKind::Server, 0, 60 * kMs);
        EdgeDerivation d;
        d.add(b.take());
        ServiceGraph before = d.graph(0, 10 * kSec);
        QVERIFY(before.findNode(u"payments-db@eu-west"_s) >= 0);
        QCOMPARE(before.findNode(u"api.psp.example"_s), -1); // still waiting for a server child
        d.settle();
        const ServiceGraph g = d.graph(0, 10 * kSec);
        const int dbNode = g.findNode(u"payments-db@eu-west"_s);
        QCOMPARE(g.node(dbNode).kind, NodeKind::Database);
        QCOMPARE(g.node(dbNode).system, u"postgresql"_s);
        QCOMPARE(g.node(dbNode).stats.errors, 1);
        const int ext = g.findNode(u"api.psp.example"_s);
        QVERIFY(ext >= 0);
        QCOMPARE(g.node(ext).kind, NodeKind::External);
        QVERIFY(edge(g, u"payments@eu-west"_s, u"api.psp.example"_s));
        QCOMPARE(g.tracePaths().front().errorNodes,
                 (std::vector<int>{std::min(dbNode, g.findNode(u"payments@eu-west"_s)),
                                   std::max(dbNode, g.findNode(u"payments@eu-west"_s))}));
    }

    void producerQueueConsumerWithLinks()
    {
        SpanBuilder b;
        const int checkout = b.resource(u"checkout"_s);
        const int ledger = b.resource(u"ledger"_s);
        GraphSpan& pub = b.span(checkout, 1, 10, 0, SpanKind::Producer, 0, 2 * kMs);
        pub.messagingSystem = u"kafka"_s;
        pub.peerService = u"kafka"_s;
        // A batch consumer in its own trace, linked to the producer.
        GraphSpan& con = b.span(ledger, 2, 20, 0, SpanKind::Consumer, 5 * kMs, 9 * kMs, true);
        con.links.push_back(SpanRef{0, 1, 10});
        // A consumer that is the producer's child in the same trace.
        b.span(ledger, 1, 30, 10, SpanKind::Consumer, 6 * kMs, 8 * kMs);
        EdgeDerivation d;
        d.add(b.take());
        const ServiceGraph g = d.graph(0, 10 * kSec);
        const GraphEdge* produce = edge(g, u"checkout"_s, u"kafka"_s);
        QVERIFY(produce);
        QVERIFY(!produce->async);
        QCOMPARE(g.node(g.findNode(u"kafka"_s)).kind, NodeKind::Queue);
        const GraphEdge* consume = edge(g, u"kafka"_s, u"ledger"_s);
        QVERIFY(consume);
        QVERIFY(consume->async);
        QCOMPARE(consume->stats.requests, 2);
        QCOMPARE(consume->stats.errors, 1);
        QVERIFY(!edge(g, u"checkout"_s, u"ledger"_s));
    }

    void regionsSplitNodesAndWindowsSelectBuckets()
    {
        SpanBuilder b;
        const int gwEu = b.resource(u"gateway"_s, u"eu-west"_s);
        const int gwUs = b.resource(u"gateway"_s, u"us-east"_s);
        const int cartEu = b.resource(u"cart"_s, u"eu-west"_s);
        const int cartUs = b.resource(u"cart"_s, u"us-east"_s);
        b.call(gwEu, cartEu, 1, 10, 0, 1 * kSec, kMs);
        b.call(gwUs, cartUs, 2, 10, 0, 25 * kSec, kMs, true);
        EdgeDerivation d;
        d.add(b.take());
        const ServiceGraph early = d.graph(0, 10 * kSec, 0, 0);
        QVERIFY(edge(early, u"gateway@eu-west"_s, u"cart@eu-west"_s));
        QCOMPARE(edge(early, u"gateway@eu-west"_s, u"cart@eu-west"_s)->stats.requests, 1);
        QVERIFY(!edge(early, u"gateway@us-east"_s, u"cart@us-east"_s));
        const ServiceGraph late = d.graph(20 * kSec, 30 * kSec);
        QCOMPARE(edge(late, u"gateway@us-east"_s, u"cart@us-east"_s)->stats.errors, 1);
        QCOMPARE(late.node(late.findNode(u"cart@us-east"_s)).series.errorRate,
                 (std::vector<double>{0.0, 1.0})); // from the baseline's start
        // The baseline window (10..20 s) had no traffic for us-east.
        QCOMPARE(late.node(late.findNode(u"cart@us-east"_s)).baseline.requests, 0);
    }

    void fromSpanBatchReadsAttributes()
    {
        using namespace wf::telemetry;
        std::vector<Resource> resources{
            Resource(Attributes(KeyValueList{{u"service.name"_s, AnyValue::fromString(u"checkout"_s)},
                                             {u"cloud.region"_s, AnyValue::fromString(u"eu-west"_s)},
                                             {u"service.namespace"_s, AnyValue::fromString(u"shop"_s)}}))};
        Span s;
        s.traceId = *TraceId::fromHex("0102030405060708090a0b0c0d0e0f10");
        s.spanId = *SpanId::fromHex("1112131415161718");
        s.kind = SpanKind::Client;
        s.resourceIndex = 0;
        s.statusCode = StatusCode::Error;
        s.attributes = Attributes(KeyValueList{{u"db.system"_s, AnyValue::fromString(u"postgresql"_s)},
                                               {u"peer.service"_s, AnyValue::fromString(u"pg"_s)}});
        const GraphSpanBatch g = fromSpanBatch(SpanBatch(resources, {}, {s}));
        QCOMPARE(g.resources.front().region, u"eu-west"_s);
        QCOMPARE(g.resources.front().nameSpace, u"shop"_s);
        QCOMPARE(g.spans.front().id.traceHi, 0x0102030405060708ULL);
        QCOMPARE(g.spans.front().id.spanId, 0x1112131415161718ULL);
        QCOMPARE(g.spans.front().dbSystem, u"postgresql"_s);
        QVERIFY(g.spans.front().error);
        QCOMPARE(g.spans.front().parentSpanId, 0ULL);
    }
};

QTEST_GUILESS_MAIN(TestGraphDerivation)
#include "tst_graph_derivation.moc"
