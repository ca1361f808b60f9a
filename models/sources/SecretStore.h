#pragma once
// Where data source secrets (passwords, tokens, secret header values) are kept: the OS keychain in the
// app, memory in tests and when no keychain is reachable. Never a file: workspace, settings,
// dashboards and exports hold no secret, so sharing any of them leaks none.
#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace wf {

struct SecretResult
{
    enum class Status {
        Ok,
        NotFound,    // read or remove of a key that holds nothing
        Unavailable, // no keychain reachable (no Secret Service / KWallet on D-Bus, headless CI)
        Failed,      // the keychain answered with an error (locked and the user refused, ...)
    };
    Status status = Status::Ok;
    QByteArray secret; // read only
    QString error;     // for the user, translated; empty when Ok
    // Ok, but held in memory for this session only because no keychain was reachable.
    bool sessionOnly = false;

    bool ok() const { return status == Status::Ok; }
};

class SecretStore
{
public:
    using Done = std::function<void(const SecretResult&)>;
    virtual ~SecretStore() = default;

    // Each call runs `done` exactly once, later (never inside the call), on context's thread, and not
    // at all when context was destroyed meanwhile. Keys are short printable text.
    virtual void read(const QString& key, QObject* context, Done done) = 0;
    virtual void write(const QString& key, const QByteArray& secret, QObject* context, Done done) = 0;
    virtual void remove(const QString& key, QObject* context, Done done) = 0;
};

// Delivers `result` to `done` on context's event loop, unless context is gone by then.
void deliverSecretResult(QObject* context, SecretStore::Done done, SecretResult result);

} // namespace wf
