#include "SourcesController.h"

#include "items/SourceHealthModel.h"
#include "net/HttpTypes.h"
#include "sources/SecretStore.h"
#include "sources/SourceHealthMonitor.h"

namespace wf {

SourcesController::SourcesController(net::HttpClient* http, SourceHealthModel* model, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_monitor(new SourceHealthMonitor(http, model, this))
{
    m_monitor->setAuthorize([this](const QString& name, net::HttpRequest& request) {
        const std::optional<DataSource> s = source(name);
        if (!s)
            return;
        const SourceCredentials c = m_credentials.value(s->id);
        const prometheus::PrometheusAuth auth = c.prometheusAuth();
        request.credentials.user = auth.user;
        request.credentials.password = auth.password;
        request.credentials.bearerToken = auth.bearerToken;
        request.headers.append(c.headers);
    });
}

SourcesController::~SourcesController() = default;

void SourcesController::setWorkspace(Workspace* workspace)
{
    ++m_generation;
    m_monitor->stop();
    m_workspace = workspace;
    m_store = workspace ? std::make_unique<DataSourceStore>(*workspace) : nullptr;
    apply({});
    if (workspace)
        reload();
}

bool SourcesController::isReadOnly() const
{
    return !m_workspace || m_workspace->isReadOnly();
}

void SourcesController::reload()
{
    if (!m_store)
        return;
    const quint64 generation = m_generation;
    m_store->list(this, [this, generation](const ReadResult& result, const QList<DataSource>& sources) {
        if (generation != m_generation)
            return;
        if (!result.ok) {
            Q_EMIT failed(tr("The data sources could not be read: %1").arg(result.error));
            return;
        }
        loadCredentials(sources, generation);
    });
}

QString SourcesController::secretKey(qint64 sourceId) const
{
    return SourceCredentials::secretKey(m_workspace ? m_workspace->path() : QString(), sourceId);
}

void SourcesController::loadCredentials(const QList<DataSource>& sources, quint64 generation)
{
    if (!m_secrets || sources.isEmpty()) {
        m_credentials.clear();
        apply(sources);
        Q_EMIT loaded();
        return;
    }
    // Every source is read (not only Prometheus ones): the keychain answers NotFound cheaply, and a kind
    // that learns authentication later needs no change here.
    struct Pending
    {
        QHash<qint64, SourceCredentials> found;
        qsizetype remaining = 0;
        QString problem;
    };
    auto pending = std::make_shared<Pending>();
    pending->remaining = sources.size();
    for (const DataSource& s : sources) {
        const qint64 id = s.id;
        const QString name = s.name;
        m_secrets->read(
            secretKey(id), this, [this, pending, id, name, sources, generation](const SecretResult& r) {
                if (r.ok()) {
                    if (const auto c = SourceCredentials::fromSecret(r.secret))
                        pending->found.insert(id, *c);
                    else
                        pending->problem =
                            tr("The stored credentials of “%1” are unreadable; enter them again.").arg(name);
                } else if (r.status == SecretResult::Status::Failed && pending->problem.isEmpty()) {
                    // Unavailable is no news on a machine without a keychain: nothing could have been
                    // stored there, and saving says so when it matters.
                    pending->problem = tr("The credentials of “%1” could not be read: %2").arg(name, r.error);
                }
                if (--pending->remaining > 0 || generation != m_generation)
                    return;
                m_credentials = std::move(pending->found);
                apply(sources);
                Q_EMIT loaded();
                if (!pending->problem.isEmpty())
                    Q_EMIT warning(pending->problem);
            });
    }
}

void SourcesController::storeCredentials(qint64 sourceId, const SourceCredentials& credentials,
                                         std::function<void()> then)
{
    if (!m_secrets) {
        then();
        return;
    }
    const QString key = secretKey(sourceId);
    // The reload that follows waits for the keychain, so it reads what was just written.
    const auto done = [this, then = std::move(then)](const SecretResult& r) {
        if (r.ok() && r.sessionOnly)
            Q_EMIT warning(r.error);
        else if (!r.ok() && r.status != SecretResult::Status::NotFound)
            Q_EMIT failed(tr("The credentials could not be saved in the system keychain: %1").arg(r.error));
        then();
    };
    if (credentials.isEmpty())
        m_secrets->remove(key, this, done);
    else
        m_secrets->write(key, credentials.toSecret(), this, done);
}

void SourcesController::add(const DataSource& source, const SourceCredentials& credentials)
{
    if (!m_store)
        return;
    if (const QString problem = credentials.validate(); !problem.isEmpty()) {
        Q_EMIT failed(problem);
        return;
    }
    const QString name = source.name;
    m_store->add(source, this, [this, name, credentials](const WriteResult& result, qint64 id) {
        if (!result.ok) {
            Q_EMIT failed(result.error);
            return;
        }
        Q_EMIT saved(name);
        if (credentials.isEmpty())
            reload();
        else
            storeCredentials(id, credentials, [this] { reload(); });
    });
}

void SourcesController::update(const DataSource& source, const std::optional<SourceCredentials>& credentials)
{
    if (!m_store)
        return;
    if (credentials) {
        if (const QString problem = credentials->validate(); !problem.isEmpty()) {
            Q_EMIT failed(problem);
            return;
        }
    }
    const QString name = source.name;
    const qint64 id = source.id;
    m_store->update(source, this, [this, name, id, credentials](const WriteResult& result) {
        if (!result.ok) {
            Q_EMIT failed(result.error);
            return;
        }
        Q_EMIT saved(name);
        if (credentials && *credentials != m_credentials.value(id))
            storeCredentials(id, *credentials, [this] { reload(); });
        else
            reload();
    });
}

void SourcesController::remove(const QString& name)
{
    const std::optional<DataSource> s = source(name);
    if (!m_store || !s)
        return;
    const qint64 id = s->id;
    m_store->remove(id, this, [this, name, id](const WriteResult& result) {
        if (!result.ok) {
            Q_EMIT failed(result.error);
            return;
        }
        m_credentials.remove(id);
        Q_EMIT saved(name);
        storeCredentials(id, {}, [this] { reload(); });
    });
}

void SourcesController::checkNow()
{
    m_monitor->checkNow();
}

std::optional<DataSource> SourcesController::source(const QString& name) const
{
    for (const DataSource& s : m_sources) {
        if (s.name == name)
            return s;
    }
    return std::nullopt;
}

void SourcesController::apply(const QList<DataSource>& sources)
{
    m_sources = sources;
    QList<SourceHealth> rows;
    rows.reserve(sources.size());
    for (const DataSource& s : sources) {
        SourceHealth h;
        h.name = s.name;
        h.kind = s.kind;
        h.url = s.url;
        h.insecureTls = s.insecureTls;
        rows << h;
    }
    m_model->setSources(rows);
    // start() probes at once, so a new or re-pointed source does not wait a whole interval.
    if (rows.isEmpty())
        m_monitor->stop();
    else
        m_monitor->start();
}

} // namespace wf
