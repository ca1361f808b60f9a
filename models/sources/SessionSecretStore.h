#pragma once
// The OS keychain with a session-only fallback: when the keychain is unreachable (no Secret Service
// on a headless machine, CI), a secret is kept in memory for this run and the result says so, so the
// user is told it must be entered again next time. Never written anywhere in plain.
#include "MemorySecretStore.h"

#include <memory>

namespace wf {

class SessionSecretStore : public SecretStore
{
public:
    explicit SessionSecretStore(std::unique_ptr<SecretStore> keychain);
    ~SessionSecretStore() override;

    void read(const QString& key, QObject* context, Done done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, Done done) override;
    void remove(const QString& key, QObject* context, Done done) override;

    // The sentence shown when a secret could only be kept for the session.
    static QString sessionOnlyMessage(const QString& keychainError);

private:
    std::unique_ptr<SecretStore> m_keychain;
    MemorySecretStore m_session;
};

} // namespace wf
