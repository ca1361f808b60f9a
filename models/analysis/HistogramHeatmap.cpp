#include "analysis/HistogramHeatmap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace wf::analysis {

namespace {

bool parseLe(const signalstore::SeriesSet& s, double* bound, QString* text)
{
    for (const auto& [key, value] : s.labels) {
        if (key != u"le")
            continue;
        const QString v = value.trimmed();
        if (v.compare(u"+Inf", Qt::CaseInsensitive) == 0 || v.compare(u"Inf", Qt::CaseInsensitive) == 0) {
            *bound = std::numeric_limits<double>::infinity();
        } else {
            bool ok = false;
            *bound = v.toDouble(&ok);
            if (!ok || std::isnan(*bound))
                return false;
        }
        *text = v;
        return true;
    }
    return false;
}

} // namespace

HeatmapGrid buildHeatmap(const std::vector<signalstore::SeriesSet>& buckets)
{
    HeatmapGrid grid;
    // Cumulative values per bound and time, summed over series that differ in other labels.
    std::map<double, std::map<qint64, double>> cumulative;
    std::map<double, QString> labels;
    std::vector<qint64> times;
    for (const signalstore::SeriesSet& s : buckets) {
        double bound = 0;
        QString text;
        if (!parseLe(s, &bound, &text)) {
            ++grid.skippedSeries;
            continue;
        }
        labels.emplace(bound, text);
        auto& row = cumulative[bound];
        const size_t n = std::min(s.timesNs.size(), s.values.size());
        for (size_t i = 0; i < n; ++i) {
            if (!std::isfinite(s.values[i]))
                continue;
            row[s.timesNs[i]] += s.values[i];
            times.push_back(s.timesNs[i]);
        }
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    grid.timesNs = times;
    const size_t columns = times.size();
    grid.counts.assign(cumulative.size() * columns, std::numeric_limits<double>::quiet_NaN());
    size_t rowIndex = 0;
    const std::map<qint64, double>* below = nullptr;
    for (const auto& [bound, row] : cumulative) {
        grid.upperBounds.push_back(bound);
        grid.bucketLabels.push_back(labels[bound]);
        for (size_t c = 0; c < columns; ++c) {
            const auto it = row.find(times[c]);
            if (it == row.end())
                continue;
            double lower = 0;
            if (below) {
                if (const auto b = below->find(times[c]); b != below->end())
                    lower = b->second;
            }
            const double own = std::max(0.0, it->second - lower);
            grid.counts[rowIndex * columns + c] = own;
            grid.maxCount = std::max(grid.maxCount, own);
        }
        below = &row;
        ++rowIndex;
    }
    return grid;
}

} // namespace wf::analysis
