#pragma once

// Dashboard template variables (Grafana's "templating"): their definition, their options and what
// the user selected. Resolving query variables against a metrics source is in VariableResolver.h;
// substituting them into PromQL in Interpolation.h.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf::dashboard {

enum class VariableKind { Query, Custom, Constant, Interval, TextBox };

QString variableKindName(VariableKind kind); // Grafana's: "query", "custom", "constant", ...
std::optional<VariableKind> variableKindFromName(const QString& name);

// The value Grafana stores for "All" in `current`.
inline constexpr QStringView kAllValue = u"$__all";

struct VariableOption
{
    QString text;  // shown in the picker
    QString value; // substituted into queries

    friend bool operator==(const VariableOption&, const VariableOption&) = default;
};

struct Variable
{
    QString name; // referenced as $name; letters, digits and underscore
    QString label;
    VariableKind kind = VariableKind::Query;
    // Query: "label_values(up, job)", "label_values(job)", "query_result(expr)", "metrics(regex)",
    // "label_names()". Custom: "a, b, key : value". Constant and TextBox: the value. Interval: "1m,5m".
    QString query;
    QString regex; // Grafana's "/pattern/" filter over query results; a capture group picks the value
    bool multi = false;
    bool includeAll = false;
    QString allValue; // custom value for "All" (e.g. ".*"); empty: all options joined
    bool hidden = false;
    QString datasourceUid;

    QList<VariableOption> options; // from the last resolution (or the file, for custom ones)
    QStringList current;           // selected values; kAllValue for "All"

    friend bool operator==(const Variable&, const Variable&) = default;
};

// True for names a reference can use ($name): [A-Za-z0-9_]+, not starting with "__" (built-ins).
bool isValidVariableName(const QString& name);

// Options of a custom variable: comma-separated, "text : value" pairs; "\," keeps a comma.
QList<VariableOption> parseCustomOptions(const QString& query);

// The values to substitute: the selection, with "All" expanded to every option's value, or, when the
// variable has a custom all value, that value in customAll (substituted verbatim).
struct SelectedValues
{
    QStringList values;
    bool isAll = false;
    QString customAll; // non-empty: substitute this verbatim for "All"
};
SelectedValues selectedValues(const Variable& variable);

} // namespace wf::dashboard
