#pragma once
// Where the panel editor's autocomplete gets its names: metric names (with their help text), label
// names of a metric, values of a label. Over Prometheus it uses the metadata endpoints (labels,
// label values, metadata); over any other metrics source, instant queries (count by (...)). Every
// callback is asynchronous and runs on the context's thread.
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace wf::prometheus {

class MetricsSource;

struct QueryNameSource
{
    using NamesReply = std::function<void(const QStringList& names, const QString& error)>;
    using HelpReply = std::function<void(const QHash<QString, QString>& help)>;

    std::function<void(NamesReply)> metricNames;
    std::function<void(HelpReply)> metricHelp; // may be empty
    // Label names of series of `metric` (empty: of every series).
    std::function<void(const QString& metric, NamesReply)> labelNames;
    // Values of `label` over series of `metric` (empty: of every series).
    std::function<void(const QString& label, const QString& metric, NamesReply)> labelValues;

    bool isValid() const { return bool(metricNames); }
};

// Names for `source` (null: an invalid source that offers nothing). The source must outlive the
// callbacks' use; answers arriving after `context` is gone are dropped.
QueryNameSource queryNamesFor(MetricsSource* source, QObject* context);

} // namespace wf::prometheus
