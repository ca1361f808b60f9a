#pragma once

// Delivers one StoreResult to a callback on a context object's thread, from any thread, safely even
// while the context is being destroyed on its own thread. QMetaObject::invokeMethod(context, ...)
// from the DB thread would race with that destruction; a queued signal connection does not, because
// Qt removes the connection (and any event already posted) under its own locks when the receiver
// dies. So each request gets a tiny sender object whose only connection goes to the context.

#include "Workspace.h"

#include <QObject>

#include <memory>

namespace wf {

class CompletionNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void finished();
};

class Completion
{
public:
    // On the calling thread. With no context or no callback, deliver() does nothing.
    Completion(QObject* context, Workspace::Done done);
    // On any thread, exactly once.
    void deliver(StoreResult result) const;

private:
    std::shared_ptr<StoreResult> m_result;
    CompletionNotifier* m_notifier = nullptr;
};

} // namespace wf
