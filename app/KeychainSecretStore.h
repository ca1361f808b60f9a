#pragma once
// The OS keychain through qtkeychain (Secret Service or KWallet on Linux, Keychain on macOS, Credential
// Manager on Windows). qtkeychain's insecure fallback (a plain settings file when no keychain
// answers) is switched off: an unreachable keychain is reported as Unavailable instead, and
// SessionSecretStore keeps the secret in memory for the session.
#include "sources/SecretStore.h"

#include <QString>

namespace wf::app {

class KeychainSecretStore : public SecretStore
{
public:
    // `service`: the name entries are filed under in the keychain.
    explicit KeychainSecretStore(QString service = QStringLiteral("Watchfloor"));

    void read(const QString& key, QObject* context, Done done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, Done done) override;
    void remove(const QString& key, QObject* context, Done done) override;

private:
    QString m_service;
};

} // namespace wf::app
