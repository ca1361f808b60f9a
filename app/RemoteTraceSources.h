#pragma once

// Keeps one trace search source per configured Jaeger or Tempo data source of the workspace, rebuilt
// whenever the sources load or change, and offers them to the trace search.

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace wf {
class SourcesController;
}
namespace wf::net {
class HttpClient;
}
namespace wf::traces {
class TraceSearchSource;
}

namespace wf::app {

class TraceSearchPresenter;

class RemoteTraceSources : public QObject
{
    Q_OBJECT
public:
    RemoteTraceSources(SourcesController* sources, net::HttpClient* http, TraceSearchPresenter* search,
                       QObject* parent = nullptr);
    ~RemoteTraceSources() override;

    int count() const { return int(m_clients.size()); }

private:
    void rebuild();

    SourcesController* m_sources;
    net::HttpClient* m_http;
    QPointer<TraceSearchPresenter> m_search;
    std::vector<std::unique_ptr<traces::TraceSearchSource>> m_clients;
};

} // namespace wf::app
