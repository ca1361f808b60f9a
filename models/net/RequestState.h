#pragma once

#include "HttpTypes.h"

#include <QMetaObject>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

// The part of a request shared between the caller's thread, the IO thread and any handle copies.
namespace wf::net::detail {

class RequestState : public std::enable_shared_from_this<RequestState>
{
public:
    using Callback = std::function<void(const HttpResult&)>;

    // Call on the thread that owns context (or one that keeps it alive while this runs).
    static std::shared_ptr<RequestState> create(quint64 id, QObject* context, Callback onFinished);
    ~RequestState();

    quint64 id() const { return m_id; }
    void requestCancel() { m_cancelRequested.store(true); }
    bool cancelRequested() const { return m_cancelRequested.load(); }

    // Any thread, at most once (later calls are ignored): queues the callback on the context's thread.
    // Dropped if the context is gone. If cancel() was called before the queued call runs, the callback
    // sees Cancelled instead, so a caller that cancels never acts on a result it no longer wants.
    void deliver(HttpResult result);

private:
    RequestState(quint64 id, Callback onFinished);
    void runOnContextThread(HttpResult result);
    void contextDestroyed();

    const quint64 m_id;
    std::atomic<bool> m_cancelRequested{false};
    std::atomic<bool> m_delivered{false};
    // Guards m_context against the race between the IO thread posting to it and its destruction on its
    // own thread: destroyed() runs before ~QObject removes posted events, both under this mutex.
    std::mutex m_contextMutex;
    QObject* m_context = nullptr;
    QMetaObject::Connection m_destroyedConnection;
    Callback m_onFinished; // written once before the request is queued, read on the context's thread
};

} // namespace wf::net::detail
