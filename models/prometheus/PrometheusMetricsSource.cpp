#include "PrometheusMetricsSource.h"

#include "PrometheusClient.h"
#include "signalstore/ResultDelivery.h"

#include <QCoreApplication>

namespace wf::prometheus {

namespace {
MetricsCall goneClient(QObject* context, MetricsSource::Callback done)
{
    MetricsResult r;
    r.error.kind = MetricsErrorKind::InvalidRequest;
    r.error.message = QCoreApplication::translate("PrometheusMetricsSource", "The data source was removed.");
    signalstore::ResultDelivery<MetricsResult>(context, std::move(done)).deliver(std::move(r));
    return MetricsCall::create();
}
} // namespace

PrometheusMetricsSource::PrometheusMetricsSource(PrometheusClient* client)
    : m_client(client)
{}

MetricsCall PrometheusMetricsSource::queryRange(const RangeQuery& query, QObject* context, Callback done)
{
    if (!m_client)
        return goneClient(context, std::move(done));
    return m_client->queryRange(query, context, std::move(done));
}

MetricsCall PrometheusMetricsSource::queryInstant(const InstantQuery& query, QObject* context, Callback done)
{
    if (!m_client)
        return goneClient(context, std::move(done));
    return m_client->query(query, context, std::move(done));
}

QString PrometheusMetricsSource::queryLanguageNote() const
{
    return QCoreApplication::translate("PrometheusMetricsSource", "PromQL, evaluated by the server.");
}

} // namespace wf::prometheus
