#pragma once
// A cancellable request of a metrics source. Copies share the request; cancel() is safe from any
// thread, after completion and after the source is gone.
#include "net/HttpClient.h"

#include <QMutex>

#include <atomic>
#include <memory>

namespace wf::prometheus {

class MetricsCall
{
public:
    MetricsCall() = default;
    static MetricsCall create();

    // The callback still runs once, with MetricsErrorKind::Cancelled, unless it already ran.
    void cancel();
    bool isValid() const { return m_state != nullptr; }
    bool isCancelled() const { return m_state && m_state->cancelled.load(); }

    // For sources: the HTTP request currently carrying this call (replaced on a GET fallback).
    void setHttp(const net::HttpRequestHandle& http);

private:
    struct State
    {
        std::atomic<bool> cancelled{false};
        QMutex mutex;
        net::HttpRequestHandle http;
    };
    std::shared_ptr<State> m_state;
};

} // namespace wf::prometheus
