#pragma once

// Substituting template variables into PromQL, as Grafana's Prometheus data source does.
//
// References: $var, ${var}, [[var]] (old syntax), ${var:format}, [[var:format]]. The default format is
// made for PromQL: a multi-value or "All" selection becomes "(a|b)" with every value regex-escaped and
// then escaped for a double-quoted PromQL string, so `job=~"$job"` matches exactly the selected values
// (a value "a.b" becomes a\\.b in the query text, i.e. the regex a\.b). A single value of a variable
// without multi/All is only string-escaped. A custom "All" value (".*") is substituted verbatim.
// Formats: regex (regex-escaped, single backslash, "(a|b)"), pipe ("a|b"), csv ("a,b"), raw,
// json (["a","b"]), doublequote, singlequote, text (the options' texts). Unknown references are left
// as they are, so a query never silently loses a part.

#include "Panel.h"
#include "TimeRange.h"
#include "Variable.h"

#include <QList>
#include <QString>

namespace wf::dashboard {

struct BuiltinIntervals
{
    qint64 intervalMs = 0;     // $__interval, $__interval_ms
    qint64 rateIntervalMs = 0; // $__rate_interval
    qint64 rangeMs = 0;        // $__range ("3600s"), $__range_s, $__range_ms
};

QString interpolate(const QString& expr, const QList<Variable>& variables,
                    const BuiltinIntervals& builtins = {});

// Regex metacharacters escaped with one backslash: for regex contexts outside PromQL strings.
QString escapeRegex(const QString& value);
// Backslash and double quote escaped for a double-quoted PromQL string literal.
QString escapePromQLString(const QString& value);

// $__interval for a panel: the range spread over maxDataPoints, rounded up to a round step (1s, 2s,
// 5s, 10s, 15s, 30s, 1m, ...) so a query never asks for more points than the panel can draw, and at
// least `minIntervalMs`.
qint64 computeInterval(qint64 rangeMs, int maxDataPoints, qint64 minIntervalMs = 0);
// Grafana's $__rate_interval: max($__interval + scrape interval, 4 x scrape interval).
qint64 rateInterval(qint64 intervalMs, qint64 scrapeIntervalMs);

// The built-ins for one panel's queries, as Grafana computes them: $__interval from the range over the
// panel's max data points (or its pixel width when it has none), never below the panel's min
// interval nor the scrape interval; $__rate_interval from that; $__range from the range. The
// interval is also the `step` to ask Prometheus for.
BuiltinIntervals builtinsForPanel(const Panel& panel, const ResolvedRange& range, int widthPx,
                                  qint64 scrapeIntervalMs = 15000);

} // namespace wf::dashboard
