#pragma once
// What the single-value panels (stat, gauge, bar gauge) share: options as a Grafana panel stores them,
// and each series reduced to one value with its text and threshold colour.

#include "analysis/SeriesStats.h"
#include "analysis/Thresholds.h"
#include "analysis/UnitFormat.h"
#include "signalstore/SignalQueries.h"

#include <QColor>
#include <QList>
#include <QPalette>

#include <limits>
#include <vector>

namespace wf::ui {

struct ValuePanelOptions
{
    QString unitId;
    int decimals = analysis::kAutoDecimals;
    analysis::Thresholds thresholds = analysis::defaultThresholds();
    analysis::Reducer reducer = analysis::Reducer::Last;
    // The gauge's and bar's scale; NaN: 0..100 for gauges, 0..the largest value for bars.
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
};

struct PanelValue
{
    QString name;
    double value = 0;
    analysis::FormattedValue formatted;
    QColor colour; // the threshold step's colour; the palette's text colour without thresholds
    int thresholdStep = -1;
};

// One entry per series (in order); `min`/`max` resolve percentage thresholds.
QList<PanelValue> panelValues(const std::vector<signalstore::SeriesSet>& series,
                              const ValuePanelOptions& options, const QPalette& palette, double min,
                              double max);

// The scale a gauge or bar gauge uses for these values.
std::pair<double, double> panelRange(const QList<PanelValue>& values, const ValuePanelOptions& options,
                                     double defaultMin, double defaultMax);

} // namespace wf::ui
