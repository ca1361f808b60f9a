#pragma once
// An http step through the process's HttpClient: no retries (a remediation is not repeated behind
// the operator's back), the step's timeout as the request's whole budget, response kept bounded.
#include "net/HttpClient.h"
#include "runbook/ActionRenderer.h"
#include "runbook/StepExecution.h"

#include <chrono>

namespace wf::runbook {

class HttpExecution : public StepExecution
{
    Q_OBJECT
public:
    HttpExecution(net::HttpClient& client, RenderedHttp request, std::chrono::milliseconds timeout,
                  QObject* parent = nullptr);
    void start() override;
    void cancel() override;

private:
    net::HttpClient& m_client;
    RenderedHttp m_request;
    std::chrono::milliseconds m_timeout;
    net::HttpRequestHandle m_handle;
    bool m_done = false;
};

} // namespace wf::runbook
