#include "RemoteTraceSources.h"

#include "TraceSearchPresenter.h"
#include "sources/SourcesController.h"
#include "traces/TraceSourceFactory.h"

namespace wf::app {

RemoteTraceSources::RemoteTraceSources(SourcesController* sources, net::HttpClient* http,
                                       TraceSearchPresenter* search, QObject* parent)
    : QObject(parent)
    , m_sources(sources)
    , m_http(http)
    , m_search(search)
{
    connect(sources, &SourcesController::loaded, this, &RemoteTraceSources::rebuild);
    connect(sources, &SourcesController::saved, this, &RemoteTraceSources::rebuild);
    rebuild();
}

RemoteTraceSources::~RemoteTraceSources() = default;

void RemoteTraceSources::rebuild()
{
    // Destroying a client takes it out of the search view (it watches destroyed()).
    m_clients.clear();
    for (const DataSource& source : m_sources->sources()) {
        auto client = traces::makeTraceSearchSource(source.kind, source.url, source.insecureTls, m_http);
        if (!client)
            continue;
        if (m_search)
            m_search->addSource(client.get());
        m_clients.push_back(std::move(client));
    }
}

} // namespace wf::app
