#pragma once

// Series names for legends: Grafana's legend format with {{label}} placeholders.

#include <QMap>
#include <QString>

namespace wf::dashboard {

using LabelSet = QMap<QString, QString>;

// "{{instance}} - {{mode}}" -> "host:9100 - idle". Spaces inside braces are allowed ({{ mode }}); a
// label the series lacks becomes empty. An empty format gives seriesName(labels). "__auto" (Grafana
// 10) also does.
QString formatLegend(const QString& format, const LabelSet& labels);

// Prometheus' text form: name{a="x", b="y"} (name from __name__; labels sorted; values escaped).
QString seriesName(const LabelSet& labels);

} // namespace wf::dashboard
