// Service graph edges from metrics with source/destination labels: recorded Prometheus answers
// decoded by the real decoder, joined into edges, merged with trace edges, and fetched through the
// MetricsSource interface.
#include "graph/MetricEdgeFetcher.h"
#include "graph/MetricEdges.h"
#include "prometheus/PromResponseDecoder.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace wf::graph;
using namespace wf::prometheus;
using namespace Qt::StringLiterals;

namespace {

// Answers of Prometheus 2.42 to the three Istio queries (trimmed to three pairs), as sent.
const char* kRate = R"({"status":"success","data":{"resultType":"vector","result":[
{"metric":{"source_workload":"frontend","source_workload_namespace":"shop","destination_workload":"checkout","destination_workload_namespace":"shop"},"value":[1733040000,"12.5"]},
{"metric":{"source_workload":"checkout","source_workload_namespace":"shop","destination_workload":"payments","destination_workload_namespace":"pay"},"value":[1733040000,"4"]},
{"metric":{"source_workload":"checkout","source_workload_namespace":"shop","destination_workload":"inventory","destination_workload_namespace":"shop"},"value":[1733040000,"2"]},
{"metric":{"destination_workload":"payments"},"value":[1733040000,"1"]},
{"metric":{"source_workload":"cron","destination_workload":"payments"},"value":[1733040000,"NaN"]}]}})";
const char* kErrors = R"({"status":"success","data":{"resultType":"vector","result":[
{"metric":{"source_workload":"checkout","destination_workload":"payments"},"value":[1733040000,"1.5"]},
{"metric":{"source_workload":"nobody","destination_workload":"payments"},"value":[1733040000,"9"]}]}})";
const char* kLatency = R"({"status":"success","data":{"resultType":"vector","result":[
{"metric":{"source_workload":"checkout","destination_workload":"payments"},"value":[1733040000,"0.85"]},
{"metric":{"source_workload":"frontend","destination_workload":"checkout"},"value":[1733040000,"NaN"]}]}})";
const char* kBadQuery =
    R"({"status":"error","errorType":"bad_data","error":"1:6: parse error: unexpected character"})";

MetricsResult decode(const char* json, int status = 200)
{
    return decodeQueryResponse(QByteArray(json), status);
}

MetricEdgeQueries secondsQueries()
{
    MetricEdgeQueries q = MetricEdgeQueries::istio();
    q.latencyToMs = 1000; // the recorded latency answer is in seconds
    return q;
}

const MetricEdgeSample* find(const MetricEdgeSet& set, const QString& from, const QString& to)
{
    for (const MetricEdgeSample& e : set.edges) {
        if (e.source == from && e.destination == to)
            return &e;
    }
    return nullptr;
}

// Answers every query with a recorded response keyed by the expression, on the next event-loop turn.
class RecordedSource : public MetricsSource
{
public:
    QHash<QString, QByteArray> answers;
    QStringList asked;
    MetricsCall queryRange(const RangeQuery&, QObject*, Callback) override { return {}; }
    MetricsCall queryInstant(const InstantQuery& q, QObject* context, Callback done) override
    {
        asked << q.expr;
        MetricsCall call = MetricsCall::create();
        const QByteArray body = answers.value(q.expr);
        QTimer::singleShot(0, context, [call, body, done] {
            if (call.isCancelled()) {
                MetricsResult r;
                r.error.kind = MetricsErrorKind::Cancelled;
                done(r);
                return;
            }
            done(decodeQueryResponse(body, 200));
        });
        return call;
    }
    QString queryLanguageNote() const override { return {}; }
};

} // namespace

class TestGraphMetricEdges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinsTheThreeQueries()
    {
        const MetricEdgeSet set =
            metricEdgesFromResults(secondsQueries(), decode(kRate), decode(kErrors), decode(kLatency));
        QVERIFY(set.ok);
        QCOMPARE(int(set.edges.size()), 3);
        const MetricEdgeSample* pay = find(set, u"checkout"_s, u"payments"_s);
        QVERIFY(pay);
        QCOMPARE(pay->requestsPerSecond, 4.0);
        QCOMPARE(pay->errorsPerSecond, 1.5);
        QCOMPARE(pay->p95Ms, 850.0);
        QCOMPARE(pay->destinationNamespace, u"pay"_s);
        const MetricEdgeSample* front = find(set, u"frontend"_s, u"checkout"_s);
        QVERIFY(front);
        QCOMPARE(front->errorsPerSecond, 0.0);
        QCOMPARE(front->p95Ms, -1.0); // NaN latency: no number rather than a wrong one
        // The series without a source and the NaN rate are skipped, and the warning says so.
        QVERIFY(set.warnings.join(u'\n').contains(u"2 series"_s));
    }

    void failedSideQueriesLeaveTheirNumbersOut()
    {
        const MetricEdgeSet set =
            metricEdgesFromResults(secondsQueries(), decode(kRate), decode(kBadQuery, 400), decode(kLatency));
        QVERIFY(set.ok);
        QCOMPARE(int(set.edges.size()), 3);
        QCOMPARE(find(set, u"checkout"_s, u"payments"_s)->errorsPerSecond, 0.0);
        QVERIFY(set.warnings.join(u'\n').contains(u"parse error"_s));
    }

    void failedRateQueryFailsAll()
    {
        const MetricEdgeSet set = metricEdgesFromResults(secondsQueries(), decode(kBadQuery, 400),
                                                         decode(kErrors), decode(kLatency));
        QVERIFY(!set.ok);
        QVERIFY(set.edges.empty());
        QCOMPARE(set.warnings.size(), 1);
    }

    void duplicatePairsAreSkippedWithAHint()
    {
        const char* dup = R"({"status":"success","data":{"resultType":"vector","result":[
{"metric":{"source_workload":"a","destination_workload":"b","pod":"1"},"value":[1,"1"]},
{"metric":{"source_workload":"a","destination_workload":"b","pod":"2"},"value":[1,"3"]}]}})";
        const MetricEdgeSet set = metricEdgesFromResults(secondsQueries(), decode(dup), {}, {});
        QCOMPARE(int(set.edges.size()), 1);
        QVERIFY(set.warnings.join(u'\n').contains(u"aggregate"_s));
    }

    void mergesWithTraceEdgesAndMarksEvidence()
    {
        ServiceGraph g;
        g.windowFromNs = 0;
        g.windowToNs = 60'000'000'000; // 60 s
        GraphNode front;
        front.name = u"frontend"_s;
        GraphNode checkout;
        checkout.name = u"checkout"_s;
        checkout.stats.requests = 700;
        const int f = g.addNode(front);
        const int c = g.addNode(checkout);
        const int traced = g.addEdge(f, c, Provenance::Observed);
        g.edge(traced).observedBy = SeenInTraces;
        g.edge(traced).stats.requests = 700;
        GraphNode inventory;
        inventory.name = u"inventory"_s;
        const int inv = g.addNode(inventory);
        const int declared = g.addEdge(c, inv, Provenance::Declared);

        const MetricEdgeSet set =
            metricEdgesFromResults(secondsQueries(), decode(kRate), decode(kErrors), decode(kLatency));
        QCOMPARE(applyMetricEdges(g, set), 3);

        // Seen by both: trace numbers kept, metric numbers beside them.
        QCOMPARE(g.edge(traced).observedBy, quint8(SeenInTraces | SeenInMetrics));
        QCOMPARE(g.edge(traced).stats.requests, qint64(700));
        QCOMPARE(g.edge(traced).metrics.requestsPerSecond, 12.5);
        // Declared and seen by the mesh.
        QCOMPARE(g.edge(declared).provenance, Provenance::Both);
        QCOMPARE(g.edge(declared).observedBy, quint8(SeenInMetrics));
        QCOMPARE(g.edge(declared).stats.requests, qint64(120)); // 2/s over 60 s
        // payments was unknown to the traces: created, with counts from the rates so health works.
        const int pay = g.findNode(u"payments"_s);
        QVERIFY(pay >= 0);
        QCOMPARE(g.node(pay).nameSpace, u"pay"_s);
        const GraphEdge& e = g.edge(g.findEdge(c, pay));
        QCOMPARE(e.observedBy, quint8(SeenInMetrics));
        QCOMPARE(e.stats.requests, qint64(240));
        QCOMPARE(e.stats.errors, qint64(90));
        QCOMPARE(g.node(pay).stats.requests, qint64(240));
        QCOMPARE(g.node(pay).stats.errors, qint64(90));
    }

    void fetcherRunsTheQueriesThroughTheSource()
    {
        RecordedSource source;
        const MetricEdgeQueries q = secondsQueries();
        source.answers.insert(q.rateQuery, kRate);
        source.answers.insert(q.errorRateQuery, kErrors);
        source.answers.insert(q.latencyQuery, kLatency);
        MetricEdgeFetcher fetcher(&source, q);
        QSignalSpy spy(&fetcher, &MetricEdgeFetcher::fetched);
        fetcher.fetch(1000);
        fetcher.fetch(2000); // supersedes the first: only one answer, for 2000
        QVERIFY(spy.wait(5000));
        QTest::qWait(50);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(1).toLongLong(), qint64(2000));
        const auto set = spy.at(0).at(0).value<MetricEdgeSet>();
        QCOMPARE(int(set.edges.size()), 3);
        QCOMPARE(source.asked.size(), 6);
        QVERIFY(!fetcher.isRunning());
    }

    void unconfiguredFetcherAsksNothing()
    {
        RecordedSource source;
        MetricEdgeFetcher fetcher(&source, MetricEdgeQueries{});
        fetcher.fetch(0);
        QVERIFY(source.asked.isEmpty());
        QVERIFY(!fetcher.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestGraphMetricEdges)
#include "tst_graph_metricedges.moc"
