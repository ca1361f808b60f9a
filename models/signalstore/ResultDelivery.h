#pragma once
// Delivers one query result to a callback on a context object's thread, never after the context died:
// the same queued-signal technique as the workspace's Completion (see store/CompletionNotifier.h),
// for any result type.
#include "store/CompletionNotifier.h"

#include <QObject>

#include <functional>
#include <memory>

namespace wf::signalstore {

template<typename Result>
class ResultDelivery
{
public:
    using Done = std::function<void(Result)>;

    // On the calling thread. With no context or no callback, deliver() does nothing.
    ResultDelivery(QObject* context, Done done)
    {
        if (!context || !done)
            return;
        m_result = std::make_shared<Result>();
        m_notifier = new CompletionNotifier;
        m_notifier->moveToThread(context->thread());
        QObject::connect(
            m_notifier, &CompletionNotifier::finished, context,
            [done = std::move(done), result = m_result] { done(std::move(*result)); }, Qt::QueuedConnection);
    }

    // On any thread, exactly once.
    void deliver(Result result) const
    {
        if (!m_notifier)
            return;
        *m_result = std::move(result);
        Q_EMIT m_notifier->finished();
        m_notifier->deleteLater();
    }

private:
    std::shared_ptr<Result> m_result;
    CompletionNotifier* m_notifier = nullptr;
};

} // namespace wf::signalstore
