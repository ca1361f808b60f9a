#include "panels/PanelValues.h"

#include "charts/ChartOptions.h"
#include "charts/TimeSeriesChart.h"

#include <cmath>

namespace wf::ui {

QList<PanelValue> panelValues(const std::vector<signalstore::SeriesSet>& series,
                              const ValuePanelOptions& options, const QPalette& palette, double min,
                              double max)
{
    const analysis::Thresholds thresholds = options.thresholds.normalised();
    QList<PanelValue> out;
    for (const signalstore::SeriesSet& s : series) {
        PanelValue v;
        v.name = TimeSeriesChart::seriesName(s);
        v.value = analysis::reduce(analysis::seriesStats(s), options.reducer);
        v.formatted = analysis::formatValue(v.value, options.unitId, options.decimals);
        v.thresholdStep = thresholds.stepIndexFor(v.value, min, max);
        v.colour = v.thresholdStep >= 0 ? thresholdColour(thresholds.steps[v.thresholdStep].colour)
                                        : palette.color(QPalette::Text);
        out << v;
    }
    return out;
}

std::pair<double, double> panelRange(const QList<PanelValue>& values, const ValuePanelOptions& options,
                                     double defaultMin, double defaultMax)
{
    double lo = options.min;
    double hi = options.max;
    if (std::isnan(lo))
        lo = defaultMin;
    if (std::isnan(hi)) {
        hi = defaultMax;
        if (std::isnan(hi)) {
            hi = lo;
            for (const PanelValue& v : values) {
                if (std::isfinite(v.value))
                    hi = std::max(hi, v.value);
            }
        }
    }
    if (!(hi > lo))
        hi = lo + 1;
    return {lo, hi};
}

} // namespace wf::ui
