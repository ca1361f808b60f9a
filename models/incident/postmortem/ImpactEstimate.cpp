#include "ImpactEstimate.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace wf::incident {
namespace {

QString labelText(const signalstore::SeriesSet& set)
{
    QStringList parts;
    for (const auto& [k, v] : set.labels)
        parts << k + QLatin1Char('=') + v;
    return parts.join(QStringLiteral(", "));
}

double median(std::vector<double>& v)
{
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

} // namespace

std::optional<ImpactStart> estimateImpactStart(const QList<PanelSnapshot>& snapshots, qint64 declaredAtMs,
                                               const ImpactOptions& o)
{
    std::optional<ImpactStart> best;
    const qint64 baselineEndNs = (declaredAtMs - o.baselineEndsBeforeDeclaredMs) * 1'000'000;
    const qint64 declaredNs = declaredAtMs * 1'000'000;
    for (const PanelSnapshot& shot : snapshots) {
        for (const signalstore::SeriesSet& set : shot.series) {
            const size_t n = std::min(set.timesNs.size(), set.values.size());
            // The baseline ends well before the declaration; when the data starts too late for that
            // (a short window), the earlier half of what came before the declaration stands in.
            size_t end = 0;
            while (end < n && set.timesNs[end] < baselineEndNs)
                ++end;
            if (int(end) < o.minBaselinePoints) {
                size_t before = 0;
                while (before < n && set.timesNs[before] <= declaredNs)
                    ++before;
                end = before / 2;
            }
            std::vector<double> base;
            for (size_t k = 0; k < end; ++k) {
                if (std::isfinite(set.values[k]))
                    base.push_back(set.values[k]);
            }
            if (int(base.size()) < o.minBaselinePoints)
                continue;
            size_t i = end;
            // Median and MAD, not mean and standard deviation: an earlier blip must not move the baseline.
            const double mean = median(base);
            for (double& v : base)
                v = std::abs(v - mean);
            const double sd = 1.4826 * median(base);
            const double band = std::max({o.sigmas * sd, o.relative * std::abs(mean), o.absolute});
            // Only departures up to the declaration count: later ones are the response, not the start.
            int run = 0;
            size_t runStart = 0;
            for (; i < n && set.timesNs[i] <= declaredNs; ++i) {
                const double v = set.values[i];
                if (std::isfinite(v) && std::abs(v - mean) > band) {
                    if (run++ == 0)
                        runStart = i;
                    if (run >= o.consecutive) {
                        const qint64 at = set.timesNs[runStart] / 1'000'000;
                        if (!best || at < best->atMs)
                            best = ImpactStart{at, shot.title, labelText(set), mean, set.values[runStart]};
                        break;
                    }
                } else {
                    run = 0;
                }
            }
        }
    }
    return best;
}

} // namespace wf::incident
