#pragma once

#include "store/DataSourceStore.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace wf::net {
class HttpClient;
}

namespace wf {

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

    // Reloads from the workspace; `loaded` is emitted when the model has the new list.
    void reload();
    void add(const DataSource& source);
    void update(const DataSource& source);
    void remove(const QString& name);
    void checkNow();

    const QList<DataSource>& sources() const { return m_sources; }
    std::optional<DataSource> source(const QString& name) const;

    SourceHealthMonitor* monitor() const { return m_monitor; }

Q_SIGNALS:
    void loaded();
    // A change was saved (kind: added, updated or removed), with the source's name.
    void saved(const QString& name);
    // A load or a change failed; the message is for the user.
    void failed(const QString& message);

private:
    void apply(const QList<DataSource>& sources);

    SourceHealthModel* m_model;
    SourceHealthMonitor* m_monitor;
    Workspace* m_workspace = nullptr;
    std::unique_ptr<DataSourceStore> m_store;
    QList<DataSource> m_sources;
    // Bumped on every setWorkspace(), so a list that arrives for a workspace no longer open is ignored.
    quint64 m_generation = 0;
};

} // namespace wf
