#include "SeriesEvaluation.h"

#include "SeriesMath.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace wf::signalstore {

namespace {

// Index of the first point at or after timeNs.
std::size_t firstAtOrAfter(const StoredSeries& s, qint64 timeNs)
{
    return std::size_t(std::lower_bound(s.timesNs.begin(), s.timesNs.end(), timeNs) - s.timesNs.begin());
}

// A cumulative series' oldest point has no predecessor to difference against. When its start time lies
// inside the window (the counter began counting there, from zero) its whole value is an increase
// within the window; otherwise, as in Prometheus, it only serves as the base for the next point.
bool countsFromZero(const StoredSeries& s, std::size_t i, const StepWindow& w)
{
    const qint64 start = s.startsNs[i];
    return i == 0 && start > 0 && start >= w.fromNs && start < s.timesNs[i];
}

StepValues fromMap(const std::map<qint64, double>& m, double scale = 1.0)
{
    StepValues out;
    out.steps.reserve(m.size());
    out.values.reserve(m.size());
    for (const auto& [step, value] : m) {
        out.steps.push_back(step);
        out.values.push_back(value * scale);
    }
    return out;
}

// The last value of each step of one series in the window; delta sums become running totals.
StepValues lastPerStep(const StoredSeries& s, const StepWindow& w)
{
    StepValues out;
    const bool accumulate = s.kind == SeriesKind::DeltaSum;
    double total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const qint64 t = s.timesNs[i];
        if (accumulate)
            total += s.values[i];
        if (t < w.fromNs)
            continue;
        if (t >= w.toNs)
            break;
        const qint64 step = stepIndexOf(t, w.stepNs);
        const double v = accumulate ? total : s.values[i];
        if (!out.steps.empty() && out.steps.back() == step) {
            out.values.back() = v;
        } else {
            out.steps.push_back(step);
            out.values.push_back(v);
        }
    }
    return out;
}

} // namespace

StepValues evaluateRaw(SeriesGroup group, const StepWindow& w)
{
    std::vector<StepValues> perSeries;
    std::vector<qint64> steps;
    for (const StoredSeries* s : group) {
        perSeries.push_back(lastPerStep(*s, w));
        steps.insert(steps.end(), perSeries.back().steps.begin(), perSeries.back().steps.end());
    }
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());

    // Steps longer than the staleness carry nothing over: a series counts only where it reported.
    const qint64 staleSteps = kStalenessNs / w.stepNs;
    StepValues out;
    out.steps = steps;
    out.values.assign(steps.size(), 0.0);
    for (const StepValues& series : perSeries) {
        std::size_t at = 0; // the series' latest step not after the output step
        for (std::size_t i = 0; i < steps.size(); ++i) {
            while (at + 1 < series.steps.size() && series.steps[at + 1] <= steps[i])
                ++at;
            if (series.steps.empty() || series.steps[at] > steps[i] ||
                steps[i] - series.steps[at] > staleSteps)
                continue;
            out.values[i] += series.values[at];
        }
    }
    return out;
}

StepValues evaluateRate(SeriesGroup group, const StepWindow& w)
{
    std::map<qint64, double> increase;
    for (const StoredSeries* s : group) {
        const bool delta = s->kind == SeriesKind::DeltaSum || s->kind == SeriesKind::DeltaHistogram;
        for (std::size_t i = firstAtOrAfter(*s, w.fromNs); i < s->size() && s->timesNs[i] < w.toNs; ++i) {
            const qint64 step = stepIndexOf(s->timesNs[i], w.stepNs);
            if (delta) {
                increase[step] += s->values[i];
            } else if (i > 0) {
                increase[step] +=
                    counterIncrease(s->startsNs[i - 1], s->values[i - 1], s->startsNs[i], s->values[i]);
            } else if (countsFromZero(*s, i, w)) {
                increase[step] += s->values[i];
            }
        }
    }
    return fromMap(increase, 1e9 / double(w.stepNs));
}

namespace {

struct HistogramStep
{
    std::vector<double> buckets;
    double count = 0;
    double sum = 0;
    bool sumKnown = true;
};

// Whether a cumulative histogram restarted between points i-1 and i.
bool histogramReset(const StoredSeries& s, std::size_t i)
{
    if (isCounterReset(s.startsNs[i - 1], s.values[i - 1], s.startsNs[i], s.values[i]))
        return true;
    const double* prev = s.bucketsAt(i - 1);
    const double* cur = s.bucketsAt(i);
    for (std::size_t b = 0; b < s.bucketStride(); ++b)
        if (cur[b] < prev[b])
            return true;
    return false;
}

} // namespace

StepValues evaluateHistogram(SeriesGroup group, const StepWindow& w, SeriesQuery::Function function,
                             double quantile)
{
    if (group.empty())
        return {};
    const std::vector<double>& bounds = group.front()->bounds;
    std::map<qint64, HistogramStep> steps;
    for (const StoredSeries* s : group) {
        if (s->bounds != bounds)
            continue;
        const bool delta = s->kind == SeriesKind::DeltaHistogram;
        for (std::size_t i = firstAtOrAfter(*s, w.fromNs); i < s->size() && s->timesNs[i] < w.toNs; ++i) {
            if (!delta && i == 0 && !countsFromZero(*s, i, w))
                continue;
            const bool whole = delta || i == 0 || histogramReset(*s, i);
            HistogramStep& acc = steps[stepIndexOf(s->timesNs[i], w.stepNs)];
            acc.buckets.resize(s->bucketStride(), 0.0);
            const double* cur = s->bucketsAt(i);
            const double* prev = whole ? nullptr : s->bucketsAt(i - 1);
            for (std::size_t b = 0; b < s->bucketStride(); ++b)
                acc.buckets[b] += cur[b] - (prev ? prev[b] : 0.0);
            acc.count += s->values[i] - (whole ? 0.0 : s->values[i - 1]);
            const double sumIncrease = s->sums[i] - (whole ? 0.0 : s->sums[i - 1]);
            if (std::isnan(sumIncrease))
                acc.sumKnown = false;
            else
                acc.sum += sumIncrease;
        }
    }

    StepValues out;
    for (const auto& [step, acc] : steps) {
        double value = std::numeric_limits<double>::quiet_NaN();
        if (function == SeriesQuery::Function::Quantile)
            value = histogramQuantile(quantile, bounds, acc.buckets);
        else if (acc.sumKnown && acc.count > 0)
            value = acc.sum / acc.count;
        if (std::isnan(value)) // nothing observed in this step
            continue;
        out.steps.push_back(step);
        out.values.push_back(value);
    }
    return out;
}

} // namespace wf::signalstore
