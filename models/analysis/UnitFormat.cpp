#include "analysis/UnitFormat.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace wf::analysis {

namespace {

using namespace Qt::StringLiterals;

QString fixed(double value, int decimals)
{
    if (decimals == kAutoDecimals)
        decimals = autoDecimals(value);
    QString text = QString::number(value, 'f', std::clamp(decimals, 0, 12));
    if (text.startsWith(u'-') && text.toDouble() == 0.0)
        text.remove(0, 1); // "-0.00" reads as a sign error
    return text;
}

// value / factor^k with the largest k whose step still keeps |value| >= 1 (Grafana's scaledUnits).
FormattedValue scaled(double value, double factor, std::span<const QString> steps, int decimals)
{
    size_t step = 0;
    double v = value;
    while (std::abs(v) >= factor && step + 1 < steps.size()) {
        v /= factor;
        ++step;
    }
    return {QString(), fixed(v, decimals), steps[step]};
}

// Seconds to the largest unit that keeps the number at or above one (Grafana's toSeconds family).
FormattedValue duration(double seconds, int decimals)
{
    struct Step
    {
        double size;
        const char16_t* suffix;
    };
    static constexpr std::array<Step, 9> steps{{{1e-9, u" ns"},
                                                {1e-6, u" µs"},
                                                {1e-3, u" ms"},
                                                {1.0, u" s"},
                                                {60.0, u" min"},
                                                {3600.0, u" hour"},
                                                {86400.0, u" day"},
                                                {604800.0, u" week"},
                                                {31536000.0, u" year"}}};
    const double a = std::abs(seconds);
    size_t i = 0;
    while (i + 1 < steps.size() && a >= steps[i + 1].size)
        ++i;
    if (a == 0)
        i = 3; // "0 s", not "0 ns"
    return {QString(), fixed(seconds / steps[i].size, decimals), QString::fromUtf16(steps[i].suffix)};
}

const std::array<QString, 9> kShort{u""_s,       u" K"_s,     u" Mil"_s,  u" Bil"_s, u" Tri"_s,
                                    u" Quadr"_s, u" Quint"_s, u" Sext"_s, u" Sept"_s};
const std::array<QString, 5> kCount{u""_s, u"K"_s, u"M"_s, u"B"_s, u"T"_s};
const std::array<QString, 9> kIecBytes{u" B"_s,   u" KiB"_s, u" MiB"_s, u" GiB"_s, u" TiB"_s,
                                       u" PiB"_s, u" EiB"_s, u" ZiB"_s, u" YiB"_s};
const std::array<QString, 9> kSiBytes{u" B"_s,  u" kB"_s, u" MB"_s, u" GB"_s, u" TB"_s,
                                      u" PB"_s, u" EB"_s, u" ZB"_s, u" YB"_s};
const std::array<QString, 9> kIecBits{u" b"_s,   u" Kib"_s, u" Mib"_s, u" Gib"_s, u" Tib"_s,
                                      u" Pib"_s, u" Eib"_s, u" Zib"_s, u" Yib"_s};
const std::array<QString, 9> kSiBits{u" b"_s,  u" kb"_s, u" Mb"_s, u" Gb"_s, u" Tb"_s,
                                     u" Pb"_s, u" Eb"_s, u" Zb"_s, u" Yb"_s};
const std::array<QString, 7> kSiBytesPerSecond{u" B/s"_s,  u" kB/s"_s, u" MB/s"_s, u" GB/s"_s,
                                               u" TB/s"_s, u" PB/s"_s, u" EB/s"_s};
const std::array<QString, 7> kIecBytesPerSecond{u" B/s"_s,   u" KiB/s"_s, u" MiB/s"_s, u" GiB/s"_s,
                                                u" TiB/s"_s, u" PiB/s"_s, u" EiB/s"_s};
const std::array<QString, 7> kBitsPerSecond{u" bps"_s,  u" kbps"_s, u" Mbps"_s, u" Gbps"_s,
                                            u" Tbps"_s, u" Pbps"_s, u" Ebps"_s};
const std::array<QString, 5> kHertz{u" Hz"_s, u" kHz"_s, u" MHz"_s, u" GHz"_s, u" THz"_s};

// Rates of countable things: "1.5K req/s".
FormattedValue countPer(double value, int decimals, const QString& what)
{
    FormattedValue f = scaled(value, 1000.0, kCount, decimals);
    f.suffix = f.suffix + u' ' + what;
    return f;
}

} // namespace

int autoDecimals(double value)
{
    if (!std::isfinite(value) || value == 0 || value == std::floor(value))
        return 0;
    const int magnitude = int(std::floor(std::log10(std::abs(value))));
    int dec = -magnitude + 1;
    const double norm = std::abs(value) / std::pow(10.0, -dec);
    if (norm > 2.25)
        ++dec;
    return std::clamp(dec, 0, 12);
}

FormattedValue formatValue(double value, QStringView unit, int decimals)
{
    if (std::isnan(value))
        return {QString(), u"NaN"_s, QString()};
    if (std::isinf(value))
        return {QString(), value > 0 ? u"+Inf"_s : u"-Inf"_s, QString()};

    if (unit.isEmpty() || unit == u"none")
        return {QString(), fixed(value, decimals), QString()};
    if (unit == u"short")
        return scaled(value, 1000.0, kShort, decimals);
    if (unit == u"percent")
        return {QString(), fixed(value, decimals), u"%"_s};
    if (unit == u"percentunit")
        return {QString(), fixed(value * 100.0, decimals), u"%"_s};
    if (unit == u"bytes")
        return scaled(value, 1024.0, kIecBytes, decimals);
    if (unit == u"decbytes")
        return scaled(value, 1000.0, kSiBytes, decimals);
    if (unit == u"bits")
        return scaled(value, 1024.0, kIecBits, decimals);
    if (unit == u"decbits")
        return scaled(value, 1000.0, kSiBits, decimals);
    if (unit == u"Bps")
        return scaled(value, 1000.0, kSiBytesPerSecond, decimals);
    if (unit == u"binBps")
        return scaled(value, 1024.0, kIecBytesPerSecond, decimals);
    if (unit == u"bps")
        return scaled(value, 1000.0, kBitsPerSecond, decimals);
    if (unit == u"hertz")
        return scaled(value, 1000.0, kHertz, decimals);
    if (unit == u"ns")
        return duration(value * 1e-9, decimals);
    if (unit == u"µs" || unit == u"us")
        return duration(value * 1e-6, decimals);
    if (unit == u"ms")
        return duration(value * 1e-3, decimals);
    if (unit == u"s")
        return duration(value, decimals);
    if (unit == u"m")
        return duration(value * 60.0, decimals);
    if (unit == u"h")
        return duration(value * 3600.0, decimals);
    if (unit == u"d")
        return duration(value * 86400.0, decimals);
    if (unit == u"reqps")
        return countPer(value, decimals, u"req/s"_s);
    if (unit == u"ops")
        return countPer(value, decimals, u"ops/s"_s);
    if (unit == u"rps")
        return countPer(value, decimals, u"rd/s"_s);
    if (unit == u"wps")
        return countPer(value, decimals, u"wr/s"_s);
    if (unit == u"iops")
        return countPer(value, decimals, u"io/s"_s);
    if (unit == u"celsius")
        return {QString(), fixed(value, decimals), u"°C"_s};
    if (unit == u"fahrenheit")
        return {QString(), fixed(value, decimals), u"°F"_s};
    if (unit == u"currencyUSD") {
        FormattedValue f = scaled(std::abs(value), 1000.0, kCount, decimals);
        f.prefix = value < 0 ? u"-$"_s : u"$"_s;
        return f;
    }
    if (unit == u"currencyEUR") {
        FormattedValue f = scaled(std::abs(value), 1000.0, kCount, decimals);
        f.prefix = value < 0 ? u"-€"_s : u"€"_s;
        return f;
    }
    if (unit.startsWith(u"suffix:"))
        return {QString(), fixed(value, decimals), unit.mid(7).toString()};
    if (unit.startsWith(u"prefix:"))
        return {unit.mid(7).toString(), fixed(value, decimals), QString()};
    // Grafana shows an id it does not know as a custom suffix.
    return {QString(), fixed(value, decimals), u' ' + unit.toString()};
}

QString formatValueText(double value, QStringView unit, int decimals)
{
    return formatValue(value, unit, decimals).toString();
}

bool isScaledUnit(QStringView unit)
{
    return !(unit.isEmpty() || unit == u"none" || unit == u"percent" || unit == u"percentunit" ||
             unit == u"celsius" || unit == u"fahrenheit" || unit.startsWith(u"suffix:") ||
             unit.startsWith(u"prefix:"));
}

QList<UnitInfo> knownUnits()
{
    return {
        {u"none"_s, QCoreApplication::translate("UnitFormat", "None")},
        {u"short"_s, QCoreApplication::translate("UnitFormat", "Short (K, Mil, Bil)")},
        {u"percent"_s, QCoreApplication::translate("UnitFormat", "Percent (0-100)")},
        {u"percentunit"_s, QCoreApplication::translate("UnitFormat", "Percent (0.0-1.0)")},
        {u"bytes"_s, QCoreApplication::translate("UnitFormat", "Bytes (IEC: KiB, MiB)")},
        {u"decbytes"_s, QCoreApplication::translate("UnitFormat", "Bytes (SI: kB, MB)")},
        {u"bits"_s, QCoreApplication::translate("UnitFormat", "Bits (IEC)")},
        {u"decbits"_s, QCoreApplication::translate("UnitFormat", "Bits (SI)")},
        {u"Bps"_s, QCoreApplication::translate("UnitFormat", "Bytes/s (SI)")},
        {u"binBps"_s, QCoreApplication::translate("UnitFormat", "Bytes/s (IEC)")},
        {u"bps"_s, QCoreApplication::translate("UnitFormat", "Bits/s")},
        {u"ns"_s, QCoreApplication::translate("UnitFormat", "Nanoseconds")},
        {u"µs"_s, QCoreApplication::translate("UnitFormat", "Microseconds")},
        {u"ms"_s, QCoreApplication::translate("UnitFormat", "Milliseconds")},
        {u"s"_s, QCoreApplication::translate("UnitFormat", "Seconds")},
        {u"m"_s, QCoreApplication::translate("UnitFormat", "Minutes")},
        {u"h"_s, QCoreApplication::translate("UnitFormat", "Hours")},
        {u"d"_s, QCoreApplication::translate("UnitFormat", "Days")},
        {u"reqps"_s, QCoreApplication::translate("UnitFormat", "Requests/s")},
        {u"ops"_s, QCoreApplication::translate("UnitFormat", "Operations/s")},
        {u"rps"_s, QCoreApplication::translate("UnitFormat", "Reads/s")},
        {u"wps"_s, QCoreApplication::translate("UnitFormat", "Writes/s")},
        {u"iops"_s, QCoreApplication::translate("UnitFormat", "I/O operations/s")},
        {u"hertz"_s, QCoreApplication::translate("UnitFormat", "Hertz")},
        {u"celsius"_s, QCoreApplication::translate("UnitFormat", "Celsius (°C)")},
        {u"fahrenheit"_s, QCoreApplication::translate("UnitFormat", "Fahrenheit (°F)")},
        {u"currencyUSD"_s, QCoreApplication::translate("UnitFormat", "Dollars ($)")},
        {u"currencyEUR"_s, QCoreApplication::translate("UnitFormat", "Euros (€)")},
    };
}

} // namespace wf::analysis
