// Golden image without a stored image: one million points drawn by the chart with every sample, and
// again after M4 decimation, same renderer, antialiasing off in both. The two frames must agree on at
// least 98 % of the pixels either of them inks (the acceptance bound); a naive reduction (one
// sample per pixel column) must not, or the comparison could not tell a lossy decimation apart.

#include "charts/TimeSeriesChart.h"
#include "theme/Theme.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000'000'000LL;

// A noisy signal with bursts, a level shift and a gap: the shapes decimation tends to get wrong.
std::vector<signalstore::SeriesSet> million(int seriesCount)
{
    std::vector<signalstore::SeriesSet> out;
    QRandomGenerator rng(11);
    const int n = 1'000'000 / seriesCount;
    for (int s = 0; s < seriesCount; ++s) {
        signalstore::SeriesSet set;
        set.labels = {{u"instance"_s, u"node-"_s + QString::number(s)}};
        set.timesNs.reserve(size_t(n));
        set.values.reserve(size_t(n));
        double level = 50 + 20 * s;
        for (int i = 0; i < n; ++i) {
            set.timesNs.push_back(kT0 + qint64(i) * 3'600'000'000'000LL / n);
            if (i == n / 3)
                level += 25;
            double v = level + 8 * std::sin(i * 0.0007) + rng.generateDouble() * 6;
            if (rng.bounded(20000) == 0)
                v += 60; // a spike
            if (i > n / 2 && i < n / 2 + n / 200)
                v = std::nan(""); // a gap of 0.5 %
            set.values.push_back(v);
        }
        out.push_back(std::move(set));
    }
    return out;
}

QImage draw(const std::vector<signalstore::SeriesSet>& data, bool decimate, const QPalette& palette)
{
    ui::TimeSeriesChart chart;
    chart.setPalette(palette);
    chart.resize(900, 380);
    ui::ChartOptions o;
    o.antialiasing = false;
    o.decimate = decimate;
    o.legendStats = false;
    chart.setOptions(o);
    chart.setSeries(data, kT0, kT0 + 3'600'000'000'000LL);
    QImage image = chart.grab().toImage().convertToFormat(QImage::Format_RGB32);
    qInfo("%s: %lld points drawn, plot %.1f+%.1f px", decimate ? "m4" : "raw",
          qlonglong(chart.drawnPointCount()), chart.plotArea().left(), chart.plotArea().width());
    return image;
}

struct Diff
{
    qint64 inked = 0;
    qint64 differing = 0;
};

Diff compare(const QImage& a, const QImage& b, QRgb background)
{
    Diff d;
    for (int y = 0; y < a.height(); ++y) {
        const auto* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const bool inkA = ra[x] != background;
            const bool inkB = rb[x] != background;
            if (!inkA && !inkB)
                continue;
            ++d.inked;
            d.differing += ra[x] != rb[x] ? 1 : 0;
        }
    }
    return d;
}

} // namespace

class TestChartGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimatedFrameMatchesTheRawFrame_data()
    {
        QTest::addColumn<int>("seriesCount");
        QTest::addColumn<bool>("dark");
        QTest::newRow("one series, light") << 1 << false;
        QTest::newRow("four series, dark") << 4 << true;
    }

    void decimatedFrameMatchesTheRawFrame()
    {
        QFETCH(int, seriesCount);
        QFETCH(bool, dark);
        const QPalette palette = dark ? ui::darkPalette() : ui::lightPalette();
        const std::vector<signalstore::SeriesSet> data = million(seriesCount);
        const QImage raw = draw(data, false, palette);
        const QImage m4 = draw(data, true, palette);
        QCOMPARE(raw.size(), m4.size());
        const Diff d = compare(raw, m4, palette.color(QPalette::Base).rgb());
        const double share = double(d.differing) / double(std::max<qint64>(1, d.inked));
        qInfo("inked %lld, differing %lld (%.3f %%)", d.inked, d.differing, share * 100);
        if (const QString dir = qEnvironmentVariable("WF_SHOTS"); !dir.isEmpty()) {
            const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-').remove(u',');
            raw.save(dir + u"/golden-raw-"_s + tag + u".png"_s);
            m4.save(dir + u"/golden-m4-"_s + tag + u".png"_s);
        }
        QVERIFY(d.inked > 20'000); // the series really were drawn
        QVERIFY2(share <= 0.02, qPrintable(QString::number(share * 100, 'f', 3) + u" % differ"_s));
    }

    void naiveReductionFailsTheBound()
    {
        const QPalette palette = ui::lightPalette();
        const std::vector<signalstore::SeriesSet> data = million(1);
        // Every k-th sample, about one per pixel column: what plotting libraries do without M4.
        std::vector<signalstore::SeriesSet> strided(1);
        strided[0].labels = data[0].labels;
        const size_t stride = data[0].timesNs.size() / 900;
        for (size_t i = 0; i < data[0].timesNs.size(); i += stride) {
            strided[0].timesNs.push_back(data[0].timesNs[i]);
            strided[0].values.push_back(data[0].values[i]);
        }
        const QImage raw = draw(data, false, palette);
        const QImage naive = draw(strided, false, palette);
        const Diff d = compare(raw, naive, palette.color(QPalette::Base).rgb());
        const double share = double(d.differing) / double(std::max<qint64>(1, d.inked));
        qInfo("naive: inked %lld, differing %lld (%.3f %%)", d.inked, d.differing, share * 100);
        QVERIFY2(share > 0.02, qPrintable(QString::number(share * 100, 'f', 3) + u" % differ"_s));
    }
};

QTEST_MAIN(TestChartGolden)
#include "tst_chart_golden.moc"
