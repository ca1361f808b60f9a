#pragma once
// Secrets in this process's memory only: the store tests use, and what SessionSecretStore falls back
// to when no keychain is reachable. Gone when the process ends.
#include "SecretStore.h"

#include <QHash>
#include <QMutex>

namespace wf {

class MemorySecretStore : public SecretStore
{
public:
    void read(const QString& key, QObject* context, Done done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, Done done) override;
    void remove(const QString& key, QObject* context, Done done) override;

    bool contains(const QString& key) const;
    // For tests: every call answers Unavailable with `message` (empty: normal again).
    void setUnavailable(const QString& message);

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
    QString m_unavailable;
};

} // namespace wf
