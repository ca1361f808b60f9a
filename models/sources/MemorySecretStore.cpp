#include "MemorySecretStore.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace wf {

void deliverSecretResult(QObject* context, SecretStore::Done done, SecretResult result)
{
    if (!context || !done)
        return;
    // Queued with context as the receiver: Qt drops the call when context is destroyed first.
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

namespace {

SecretResult unavailable(const QString& message)
{
    SecretResult r;
    r.status = SecretResult::Status::Unavailable;
    r.error = message;
    return r;
}

SecretResult notFound()
{
    SecretResult r;
    r.status = SecretResult::Status::NotFound;
    r.error = QCoreApplication::translate("SecretStore", "No secret is stored for this data source.");
    return r;
}

} // namespace

void MemorySecretStore::read(const QString& key, QObject* context, Done done)
{
    SecretResult r;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_unavailable.isEmpty())
            r = unavailable(m_unavailable);
        else if (const auto it = m_secrets.constFind(key); it != m_secrets.constEnd())
            r.secret = *it;
        else
            r = notFound();
    }
    deliverSecretResult(context, std::move(done), std::move(r));
}

void MemorySecretStore::write(const QString& key, const QByteArray& secret, QObject* context, Done done)
{
    SecretResult r;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_unavailable.isEmpty())
            r = unavailable(m_unavailable);
        else
            m_secrets.insert(key, secret);
    }
    deliverSecretResult(context, std::move(done), std::move(r));
}

void MemorySecretStore::remove(const QString& key, QObject* context, Done done)
{
    SecretResult r;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_unavailable.isEmpty())
            r = unavailable(m_unavailable);
        else if (!m_secrets.remove(key))
            r = notFound();
    }
    deliverSecretResult(context, std::move(done), std::move(r));
}

bool MemorySecretStore::contains(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.contains(key);
}

void MemorySecretStore::setUnavailable(const QString& message)
{
    QMutexLocker lock(&m_mutex);
    m_unavailable = message;
}

} // namespace wf
