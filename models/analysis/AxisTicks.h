#pragma once
// Where a chart's axes put their ticks and what the labels say: value axes at nice steps in the
// chart's unit (linear) or at powers of ten (log), the time axis at whole seconds, minutes, hours or
// days of local time. No painting here: the chart measures the labels and lays itself out around them.

#include <QList>
#include <QString>
#include <QStringView>

namespace wf::analysis {

// 1, 2, 2.5 or 5 times a power of ten, at least `rough` (1 for a non-positive or non-finite input).
double niceStep(double rough);

struct ValueTick
{
    double value = 0;
    QString label;
};

// Ticks from lo to hi every niceStep((hi - lo) / 4). Labels carry the unit (UnitFormat) when `unitId`
// is set, else `decimals` digits (more where the step needs them); they are unique, since two ticks
// reading the same would mislabel the axis.
QList<ValueTick> linearTicks(double lo, double hi, QStringView unitId, int decimals);
// Powers of ten from lo to hi (both powers of ten, lo > 0), labelled in the unit when it is set.
QList<ValueTick> logTicks(double lo, double hi, QStringView unitId);

struct TimeTicks
{
    qint64 stepMs = 0;
    QList<qint64> timesMs; // ascending, within [fromMs, toMs]
    QString format;        // a QDateTime format for the labels: "HH:mm:ss", "HH:mm", "MM-dd HH:mm"
};
// At most `maxTicks` ticks on whole steps of local time (`utcOffsetSeconds` east of UTC).
TimeTicks timeTicks(qint64 fromMs, qint64 toMs, int maxTicks, int utcOffsetSeconds);

} // namespace wf::analysis
