// The time series chart: decimation to the plot's width (legend statistics from every sample),
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

    void decimatesOnlyWhenTheRangeOrTheWidthChanges()
    {
        ui::TimeSeriesChart chart;
        chart.resize(600, 300);
        chart.setSeries({wave(u"a"_s, 20'000, 1'000'000, 10, 5)}, kT0, kT0 + 20 * kSecond);
        QVERIFY(!chart.grab().isNull());
        const int after = chart.decimationCount();
        QVERIFY(after >= 1);
        chart.setCrosshairTime(kT0 / 1'000'000 + 5000);
        chart.setAnnotations({{kT0 / 1'000'000 + 3000, u"deploy"_s}});
        chart.setPalette(ui::darkPalette());
        QVERIFY(!chart.grab().isNull());
        QCOMPARE(chart.decimationCount(), after); // overlays and colours reuse the decimated points
        chart.resize(500, 300);
        QVERIFY(!chart.grab().isNull());
        QCOMPARE(chart.decimationCount(), after + 1); // a new width
        chart.setSeries({wave(u"a"_s, 20'000, 1'000'000, 10, 5)}, kT0 + kSecond, kT0 + 21 * kSecond);
        QVERIFY(!chart.grab().isNull());
        QCOMPARE(chart.decimationCount(), after + 2); // new data and range: once, not again at paint
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

    void plotKeepsTheLargerShareNextToALegend_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("unit");
        QTest::newRow("600x150 errors/s") << QSize(600, 150) << u"errors/s"_s;
        QTest::newRow("600x250 errors/s") << QSize(600, 250) << u"errors/s"_s;
        QTest::newRow("900x400 errors/s") << QSize(900, 400) << u"errors/s"_s;
        QTest::newRow("600x150 long unit") << QSize(600, 150) << u"requests per second"_s;
        QTest::newRow("300x150 req/s") << QSize(300, 150) << u"req/s"_s;
        QTest::newRow("900x400 req/s") << QSize(900, 400) << u"req/s"_s;
    }

    // Grafana's rule: however many series, the legend never squeezes the plot. Seven series with
    // statistics in a short panel once left a plot 15 px tall with value labels over each other.
    void plotKeepsTheLargerShareNextToALegend()
    {
        QFETCH(QSize, size);
        QFETCH(QString, unit);
        ui::TimeSeriesChart chart;
        chart.resize(size);
        chart.setValueFormat({unit, 1.0, 2, QString()});
        std::vector<signalstore::SeriesSet> series;
        const QStringList names{u"auth"_s,     u"cart"_s,     u"checkout"_s, u"gateway"_s,
                                u"payments"_s, u"shipping"_s, u"search"_s};
        for (int i = 0; i < names.size(); ++i)
            series.push_back(wave(names[i], 120, kSecond, 0.1 * i, 0.05 * (i + 1)));
        chart.setSeries(series, kT0, kT0 + 120 * kSecond);
        const QImage img = chart.grab().toImage();
        QCOMPARE(chart.legendRows().size(), 7);

        const QRectF plot = chart.plotArea();
        QVERIFY2(plot.height() >= 0.55 * size.height(),
                 qPrintable(u"plot %1 px of %2"_s.arg(plot.height()).arg(size.height())));
        // The legend, wherever it went, does not cover the plot.
        const ui::ChartLegend* legend = chart.legend();
        if (legend->isVisible()) {
            QVERIFY(legend->visibleRowCount() >= 1);
            const QRect plotInChart(canvasOf(chart)->mapTo(&chart, plot.topLeft().toPoint()),
                                    plot.size().toSize());
            QVERIFY(!legend->geometry().intersects(plotInChart));
            if (legend->placement() == ui::LegendPlacement::Bottom)
                QVERIFY(legend->height() <= 0.35 * size.height());
        }

        const QStringList labels = chart.valueAxisLabels();
        const QList<QRect> rects = chart.valueAxisLabelRects();
        QCOMPARE(rects.size(), labels.size());
        QVERIFY(labels.size() >= 2);
        for (qsizetype i = 0; i < rects.size(); ++i) {
            QVERIFY2(!labels[i].contains(u'…') && !labels[i].contains(u"..."_s), qPrintable(labels[i]));
            for (qsizetype j = i + 1; j < rects.size(); ++j)
                QVERIFY2(!rects[i].intersects(rects[j]), qPrintable(labels[i] + u" overlaps "_s + labels[j]));
        }
        // The unit is either the whole axis title or on the tick labels, never cut to "err…".
        const QString title = chart.shownValueAxisTitle();
        QVERIFY2(title.isEmpty() || title == unit, qPrintable(title));
        if (title.isEmpty() && unit.size() <= 8)
            QVERIFY2(labels.front().endsWith(unit), qPrintable(labels.join(u'|')));
        QVERIFY(!img.isNull());
        shoot(chart, u"chart-legend-%1x%2-%3"_s.arg(size.width()).arg(size.height()).arg(unit.size()));
    }

    void valueLabelsAreNeverElidedInANarrowPanel_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("top");
        QTest::newRow("bytes") << u"bytes"_s << 1.6e9;
        QTest::newRow("percent") << u"percent"_s << 87.5;
        QTest::newRow("decbytes") << u"decbytes"_s << 123'456'789.0;
    }

    void valueLabelsAreNeverElidedInANarrowPanel()
    {
        QFETCH(QString, unit);
        QFETCH(double, top);
        ui::TimeSeriesChart chart;
        chart.resize(220, 150);
        chart.setValueFormat({QString(), 1.0, 1, unit});
        signalstore::SeriesSet s = wave(u"used"_s, 60, kSecond, top * 0.6, top * 0.3);
        chart.setSeries({s}, kT0, kT0 + 60 * kSecond);
        const QImage img = chart.grab().toImage();
        const QStringList labels = chart.valueAxisLabels();
        QVERIFY(labels.size() >= 3);
        QFont axisFont = chart.font();
        axisFont.setPointSizeF(axisFont.pointSizeF() * 0.85);
        const QFontMetrics fm(axisFont);
        for (const QString& label : labels) {
            QVERIFY2(!label.contains(u'…') && !label.contains(u"..."_s), qPrintable(label));
            // The whole label fits left of the plot.
            QVERIFY2(fm.horizontalAdvance(label) < chart.plotArea().left(), qPrintable(label));
        }
        QVERIFY2(labels.back().contains(unit == u"percent" ? u"%"_s : u"B"_s), qPrintable(labels.join(u'|')));
        QVERIFY(chart.plotArea().width() > 80); // the labels leave room for the plot
        // Ink left of the plot: the labels were drawn there.
        int ink = 0;
        const QColor base = chart.palette().color(QPalette::Base);
        for (int y = 0; y < int(chart.plotArea().bottom()); ++y)
            for (int x = 0; x < int(chart.plotArea().left()) - 2; ++x)
                ink += img.pixelColor(x, y) != base ? 1 : 0;
        QVERIFY(ink > 30);
        shoot(chart, u"chart-narrow-"_s + unit);
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
