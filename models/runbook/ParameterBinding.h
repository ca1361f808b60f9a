#pragma once
// Values for a runbook's parameters, each validated against its declared type before any step runs.
// Beyond the type, no value may hold control characters (a newline cannot split a header or a log
// line) or be longer than kMaxParameterLength.
#include "runbook/Runbook.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf::runbook {

constexpr qsizetype kMaxParameterLength = 256;

struct BoundParameters
{
    QHash<QString, QString> values; // every declared parameter has one
    QStringList secrets;            // names whose values are masked in dry-runs and on the timeline
    QStringList integers; // int parameters: a JSON value that is only such a placeholder is a number
    QString value(const QString& name) const { return values.value(name); }
    bool isSecret(const QString& name) const { return secrets.contains(name); }
};

struct BindResult
{
    std::optional<BoundParameters> bound;
    QStringList errors; // one per rejected value, naming the parameter (translated)
    bool ok() const { return bound.has_value(); }
};

// Empty when `value` is acceptable for `parameter`, else why not (translated).
QString validateParameter(const Parameter& parameter, const QString& value);

// Supplied values win over defaults; unknown names and missing values are errors.
BindResult bindParameters(const Runbook& runbook, const QHash<QString, QString>& supplied);

// The runbook's target service with its placeholder filled in ("" when the runbook names none).
QString targetService(const Runbook& runbook, const BoundParameters& parameters);

} // namespace wf::runbook
