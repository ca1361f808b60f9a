#include "SessionSecretStore.h"

#include <QCoreApplication>

namespace wf {

SessionSecretStore::SessionSecretStore(std::unique_ptr<SecretStore> keychain)
    : m_keychain(std::move(keychain))
{}

SessionSecretStore::~SessionSecretStore() = default;

QString SessionSecretStore::sessionOnlyMessage(const QString& keychainError)
{
    return QCoreApplication::translate(
               "SecretStore",
               "No system keychain is reachable (%1). The credentials are kept in memory for this session "
               "only and were not saved anywhere; enter them again after restarting Watchfloor, or start "
               "a keychain service (GNOME Keyring, KWallet) to keep them.")
        .arg(keychainError.isEmpty() ? QCoreApplication::translate("SecretStore", "no Secret Service")
                                     : keychainError);
}

void SessionSecretStore::read(const QString& key, QObject* context, Done done)
{
    // What this session holds is newer than anything the keychain could have: it was written here
    // while the keychain was unreachable.
    if (m_session.contains(key)) {
        m_session.read(key, context, [done = std::move(done)](const SecretResult& r) {
            SecretResult copy = r;
            copy.sessionOnly = true;
            done(copy);
        });
        return;
    }
    m_keychain->read(key, context, std::move(done));
}

void SessionSecretStore::write(const QString& key, const QByteArray& secret, QObject* context, Done done)
{
    m_keychain->write(key, secret, context,
                      [this, key, secret, context, done = std::move(done)](const SecretResult& r) {
                          if (r.status != SecretResult::Status::Unavailable) {
                              if (r.ok())
                                  m_session.remove(key, context, [](const SecretResult&) {});
                              done(r);
                              return;
                          }
                          const QString message = sessionOnlyMessage(r.error);
                          m_session.write(key, secret, context, [message, done](const SecretResult& stored) {
                              SecretResult out = stored;
                              out.sessionOnly = stored.ok();
                              if (stored.ok())
                                  out.error = message;
                              done(out);
                          });
                      });
}

void SessionSecretStore::remove(const QString& key, QObject* context, Done done)
{
    const bool hadSession = m_session.contains(key);
    if (hadSession)
        m_session.remove(key, context, [](const SecretResult&) {});
    m_keychain->remove(key, context, [hadSession, done = std::move(done)](const SecretResult& r) {
        // Gone from the session is gone for the user when the keychain never held it.
        if (hadSession && !r.ok()) {
            done(SecretResult{});
            return;
        }
        done(r);
    });
}

} // namespace wf
