#include "PanelQueryPlan.h"

#include "Duration.h"
#include "prometheus/StepSizing.h"

#include <algorithm>
#include <limits>

namespace wf::dashboard {

namespace {

qint64 durationOrZero(const QString& text)
{
    return text.isEmpty() ? 0 : std::max<qint64>(0, parseDurationMs(text).value_or(0));
}

} // namespace

PanelQueryPlan planPanelQueries(const Panel& panel, const ResolvedRange& range, int widthPx,
                                const QList<Variable>& variables, qint64 scrapeIntervalMs)
{
    PanelQueryPlan plan;
    const qint64 panelMin =
        std::max(durationOrZero(panel.minInterval), std::max<qint64>(0, scrapeIntervalMs));
    const auto choose = [&](qint64 minIntervalMs) {
        prometheus::StepRequest request;
        request.startMs = range.fromMs;
        request.endMs = range.toMs;
        request.widthPx = widthPx;
        request.maxDataPoints = std::max(0, panel.maxDataPoints);
        request.minIntervalMs = minIntervalMs;
        return prometheus::chooseStep(request).stepMs;
    };
    plan.stepMs = choose(panelMin);
    plan.startMs = range.fromMs - range.fromMs % plan.stepMs;
    // The end rounds up: the last step then covers "now", so even a range much longer than the data a
    // fresh server has still ends on its newest samples.
    plan.endMs = range.toMs + (plan.stepMs - range.toMs % plan.stepMs) % plan.stepMs;

    for (const Target& target : panel.targets) {
        if (target.hidden || target.expr.trimmed().isEmpty())
            continue;
        PlannedQuery q;
        q.refId = target.refId;
        q.legendFormat = target.legendFormat;
        q.instant = target.instant;
        q.stepMs = std::max(plan.stepMs, choose(std::max(panelMin, durationOrZero(target.interval))));
        BuiltinIntervals builtins;
        builtins.rangeMs = range.spanMs();
        builtins.intervalMs = q.stepMs;
        builtins.rateIntervalMs = rateInterval(q.stepMs, std::max<qint64>(scrapeIntervalMs, 0));
        if (q.stepMs == plan.stepMs)
            plan.builtins = builtins;
        q.expr = interpolate(target.expr, variables, builtins);
        plan.queries.append(q);
    }
    if (plan.builtins.intervalMs == 0) {
        plan.builtins.rangeMs = range.spanMs();
        plan.builtins.intervalMs = plan.stepMs;
        plan.builtins.rateIntervalMs = rateInterval(plan.stepMs, std::max<qint64>(scrapeIntervalMs, 0));
    }
    return plan;
}

LabelSet labelsOf(const signalstore::SeriesSet& series)
{
    LabelSet labels;
    for (const auto& [key, value] : series.labels)
        labels.insert(key, value);
    return labels;
}

void applyLegend(std::vector<signalstore::SeriesSet>& series, const QString& legendFormat)
{
    for (signalstore::SeriesSet& set : series) {
        const QString name = formatLegend(legendFormat, labelsOf(set));
        set.labels = {{QStringLiteral("legend"), name}};
    }
}

analysis::Thresholds toAnalysisThresholds(const Thresholds& thresholds)
{
    analysis::Thresholds out;
    out.mode = thresholds.mode == ThresholdMode::Percentage ? analysis::Thresholds::Mode::Percentage
                                                            : analysis::Thresholds::Mode::Absolute;
    for (const ThresholdStep& step : thresholds.steps)
        out.steps.append({step.value.value_or(-std::numeric_limits<double>::infinity()), step.color});
    return out.normalised();
}

} // namespace wf::dashboard
