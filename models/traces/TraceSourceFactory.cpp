#include "traces/TraceSourceFactory.h"

#include "traces/JaegerClient.h"
#include "traces/TempoClient.h"

namespace wf::traces {

std::unique_ptr<TraceSearchSource> makeTraceSearchSource(const QString& kind, const QUrl& url,
                                                         bool insecureTls, net::HttpClient* http)
{
    if (kind == u"jaeger") {
        auto client = std::make_unique<JaegerClient>(http, url);
        client->setVerifyTls(!insecureTls);
        return client;
    }
    if (kind == u"tempo") {
        auto client = std::make_unique<TempoClient>(http, url);
        client->setVerifyTls(!insecureTls);
        return client;
    }
    return nullptr;
}

} // namespace wf::traces
