#pragma once
// Grafana-style thresholds: ordered steps, each from its value upwards, the first one from -infinity
// (the base). Shared by time series bands and lines, stat, gauge and bar gauge colours, table cells.

#include <QList>
#include <QString>

#include <limits>

namespace wf::analysis {

struct ThresholdStep
{
    double value = -std::numeric_limits<double>::infinity(); // the base step has -inf
    QString colour; // a Grafana colour name ("green", "red", "semi-dark-orange") or "#rrggbb"
    friend bool operator==(const ThresholdStep&, const ThresholdStep&) = default;
};

struct Thresholds
{
    enum class Mode { Absolute, Percentage }; // percentage: step values are 0..100 of [min, max]
    Mode mode = Mode::Absolute;
    QList<ThresholdStep> steps; // kept sorted by value by normalised()

    bool isEmpty() const { return steps.isEmpty(); }
    // Sorted by value, the first step turned into the base; empty stays empty.
    Thresholds normalised() const;
    // The index of the step a value falls into (the last step whose value <= the value), or -1 for
    // none (no steps, or NaN). `min`/`max` are only used in percentage mode.
    int stepIndexFor(double value, double min = 0, double max = 100) const;
    // A step's start in value units (percentage steps mapped onto [min, max]).
    double stepStart(int index, double min = 0, double max = 100) const;

    friend bool operator==(const Thresholds&, const Thresholds&) = default;
};

// Grafana's default: green from the base, red from 80.
Thresholds defaultThresholds();

} // namespace wf::analysis
