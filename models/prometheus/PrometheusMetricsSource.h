#pragma once
// MetricsSource over a Prometheus-compatible server: full PromQL, evaluated by the server.
#include "MetricsSource.h"

#include <QPointer>

namespace wf::prometheus {

class PrometheusClient;

class PrometheusMetricsSource : public MetricsSource
{
public:
    // `client` must outlive this source (the data source registry owns both).
    explicit PrometheusMetricsSource(PrometheusClient* client);

    MetricsCall queryRange(const RangeQuery& query, QObject* context, Callback done) override;
    MetricsCall queryInstant(const InstantQuery& query, QObject* context, Callback done) override;
    QString queryLanguageNote() const override;

    PrometheusClient* client() const { return m_client; }

private:
    QPointer<PrometheusClient> m_client;
};

} // namespace wf::prometheus
