#include "ScrapeInterval.h"

#include <yaml-cpp/yaml.h>

namespace wf::prometheus {

namespace {
constexpr qint64 kYearMs = 365LL * 24 * 3600 * 1000;
constexpr qint64 kPrometheusDefaultScrapeMs = 60'000;
} // namespace

std::optional<qint64> parsePromDurationMs(QStringView text)
{
    // Units in the order Prometheus requires them (largest first, each at most once).
    struct Unit
    {
        QStringView name;
        qint64 ms;
    };
    static constexpr Unit units[] = {{u"y", kYearMs},
                                     {u"w", 7LL * 24 * 3600 * 1000},
                                     {u"d", 24LL * 3600 * 1000},
                                     {u"h", 3600LL * 1000},
                                     {u"m", 60LL * 1000},
                                     {u"s", 1000},
                                     {u"ms", 1}};
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 40)
        return std::nullopt;
    qint64 total = 0;
    qsizetype i = 0;
    std::size_t nextUnit = 0;
    while (i < text.size()) {
        const qsizetype digitsStart = i;
        qint64 n = 0;
        while (i < text.size() && text[i].isDigit() && i - digitsStart < 12)
            n = n * 10 + text[i++].digitValue();
        if (i == digitsStart || i >= text.size())
            return std::nullopt;
        // "ms" before "m": the longest unit name that matches.
        std::size_t match = std::size(units);
        for (std::size_t u = nextUnit; u < std::size(units); ++u) {
            if (text.sliced(i).startsWith(units[u].name) &&
                (match == std::size(units) || units[u].name.size() > units[match].name.size()))
                match = u;
        }
        if (match == std::size(units))
            return std::nullopt;
        total += n * units[match].ms;
        if (total > kYearMs)
            return std::nullopt;
        i += units[match].name.size();
        nextUnit = match + 1;
    }
    if (total <= 0)
        return std::nullopt;
    return total;
}

std::optional<qint64> globalScrapeIntervalMs(const QString& yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap())
            return std::nullopt;
        const YAML::Node global = root["global"];
        if (!global || !global.IsMap() || !global["scrape_interval"])
            return kPrometheusDefaultScrapeMs;
        const YAML::Node value = global["scrape_interval"];
        if (!value.IsScalar())
            return std::nullopt;
        return parsePromDurationMs(QString::fromStdString(value.Scalar()));
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
}

std::optional<qint64> shortestTargetIntervalMs(const QList<PromTarget>& targets)
{
    std::optional<qint64> best;
    for (const PromTarget& t : targets) {
        if (const auto ms = parsePromDurationMs(t.scrapeInterval); ms && (!best || *ms < *best))
            best = ms;
    }
    return best;
}

} // namespace wf::prometheus
