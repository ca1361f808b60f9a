#include "analysis/Thresholds.h"

#include <algorithm>
#include <cmath>

namespace wf::analysis {

Thresholds Thresholds::normalised() const
{
    Thresholds t = *this;
    std::stable_sort(t.steps.begin(), t.steps.end(),
                     [](const ThresholdStep& a, const ThresholdStep& b) { return a.value < b.value; });
    if (!t.steps.isEmpty())
        t.steps.front().value = -std::numeric_limits<double>::infinity();
    return t;
}

double Thresholds::stepStart(int index, double min, double max) const
{
    if (index < 0 || index >= steps.size())
        return std::nan("");
    const double v = steps[index].value;
    if (mode == Mode::Percentage && std::isfinite(v))
        return min + (max - min) * v / 100.0;
    return v;
}

int Thresholds::stepIndexFor(double value, double min, double max) const
{
    if (std::isnan(value))
        return -1;
    int found = -1;
    for (int i = 0; i < steps.size(); ++i) {
        if (i == 0 || stepStart(i, min, max) <= value)
            found = i;
    }
    return found;
}

Thresholds defaultThresholds()
{
    Thresholds t;
    t.steps = {{-std::numeric_limits<double>::infinity(), QStringLiteral("green")},
               {80, QStringLiteral("red")}};
    return t;
}

} // namespace wf::analysis
