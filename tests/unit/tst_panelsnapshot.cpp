// Panel snapshots: the encoding round-trips exactly (NaN gaps, labels, units), hostile bytes are
// rejected with a message before anything big is allocated, and capturePanels turns the live
// panels' queries into snapshots over a fixed window.

#include "incident/PanelSnapshot.h"
#include "live/PanelCapture.h"
#include "signalstore/SeriesStore.h"
#include "telemetry/Metric.h"
#include "telemetry/Resource.h"

#include <QJsonArray>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace wf;
using incident::PanelSnapshot;

namespace {

PanelSnapshot sample()
{
    PanelSnapshot p;
    p.title = u"p95 latency"_s;
    p.unit = u"ms ünït"_s;
    p.scale = 1000.0;
    p.decimals = 0;
    p.fromMs = 1'000;
    p.toMs = 61'000;
    for (int s = 0; s < 3; ++s) {
        signalstore::SeriesSet set;
        set.labels = {{u"service.name"_s, u"svc%1"_s.arg(s)}, {u"region"_s, u"eu"_s}};
        for (int i = 0; i < 40; ++i) {
            set.timesNs.push_back(qint64(1 + i) * 1'500'000'000);
            set.values.push_back(i % 9 == 4 ? std::numeric_limits<double>::quiet_NaN() : s + i / 7.0);
        }
        p.series.push_back(std::move(set));
    }
    return p;
}

std::optional<PanelSnapshot> decode(const QByteArray& b, QString* error = nullptr)
{
    QString e;
    auto r = incident::decodeSnapshotData(b, &e);
    if (error)
        *error = e;
    return r;
}

} // namespace

class TestPanelSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsExactly()
    {
        const PanelSnapshot in = sample();
        QVERIFY(incident::validateSnapshot(in).isEmpty());
        const std::optional<PanelSnapshot> out = decode(incident::encodeSnapshotData(in));
        QVERIFY(out);
        QCOMPARE(out->unit, in.unit);
        QCOMPARE(out->scale, in.scale);
        QCOMPARE(out->decimals, in.decimals);
        QCOMPARE(out->fromMs, in.fromMs);
        QCOMPARE(out->toMs, in.toMs);
        QCOMPARE(out->series.size(), in.series.size());
        for (size_t s = 0; s < in.series.size(); ++s) {
            QCOMPARE(out->series[s].labels, in.series[s].labels);
            QCOMPARE(out->series[s].timesNs, in.series[s].timesNs);
            for (size_t i = 0; i < in.series[s].values.size(); ++i) {
                const double a = in.series[s].values[i], b = out->series[s].values[i];
                QVERIFY(std::isnan(a) ? std::isnan(b) : a == b);
            }
        }
        QCOMPARE(out->pointCount(), 120);
    }

    void rejectsDamageWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray good = incident::encodeSnapshotData(sample());
        const QByteArray raw = qUncompress(good);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not zlib") << QByteArray("\x00\x00\x00\x10garbage-garbage!", 20);
        QTest::newRow("truncated") << good.left(good.size() / 2);
        // A size header claiming 4 GiB: refused before qUncompress would try to allocate it.
        QByteArray huge = good;
        qToBigEndian<quint32>(0xFFFFFFF0u, huge.data());
        QTest::newRow("declared size too big") << huge;
        QByteArray magic = raw;
        magic[0] = 'X';
        QTest::newRow("wrong magic") << qCompress(magic);
        QTest::newRow("raw cut short") << qCompress(raw.left(raw.size() - 9));
        QTest::newRow("trailing bytes") << qCompress(raw + QByteArray("extra"));
        // The series count (after magic, unit, scale, decimals, from, to) set to a lie.
        QByteArray lying = raw;
        const int unitBytes = int(QString(u"ms ünït"_s).toUtf8().size());
        const int countAt = 4 + 4 + unitBytes + 8 + 4 + 8 + 8;
        qToBigEndian<quint32>(1'000'000u, lying.data() + countAt);
        QTest::newRow("series count too big") << qCompress(lying);
        QByteArray points = raw;
        // The first series' label count, then its two labels, then its point count.
        int at = countAt + 4 + 4;
        for (const char* text : {"service.name", "svc0", "region", "eu"})
            at += 4 + int(qstrlen(text));
        qToBigEndian<quint32>(0x7FFFFFFFu, points.data() + at);
        QTest::newRow("point count a lie") << qCompress(points);
    }
    void rejectsDamageWithAMessage()
    {
        QFETCH(QByteArray, bytes);
        QString error;
        QVERIFY(!decode(bytes, &error));
        QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    }

    void dataExtentIsWhereThePointsAre()
    {
        PanelSnapshot p = sample(); // window 1 s .. 61 s, points 1.5 s .. 60 s
        QCOMPARE(p.dataExtentMs(), std::make_pair(qint64(1'500), qint64(60'000)));
        p.series.clear();
        QCOMPARE(p.dataExtentMs(), std::make_pair(p.fromMs, p.toMs));
    }

    void jsonForEvidence()
    {
        const QJsonObject o = incident::snapshotToJson(sample(), 10);
        QCOMPARE(o.value(u"title"_s).toString(), u"p95 latency"_s);
        const QJsonArray series = o.value(u"series"_s).toArray();
        QCOMPARE(series.size(), 3);
        const QJsonObject second = series.at(1).toObject();
        QCOMPARE(second.value(u"labels"_s).toObject().value(u"service.name"_s).toString(), u"svc1"_s);
        QCOMPARE(second.value(u"points"_s).toArray().size(), 10); // 40 points thinned to 10
        QCOMPARE(second.value(u"min"_s).toDouble(), 1.0);
        QCOMPARE(second.value(u"last"_s).toDouble(), 1.0 + 39 / 7.0);
        QVERIFY(second.value(u"points"_s).toArray().at(0).toArray().at(1).isDouble());
    }

    void validationRefusesWhatCannotBeKept()
    {
        PanelSnapshot p = sample();
        p.title.clear();
        QVERIFY(!incident::validateSnapshot(p).isEmpty());
        p = sample();
        p.toMs = p.fromMs - 1;
        QVERIFY(!incident::validateSnapshot(p).isEmpty());
        p = sample();
        p.series[1].values.pop_back();
        QVERIFY(!incident::validateSnapshot(p).isEmpty());
        p = sample();
        p.series.resize(incident::kMaxSnapshotSeries + 1);
        QVERIFY(incident::validateSnapshot(p).contains(QString::number(incident::kMaxSnapshotSeries)));
    }

    void captureQueriesTheWindow()
    {
        constexpr qint64 kSec = 1'000'000'000;
        signalstore::SeriesStore store(24 * 3600 * kSec, 1000);
        telemetry::Metric m;
        m.name = u"requests"_s;
        m.type = telemetry::MetricType::Sum;
        m.temporality = telemetry::AggregationTemporality::Cumulative;
        m.isMonotonic = true;
        m.resourceIndex = 0;
        // 10 req/s for 10 minutes, a point a second, starting at t = 1000 s.
        for (int i = 0; i <= 600; ++i) {
            m.numberPoints.startNs.push_back(1000 * kSec);
            m.numberPoints.timeNs.push_back((1000 + i) * kSec);
            m.numberPoints.values.push_back(10.0 * i);
            m.numberPoints.intValues.push_back(0);
            m.numberPoints.isInt.push_back(0);
            m.numberPoints.flags.push_back(0);
            m.numberPoints.attributes.push_back({});
        }
        telemetry::KeyValueList kv{{u"service.name"_s, telemetry::AnyValue::fromString(u"shop"_s)}};
        std::vector<telemetry::Resource> resources{telemetry::Resource(telemetry::Attributes(std::move(kv)))};
        std::vector<telemetry::Metric> metrics;
        metrics.push_back(std::move(m));
        QVERIFY(store.append(telemetry::MetricBatch(std::move(resources), {}, std::move(metrics))) > 0);

        live::PanelSpec rate;
        rate.title = u"Request rate"_s;
        rate.unit = u"req/s"_s;
        rate.query.metric = u"requests"_s;
        rate.query.function = signalstore::SeriesQuery::Function::Rate;
        live::PanelSpec missing = rate;
        missing.title = u"Nothing"_s;
        missing.query.metric = u"no.such.metric"_s;

        QStringList problems;
        const qint64 fromMs = 1'100'000, toMs = 1'400'000; // 5 of the 10 minutes
        const QList<PanelSnapshot> shots =
            live::capturePanels(store, {rate, missing}, fromMs, toMs, &problems);
        QCOMPARE(shots.size(), 1);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems[0].contains(u"Nothing"_s));
        const PanelSnapshot& s = shots[0];
        QCOMPARE(s.title, u"Request rate"_s);
        QCOMPARE(s.fromMs, fromMs);
        QCOMPARE(s.toMs, toMs);
        QCOMPARE(s.series.size(), size_t(1));
        const signalstore::SeriesSet& set = s.series[0];
        QVERIFY(set.timesNs.size() >= 100); // 300 s at a 2 s step
        QVERIFY(set.timesNs.size() <= size_t(live::kSnapshotPoints));
        QVERIFY(set.timesNs.front() >= fromMs * 1'000'000);
        QVERIFY(set.timesNs.back() <= toMs * 1'000'000);
        int near10 = 0;
        for (double v : set.values)
            near10 += std::abs(v - 10.0) < 0.01;
        QVERIFY2(near10 >= int(set.values.size()) - 2, qPrintable(QString::number(near10)));
        // And the function form the export uses gives the same.
        QCOMPARE(live::panelCapture(nullptr, {rate})(fromMs, toMs).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPanelSnapshot)
#include "tst_panelsnapshot.moc"
