#pragma once
// Values with Grafana's unit ids (the "unit" field of a Grafana panel's fieldConfig): "short" scales by
// thousands (K, Mil, Bil), "bytes" by 1024 (KiB, MiB), "s" picks ms/s/min/hour/day, and so on. Used for
// axes, legends, stat values and table cells, so one value reads the same everywhere.

#include <QList>
#include <QString>
#include <QStringView>

namespace wf::analysis {

constexpr int kAutoDecimals = -1;

struct FormattedValue
{
    QString prefix; // "$" for currencies, else empty
    QString text;   // the number, e.g. "1.50"
    QString suffix; // " KiB", "%", " req/s" (with its own leading space where one belongs)
    QString toString() const { return prefix + text + suffix; }
};

// `unit` is a Grafana unit id ("none", "short", "percent", "percentunit", "bytes", "decbytes", "bits",
// "decbits", "Bps", "binBps", "bps", "s", "ms", "µs" (or "us"), "ns", "m", "h", "d", "reqps", "ops",
// "rps", "wps", "iops", "hertz", "celsius", "fahrenheit", "currencyUSD", "currencyEUR") or
// "suffix:<text>" / "prefix:<text>"; any other id is shown as a suffix, as Grafana does. `decimals` is
// the number of digits after the point, or kAutoDecimals for about two significant digits.
// NaN reads "NaN", infinities "+Inf"/"-Inf" (the words Prometheus uses).
FormattedValue formatValue(double value, QStringView unit, int decimals = kAutoDecimals);
QString formatValueText(double value, QStringView unit, int decimals = kAutoDecimals);

// Grafana's choice of decimals for a value shown without a fixed number of them.
int autoDecimals(double value);

// Whether values in `unit` are scaled by unit steps (so an axis needs labels per tick, not one title).
bool isScaledUnit(QStringView unit);

struct UnitInfo
{
    QString id;    // what formatValue takes and what dashboards store
    QString label; // translated, for pickers
};
// The units Watchfloor knows by name, in picker order.
QList<UnitInfo> knownUnits();

} // namespace wf::analysis
