#include "RequestState.h"

#include "ErrorText.h"

namespace wf::net::detail {

std::shared_ptr<RequestState> RequestState::create(quint64 id, QObject* context, Callback onFinished)
{
    std::shared_ptr<RequestState> state(new RequestState(id, std::move(onFinished)));
    state->m_context = context;
    // A plain functor (no receiver) runs directly in the destroying thread, inside ~QObject, before that
    // destructor drops the events still queued for the object.
    state->m_destroyedConnection =
        QObject::connect(context, &QObject::destroyed, [weak = std::weak_ptr<RequestState>(state)] {
            if (auto s = weak.lock())
                s->contextDestroyed();
        });
    return state;
}

RequestState::RequestState(quint64 id, Callback onFinished)
    : m_id(id)
    , m_onFinished(std::move(onFinished))
{}

RequestState::~RequestState()
{
    // Long-lived contexts (a PrometheusClient) send thousands of requests: do not leave a connection each.
    QObject::disconnect(m_destroyedConnection);
}

void RequestState::contextDestroyed()
{
    std::lock_guard lock(m_contextMutex);
    m_context = nullptr;
}

void RequestState::deliver(HttpResult result)
{
    if (m_delivered.exchange(true))
        return;
    std::lock_guard lock(m_contextMutex);
    if (!m_context)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [self = shared_from_this(), result = std::move(result)]() mutable {
            self->runOnContextThread(std::move(result));
        },
        Qt::QueuedConnection);
}

void RequestState::runOnContextThread(HttpResult result)
{
    QObject::disconnect(m_destroyedConnection);
    if (m_cancelRequested.load() && result.error != HttpError::Cancelled) {
        result.error = HttpError::Cancelled;
        result.errorMessage = errorMessage(HttpError::Cancelled, {result.finalUrl});
        result.status = 0;
        result.body.clear();
        result.headers.clear();
    }
    if (auto callback = std::exchange(m_onFinished, nullptr))
        callback(result);
}

} // namespace wf::net::detail
