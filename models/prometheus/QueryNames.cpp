#include "QueryNames.h"

#include "MetricsSource.h"
#include "PrometheusClient.h"
#include "PrometheusMetricsSource.h"

#include <QPointer>
#include <QRegularExpression>

namespace wf::prometheus {

namespace {

bool isMetricName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    return re.match(name).hasMatch();
}

SeriesSelection selectionOf(const QString& metric)
{
    SeriesSelection s;
    if (isMetricName(metric))
        s.match = {metric};
    return s;
}

QueryNameSource fromPrometheus(PrometheusClient* client, QObject* context)
{
    QPointer<PrometheusClient> c(client);
    QueryNameSource s;
    s.metricNames = [c, context](QueryNameSource::NamesReply reply) {
        if (c)
            c->labelValues(QStringLiteral("__name__"), {}, context,
                           [reply](PromApiResult<QStringList> r) { reply(r.value, r.error.message); });
    };
    s.metricHelp = [c, context](QueryNameSource::HelpReply reply) {
        if (c)
            c->metadata({}, 0, context, [reply](PromApiResult<QList<MetricMetadata>> r) {
                QHash<QString, QString> help;
                for (const MetricMetadata& m : r.value)
                    help.insert(m.metric, m.type.isEmpty() ? m.help : m.type + QStringLiteral(": ") + m.help);
                reply(help);
            });
    };
    s.labelNames = [c, context](const QString& metric, QueryNameSource::NamesReply reply) {
        if (c)
            c->labels(selectionOf(metric), context,
                      [reply](PromApiResult<QStringList> r) { reply(r.value, r.error.message); });
    };
    s.labelValues = [c, context](const QString& label, const QString& metric,
                                 QueryNameSource::NamesReply reply) {
        if (c)
            c->labelValues(label, selectionOf(metric), context,
                           [reply](PromApiResult<QStringList> r) { reply(r.value, r.error.message); });
    };
    return s;
}

// Distinct values of one label over an instant query's series.
void valuesByQuery(MetricsSource* source, QObject* context, const QString& expr, const QString& label,
                   QueryNameSource::NamesReply reply)
{
    source->queryInstant({expr, 0}, context, [label, reply](MetricsResult r) {
        QStringList values;
        for (const auto& set : r.series)
            for (const auto& [key, value] : set.labels)
                if (key == label && !values.contains(value))
                    values << value;
        values.sort();
        reply(values, r.ok() ? QString() : r.error.message);
    });
}

QueryNameSource fromQueries(MetricsSource* source, QObject* context)
{
    QueryNameSource s;
    s.metricNames = [source, context](QueryNameSource::NamesReply reply) {
        valuesByQuery(source, context, QStringLiteral("count by (__name__) ({__name__=~\".+\"})"),
                      QStringLiteral("__name__"), std::move(reply));
    };
    s.labelNames = [source, context](const QString& metric, QueryNameSource::NamesReply reply) {
        if (!isMetricName(metric)) {
            reply({}, {});
            return;
        }
        source->queryInstant({metric, 0}, context, [reply](MetricsResult r) {
            QStringList names;
            for (const auto& set : r.series)
                for (const auto& [key, value] : set.labels)
                    if (key != u"__name__" && !names.contains(key))
                        names << key;
            names.sort();
            reply(names, r.ok() ? QString() : r.error.message);
        });
    };
    s.labelValues = [source, context](const QString& label, const QString& metric,
                                      QueryNameSource::NamesReply reply) {
        if (!isMetricName(label)) {
            reply({}, {});
            return;
        }
        const QString selector = isMetricName(metric) ? metric : QStringLiteral("{%1!=\"\"}").arg(label);
        valuesByQuery(source, context, QStringLiteral("count by (%1) (%2)").arg(label, selector), label,
                      std::move(reply));
    };
    return s;
}

} // namespace

QueryNameSource queryNamesFor(MetricsSource* source, QObject* context)
{
    if (!source)
        return {};
    if (auto* prometheus = dynamic_cast<PrometheusMetricsSource*>(source); prometheus && prometheus->client())
        return fromPrometheus(prometheus->client(), context);
    return fromQueries(source, context);
}

} // namespace wf::prometheus
