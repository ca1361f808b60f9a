// SeriesStore: temporality, counter resets, histogram quantiles and means, grouping, retention, the
// series budget and concurrent use, each against values worked out by hand in the comments; then the
// demo shop's real OTLP JSON, whose error rate and p95 must rise during its scripted incident.

#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"
#include "otlp/OtlpJson.h"
#include "signalstore/SeriesMath.h"
#include "signalstore/SeriesStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace wf;
using namespace Qt::StringLiterals;
using signalstore::SeriesQuery;
using signalstore::SeriesSet;
using signalstore::SeriesStore;
using telemetry::AggregationTemporality;
using telemetry::MetricType;

namespace {

constexpr qint64 kSec = 1'000'000'000;
constexpr qint64 kHour = 3600 * kSec;

telemetry::Attributes attrs(std::initializer_list<std::pair<const char*, const char*>> kvs)
{
    telemetry::KeyValueList items;
    for (const auto& [k, v] : kvs)
        items.push_back({QString::fromUtf8(k), telemetry::AnyValue::fromString(QString::fromUtf8(v))});
    return telemetry::Attributes(std::move(items));
}

struct NumberPoint
{
    qint64 timeNs;
    double value;
    qint64 startNs = 0;
    telemetry::Attributes attributes = {};
};

telemetry::Metric numberMetric(const QString& name, MetricType type, AggregationTemporality temporality,
                               bool monotonic, const std::vector<NumberPoint>& points)
{
    telemetry::Metric m;
    m.name = name;
    m.type = type;
    m.temporality = temporality;
    m.isMonotonic = monotonic;
    m.resourceIndex = 0;
    for (const NumberPoint& p : points) {
        m.numberPoints.startNs.push_back(p.startNs);
        m.numberPoints.timeNs.push_back(p.timeNs);
        m.numberPoints.values.push_back(p.value);
        m.numberPoints.intValues.push_back(0);
        m.numberPoints.isInt.push_back(0);
        m.numberPoints.flags.push_back(0);
        m.numberPoints.attributes.push_back(p.attributes);
    }
    return m;
}

telemetry::Metric counter(const QString& name, const std::vector<NumberPoint>& points)
{
    return numberMetric(name, MetricType::Sum, AggregationTemporality::Cumulative, true, points);
}

telemetry::HistogramPoint histogramPoint(qint64 timeNs, std::vector<quint64> buckets, double sum,
                                         telemetry::Attributes attributes = {})
{
    telemetry::HistogramPoint p;
    p.startNs = 1;
    p.timeNs = timeNs;
    p.explicitBounds = {1, 5, 10};
    for (quint64 b : buckets)
        p.count += b;
    p.bucketCounts = std::move(buckets);
    p.sum = sum;
    p.attributes = std::move(attributes);
    return p;
}

telemetry::Metric histogram(const QString& name, AggregationTemporality temporality,
                            std::vector<telemetry::HistogramPoint> points)
{
    telemetry::Metric m;
    m.name = name;
    m.type = MetricType::Histogram;
    m.temporality = temporality;
    m.resourceIndex = 0;
    m.histogramPoints = std::move(points);
    return m;
}

telemetry::MetricBatch batchOf(const QString& service, std::vector<telemetry::Metric> metrics)
{
    std::vector<telemetry::Resource> resources{
        telemetry::Resource(attrs({{"service.name", service.toUtf8().constData()}}))};
    return telemetry::MetricBatch(std::move(resources), {}, std::move(metrics));
}

SeriesQuery queryOf(const QString& metric, SeriesQuery::Function f, QStringList groupBy = {},
                    qint64 stepNs = 10 * kSec)
{
    SeriesQuery q;
    q.metric = metric;
    q.function = f;
    q.groupBy = std::move(groupBy);
    q.stepNs = stepNs;
    return q;
}

std::vector<SeriesSet> run(const SeriesStore& store, const SeriesQuery& q)
{
    auto r = store.query(q);
    if (!r.ok)
        qFatal("query failed: %s", qPrintable(r.error));
    return r.value;
}

std::vector<qint64> seconds(const std::vector<qint64>& ns)
{
    std::vector<qint64> out;
    for (qint64 t : ns)
        out.push_back(t / kSec);
    return out;
}

bool near(const std::vector<double>& actual, const std::vector<double>& expected)
{
    if (actual.size() != expected.size())
        return false;
    for (std::size_t i = 0; i < actual.size(); ++i)
        if (std::abs(actual[i] - expected[i]) > 1e-9)
            return false;
    return true;
}

QByteArray show(const std::vector<double>& v)
{
    QByteArray out = "[";
    for (double d : v)
        out += QByteArray::number(d, 'g', 12) + ' ';
    return out + ']';
}

#define COMPARE_VALUES(actual, ...)                                                                          \
    QVERIFY2(near((actual), std::vector<double>{__VA_ARGS__}), show(actual).constData())

} // namespace

class TestSeriesStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantileMath()
    {
        // Buckets (-inf,1] (1,5] (5,10] (10,+inf) holding 2, 4, 2, 0: rank 4 of 8 lies 2/4 into
        // (1,5] -> 3; rank 7.6 lies 1.6/2 into (5,10] -> 9.
        const std::vector<double> bounds{1, 5, 10};
        QCOMPARE(signalstore::histogramQuantile(0.5, bounds, std::vector<double>{2, 4, 2, 0}), 3.0);
        QCOMPARE(signalstore::histogramQuantile(0.95, bounds, std::vector<double>{2, 4, 2, 0}), 9.0);
        // Rank in the +Inf bucket: the last finite bound.
        QCOMPARE(signalstore::histogramQuantile(0.9, bounds, std::vector<double>{1, 0, 0, 9}), 10.0);
        QVERIFY(std::isnan(signalstore::histogramQuantile(0.5, bounds, std::vector<double>{0, 0, 0, 0})));
        QCOMPARE(signalstore::stepIndexOf(-1, 10), -1);
        QCOMPARE(signalstore::stepIndexOf(19, 10), 1);
    }

    void cumulativeRateWithReset()
    {
        SeriesStore store(kHour, 100);
        // 100, 130, 190, then the process restarts without a start time (value drops to 20), 50.
        QCOMPARE(store.append(batchOf(u"api"_s, {counter(u"req"_s, {{10 * kSec, 100},
                                                                    {20 * kSec, 130},
                                                                    {30 * kSec, 190},
                                                                    {40 * kSec, 20},
                                                                    {50 * kSec, 50}})})),
                 5);
        const auto rate = run(store, queryOf(u"req"_s, SeriesQuery::Function::Rate));
        QCOMPARE(rate.size(), 1u);
        // Increases 30, 60, 20 (all of the post-reset value), 30 over 10 s steps; the first point has
        // no predecessor and gives no rate.
        QCOMPARE(seconds(rate[0].timesNs), (std::vector<qint64>{20, 30, 40, 50}));
        COMPARE_VALUES(rate[0].values, 3, 6, 2, 3);
        QVERIFY(rate[0].labels.isEmpty());

        const auto raw = run(store, queryOf(u"req"_s, SeriesQuery::Function::Raw));
        COMPARE_VALUES(raw[0].values, 100, 130, 190, 20, 50);

        // A window starting inside the data still differences against the point before it.
        SeriesQuery late = queryOf(u"req"_s, SeriesQuery::Function::Rate);
        late.fromNs = 30 * kSec;
        late.toNs = 50 * kSec;
        const auto windowed = run(store, late);
        QCOMPARE(seconds(windowed[0].timesNs), (std::vector<qint64>{30, 40}));
        COMPARE_VALUES(windowed[0].values, 6, 2);
    }

    void startTimeChangeIsAReset()
    {
        SeriesStore store(kHour, 100);
        // The value rises from 150 to 160, but the start time moved: a new process counted 160 since
        // it started, so the increase is 160, not 10.
        store.append(batchOf(u"api"_s, {counter(u"req"_s, {{10 * kSec, 100, 5 * kSec},
                                                           {20 * kSec, 150, 5 * kSec},
                                                           {30 * kSec, 160, 25 * kSec},
                                                           {40 * kSec, 170, 25 * kSec}})}));
        // The counter started at 5 s, inside the window: its first 100 were counted from zero there.
        const auto rate = run(store, queryOf(u"req"_s, SeriesQuery::Function::Rate));
        QCOMPARE(seconds(rate[0].timesNs), (std::vector<qint64>{10, 20, 30, 40}));
        COMPARE_VALUES(rate[0].values, 10, 5, 16, 1);
        // From 8 s on, the start lies before the window: the first point is only a base, as in
        // Prometheus.
        SeriesQuery late = queryOf(u"req"_s, SeriesQuery::Function::Rate);
        late.fromNs = 8 * kSec;
        COMPARE_VALUES(run(store, late)[0].values, 5, 16, 1);
    }

    void deltaSums()
    {
        SeriesStore store(kHour, 100);
        store.append(batchOf(
            u"api"_s, {numberMetric(u"bytes"_s, MetricType::Sum, AggregationTemporality::Delta, true,
                                    {{10 * kSec, 5}, {15 * kSec, 7}, {20 * kSec, 3}, {35 * kSec, 4}})}));
        // Steps [10,20): 5+7, [20,30): 3, [30,40): 4, per 10 s.
        const auto rate = run(store, queryOf(u"bytes"_s, SeriesQuery::Function::Rate));
        QCOMPARE(seconds(rate[0].timesNs), (std::vector<qint64>{10, 20, 30}));
        COMPARE_VALUES(rate[0].values, 1.2, 0.3, 0.4);
        // Raw of a delta sum is the running total: 12, 15, 19.
        const auto raw = run(store, queryOf(u"bytes"_s, SeriesQuery::Function::Raw));
        COMPARE_VALUES(raw[0].values, 12, 15, 19);
    }

    void outOfOrderAndDuplicatePoints()
    {
        SeriesStore store(kHour, 100);
        store.append(batchOf(u"api"_s, {counter(u"req"_s, {{30 * kSec, 60}})}));
        store.append(batchOf(u"api"_s, {counter(u"req"_s, {{10 * kSec, 10}, {20 * kSec, 25}})}));
        // A collection sent twice (an exporter retry), the second time corrected: replaced, not added.
        store.append(batchOf(u"api"_s, {counter(u"req"_s, {{20 * kSec, 30}})}));
        QCOMPARE(store.pointCount(), 3);
        QCOMPARE(store.seriesCount(), 1);
        // Sorted 10, 30, 60: increases 20 and 30, with no false reset from the late arrivals.
        const auto rate = run(store, queryOf(u"req"_s, SeriesQuery::Function::Rate));
        COMPARE_VALUES(rate[0].values, 2, 3);
    }

    void functionsMustFitTheType()
    {
        SeriesStore store(kHour, 100);
        store.append(
            batchOf(u"api"_s, {numberMetric(u"cpu"_s, MetricType::Gauge, AggregationTemporality::Unspecified,
                                            false, {{10 * kSec, 0.5}}),
                               numberMetric(u"queue"_s, MetricType::Sum, AggregationTemporality::Cumulative,
                                            false, {{10 * kSec, 4}}),
                               counter(u"req"_s, {{10 * kSec, 1}}),
                               histogram(u"lat"_s, AggregationTemporality::Cumulative,
                                         {histogramPoint(10 * kSec, {1, 0, 0, 0}, 0.5)})}));
        const auto refused = [&](const QString& metric, SeriesQuery::Function f) {
            const auto r = store.query(queryOf(metric, f));
            return !r.ok && !r.error.isEmpty() && r.error.contains(metric) && r.value.empty();
        };
        QVERIFY(refused(u"cpu"_s, SeriesQuery::Function::Rate));
        QVERIFY(refused(u"queue"_s, SeriesQuery::Function::Rate)); // non-monotonic
        QVERIFY(refused(u"req"_s, SeriesQuery::Function::Quantile));
        QVERIFY(refused(u"lat"_s, SeriesQuery::Function::Raw));
        QVERIFY(refused(u"nope"_s, SeriesQuery::Function::Raw));
        QVERIFY(store.query(queryOf(u"cpu"_s, SeriesQuery::Function::Raw)).ok);
        QVERIFY(store.query(queryOf(u"lat"_s, SeriesQuery::Function::Rate)).ok); // observation count
        SeriesQuery zeroStep = queryOf(u"req"_s, SeriesQuery::Function::Rate);
        zeroStep.stepNs = 0;
        QVERIFY(!store.query(zeroStep).ok);
        SeriesQuery tiny = queryOf(u"req"_s, SeriesQuery::Function::Rate);
        tiny.fromNs = 0;
        tiny.toNs = kHour;
        tiny.stepNs = 1000; // 3.6e9 steps
        store.append(batchOf(u"api"_s, {counter(u"req"_s, {{50 * kSec, 9}})}));
        QVERIFY(!store.query(tiny).ok);

        const auto infos = store.metrics();
        QCOMPARE(infos.size(), 4);
        QCOMPARE(infos[0].name, u"cpu"_s); // sorted by name
        QCOMPARE(infos[1].type, int(MetricType::Histogram));
        QCOMPARE(infos[3].seriesCount, 1);
    }

    void histogramQuantileAndMeanAcrossTwoServices()
    {
        SeriesStore store(kHour, 100);
        // Bounds 1, 5, 10. checkout observes 2 in (-inf,1] and 2 in (1,5], sum 10; payments 2 in (1,5]
        // and 2 in (5,10], sum 24; both start from an all-zero point.
        store.append(batchOf(u"checkout"_s, {histogram(u"lat"_s, AggregationTemporality::Cumulative,
                                                       {histogramPoint(0, {0, 0, 0, 0}, 0),
                                                        histogramPoint(10 * kSec, {2, 2, 0, 0}, 10),
                                                        histogramPoint(20 * kSec, {2, 2, 0, 5}, 100)})}));
        store.append(batchOf(u"payments"_s, {histogram(u"lat"_s, AggregationTemporality::Cumulative,
                                                       {histogramPoint(0, {0, 0, 0, 0}, 0),
                                                        histogramPoint(10 * kSec, {0, 2, 2, 0}, 24)})}));

        SeriesQuery all = queryOf(u"lat"_s, SeriesQuery::Function::Quantile);
        all.toNs = 15 * kSec;
        all.quantile = 0.5;
        // Merged step 10: 2, 4, 2, 0 -> p50 3 (see quantileMath), p95 9, mean 34 / 8.
        auto r = run(store, all);
        QCOMPARE(r.size(), 1u);
        QCOMPARE(seconds(r[0].timesNs), (std::vector<qint64>{10}));
        COMPARE_VALUES(r[0].values, 3);
        all.quantile = 0.95;
        COMPARE_VALUES(run(store, all)[0].values, 9);
        all.function = SeriesQuery::Function::Mean;
        COMPARE_VALUES(run(store, all)[0].values, 4.25);

        // Per service: checkout p50 rank 2 of 4 fills (-inf,1] -> 1, payments rank 2 fills (1,5] -> 5.
        // Step 20: checkout's 5 new observations are all above 10: +Inf bucket -> 10.
        SeriesQuery per = queryOf(u"lat"_s, SeriesQuery::Function::Quantile, {u"service.name"_s});
        per.quantile = 0.5;
        r = run(store, per);
        QCOMPARE(r.size(), 2u);
        QCOMPARE(r[0].labels, (QList<std::pair<QString, QString>>{{u"service.name"_s, u"checkout"_s}}));
        QCOMPARE(seconds(r[0].timesNs), (std::vector<qint64>{10, 20}));
        COMPARE_VALUES(r[0].values, 1, 10);
        QCOMPARE(r[1].labels.value(0).second, u"payments"_s);
        COMPARE_VALUES(r[1].values, 5);
        per.function = SeriesQuery::Function::Mean;
        r = run(store, per);
        COMPARE_VALUES(r[0].values, 2.5, 18); // (100 - 10) / 5
        COMPARE_VALUES(r[1].values, 6);
        // Rate of a histogram: its observation count per second.
        COMPARE_VALUES(run(store, queryOf(u"lat"_s, SeriesQuery::Function::Rate))[0].values, 0.8, 0.5);
    }

    void deltaHistogramAndReset()
    {
        SeriesStore store(kHour, 100);
        // Delta points are the step's observations: (1,5] x2 then (5,10] x2 in the next step.
        store.append(batchOf(u"api"_s, {histogram(u"d"_s, AggregationTemporality::Delta,
                                                  {histogramPoint(10 * kSec, {0, 2, 0, 0}, 6),
                                                   histogramPoint(20 * kSec, {0, 0, 2, 0}, 14)})}));
        SeriesQuery q = queryOf(u"d"_s, SeriesQuery::Function::Mean);
        COMPARE_VALUES(run(store, q)[0].values, 3, 7);
        // A cumulative histogram started at 1 ns (in the window: 60 / 15 observations counted from zero)
        // whose counts then drop: it restarted, so the new point counts whole.
        store.append(batchOf(u"api"_s, {histogram(u"c"_s, AggregationTemporality::Cumulative,
                                                  {histogramPoint(10 * kSec, {5, 5, 5, 0}, 60),
                                                   histogramPoint(20 * kSec, {0, 1, 1, 0}, 9)})}));
        q.metric = u"c"_s;
        COMPARE_VALUES(run(store, q)[0].values, 4, 4.5);
    }

    void groupByPointAttributeWithMatch()
    {
        SeriesStore store(kHour, 100);
        const auto routes = [](double a0, double a1, double b0, double b1) {
            return counter(u"req"_s, {{0, a0, 0, attrs({{"http.route", "/a"}})},
                                      {10 * kSec, a1, 0, attrs({{"http.route", "/a"}})},
                                      {0, b0, 0, attrs({{"http.route", "/b"}})},
                                      {10 * kSec, b1, 0, attrs({{"http.route", "/b"}})}});
        };
        store.append(batchOf(u"cart"_s, {routes(0, 10, 0, 20)}));
        store.append(batchOf(u"users"_s, {routes(0, 30, 0, 40)}));
        QCOMPARE(store.seriesCount(), 4);

        // Per route, summed over both services: /a (10 + 30) / 10 s, /b (20 + 40) / 10 s.
        auto r = run(store, queryOf(u"req"_s, SeriesQuery::Function::Rate, {u"http.route"_s}));
        QCOMPARE(r.size(), 2u);
        QCOMPARE(r[0].labels.value(0), (std::pair<QString, QString>(u"http.route"_s, u"/a"_s)));
        COMPARE_VALUES(r[0].values, 4);
        COMPARE_VALUES(r[1].values, 6);

        // Only the users service, by route and service.
        SeriesQuery q = queryOf(u"req"_s, SeriesQuery::Function::Rate, {u"http.route"_s, u"service.name"_s});
        q.match = {{u"service.name"_s, u"users"_s}};
        r = run(store, q);
        QCOMPARE(r.size(), 2u);
        QCOMPARE(r[1].labels, (QList<std::pair<QString, QString>>{{u"http.route"_s, u"/b"_s},
                                                                  {u"service.name"_s, u"users"_s}}));
        COMPARE_VALUES(r[1].values, 4);
        q.match = {{u"service.name"_s, u"nobody"_s}};
        QVERIFY(run(store, q).empty());
    }

    void rawGaugesSumWithStaleness()
    {
        SeriesStore store(kHour, 100);
        // Two hosts report at different steps: each value counts until the other reports, so the sum
        // is 1, 3, 5 rather than 1, 2, 3.
        const auto gauge = [](std::vector<NumberPoint> points) {
            return numberMetric(u"conns"_s, MetricType::Gauge, AggregationTemporality::Unspecified, false,
                                points);
        };
        store.append(batchOf(u"a"_s, {gauge({{0, 1}, {20 * kSec, 2}})}));
        store.append(batchOf(u"b"_s, {gauge({{10 * kSec, 2}, {20 * kSec, 3}})}));
        const auto r = run(store, queryOf(u"conns"_s, SeriesQuery::Function::Raw));
        COMPARE_VALUES(r[0].values, 1, 3, 5);
    }

    void retentionTrimsOldPointsAndSeries()
    {
        const qint64 retention = 60 * kSec;
        SeriesStore store(retention, 100);
        store.append(batchOf(u"old"_s, {counter(u"gone"_s, {{0, 1}})}));
        qint64 kept = 0;
        for (qint64 t = 0; t <= 200; t += 10)
            kept += store.append(batchOf(u"api"_s, {counter(u"req"_s, {{t * kSec, double(t)}})}));
        QCOMPARE(kept, 21);
        // Newest 200 s, retention 60 s: 140 ... 200 remain; the series last seen at 0 s is gone.
        QCOMPARE(store.pointCount(), 7);
        QCOMPARE(store.seriesCount(), 1);
        QCOMPARE(store.metrics().size(), 1);
        QVERIFY(!store.query(queryOf(u"gone"_s, SeriesQuery::Function::Raw)).ok);
        // A point older than the retention is not taken.
        QCOMPARE(store.append(batchOf(u"api"_s, {counter(u"req"_s, {{100 * kSec, 100}})})), 0);
        const auto raw = run(store, queryOf(u"req"_s, SeriesQuery::Function::Raw));
        QCOMPARE(seconds(raw[0].timesNs), (std::vector<qint64>{140, 150, 160, 170, 180, 190, 200}));

        // A sender whose clock is years ahead moves the retention clock no further than a few
        // minutes past this machine's: everything sent at a sane time stays.
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        SeriesStore live(kHour, 100);
        live.append(batchOf(u"api"_s, {counter(u"req"_s, {{now - 30 * kSec, 1}, {now, 2}})}));
        live.append(batchOf(u"skewed"_s, {counter(u"req"_s, {{now + 365 * 24 * kHour, 3}})}));
        QCOMPARE(live.pointCount(), 3);
    }

    void maxSeriesRefusesNewSeries()
    {
        SeriesStore store(kHour, 2);
        qint64 refused = -1;
        const auto regions = counter(u"req"_s, {{kSec, 1, 0, attrs({{"region", "eu"}})},
                                                {kSec, 2, 0, attrs({{"region", "us"}})},
                                                {kSec, 3, 0, attrs({{"region", "ap"}})}});
        QCOMPARE(store.append(batchOf(u"api"_s, {regions}), &refused), 2);
        QCOMPARE(refused, 1);
        QCOMPARE(store.seriesCount(), 2);
        // Series already held still take points; only new ones are refused.
        const auto more = counter(u"req"_s, {{2 * kSec, 5, 0, attrs({{"region", "eu"}})},
                                             {2 * kSec, 6, 0, attrs({{"region", "ap"}})}});
        QCOMPARE(store.append(batchOf(u"api"_s, {more}), &refused), 1);
        QCOMPARE(refused, 1);
        QCOMPARE(store.pointCount(), 3);
    }

    void concurrentAppendAndQuery()
    {
        SeriesStore store(kHour, 1000);
        constexpr int kWriters = 2;
        constexpr int kBatches = 400;
        std::atomic<bool> done{false};
        std::atomic<int> queries{0};
        std::atomic<int> failures{0};
        std::atomic<int> readersRunning{0};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w) {
            threads.emplace_back([&store, &readersRunning, w] {
                while (readersRunning < 2) // overlap with the readers, however the threads get scheduled
                    std::this_thread::yield();
                const QString service = u"svc-%1"_s.arg(w);
                for (int i = 1; i <= kBatches; ++i) {
                    const qint64 t = i * kSec;
                    store.append(batchOf(
                        service, {counter(u"req"_s, {{t, double(i * 10)}}),
                                  histogram(u"lat"_s, AggregationTemporality::Cumulative,
                                            {histogramPoint(t, {quint64(i), quint64(i), 0, 0}, 3.0 * i)})}));
                }
            });
        }
        for (int r = 0; r < 2; ++r) {
            threads.emplace_back([&] {
                ++readersRunning;
                while (!done) {
                    // Before the first append the metrics are unknown; once both exist (nothing
                    // expires here) every query must work.
                    const bool known = store.metrics().size() == 2;
                    const auto rate = store.query(queryOf(u"req"_s, SeriesQuery::Function::Rate, {}, kSec));
                    const auto p = store.query(queryOf(u"lat"_s, SeriesQuery::Function::Quantile, {}, kSec));
                    if (known && (!rate.ok || !p.ok))
                        ++failures;
                    ++queries;
                    // Back to back, readers would hold the (reader-preferring) lock for seconds;
                    // a UI asks a few times a second.
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                }
            });
        }
        for (int w = 0; w < kWriters; ++w)
            threads[std::size_t(w)].join();
        done = true;
        for (std::size_t i = kWriters; i < threads.size(); ++i)
            threads[i].join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(queries.load() > 0);
        QCOMPARE(store.pointCount(), qint64(kWriters * kBatches * 2));
        // Each writer's counter rises 10 per second; two writers: 20 per second at every step.
        const auto rate = run(store, queryOf(u"req"_s, SeriesQuery::Function::Rate, {}, kSec));
        QCOMPARE(rate[0].values.size(), std::size_t(kBatches - 1));
        QVERIFY(std::all_of(rate[0].values.begin(), rate[0].values.end(), [](double v) { return v == 20; }));
    }

    void demoShopErrorRateAndP95RiseDuringTheIncident()
    {
        // The demo shop's own OTLP JSON, decoded as the receiver would, into the store.
        demo::ShopConfig config;
        config.seed = 7;
        demo::ShopSimulation sim(config);
        SeriesStore store(kHour, 10'000);
        const qint64 end = 150 * kSec;
        QElapsedTimer appendClock;
        qint64 appendNs = 0;
        qint64 appended = 0;
        while (sim.now() < end) {
            sim.advanceTo(sim.now() + kSec);
            const auto decoded = otlp::decodeMetricsJson(demo::OtlpJsonWriter::metrics(sim.takeBatch()));
            QVERIFY2(!decoded.malformed && decoded.rejected == 0, qPrintable(decoded.errorText()));
            appendClock.start();
            appended += store.append(decoded.batch);
            appendNs += appendClock.nsecsElapsed();
        }
        QCOMPARE(appended, store.pointCount());
        qInfo("appended %lld points in %lld series: %.0f ns per point", appended, store.seriesCount(),
              double(appendNs) / double(appended));
        const qint64 t0 = config.startUnixNano;
        const qint64 failedAt = config.scenario.failureAfterNs + config.scenario.degradeDurationNs; // 80 s
        const QString region = sim.config().failingRegion;

        const auto meanIn = [](const SeriesSet& s, qint64 from, qint64 to) {
            double total = 0;
            int n = 0;
            for (std::size_t i = 0; i < s.timesNs.size(); ++i) {
                if (s.timesNs[i] >= from && s.timesNs[i] < to) {
                    total += s.values[i];
                    ++n;
                }
            }
            return n == 0 ? std::nan("") : total / n;
        };
        const auto payments = [&](SeriesQuery q) {
            q.match = {{u"cloud.region"_s, region}};
            const auto r = run(store, q);
            for (const SeriesSet& s : r)
                if (s.labels.value(0).second == u"payments"_s)
                    return s;
            return SeriesSet{};
        };

        const SeriesSet requests = payments(
            queryOf(u"http.server.request.count"_s, SeriesQuery::Function::Rate, {u"service.name"_s}));
        const SeriesSet errors =
            payments(queryOf(u"http.server.error.count"_s, SeriesQuery::Function::Rate, {u"service.name"_s}));
        SeriesQuery p95q =
            queryOf(u"http.server.request.duration"_s, SeriesQuery::Function::Quantile, {u"service.name"_s});
        p95q.quantile = 0.95;
        QElapsedTimer queryClock;
        queryClock.start();
        const SeriesSet p95 = payments(p95q);
        qInfo("p95 query over %lld histogram points: %lld us", store.pointCount(),
              queryClock.nsecsElapsed() / 1000);

        const double requestRate = meanIn(requests, t0 + 10 * kSec, t0 + 60 * kSec);
        const double errorsBefore = meanIn(errors, t0 + 10 * kSec, t0 + 60 * kSec);
        const double errorsDuring = meanIn(errors, t0 + failedAt, t0 + end);
        const double p95Before = meanIn(p95, t0 + 10 * kSec, t0 + 60 * kSec);
        const double p95During = meanIn(p95, t0 + failedAt, t0 + end);
        qInfo("payments in %s: %.2f req/s; errors %.3f/s before, %.3f/s during; p95 %.3f s before, %.3f s "
              "during",
              qPrintable(region), requestRate, errorsBefore, errorsDuring, p95Before, p95During);
        // Plausible: payments sees a share of the shop's 20 requests/s, healthy, with p95 within the
        // bucket range; during the incident errors appear and the p95 grows severalfold.
        QVERIFY(requestRate > 0.5 && requestRate < 20);
        QVERIFY(errorsBefore < 0.05);
        QVERIFY(errorsDuring > 0.2);
        QVERIFY(p95Before > 0 && p95Before < 1.0);
        QVERIFY(p95During > 2 * p95Before);
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_seriesstore.moc"
