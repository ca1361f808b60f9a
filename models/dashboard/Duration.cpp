#include "Duration.h"

#include <array>

namespace wf::dashboard {

namespace {

struct Unit
{
    const char16_t* name;
    qint64 ms;
};

// Largest first: parse order and format order.
constexpr std::array kUnits{Unit{u"y", 365LL * 24 * 3600 * 1000},
                            Unit{u"w", 7LL * 24 * 3600 * 1000},
                            Unit{u"d", 24LL * 3600 * 1000},
                            Unit{u"h", 3600LL * 1000},
                            Unit{u"m", 60LL * 1000},
                            Unit{u"s", 1000},
                            Unit{u"ms", 1}};

// Bounded so that sums cannot overflow: 100 years is more than any dashboard asks for.
constexpr qint64 kMaxMs = 100LL * 365 * 24 * 3600 * 1000;

} // namespace

std::optional<qint64> parseDurationMs(QStringView text)
{
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    qint64 total = 0;
    qsizetype i = 0;
    size_t nextUnit = 0; // units must come largest first, each once
    while (i < text.size()) {
        qint64 number = 0;
        const qsizetype digitsStart = i;
        while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128) {
            number = number * 10 + (text[i].unicode() - u'0');
            if (number > kMaxMs)
                return std::nullopt;
            ++i;
        }
        if (i == digitsStart)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < text.size() && text[i].isLetter())
            ++i;
        const QStringView unit = text.mid(unitStart, i - unitStart);
        size_t u = nextUnit;
        while (u < kUnits.size() && unit != QStringView(kUnits[u].name))
            ++u;
        if (u == kUnits.size())
            return std::nullopt;
        nextUnit = u + 1;
        if (number > kMaxMs / kUnits[u].ms)
            return std::nullopt;
        total += number * kUnits[u].ms;
        if (total > kMaxMs)
            return std::nullopt;
    }
    return total;
}

QString formatDuration(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("0s");
    QString out;
    for (const Unit& unit : kUnits) {
        if (ms >= unit.ms) {
            out += QString::number(ms / unit.ms) + QStringView(unit.name);
            ms %= unit.ms;
        }
    }
    return out;
}

} // namespace wf::dashboard
