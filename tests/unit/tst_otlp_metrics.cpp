// OTLP/JSON metric decoding from inline fixtures: every metric type, cumulative and delta sums, ints
// given as strings and numbers, histogram bounds and counts; and point-by-point rejection.

#include "otlp/OtlpJson.h"

#include <QTest>

#include <cmath>

using namespace wf;
using telemetry::AggregationTemporality;
using telemetry::Metric;
using telemetry::MetricType;

namespace {

QByteArray metrics(const QByteArray& list)
{
    return R"({"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"shop"}}]},
        "scopeMetrics":[{"scope":{"name":"meter"},"metrics":[)" +
           list + "]}]}]}";
}

const Metric* find(const telemetry::MetricBatch& b, const QString& name)
{
    for (const Metric& m : b.metrics())
        if (m.name == name)
            return &m;
    return nullptr;
}

} // namespace

class TestOtlpMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMetricType()
    {
        const QByteArray body = metrics(R"(
          {"name":"queue.depth","unit":"{items}","description":"items waiting","gauge":{"dataPoints":[
            {"timeUnixNano":"1000","asInt":"42","attributes":[{"key":"queue","value":{"stringValue":"a"}}]},
            {"timeUnixNano":2000,"asInt":43},
            {"timeUnixNano":"3000","asDouble":41.5,"flags":1}]}},
          {"name":"requests","unit":"1","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[
            {"startTimeUnixNano":"100","timeUnixNano":"1000","asInt":"9007199254740993"}]}},
          {"name":"bytes.delta","sum":{"aggregationTemporality":"AGGREGATION_TEMPORALITY_DELTA","isMonotonic":false,
            "dataPoints":[{"startTimeUnixNano":"900","timeUnixNano":"1000","asDouble":"Infinity"}]}},
          {"name":"latency","unit":"ms","histogram":{"aggregationTemporality":1,"dataPoints":[
            {"startTimeUnixNano":"0","timeUnixNano":"1000","count":"10","sum":55.5,"min":0.5,"max":12,
             "explicitBounds":[0,5,10],"bucketCounts":["1",2,"3",4],
             "attributes":[{"key":"route","value":{"stringValue":"/cart"}}]},
            {"timeUnixNano":"2000","count":0}]}},
          {"name":"latency.exp","exponentialHistogram":{"aggregationTemporality":2,"dataPoints":[
            {"timeUnixNano":"1000","count":"7","sum":3.5,"scale":-2,"zeroCount":"1","zeroThreshold":0.001,
             "positive":{"offset":-3,"bucketCounts":["2","3"]},"negative":{"offset":1,"bucketCounts":[1]}}]}},
          {"name":"rpc.duration","summary":{"dataPoints":[
            {"timeUnixNano":"1000","count":"3","sum":6,"quantileValues":[{"quantile":0.5,"value":2},{"quantile":0.99,"value":3.9}]}]}}
        )");
        const auto r = otlp::decodeMetricsJson(body);
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 9);
        QCOMPARE(r.batch.size(), 6);
        QCOMPARE(r.batch.pointCount(), 9);
        QCOMPARE(r.batch.resourceOf(r.batch.metrics()[0]).serviceName(), QStringLiteral("shop"));
        QCOMPARE(r.batch.scopeOf(r.batch.metrics()[0]).name, QStringLiteral("meter"));

        const Metric* gauge = find(r.batch, QStringLiteral("queue.depth"));
        QVERIFY(gauge);
        QCOMPARE(gauge->type, MetricType::Gauge);
        QCOMPARE(gauge->unit, QStringLiteral("{items}"));
        QCOMPARE(gauge->description, QStringLiteral("items waiting"));
        const auto& g = gauge->numberPoints;
        QCOMPARE(g.size(), 3);
        QCOMPARE(g.timeNs, (std::vector<qint64>{1000, 2000, 3000}));
        QCOMPARE(g.values, (std::vector<double>{42, 43, 41.5}));
        QCOMPARE(g.isInt, (std::vector<quint8>{1, 1, 0}));
        QCOMPARE(g.intValues[1], 43);
        QCOMPARE(g.flags[2], 1u);
        QCOMPARE(g.attributes[0].value(u"queue").toString(), QStringLiteral("a"));
        QCOMPARE(g.startNs[0], 0);

        const Metric* sum = find(r.batch, QStringLiteral("requests"));
        QVERIFY(sum);
        QCOMPARE(sum->type, MetricType::Sum);
        QCOMPARE(sum->temporality, AggregationTemporality::Cumulative);
        QVERIFY(sum->isMonotonic);
        QCOMPARE(sum->numberPoints.intValues[0], Q_INT64_C(9007199254740993)); // exact, not via double
        QCOMPARE(sum->numberPoints.startNs[0], 100);

        const Metric* delta = find(r.batch, QStringLiteral("bytes.delta"));
        QVERIFY(delta);
        QCOMPARE(delta->temporality, AggregationTemporality::Delta);
        QVERIFY(!delta->isMonotonic);
        QVERIFY(std::isinf(delta->numberPoints.values[0]));

        const Metric* hist = find(r.batch, QStringLiteral("latency"));
        QVERIFY(hist);
        QCOMPARE(hist->type, MetricType::Histogram);
        QCOMPARE(hist->temporality, AggregationTemporality::Delta);
        QCOMPARE(hist->histogramPoints.size(), 2u);
        const auto& h = hist->histogramPoints[0];
        QCOMPARE(h.count, 10u);
        QCOMPARE(h.sum, std::optional<double>(55.5));
        QCOMPARE(h.min, std::optional<double>(0.5));
        QCOMPARE(h.max, std::optional<double>(12));
        QCOMPARE(h.explicitBounds, (std::vector<double>{0, 5, 10}));
        QCOMPARE(h.bucketCounts, (std::vector<quint64>{1, 2, 3, 4}));
        QCOMPARE(h.attributes.value(u"route").toString(), QStringLiteral("/cart"));
        QVERIFY(!hist->histogramPoints[1].sum.has_value()); // absent, not 0
        QVERIFY(hist->histogramPoints[1].bucketCounts.empty());

        const Metric* exp = find(r.batch, QStringLiteral("latency.exp"));
        QVERIFY(exp);
        QCOMPARE(exp->type, MetricType::ExponentialHistogram);
        QCOMPARE(exp->temporality, AggregationTemporality::Cumulative);
        const auto& e = exp->exponentialHistogramPoints.at(0);
        QCOMPARE(e.count, 7u);
        QCOMPARE(e.scale, -2);
        QCOMPARE(e.zeroCount, 1u);
        QCOMPARE(e.zeroThreshold, 0.001);
        QCOMPARE(e.positive.offset, -3);
        QCOMPARE(e.positive.bucketCounts, (std::vector<quint64>{2, 3}));
        QCOMPARE(e.negative.offset, 1);
        QCOMPARE(e.negative.bucketCounts, (std::vector<quint64>{1}));

        const Metric* summary = find(r.batch, QStringLiteral("rpc.duration"));
        QVERIFY(summary);
        QCOMPARE(summary->type, MetricType::Summary);
        const auto& s = summary->summaryPoints.at(0);
        QCOMPARE(s.count, 3u);
        QCOMPARE(s.sum, 6.0);
        QCOMPARE(s.quantiles.size(), 2u);
        QCOMPARE(s.quantiles[1].quantile, 0.99);
        QCOMPARE(s.quantiles[1].value, 3.9);
    }

    void snakeCaseNames()
    {
        const auto r = otlp::decodeMetricsJson(R"({"resource_metrics":[{"scope_metrics":[{"metrics":[
            {"name":"c","sum":{"aggregation_temporality":2,"is_monotonic":true,"data_points":[{"time_unix_nano":"5","as_int":1}]}},
            {"name":"e","exponential_histogram":{"data_points":[{"zero_count":2,"positive":{"bucket_counts":[1]}}]}},
            {"name":"q","summary":{"data_points":[{"quantile_values":[{"quantile":1,"value":2}]}]}}]}]}]})");
        QVERIFY2(!r.malformed && r.rejected == 0, qPrintable(r.errorText()));
        QCOMPARE(r.accepted, 3);
        QCOMPARE(r.batch.metrics()[0].temporality, AggregationTemporality::Cumulative);
        QCOMPARE(r.batch.metrics()[0].numberPoints.timeNs[0], 5);
        QCOMPARE(r.batch.metrics()[1].exponentialHistogramPoints[0].zeroCount, 2u);
        QCOMPARE(r.batch.metrics()[2].summaryPoints[0].quantiles[0].value, 2.0);
    }

    void badPointsAreRejectedOneByOne()
    {
        const auto r = otlp::decodeMetricsJson(metrics(R"(
          {"name":"g","gauge":{"dataPoints":[{"asInt":"1"},{"asInt":"one"},{"asDouble":2}]}},
          {"name":"h","histogram":{"dataPoints":[{"explicitBounds":[1,2],"bucketCounts":[1,2]},{"explicitBounds":[1],"bucketCounts":[1,1]}]}}
        )"));
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 3);
        QCOMPARE(r.rejected, 2);
        const QString p = QStringLiteral("resourceMetrics[0].scopeMetrics[0].metrics[");
        QCOMPARE(r.errors[0].englishMessage(),
                 p + QStringLiteral("0].gauge.dataPoints[1].asInt: expected an integer, got \"one\""));
        QCOMPARE(
            r.errors[1].englishMessage(),
            p + QStringLiteral("1].histogram.dataPoints[0].bucketCounts: expected 3 bucket counts, got 2"));
        QCOMPARE(r.batch.metrics()[0].numberPoints.values, (std::vector<double>{1, 2}));
    }

    void aBadMetricRejectsAllItsPoints()
    {
        const auto r = otlp::decodeMetricsJson(metrics(R"(
          {"name":"s","sum":{"aggregationTemporality":"SOMETIMES","dataPoints":[{"asInt":1},{"asInt":2}]}},
          {"name":7,"gauge":{"dataPoints":[{"asInt":1}]}},
          {"name":"two","gauge":{"dataPoints":[{"asInt":1}]},"sum":{"dataPoints":[{"asInt":1},{"asInt":2}]}},
          {"name":"ok","gauge":{"dataPoints":[{"asInt":1}]}},
          5
        )"));
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 1);
        QCOMPARE(r.rejected, 6);
        QCOMPARE(r.batch.size(), 1);
        QCOMPARE(r.batch.metrics()[0].name, QStringLiteral("ok"));
        const QString p = QStringLiteral("resourceMetrics[0].scopeMetrics[0].metrics[");
        QCOMPARE(r.errors[0].englishMessage(),
                 p + QStringLiteral("0].sum.aggregationTemporality: unknown enum value \"SOMETIMES\""));
        QCOMPARE(r.errors[1].englishMessage(),
                 p + QStringLiteral("1].name: expected a string, got a number"));
        QCOMPARE(r.errors[2].englishMessage(),
                 p + QStringLiteral("2].sum: more than one data field (gauge, sum, histogram, ...)"));
        QCOMPARE(r.errors[3].englishMessage(), p + QStringLiteral("4]: expected an object, got a number"));
    }

    void limitsCountPoints()
    {
        otlp::DecodeLimits limits;
        limits.maxItems = 2;
        limits.maxBuckets = 3;
        const auto r = otlp::decodeMetricsJson(metrics(R"(
          {"name":"g","gauge":{"dataPoints":[{"asInt":1},{"asInt":2},{"asInt":3}]}},
          {"name":"h","histogram":{"dataPoints":[{"explicitBounds":[1,2,3,4]}]}}
        )"),
                                               limits);
        QCOMPARE(r.accepted, 2);
        QCOMPARE(r.rejected, 2);
        QCOMPARE(r.batch.pointCount(), 2);

        limits.maxItems = 10;
        const auto b = otlp::decodeMetricsJson(
            metrics(R"({"name":"h","histogram":{"dataPoints":[{"explicitBounds":[1,2,3,4]}]}})"), limits);
        QCOMPARE(b.rejected, 1);
        QCOMPARE(
            b.errors[0].englishMessage(),
            QStringLiteral(
                "resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[0].explicitBounds[3]: "
                "more than 3 values"));
    }

    void metricWithoutDataIsDropped()
    {
        const auto r = otlp::decodeMetricsJson(metrics(R"({"name":"nothing"},{"name":"empty","gauge":{}})"));
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 0);
        QCOMPARE(r.rejected, 0);
        QVERIFY(r.batch.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOtlpMetrics)
#include "tst_otlp_metrics.moc"
