#pragma once

#include "SourceCredentials.h"
#include "store/DataSourceStore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace wf::net {
class HttpClient;
}

namespace wf {

class SecretStore;
class SourceHealthModel;
class SourceHealthMonitor;

// The data sources of the open workspace, kept in step everywhere they show: the stored list
// (DataSourceStore), the health model the status bar and the Sources dock bind to, and the monitor
// probing them. Every change goes to the workspace first; the model follows only after the commit, so
// what the user sees is what is saved.
class SourcesController : public QObject
{
    Q_OBJECT

public:
    SourcesController(net::HttpClient* http, SourceHealthModel* model, QObject* parent = nullptr);
    ~SourcesController() override;

    // Null detaches (sources are cleared and probing stops). The workspace must outlive this object or
    // be detached first.
    void setWorkspace(Workspace* workspace);
    bool isReadOnly() const;

    // Where credentials live (the OS keychain in the app); not owned, must outlive this object. Without
    // one, sources have no credentials and add/update ignore them.
    void setSecretStore(SecretStore* store) { m_secrets = store; }

    // Reloads from the workspace, then the credentials of every source from the secret store;
    // `loaded` is emitted when the model has the new list and credentials() answers for it.
    void reload();
    // The source goes to the workspace, its credentials (if any) to the secret store only.
    void add(const DataSource& source, const SourceCredentials& credentials = {});
    // credentials nullopt: unchanged; empty: removed from the secret store.
    void update(const DataSource& source, const std::optional<SourceCredentials>& credentials = {});
    void remove(const QString& name);
    void checkNow();

    const QList<DataSource>& sources() const { return m_sources; }
    std::optional<DataSource> source(const QString& name) const;
    // In memory since the last load; empty for a source without credentials.
    SourceCredentials credentials(qint64 sourceId) const { return m_credentials.value(sourceId); }

    SourceHealthMonitor* monitor() const { return m_monitor; }

Q_SIGNALS:
    void loaded();
    // A change was saved (kind: added, updated or removed), with the source's name.
    void saved(const QString& name);
    // A load or a change failed; the message is for the user.
    void failed(const QString& message);
    // Saved, but with a caveat the user must know (credentials kept for this session only).
    void warning(const QString& message);

private:
    void apply(const QList<DataSource>& sources);
    void loadCredentials(const QList<DataSource>& sources, quint64 generation);
    // Writes (or, when empty, removes) the keychain entry, then runs `then`.
    void storeCredentials(qint64 sourceId, const SourceCredentials& credentials, std::function<void()> then);
    QString secretKey(qint64 sourceId) const;

    SourceHealthModel* m_model;
    SourceHealthMonitor* m_monitor;
    Workspace* m_workspace = nullptr;
    std::unique_ptr<DataSourceStore> m_store;
    QList<DataSource> m_sources;
    SecretStore* m_secrets = nullptr;
    QHash<qint64, SourceCredentials> m_credentials;
    // Bumped on every setWorkspace(), so a list that arrives for a workspace no longer open is ignored.
    quint64 m_generation = 0;
};

} // namespace wf
