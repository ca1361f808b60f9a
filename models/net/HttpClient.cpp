#include "HttpClient.h"

#include "ErrorText.h"
#include "HeaderParser.h"
#include "IoLoop.h"
#include "RequestState.h"
#include "RequestValidation.h"

#include <atomic>

namespace wf::net {

namespace {
std::atomic<quint64> g_nextRequestId{1};
}

QByteArray HttpResult::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

HttpRequestHandle::HttpRequestHandle(std::shared_ptr<detail::RequestState> state,
                                     std::weak_ptr<detail::IoLoop> loop)
    : m_state(std::move(state))
    , m_loop(std::move(loop))
{}

void HttpRequestHandle::cancel()
{
    if (!m_state)
        return;
    m_state->requestCancel();
    if (auto loop = m_loop.lock())
        loop->cancel(m_state->id());
}

HttpClient::HttpClient(QObject* parent)
    : QObject(parent)
    , m_loop(std::make_shared<detail::IoLoop>())
{}

HttpClient::~HttpClient()
{
    // Joined here, not in ~IoLoop: a handle's cancel() may briefly hold the last reference.
    m_loop->stop();
}

HttpRequestHandle HttpClient::send(HttpRequest request, QObject* context,
                                   std::function<void(const HttpResult&)> onFinished)
{
    if (!context || !onFinished) {
        qWarning("HttpClient::send: a context object and a callback are required; request dropped");
        return {};
    }
    auto state = detail::RequestState::create(g_nextRequestId.fetch_add(1), context, std::move(onFinished));
    HttpRequestHandle handle(state, m_loop);

    if (const auto problem = normalizeRequest(request)) {
        HttpResult result;
        result.error = problem->error;
        ErrorDetails details{request.url};
        details.url.setUserInfo(QString());
        details.detail = problem->detail;
        result.errorMessage = errorMessage(problem->error, details);
        result.finalUrl = details.url;
        state->deliver(std::move(result));
        return handle;
    }
    m_loop->submit(std::move(state), std::move(request));
    return handle;
}

} // namespace wf::net
