// The time series chart adapter: decimation to the plot's width (legend statistics from every sample),
// draw styles, thresholds, log scale, region annotations, drag-to-select, hover and the shared
// crosshair, themes. Set WF_SHOTS=<dir> to save the rendered charts as PNGs.

#include "analysis/UnitFormat.h"
#include "charts/TimeSeriesChart.h"
#include "theme/Theme.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000'000'000LL;
constexpr qint64 kSecond = 1'000'000'000LL;

signalstore::SeriesSet wave(const QString& name, int n, qint64 stepNs, double offset, double amplitude)
{
    signalstore::SeriesSet s;
    s.labels = {{u"instance"_s, name}};
    s.timesNs.reserve(size_t(n));
    s.values.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        s.timesNs.push_back(kT0 + qint64(i) * stepNs);
        s.values.push_back(offset + amplitude * std::sin(i * 0.013) + (i % 97 == 0 ? amplitude / 2 : 0));
    }
    return s;
}

void shoot(QWidget& w, const QString& name)
{
    const QString dir = qEnvironmentVariable("WF_SHOTS");
    if (dir.isEmpty())
        return;
    w.setPalette(ui::lightPalette());
    w.grab().save(dir + u'/' + name + u"-light.png"_s);
    w.setPalette(ui::darkPalette());
    w.grab().save(dir + u'/' + name + u"-dark.png"_s);
    w.setPalette(ui::lightPalette());
}

QWidget* canvasOf(ui::TimeSeriesChart& chart)
{
    return chart.findChild<QWidget*>(u"chartCanvas"_s);
}

} // namespace

class TestChartTimeSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimatesToThePlotWidthAndReDecimatesOnResize()
    {
        ui::TimeSeriesChart chart;
        chart.resize(800, 360);
        const int n = 1'000'000;
        signalstore::SeriesSet big = wave(u"big"_s, n, 1'000'000, 100, 50);
        big.values[123'456] = -400; // a single outlier must survive decimation and reach the legend
        chart.setValueFormat({QString(), 1.0, 1, u"none"_s});
        chart.setSeries({big}, kT0, kT0 + qint64(n) * 1'000'000);
        QVERIFY(!chart.grab().isNull());
        const double width = chart.plotArea().width();
        QVERIFY(width > 500);
        QVERIFY2(chart.drawnPointCount() <= 4 * (qsizetype(std::ceil(width)) + 1) + 2,
                 qPrintable(QString::number(chart.drawnPointCount())));
        QVERIFY(chart.drawnPointCount() >= qsizetype(width)); // one per column at least

        // Legend statistics come from all samples, not from the decimated points.
        double lo = INFINITY, hi = -INFINITY, sum = 0;
        for (double v : big.values) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            sum += v;
        }
        QCOMPARE(chart.legendRows().size(), 1);
        const ui::LegendRow row = chart.legendRows().front();
        QCOMPARE(row.min, analysis::formatValueText(lo, u"none"));
        QCOMPARE(row.max, analysis::formatValueText(hi, u"none"));
        QCOMPARE(row.mean, analysis::formatValueText(sum / n, u"none"));
        QCOMPARE(row.last, analysis::formatValueText(big.values.back(), u"none"));
        QCOMPARE(row.min, u"-400"_s);

        chart.resize(400, 300);
        QVERIFY(!chart.grab().isNull());
        QVERIFY(chart.plotArea().width() < width);
        QVERIFY(chart.drawnPointCount() <= 4 * (qsizetype(std::ceil(chart.plotArea().width())) + 1) + 2);
    }

    void unitsReachLegendAndTooltip()
    {
        ui::TimeSeriesChart chart;
        chart.resize(600, 300);
        signalstore::SeriesSet s;
        s.labels = {{u"job"_s, u"node"_s}};
        for (int i = 0; i < 10; ++i) {
            s.timesNs.push_back(kT0 + i * kSecond);
            s.values.push_back(1024.0 * (i + 1));
        }
        chart.setValueFormat({QString(), 1.0, 1, u"bytes"_s});
        chart.setSeries({s}, kT0, kT0 + 10 * kSecond);
        QCOMPARE(chart.legendRows().front().last, u"10 KiB"_s);
        QCOMPARE(chart.legendRows().front().min, u"1 KiB"_s);
        const QString tip = chart.tooltipTextAt(kT0 / 1'000'000 + 2500);
        QVERIFY2(tip.contains(u"node: 3 KiB"_s), qPrintable(tip)); // the sample at or before 2.5 s
        QVERIFY(!chart.tooltipTextAt(kT0 / 1'000'000 + 60'000).contains(u"node"_s)); // far past the data
        shoot(chart, u"chart-units"_s);
    }

    void styles_data()
    {
        QTest::addColumn<int>("style");
        QTest::addColumn<bool>("stacked");
        QTest::newRow("lines") << int(ui::DrawStyle::Lines) << false;
        QTest::newRow("stacked-lines") << int(ui::DrawStyle::Lines) << true;
        QTest::newRow("bars") << int(ui::DrawStyle::Bars) << false;
        QTest::newRow("stacked-bars") << int(ui::DrawStyle::Bars) << true;
        QTest::newRow("points") << int(ui::DrawStyle::Points) << false;
    }

    void styles()
    {
        QFETCH(int, style);
        QFETCH(bool, stacked);
        ui::TimeSeriesChart chart;
        chart.resize(640, 320);
        ui::ChartOptions o;
        o.style = ui::DrawStyle(style);
        o.stacked = stacked;
        chart.setOptions(o);
        chart.setValueFormat({QString(), 1.0, 1, u"reqps"_s});
        chart.setSeries({wave(u"a"_s, 60, 10 * kSecond, 30, 10), wave(u"b"_s, 60, 10 * kSecond, 20, 5),
                         wave(u"c"_s, 60, 10 * kSecond, 10, 3)},
                        kT0, kT0 + 600 * kSecond);
        QCOMPARE(chart.lineCount(), 3);
        const QImage img = chart.grab().toImage();
        // Something of the first series' colour is on the plot.
        const QRect plot = chart.plotArea().toRect();
        int coloured = 0;
        for (int y = plot.top(); y < plot.bottom(); y += 2)
            for (int x = plot.left(); x < plot.right(); x += 2)
                coloured += img.pixelColor(x, y).saturation() > 80 ? 1 : 0;
        QVERIFY2(coloured > (style == int(ui::DrawStyle::Bars) ? 2000 : 100),
                 qPrintable(QString::number(coloured)));
        shoot(chart, u"chart-"_s + QString::fromLatin1(QTest::currentDataTag()));
    }

    void thresholdBandsTintThePlot()
    {
        ui::TimeSeriesChart chart;
        chart.resize(600, 300);
        ui::ChartOptions o;
        o.thresholds.steps = {{-INFINITY, u"green"_s}, {60, u"red"_s}};
        o.thresholdStyle = ui::ThresholdStyle::Bands;
        chart.setOptions(o);
        signalstore::SeriesSet flat;
        flat.labels = {{u"x"_s, u"flat"_s}};
        for (int i = 0; i < 10; ++i) {
            flat.timesNs.push_back(kT0 + i * kSecond);
            flat.values.push_back(i < 5 ? 10 : 100);
        }
        chart.setSeries({flat}, kT0, kT0 + 9 * kSecond);
        QImage img = chart.grab().toImage();
        const QRectF plot = chart.plotArea();
        // y of value 80 (red band) and 30 (green band) on a 0..100 axis.
        const auto yOf = [&](double v) { return int(plot.bottom() - v / 100.0 * plot.height()); };
        const int x = int(plot.left() + plot.width() * 0.3); // off the vertical grid lines
        const QColor red = img.pixelColor(x, yOf(80));
        const QColor green = img.pixelColor(x, yOf(30));
        QVERIFY2(red.red() > red.green() && red.red() > red.blue(), qPrintable(red.name()));
        QVERIFY2(green.green() > green.red(), qPrintable(green.name()));
        shoot(chart, u"chart-threshold-bands"_s);

        o.thresholdStyle = ui::ThresholdStyle::Lines;
        chart.setOptions(o);
        img = chart.grab().toImage();
        const QColor base = chart.palette().color(QPalette::Base);
        QCOMPARE(img.pixelColor(x, yOf(30)), base); // no band any more
        bool dashFound = false;
        for (int dy = -1; dy <= 1 && !dashFound; ++dy)
            for (int dx = 0; dx < 20 && !dashFound; ++dx) {
                const QColor c = img.pixelColor(x + dx, yOf(60) + dy);
                dashFound = c.red() > 150 && c.green() < 140;
            }
        QVERIFY(dashFound);
        shoot(chart, u"chart-threshold-lines"_s);
    }

    void logScaleDropsNonPositiveValuesWithANote()
    {
        ui::TimeSeriesChart chart;
        chart.resize(600, 300);
        ui::ChartOptions o;
        o.logScale = true;
        chart.setOptions(o);
        signalstore::SeriesSet s;
        s.labels = {{u"x"_s, u"latency"_s}};
        const double values[] = {0.5, 3, 0, 40, -2, 800, 12000, 5};
        for (int i = 0; i < 8; ++i) {
            s.timesNs.push_back(kT0 + i * kSecond);
            s.values.push_back(values[i]);
        }
        chart.setSeries({s}, kT0, kT0 + 7 * kSecond);
        QVERIFY(!chart.grab().isNull());
        QCOMPARE(chart.droppedForLogScale(), qsizetype(2));
        QCOMPARE(chart.drawnPointCount(), qsizetype(6));
        shoot(chart, u"chart-log"_s);
        o.logScale = false;
        chart.setOptions(o);
        QCOMPARE(chart.droppedForLogScale(), qsizetype(0));
        QCOMPARE(chart.drawnPointCount(), qsizetype(8));
    }

    void regionAndPointAnnotations()
    {
        ui::TimeSeriesChart chart;
        chart.resize(600, 300);
        chart.setSeries({wave(u"a"_s, 60, kSecond, 10, 5)}, kT0, kT0 + 60 * kSecond);
        const qint64 ms0 = kT0 / 1'000'000;
        chart.setAnnotations({{ms0 + 10'000, u"deploy v2"_s, ms0 + 25'000},
                              {ms0 + 40'000, u"Declared SEV2"_s},
                              {ms0 + 120'000, u"outside"_s}});
        QCOMPARE(chart.visibleAnnotationCount(), 2);
        QCOMPARE(chart.lineCount(), 1);
        QVERIFY(chart.tooltipTextAt(ms0 + 15'000).contains(u"deploy v2"_s));
        QVERIFY(!chart.tooltipTextAt(ms0 + 30'000).contains(u"deploy v2"_s));
        QVERIFY(chart.tooltipTextAt(ms0 + 40'000).contains(u"Declared SEV2"_s));
        const QImage img = chart.grab().toImage();
        const QRectF plot = chart.plotArea();
        const int y = int(plot.center().y());
        const QColor inside = img.pixelColor(int(chart.xForTime(ms0 + 17'000)), y - 40);
        const QColor outside = img.pixelColor(int(chart.xForTime(ms0 + 33'000)), y - 40);
        QVERIFY2(inside != outside, qPrintable(inside.name() + u' ' + outside.name())); // shaded
        shoot(chart, u"chart-annotations"_s);
    }

    void dragSelectsARangeAndHoverDrivesTheCrosshair()
    {
        ui::TimeSeriesChart chart;
        chart.resize(600, 300);
        chart.setSeries({wave(u"a"_s, 60, kSecond, 10, 5)}, kT0, kT0 + 60 * kSecond);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QWidget* canvas = canvasOf(chart);
        QVERIFY(canvas);
        QVERIFY(!chart.grab().isNull());
        const QRectF plot = chart.plotArea();
        QSignalSpy range(&chart, &ui::TimeSeriesChart::rangeSelected);
        QSignalSpy hovered(&chart, &ui::TimeSeriesChart::hovered);
        const QPoint a(int(plot.left() + plot.width() * 0.25), int(plot.center().y()));
        const QPoint b(int(plot.left() + plot.width() * 0.5), int(plot.center().y()));
        QTest::mouseMove(canvas, a);
        QVERIFY(!hovered.isEmpty());
        const qint64 hoverMs = hovered.last().at(0).toLongLong();
        QCOMPARE(hoverMs, chart.timeForX(a.x()));
        QCOMPARE(chart.crosshairTimeMs(), hoverMs);
        QTest::mousePress(canvas, Qt::LeftButton, {}, a);
        QTest::mouseMove(canvas, b);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, b);
        QCOMPARE(range.size(), 1);
        const qint64 from = range.front().at(0).toLongLong();
        const qint64 to = range.front().at(1).toLongLong();
        QCOMPARE(from, chart.timeForX(a.x()));
        QCOMPARE(to, chart.timeForX(b.x()));
        QVERIFY(std::abs((to - from) - 15'000) < 300); // a quarter of the minute
        // A click is not a zoom.
        QTest::mouseClick(canvas, Qt::LeftButton, {}, a);
        QCOMPARE(range.size(), 1);

        // The shared crosshair from another panel.
        chart.setCrosshairTime(kT0 / 1'000'000 + 37'000); // off the vertical grid lines
        const QImage img = chart.grab().toImage();
        const int x = int(std::floor(chart.xForTime(kT0 / 1'000'000 + 37'000)));
        const QColor line = img.pixelColor(x, int(plot.top()) + 5);
        QVERIFY(line != chart.palette().color(QPalette::Base));
        chart.setCrosshairTime(-1);
        QCOMPARE(chart.grab().toImage().pixelColor(x, int(plot.top()) + 5),
                 chart.palette().color(QPalette::Base));
    }

    void followsThePalette()
    {
        ui::TimeSeriesChart chart;
        chart.resize(500, 260);
        chart.setSeries({wave(u"a"_s, 60, kSecond, 10, 5), wave(u"b"_s, 60, kSecond, 5, 2)}, kT0,
                        kT0 + 60 * kSecond);
        chart.setPalette(ui::darkPalette());
        QImage dark = chart.grab().toImage();
        QCOMPARE(dark.pixelColor(chart.plotArea().topLeft().toPoint() + QPoint(3, 3)),
                 ui::darkPalette().color(QPalette::Base));
        chart.setPalette(ui::lightPalette());
        QImage light = chart.grab().toImage();
        QCOMPARE(light.pixelColor(chart.plotArea().topLeft().toPoint() + QPoint(3, 3)),
                 ui::lightPalette().color(QPalette::Base));
        QCOMPARE(chart.legendRows().size(), 2);
    }
};

QTEST_MAIN(TestChartTimeSeries)
#include "tst_chart_timeseries.moc"
