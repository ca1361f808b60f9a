#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QObject>
#include <qt6keychain/keychain.h>

namespace wf::app {

namespace {

SecretResult resultOf(QKeychain::Job* job, QByteArray secret = {})
{
    SecretResult r;
    switch (job->error()) {
    case QKeychain::NoError:
        r.secret = std::move(secret);
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretResult::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: // on Linux mostly D-Bus failing to reach a keychain service
        r.status = SecretResult::Status::Unavailable;
        break;
    default:
        r.status = SecretResult::Status::Failed;
        break;
    }
    r.error = job->errorString().isEmpty()
                  ? QCoreApplication::translate("KeychainSecretStore", "the system keychain gave no reason")
                  : job->errorString();
    return r;
}

// Runs the job and hands its result to `done` on context's thread; the job deletes itself.
template<typename Job, typename Extract>
void run(Job* job, const QString& key, QObject* context, SecretStore::Done done, Extract extract)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    if (!context) {
        delete job;
        return;
    }
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done), extract](QKeychain::Job* finished) {
                         done(resultOf(finished, extract(static_cast<Job*>(finished))));
                     });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

void KeychainSecretStore::read(const QString& key, QObject* context, Done done)
{
    run(new QKeychain::ReadPasswordJob(m_service), key, context, std::move(done),
        [](QKeychain::ReadPasswordJob* job) { return job->binaryData(); });
}

void KeychainSecretStore::write(const QString& key, const QByteArray& secret, QObject* context, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(secret);
    run(job, key, context, std::move(done), [](QKeychain::WritePasswordJob*) { return QByteArray(); });
}

void KeychainSecretStore::remove(const QString& key, QObject* context, Done done)
{
    run(new QKeychain::DeletePasswordJob(m_service), key, context, std::move(done),
        [](QKeychain::DeletePasswordJob*) { return QByteArray(); });
}

} // namespace wf::app
