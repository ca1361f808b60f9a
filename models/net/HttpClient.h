#pragma once

#include "HttpTypes.h"

#include <QObject>

#include <functional>
#include <memory>

namespace wf::net {

namespace detail {
class IoLoop;
class RequestState;
} // namespace detail

// Refers to one request sent through HttpClient. Copies share the request; a default-constructed
// handle (or one returned for a null context) is invalid. Safe to use from any thread and after the
// client is gone (cancel() then does nothing).
class HttpRequestHandle
{
public:
    HttpRequestHandle() = default;
    // Ends the request early. The callback still runs once, with HttpError::Cancelled, unless it
    // already ran. Called on the context's thread before the callback ran, it guarantees Cancelled.
    void cancel();
    bool isValid() const { return m_state != nullptr; }

private:
    friend class HttpClient;
    HttpRequestHandle(std::shared_ptr<detail::RequestState> state, std::weak_ptr<detail::IoLoop> loop);
    std::shared_ptr<detail::RequestState> m_state;
    std::weak_ptr<detail::IoLoop> m_loop;
};

// All HTTP of the process goes through one of these: one curl multi handle on one IO thread, so
// connections, DNS and TLS sessions are shared and the UI thread never waits on the network.
// Follows redirects itself (http/https only, secrets dropped on origin change), retries idempotent
// requests on transient failures with full-jitter backoff inside totalTimeout, caps response size.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QObject* parent = nullptr);
    ~HttpClient() override; // cancels everything in flight (callbacks get Cancelled), joins the IO thread

    // Thread-safe and never blocks on the network. onFinished runs on context's thread, queued,
    // exactly once (also for cancel and for requests rejected up front); never if context was
    // destroyed first. A null context or callback is a programming error: nothing is sent.
    HttpRequestHandle send(HttpRequest request, QObject* context,
                           std::function<void(const HttpResult&)> onFinished);

private:
    std::shared_ptr<detail::IoLoop> m_loop;
};

} // namespace wf::net
