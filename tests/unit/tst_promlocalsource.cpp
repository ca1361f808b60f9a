// LocalPromQL (the PromQL subset the local OTLP series store answers) and LocalSeriesMetricsSource:
// which expressions become which SeriesQuery, which are refused (with the column), and what a panel
// receives from a store filled with hand-made OTLP points whose rates are worked out in comments.

#include "prometheus/LocalPromQL.h"
#include "prometheus/LocalSeriesMetricsSource.h"
#include "signalstore/SeriesStore.h"

#include <QTest>

#include <optional>

using namespace wf;
using namespace wf::prometheus;
using namespace Qt::StringLiterals;
using signalstore::SeriesQuery;
using telemetry::AggregationTemporality;
using telemetry::MetricType;

namespace {

constexpr qint64 kSec = 1'000'000'000;
constexpr qint64 kBaseS = 1'700'000'040; // a multiple of 60 s
constexpr qint64 kBaseNs = kBaseS * kSec;

telemetry::Metric numberMetric(const QString& name, MetricType type, bool monotonic,
                               const std::vector<std::pair<qint64, double>>& points)
{
    telemetry::Metric m;
    m.name = name;
    m.type = type;
    m.temporality = AggregationTemporality::Cumulative;
    m.isMonotonic = monotonic;
    m.resourceIndex = 0;
    for (const auto& [t, v] : points) {
        m.numberPoints.startNs.push_back(0);
        m.numberPoints.timeNs.push_back(t);
        m.numberPoints.values.push_back(v);
        m.numberPoints.intValues.push_back(0);
        m.numberPoints.isInt.push_back(0);
        m.numberPoints.flags.push_back(0);
        m.numberPoints.attributes.push_back({});
    }
    return m;
}

telemetry::MetricBatch batchOf(const char* service, std::vector<telemetry::Metric> metrics)
{
    telemetry::KeyValueList items;
    items.push_back({u"service.name"_s, telemetry::AnyValue::fromString(QString::fromUtf8(service))});
    std::vector<telemetry::Resource> resources{telemetry::Resource(telemetry::Attributes(std::move(items)))};
    return telemetry::MetricBatch(std::move(resources), {}, std::move(metrics));
}

struct Box
{
    std::optional<MetricsResult> value;
    int calls = 0;
    MetricsSource::Callback callback()
    {
        return [this](MetricsResult r) {
            value = std::move(r);
            ++calls;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return calls > 0; }, 5000);
    }
};

double valueAt(const SeriesSet& s, qint64 timeNs)
{
    for (std::size_t i = 0; i < s.timesNs.size(); ++i)
        if (s.timesNs[i] == timeNs)
            return s.values[i];
    return -1;
}

} // namespace

class TestPromLocalSource : public QObject
{
    Q_OBJECT
    std::shared_ptr<signalstore::SeriesStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        m_store = std::make_shared<signalstore::SeriesStore>(24 * 3600 * kSec, 1000);
        // Cumulative counter every 10 s. cart: 0, 10, 30, 60 -> increases 10, 20, 30 per 10 s step, i.e.
        // rates 1, 2, 3 /s in the steps starting at +10, +20, +30 s. auth: 0, 5, 10, 15 -> 0.5 /s each.
        const auto at = [](int s) { return kBaseNs + s * kSec; };
        m_store->append(batchOf(
            "cart", {numberMetric(u"requests"_s, MetricType::Sum, true,
                                  {{at(0), 0}, {at(10), 10}, {at(20), 30}, {at(30), 60}}),
                     numberMetric(u"queue.depth"_s, MetricType::Gauge, false, {{at(0), 4}, {at(10), 6}})}));
        m_store->append(batchOf(
            "auth", {numberMetric(u"requests"_s, MetricType::Sum, true,
                                  {{at(0), 0}, {at(10), 5}, {at(20), 10}, {at(30), 15}}),
                     numberMetric(u"queue.depth"_s, MetricType::Gauge, false, {{at(0), 1}, {at(10), 2}})}));
    }

    void plansSupportedExpressions()
    {
        LocalQueryPlan p =
            planLocalQuery(u"sum by (route) (rate(http_requests{service.name=\"cart\", env='prod'}[1m]))"_s);
        QVERIFY2(p.ok(), qPrintable(p.error.message));
        QCOMPARE(p.query.metric, u"http_requests"_s);
        QCOMPARE(p.query.function, SeriesQuery::Function::Rate);
        QCOMPARE(p.query.groupBy, QStringList{u"route"_s});
        QCOMPARE(p.query.match.size(), 2);
        QCOMPARE(p.query.match[0], (std::pair{u"service.name"_s, u"cart"_s}));
        QCOMPARE(p.query.match[1], (std::pair{u"env"_s, u"prod"_s}));
        QCOMPARE(p.rangeNs, 60 * kSec);

        p = planLocalQuery(u"sum(queue.depth)"_s);
        QVERIFY(p.ok());
        QCOMPARE(p.query.function, SeriesQuery::Function::Raw);
        QVERIFY(p.query.groupBy.isEmpty());

        p = planLocalQuery(u" sum ( {__name__=\"x\"} ) by (a, b) "_s);
        QVERIFY2(p.ok(), qPrintable(p.error.message));
        QCOMPARE(p.query.metric, u"x"_s);
        QCOMPARE(p.query.groupBy, (QStringList{u"a"_s, u"b"_s}));

        p = planLocalQuery(
            u"histogram_quantile(0.9, sum by (le, service.name) (rate(latency_bucket[1h30m])))"_s);
        QVERIFY2(p.ok(), qPrintable(p.error.message));
        QCOMPARE(p.query.metric, u"latency"_s);
        QCOMPARE(p.query.function, SeriesQuery::Function::Quantile);
        QCOMPARE(p.query.quantile, 0.9);
        QCOMPARE(p.query.groupBy, QStringList{u"service.name"_s});
        QCOMPARE(p.rangeNs, 90 * 60 * kSec);
    }

    void refusesWhatItCannotAnswer_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("column");
        const int unsupported = int(MetricsErrorKind::Unsupported);
        const int bad = int(MetricsErrorKind::BadQuery);
        QTest::newRow("bare selector") << u"requests{a=\"b\"}"_s << unsupported << 1;
        QTest::newRow("bare rate") << u"rate(requests[5m])"_s << unsupported << 1;
        QTest::newRow("avg") << u"avg(requests)"_s << unsupported << 1;
        QTest::newRow("regex on the metric name") << u"sum({__name__=~\"req.*\"})"_s << unsupported << 6;
        QTest::newRow("invalid regex") << u"sum(requests{a=~\"(\"})"_s << bad << 17;
        QTest::newRow("arithmetic") << u"sum(requests) * 100"_s << unsupported << 15;
        QTest::newRow("without") << u"sum without (a) (requests)"_s << unsupported << 5;
        QTest::newRow("nested function") << u"sum(irate(requests[5m]))"_s << unsupported << 5;
        QTest::newRow("quantile without sum")
            << u"histogram_quantile(0.9, rate(x_bucket[5m]))"_s << unsupported << 25;
        QTest::newRow("quantile without le")
            << u"histogram_quantile(0.9, sum by (a) (rate(x_bucket[5m])))"_s << unsupported << 25;
        QTest::newRow("unclosed string") << u"sum(requests{a=\"b})"_s << bad << 20;
        QTest::newRow("bad duration") << u"sum(rate(requests[5q]))"_s << bad << 20; // the q
        QTest::newRow("unclosed paren") << u"sum(requests"_s << bad << 13;
        QTest::newRow("empty") << u""_s << bad << 1;
        QTest::newRow("bucket without name") << u"histogram_quantile(0.9, sum by (le) (rate(_bucket[5m])))"_s
                                             << bad << 25; // found by fuzz_prom_response
    }

    void refusesWhatItCannotAnswer()
    {
        QFETCH(QString, expr);
        QFETCH(int, kind);
        QFETCH(int, column);
        const LocalQueryPlan p = planLocalQuery(expr);
        QVERIFY(!p.ok());
        QCOMPARE(int(p.error.kind), kind);
        QVERIFY(!p.error.message.isEmpty());
        QCOMPARE(p.error.column, column);
    }

    void labelMatchersOtherThanEquality_data()
    {
        QTest::addColumn<QString>("matcher");
        QTest::addColumn<QStringList>("services");
        QTest::newRow("regex") << u"service.name=~\"c.*\""_s << QStringList{u"cart"_s};
        QTest::newRow("regex is anchored") << u"service.name=~\"ar\""_s << QStringList{};
        QTest::newRow("alternation") << u"service.name=~\"auth|cart\""_s << QStringList{u"auth"_s, u"cart"_s};
        QTest::newRow("not regex") << u"service.name!~\"c.*\""_s << QStringList{u"auth"_s};
        QTest::newRow("not equal") << u"service.name!=\"auth\""_s << QStringList{u"cart"_s};
    }

    void labelMatchersOtherThanEquality()
    {
        QFETCH(QString, matcher);
        QFETCH(QStringList, services);
        LocalSeriesMetricsSource source(m_store);
        Box box;
        source.queryRange({u"sum by (service.name) (rate(requests{%1}[10s]))"_s.arg(matcher), kBaseS * 1000,
                           (kBaseS + 30) * 1000, 10'000},
                          this, box.callback());
        QVERIFY(box.wait());
        QVERIFY2(box.value->ok(), qPrintable(box.value->error.message));
        QStringList got;
        for (const auto& series : box.value->series)
            got.append(series.labels.value(0).second);
        QCOMPARE(got, services);
    }

    void rangeQueryOfRates()
    {
        LocalSeriesMetricsSource source(m_store);
        Box box;
        source.queryRange(
            {u"sum by (service.name) (rate(requests[10s]))"_s, (kBaseS)*1000, (kBaseS + 30) * 1000, 10'000},
            this, box.callback());
        QVERIFY(box.wait());
        const MetricsResult& r = *box.value;
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.resultType, ResultType::Matrix);
        QVERIFY(r.warnings.isEmpty()); // [10s] equals the step
        QCOMPARE(r.series.size(), 2u); // sorted by group: auth, cart
        QCOMPARE(r.series[0].labels, (QList<std::pair<QString, QString>>{{u"service.name"_s, u"auth"_s}}));
        QCOMPARE(r.series[1].labels, (QList<std::pair<QString, QString>>{{u"service.name"_s, u"cart"_s}}));
        QCOMPARE(valueAt(r.series[1], kBaseNs + 10 * kSec), 1.0);
        QCOMPARE(valueAt(r.series[1], kBaseNs + 20 * kSec), 2.0);
        QCOMPARE(valueAt(r.series[1], kBaseNs + 30 * kSec), 3.0);
        QCOMPARE(valueAt(r.series[0], kBaseNs + 20 * kSec), 0.5);

        Box summed;
        source.queryRange({u"sum(rate(requests[1m]))"_s, kBaseS * 1000, (kBaseS + 30) * 1000, 10'000}, this,
                          summed.callback());
        QVERIFY(summed.wait());
        QVERIFY(summed.value->ok());
        QCOMPARE(summed.value->series.size(), 1u);
        QCOMPARE(valueAt(summed.value->series[0], kBaseNs + 30 * kSec), 3.5); // 3 + 0.5
        QCOMPARE(summed.value->warnings.size(), 1); // rate over the step, not the [1m]
    }

    void instantQueryOfGauge()
    {
        LocalSeriesMetricsSource source(m_store);
        Box box;
        // The latest 60 s step holding +35 s: each service's last gauge value, summed: 6 + 2.
        source.queryInstant({u"sum(queue.depth)"_s, (kBaseS + 35) * 1000}, this, box.callback());
        QVERIFY(box.wait());
        QVERIFY2(box.value->ok(), qPrintable(box.value->error.message));
        QCOMPARE(box.value->resultType, ResultType::Vector);
        QCOMPARE(box.value->series.size(), 1u);
        QCOMPARE(box.value->series[0].values, std::vector<double>{8.0});
    }

    void errorsReachThePanel()
    {
        LocalSeriesMetricsSource source(m_store);
        Box unknown, unsupported, gaugeRate;
        source.queryRange({u"sum(nothing)"_s, kBaseS * 1000, (kBaseS + 30) * 1000, 10'000}, this,
                          unknown.callback());
        source.queryRange({u"requests"_s, kBaseS * 1000, (kBaseS + 30) * 1000, 10'000}, this,
                          unsupported.callback());
        source.queryRange({u"sum(rate(queue.depth[10s]))"_s, kBaseS * 1000, (kBaseS + 30) * 1000, 10'000},
                          this, gaugeRate.callback());
        QVERIFY(unknown.wait() && unsupported.wait() && gaugeRate.wait());
        QCOMPARE(unknown.value->error.kind, MetricsErrorKind::Execution);
        QVERIFY(unknown.value->error.message.contains(u"nothing"_s));
        QCOMPARE(unsupported.value->error.kind, MetricsErrorKind::Unsupported);
        QVERIFY(unsupported.value->error.message.contains(u"sum by"_s));
        QCOMPARE(gaugeRate.value->error.kind, MetricsErrorKind::Execution);
        QVERIFY(gaugeRate.value->error.message.contains(u"gauge"_s));
    }

    void cancelBeforeDelivery()
    {
        LocalSeriesMetricsSource source(m_store);
        Box box;
        MetricsCall call = source.queryRange(
            {u"sum(queue.depth)"_s, kBaseS * 1000, (kBaseS + 30) * 1000, 10'000}, this, box.callback());
        call.cancel(); // the result is queued to this thread at the earliest: it cannot have run yet
        QVERIFY(box.wait());
        QCOMPARE(box.value->error.kind, MetricsErrorKind::Cancelled);
        QTest::qWait(50);
        QCOMPARE(box.calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestPromLocalSource)
#include "tst_promlocalsource.moc"
