// Grafana-style unit formatting: each family's scaling steps, decimals, and the odd values.

#include "analysis/Thresholds.h"
#include "analysis/UnitFormat.h"

#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace wf::analysis;

class TestUnitFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, double v, const QString& unit, int dec, const QString& out) {
            QTest::newRow(name) << v << unit << dec << out;
        };
        row("none auto integer", 42, u"none"_s, kAutoDecimals, u"42"_s);
        row("none auto fraction", 5.5, u"none"_s, kAutoDecimals, u"5.50"_s);
        row("none auto small", 0.0123, u"none"_s, kAutoDecimals, u"0.0123"_s);
        row("none fixed", 3.14159, u""_s, 2, u"3.14"_s);
        row("no negative zero", -0.0001, u"none"_s, 2, u"0.00"_s);
        row("short below 1000", 999, u"short"_s, 0, u"999"_s);
        row("short thousands", 1500, u"short"_s, 1, u"1.5 K"_s);
        row("short millions", 2'500'000, u"short"_s, 1, u"2.5 Mil"_s);
        row("short billions", 7e9, u"short"_s, 0, u"7 Bil"_s);
        row("short negative", -1500, u"short"_s, 1, u"-1.5 K"_s);
        row("percent", 12.345, u"percent"_s, 1, u"12.3%"_s);
        row("percentunit", 0.5, u"percentunit"_s, 0, u"50%"_s);
        row("bytes", 1536, u"bytes"_s, 1, u"1.5 KiB"_s);
        row("bytes GiB", 3.0 * 1024 * 1024 * 1024, u"bytes"_s, 0, u"3 GiB"_s);
        row("bytes small", 512, u"bytes"_s, 0, u"512 B"_s);
        row("decbytes", 1500, u"decbytes"_s, 1, u"1.5 kB"_s);
        row("decbytes MB", 2'000'000, u"decbytes"_s, 0, u"2 MB"_s);
        row("bits", 2048, u"bits"_s, 0, u"2 Kib"_s);
        row("decbits", 2000, u"decbits"_s, 0, u"2 kb"_s);
        row("Bps", 1'250'000, u"Bps"_s, 2, u"1.25 MB/s"_s);
        row("binBps", 1024, u"binBps"_s, 0, u"1 KiB/s"_s);
        row("bps", 10'000'000, u"bps"_s, 0, u"10 Mbps"_s);
        row("seconds", 1.5, u"s"_s, 1, u"1.5 s"_s);
        row("seconds to ms", 0.25, u"s"_s, 0, u"250 ms"_s);
        row("seconds to µs", 0.00025, u"s"_s, 0, u"250 µs"_s);
        row("seconds to min", 90, u"s"_s, 1, u"1.5 min"_s);
        row("seconds to hour", 7200, u"s"_s, 0, u"2 hour"_s);
        row("seconds to day", 172800, u"s"_s, 0, u"2 day"_s);
        row("zero seconds", 0, u"s"_s, 0, u"0 s"_s);
        row("ms", 250, u"ms"_s, 0, u"250 ms"_s);
        row("ms to s", 2500, u"ms"_s, 1, u"2.5 s"_s);
        row("µs", 1500, u"µs"_s, 1, u"1.5 ms"_s);
        row("us alias", 12, u"us"_s, 0, u"12 µs"_s);
        row("ns", 12, u"ns"_s, 0, u"12 ns"_s);
        row("ns to µs", 4500, u"ns"_s, 1, u"4.5 µs"_s);
        row("minutes", 120, u"m"_s, 0, u"2 hour"_s);
        row("reqps", 1200, u"reqps"_s, 1, u"1.2K req/s"_s);
        row("reqps small", 12, u"reqps"_s, 0, u"12 req/s"_s);
        row("ops", 5, u"ops"_s, 0, u"5 ops/s"_s);
        row("celsius", 21.5, u"celsius"_s, 1, u"21.5°C"_s);
        row("usd", 1500, u"currencyUSD"_s, 1, u"$1.5K"_s);
        row("usd negative", -20, u"currencyUSD"_s, 0, u"-$20"_s);
        row("custom suffix", 3, u"suffix: apples"_s, 0, u"3 apples"_s);
        row("custom prefix", 3, u"prefix:#"_s, 0, u"#3"_s);
        row("unknown id is a suffix", 3, u"widgets"_s, 0, u"3 widgets"_s);
        row("nan", std::nan(""), u"bytes"_s, 2, u"NaN"_s);
        row("+inf", std::numeric_limits<double>::infinity(), u"s"_s, 2, u"+Inf"_s);
        row("-inf", -std::numeric_limits<double>::infinity(), u"short"_s, 2, u"-Inf"_s);
    }

    void formats()
    {
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(formatValueText(value, unit, decimals), expected);
    }

    void partsSplitNumberFromUnit()
    {
        const FormattedValue f = formatValue(1536, u"bytes", 1);
        QCOMPARE(f.text, u"1.5"_s);
        QCOMPARE(f.suffix, u" KiB"_s);
        QVERIFY(f.prefix.isEmpty());
        const FormattedValue usd = formatValue(2, u"currencyUSD", 0);
        QCOMPARE(usd.prefix, u"$"_s);
        QCOMPARE(usd.text, u"2"_s);
    }

    void autoDecimalsFollowGrafana()
    {
        QCOMPARE(autoDecimals(1234.5), 0);
        QCOMPARE(autoDecimals(12.34), 1);
        QCOMPARE(autoDecimals(1.2), 2); // about three significant digits
        QCOMPARE(autoDecimals(5.5), 2);
        QCOMPARE(autoDecimals(0.0123), 4);
        QCOMPARE(autoDecimals(7.0), 0);
        QCOMPARE(autoDecimals(0.0), 0);
    }

    void knownUnitsAreFormattable()
    {
        const QList<UnitInfo> units = knownUnits();
        QVERIFY(units.size() >= 20);
        QSet<QString> ids;
        for (const UnitInfo& u : units) {
            QVERIFY(!u.label.isEmpty());
            ids.insert(u.id);
        }
        QCOMPARE(ids.size(), units.size());
        QVERIFY(isScaledUnit(u"bytes"));
        QVERIFY(!isScaledUnit(u"percent"));
    }

    // Thresholds pick the colour of stat values, gauges and table cells next to their unit.
    void thresholdStepsPickTheLastStepReached()
    {
        Thresholds t;
        t.steps = {{90, u"red"_s}, {0, u"green"_s}, {70, u"orange"_s}};
        t = t.normalised();
        QCOMPARE(t.steps.size(), 3);
        QCOMPARE(t.steps[0].colour, u"green"_s);
        QVERIFY(std::isinf(t.steps[0].value)); // the lowest step becomes the base
        QCOMPARE(t.stepIndexFor(-1000), 0);
        QCOMPARE(t.stepIndexFor(69.9), 0);
        QCOMPARE(t.stepIndexFor(70), 1);
        QCOMPARE(t.stepIndexFor(95), 2);
        QCOMPARE(t.stepIndexFor(std::nan("")), -1);
        QCOMPARE(Thresholds{}.stepIndexFor(5), -1);

        t.mode = Thresholds::Mode::Percentage; // 70% and 90% of [0, 200]
        QCOMPARE(t.stepIndexFor(139, 0, 200), 0);
        QCOMPARE(t.stepIndexFor(140, 0, 200), 1);
        QCOMPARE(t.stepStart(2, 0, 200), 180.0);
        QCOMPARE(defaultThresholds().stepIndexFor(80), 1);
    }
};

QTEST_GUILESS_MAIN(TestUnitFormat)
#include "tst_unitformat.moc"
