#pragma once

// A dashboard's PromQL annotation query (Grafana's `annotations.list` entry with a Prometheus
// target): every step where a series of `expr` is non-zero marks the charts, consecutive steps as
// one region.

#include <QString>

namespace wf::dashboard {

struct AnnotationQuery
{
    QString name;
    QString expr;
    QString titleFormat; // "{{label}}" placeholders, as a legend format; empty: the query's name
    QString textFormat;  // appended to the title on the chart's hover text
    QString step;        // minimum step ("60s"); empty: the panel's interval
    QString color;       // as the source file said (Grafana's iconColor)
    bool enabled = true;
    QString datasourceUid;

    friend bool operator==(const AnnotationQuery&, const AnnotationQuery&) = default;
};

} // namespace wf::dashboard
