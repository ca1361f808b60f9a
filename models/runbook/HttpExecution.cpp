#include "runbook/HttpExecution.h"

#include "runbook/BoundedOutput.h"

#include <QCoreApplication>

namespace wf::runbook {

HttpExecution::HttpExecution(net::HttpClient& client, RenderedHttp request, std::chrono::milliseconds timeout,
                             QObject* parent)
    : StepExecution(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_timeout(timeout)
{}

void HttpExecution::start()
{
    net::HttpRequest req;
    req.method = m_request.method;
    req.url = m_request.url;
    req.headers = m_request.headers;
    req.body = m_request.body;
    req.totalTimeout = m_timeout;
    req.connectTimeout = std::min(m_timeout, std::chrono::milliseconds(5000));
    req.maxRetries = 0;
    req.maxRedirects = 0; // the URL in the dry-run is the only one that is called
    // Large answers are not an error: the step keeps the first kMaxStepOutputBytes and says so.
    req.maxResponseBytes = 16LL * 1024 * 1024;
    m_handle = m_client.send(req, this, [this](const net::HttpResult& result) {
        if (m_done)
            return;
        m_done = true;
        ExecutionResult r;
        r.status = result.status;
        r.cancelled = result.error == net::HttpError::Cancelled;
        r.timedOut =
            result.error == net::HttpError::Timeout || result.error == net::HttpError::ConnectTimeout;
        r.succeeded = result.ok() && result.status >= 200 && result.status < 300;
        BoundedOutput out;
        out.append(result.body);
        r.output = out.text();
        if (!r.succeeded)
            r.message =
                result.errorMessage.isEmpty()
                    ? QCoreApplication::translate("Runbook", "the server answered %1").arg(result.status)
                    : result.errorMessage;
        Q_EMIT finished(r);
    });
}

void HttpExecution::cancel()
{
    m_handle.cancel();
}

} // namespace wf::runbook
