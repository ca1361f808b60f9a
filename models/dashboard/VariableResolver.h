#pragma once

// Resolving query variables: "label_values(up{job="$job"}, instance)" and friends, against any
// metrics source (PrometheusClient, the local SeriesStore, a test's table) through MetricsSource,
// a set of callbacks. Callbacks may answer at once or later (from the event loop); the resolver only
// continues from the reply, so it never blocks.

#include "Interpolation.h"
#include "LegendFormat.h"
#include "Variable.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace wf::dashboard {

struct InstantSample
{
    LabelSet labels; // including __name__ when there is one
    double value = 0;
    qint64 timestampMs = 0;
};

struct MetricsSource
{
    using ValuesReply = std::function<void(const QStringList& values, const QString& error)>;
    using SamplesReply = std::function<void(const QList<InstantSample>& samples, const QString& error)>;

    // Values of `label` over series matching `match` (a series selector; empty: all series).
    std::function<void(const QString& label, const QString& match, ValuesReply reply)> labelValues;
    // Label names over series matching `match`.
    std::function<void(const QString& match, ValuesReply reply)> labelNames;
    // An instant query's result.
    std::function<void(const QString& expr, SamplesReply reply)> instantQuery;
};

struct VariableQuery
{
    enum class Kind { LabelValues, LabelNames, Metrics, QueryResult, Invalid };
    Kind kind = Kind::Invalid;
    QString match; // LabelValues/LabelNames: series selector (may be empty); Metrics: the regex
    QString label; // LabelValues
    QString expr;  // QueryResult
};

// Grafana's Prometheus variable query syntax: label_values(label), label_values(selector, label),
// label_names(), label_names(selector), metrics(regex), query_result(expr).
VariableQuery parseVariableQuery(const QString& query);

// Grafana's variable regex: "/pattern/" or "/pattern/i" (or a bare pattern). Values that do not match
// are dropped; the named groups "text" and "value", or else the first group, pick what is kept.
// Duplicates are dropped, order kept. On an invalid pattern, `error` is set and nothing is kept.
QList<VariableOption> applyVariableRegex(const QStringList& values, const QString& regex, QString* error);

// Grafana's query_result line for a sample: name{a="x"} value timestamp_ms.
QString queryResultLine(const InstantSample& sample);

using OptionsDone = std::function<void(const QList<VariableOption>& options, const QString& error)>;

// Options of one variable. Query variables are interpolated with `scope` first (variables that come
// earlier on the dashboard), then asked of `source`; the others are computed from their query.
void resolveOptions(const Variable& variable, const QList<Variable>& scope, const BuiltinIntervals& builtins,
                    const MetricsSource& source, OptionsDone done);

// Keeps the selected values that are still options (or "All"); when none are left, selects the first
// option. Returns true when the selection changed.
bool reconcileSelection(Variable& variable);

using VariablesDone = std::function<void(const QList<Variable>& variables, const QStringList& errors)>;

// Resolves every variable in order, each seeing the selections of those before it, and reconciles
// their selections. Errors name the variable; a variable that failed keeps its previous options.
void resolveVariables(const QList<Variable>& variables, const BuiltinIntervals& builtins,
                      const MetricsSource& source, VariablesDone done);

} // namespace wf::dashboard
