#pragma once

// A search source for a configured data source of kind "jaeger" or "tempo" (DataSourceStore kinds);
// null for any other kind.

#include "traces/TraceSearchSource.h"

#include <QUrl>

#include <memory>

namespace wf::net {
class HttpClient;
}

namespace wf::traces {

std::unique_ptr<TraceSearchSource> makeTraceSearchSource(const QString& kind, const QUrl& url,
                                                         bool insecureTls, net::HttpClient* http);

} // namespace wf::traces
