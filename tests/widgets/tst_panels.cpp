// Stat, gauge, bar gauge, table, heatmap and text panels, offscreen: what each shows for known input
// (texts, threshold colours, sort order, cell counts), checked on the model and on rendered pixels.
// Set WF_SHOTS=<dir> to save each panel as PNG in the light and dark theme.

#include "charts/ChartOptions.h"
#include "panels/BarGaugePanel.h"
#include "panels/GaugePanel.h"
#include "panels/HeatmapPanel.h"
#include "panels/StatPanel.h"
#include "panels/TablePanel.h"
#include "panels/TextPanel.h"
#include "theme/Theme.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBlock>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000'000'000LL;
constexpr qint64 kSecond = 1'000'000'000LL;

signalstore::SeriesSet series(const QString& key, const QString& name, std::vector<double> values)
{
    signalstore::SeriesSet s;
    s.labels = {{key, name}};
    for (size_t i = 0; i < values.size(); ++i)
        s.timesNs.push_back(kT0 + qint64(i) * 10 * kSecond);
    s.values = std::move(values);
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

int pixelsOf(const QImage& img, const QColor& colour, const QRect& area = {})
{
    const QRect r = area.isNull() ? img.rect() : area.intersected(img.rect());
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += img.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
    return n;
}

analysis::Thresholds steps(std::initializer_list<analysis::ThresholdStep> list)
{
    analysis::Thresholds t;
    t.steps = list;
    return t;
}

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statShowsValueUnitAndThresholdColour()
    {
        ui::StatPanel stat;
        stat.resize(260, 140);
        ui::ValuePanelOptions o;
        o.unitId = u"bytes"_s;
        o.decimals = 1;
        o.thresholds = steps({{-INFINITY, u"green"_s}, {1024, u"red"_s}});
        stat.setOptions(o);
        QCOMPARE(stat.valueText(0), u"No data"_s);
        std::vector<double> values;
        for (int i = 0; i < 30; ++i)
            values.push_back(200.0 + 40 * i);
        values.back() = 1536;
        stat.setSeries({series(u"instance"_s, u"db-1"_s, values)}, kT0, kT0 + 300 * kSecond);
        QCOMPARE(stat.valueText(0), u"1.5 KiB"_s);
        QCOMPARE(stat.values().front().colour, ui::thresholdColour(u"red"_s));
        QVERIFY(pixelsOf(stat.grab().toImage(), ui::thresholdColour(u"red"_s)) > 30);
        shoot(stat, u"panel-stat"_s);

        values.back() = 100; // below the red step
        stat.setSeries({series(u"instance"_s, u"db-1"_s, values)}, kT0, kT0 + 300 * kSecond);
        QCOMPARE(stat.valueText(0), u"100.0 B"_s); // decimals are fixed at 1
        QCOMPARE(stat.values().front().colour, ui::thresholdColour(u"green"_s));
        QCOMPARE(pixelsOf(stat.grab().toImage(), ui::thresholdColour(u"red"_s)), 0);

        // The largest value instead of the last.
        o.reducer = analysis::Reducer::Max;
        stat.setOptions(o);
        QCOMPARE(stat.valueText(0), u"1.3 KiB"_s); // 200 + 40 * 28 = 1320 B
    }

    void gaugeFillsToTheValue()
    {
        ui::GaugePanel gauge;
        gauge.resize(220, 200);
        ui::ValuePanelOptions o;
        o.unitId = u"percent"_s;
        o.decimals = 0;
        o.thresholds = steps({{-INFINITY, u"green"_s}, {70, u"orange"_s}, {90, u"red"_s}});
        gauge.setOptions(o);
        gauge.setSeries({series(u"host"_s, u"cpu"_s, {10, 20, 75})});
        QCOMPARE(gauge.fraction(0), 0.75);
        QCOMPARE(gauge.values().front().formatted.toString(), u"75%"_s);
        QCOMPARE(gauge.values().front().colour, ui::thresholdColour(u"orange"_s));
        const QImage img = gauge.grab().toImage();
        QVERIFY(pixelsOf(img, ui::thresholdColour(u"orange"_s)) > 200);
        shoot(gauge, u"panel-gauge"_s);
        o.max = 300; // the same value on a wider scale
        gauge.setOptions(o);
        QCOMPARE(gauge.fraction(0), 0.25);
        QCOMPARE(gauge.values().front().colour, ui::thresholdColour(u"orange"_s)); // absolute steps
    }

    void barGaugeBarsScaleAndColour()
    {
        ui::BarGaugePanel bars;
        bars.resize(360, 120);
        ui::ValuePanelOptions o;
        o.unitId = u"short"_s;
        o.decimals = 0;
        bars.setOptions(o); // default thresholds: green, red from 80
        bars.setSeries({series(u"svc"_s, u"auth"_s, {5, 10}), series(u"svc"_s, u"cart"_s, {50}),
                        series(u"svc"_s, u"payments"_s, {1, 100})});
        QCOMPARE(bars.range(), std::make_pair(0.0, 100.0));
        QCOMPARE(bars.fraction(0), 0.1);
        QCOMPARE(bars.fraction(2), 1.0);
        const QImage img = bars.grab().toImage();
        QCOMPARE(img.pixelColor(bars.barRect(2).center()), ui::thresholdColour(u"red"_s));
        QCOMPARE(img.pixelColor(bars.barRect(1).center()), ui::thresholdColour(u"green"_s));
        QVERIFY(std::abs(bars.barRect(1).width() * 2 - bars.barRect(2).width()) <= 1);
        shoot(bars, u"panel-bargauge"_s);

        // One bar named by a long label set: no label elided to nothing, the bar starts at the left.
        bars.setSeries(
            {series(u"mountpoint"_s, u"/var/lib/docker/overlay2/0123456789abcdef/merged"_s, {50})});
        QCOMPARE(bars.barRect(0).left(), 4);
        QVERIFY(bars.barRect(0).width() > bars.width() / 3);
        // Several bars keep their names: they tell the bars apart.
        bars.setSeries(
            {series(u"svc"_s, u"auth"_s, {5}), series(u"svc"_s, u"a-very-long-service-name-indeed"_s, {9})});
        QVERIFY(bars.barRect(0).left() > 4);
    }

    void tableSortsByValueNotText()
    {
        ui::TablePanel table;
        table.resize(420, 160);
        new QAbstractItemModelTester(table.sourceModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, &table);
        table.setValueColumns({{u"Last"_s, analysis::Reducer::Last, u"bytes"_s, 0},
                               {u"Max"_s, analysis::Reducer::Max, u"bytes"_s, 0}});
        table.setThresholds(steps({{-INFINITY, u"green"_s}, {100'000, u"red"_s}}));
        table.setSeries({series(u"instance"_s, u"a"_s, {1, 2048}), series(u"instance"_s, u"b"_s, {1048576}),
                         series(u"instance"_s, u"c"_s, {4096, 512})});
        QAbstractItemModel* m = table.displayModel();
        QCOMPARE(m->columnCount(), 3);
        QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), u"instance"_s);
        QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), u"Last"_s);
        table.view()->sortByColumn(1, Qt::DescendingOrder);
        const auto column = [&](int c) {
            QStringList out;
            for (int r = 0; r < m->rowCount(); ++r)
                out << m->index(r, c).data().toString();
            return out;
        };
        QCOMPARE(column(1),
                 (QStringList{u"1 MiB"_s, u"2 KiB"_s, u"512 B"_s})); // as text: 512 B, 2 KiB, 1 MiB
        QCOMPARE(column(0), (QStringList{u"b"_s, u"a"_s, u"c"_s}));
        QCOMPARE(m->index(0, 1).data(Qt::ForegroundRole).value<QColor>(), ui::thresholdColour(u"red"_s));
        QCOMPARE(m->index(1, 1).data(Qt::ForegroundRole).value<QColor>(), ui::thresholdColour(u"green"_s));
        table.view()->sortByColumn(2, Qt::AscendingOrder); // Max: a 2 KiB, c 4 KiB, b 1 MiB
        QCOMPARE(column(0), (QStringList{u"a"_s, u"c"_s, u"b"_s}));
        table.view()->sortByColumn(0, Qt::DescendingOrder);
        QCOMPARE(column(0), (QStringList{u"c"_s, u"b"_s, u"a"_s}));
        shoot(table, u"panel-table"_s);
    }

    void heatmapCellsFromCumulativeBuckets()
    {
        ui::HeatmapPanel heat;
        heat.resize(400, 220);
        heat.setUnit(u"s"_s);
        // Cumulative per `le`, four scrapes; own counts: le 0.1 [1 2 3 4], 0.5 [2 3 0 6], +Inf [0 1 6 0].
        heat.setSeries({series(u"le"_s, u"+Inf"_s, {3, 6, 9, 10}), series(u"le"_s, u"0.1"_s, {1, 2, 3, 4}),
                        series(u"le"_s, u"0.5"_s, {3, 5, 3, 10}),
                        series(u"job"_s, u"no-le"_s, {1, 1, 1, 1})});
        const analysis::HeatmapGrid& g = heat.grid();
        QCOMPARE(g.rows(), size_t(3));
        QCOMPARE(g.columns(), size_t(4));
        QCOMPARE(heat.cellCount(), 12);
        QCOMPARE(g.skippedSeries, 1);
        QCOMPARE(g.upperBounds[0], 0.1);
        QVERIFY(std::isinf(g.upperBounds[2]));
        QCOMPARE(g.count(1, 2), 0.0);
        QCOMPARE(g.count(1, 3), 6.0);
        QCOMPARE(g.count(2, 2), 6.0);
        QCOMPARE(g.maxCount, 6.0);
        const QImage img = heat.grab().toImage();
        const QColor hottest = heat.cellColour(6);
        QCOMPARE(img.pixelColor(heat.cellRect(2, 2).center().toPoint()), hottest);
        QCOMPARE(img.pixelColor(heat.cellRect(1, 3).center().toPoint()), hottest);
        QCOMPARE(img.pixelColor(heat.cellRect(1, 2).center().toPoint()), heat.cellColour(0));
        QVERIFY(heat.cellColour(1) != heat.cellColour(0)); // one observation is visible
        QVERIFY(heat.cellText(2, 2).contains(u"+Inf"_s));
        QVERIFY(heat.cellText(1, 3).contains(u"100 ms"_s)); // the lower bound of the 0.5 s bucket
        shoot(heat, u"panel-heatmap"_s);
    }

    void textRendersMarkdownWithoutOpeningAnything()
    {
        ui::TextPanel text;
        text.resize(360, 200);
        text.setMarkdownText(u"# Checkout runbook\n\nSee [the docs](https://example.com/docs) first.\n\n"
                             "![graph](https://example.com/a.png)\n\n<b>not bold</b>\n\n- one\n- two\n"_s);
        QVERIFY(text.toPlainText().contains(u"Checkout runbook"_s));
        QVERIFY(text.toPlainText().contains(u"<b>not bold</b>"_s)); // HTML stays text
        text.show();
        QVERIFY(QTest::qWaitForWindowExposed(&text));
        QVERIFY(!text.grab().isNull());
        QVERIFY(text.blockedResources().contains(QUrl(u"https://example.com/a.png"_s)));

        // Clicking the link reports it and leaves the document as it was.
        QTextCursor link;
        for (QTextBlock b = text.document()->begin(); b.isValid() && link.isNull(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isAnchor()) {
                    link = QTextCursor(text.document());
                    link.setPosition(it.fragment().position() + 1);
                    break;
                }
            }
        }
        QVERIFY(!link.isNull());
        QSignalSpy clicked(&text, &ui::TextPanel::linkClicked);
        const QPoint at = text.cursorRect(link).center();
        QTest::mouseClick(text.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.front().front().toUrl(), QUrl(u"https://example.com/docs"_s));
        QVERIFY(text.toPlainText().contains(u"Checkout runbook"_s));
        QVERIFY(text.source().isEmpty());
        // Links take the theme's link colour (the Markdown importer would keep the application's).
        text.setPalette(ui::darkPalette());
        QTextCursor probe(text.document());
        probe.setPosition(link.position());
        QCOMPARE(probe.charFormat().foreground().color(), ui::darkPalette().color(QPalette::Link));
        shoot(text, u"panel-text"_s);
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
