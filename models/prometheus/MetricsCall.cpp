#include "MetricsCall.h"

namespace wf::prometheus {

MetricsCall MetricsCall::create()
{
    MetricsCall call;
    call.m_state = std::make_shared<State>();
    return call;
}

void MetricsCall::cancel()
{
    if (!m_state)
        return;
    m_state->cancelled.store(true);
    net::HttpRequestHandle http;
    {
        QMutexLocker lock(&m_state->mutex);
        http = m_state->http;
    }
    http.cancel();
}

void MetricsCall::setHttp(const net::HttpRequestHandle& http)
{
    if (!m_state)
        return;
    QMutexLocker lock(&m_state->mutex);
    m_state->http = http;
}

} // namespace wf::prometheus
