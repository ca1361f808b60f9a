#include "SourcesController.h"

#include "items/SourceHealthModel.h"
#include "sources/SourceHealthMonitor.h"

namespace wf {

SourcesController::SourcesController(net::HttpClient* http, SourceHealthModel* model, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_monitor(new SourceHealthMonitor(http, model, this))
{}

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
        apply(sources);
        Q_EMIT loaded();
    });
}

void SourcesController::add(const DataSource& source)
{
    if (!m_store)
        return;
    const QString name = source.name;
    m_store->add(source, this, [this, name](const WriteResult& result, qint64) {
        if (!result.ok) {
            Q_EMIT failed(result.error);
            return;
        }
        Q_EMIT saved(name);
        reload();
    });
}

void SourcesController::update(const DataSource& source)
{
    if (!m_store)
        return;
    const QString name = source.name;
    m_store->update(source, this, [this, name](const WriteResult& result) {
        if (!result.ok) {
            Q_EMIT failed(result.error);
            return;
        }
        Q_EMIT saved(name);
        reload();
    });
}

void SourcesController::remove(const QString& name)
{
    const std::optional<DataSource> s = source(name);
    if (!m_store || !s)
        return;
    m_store->remove(s->id, this, [this, name](const WriteResult& result) {
        if (!result.ok) {
            Q_EMIT failed(result.error);
            return;
        }
        Q_EMIT saved(name);
        reload();
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
