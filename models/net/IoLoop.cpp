#include "IoLoop.h"

#include <QDebug>

#include <pthread.h>

namespace wf::net::detail {

namespace {

std::once_flag g_curlInitOnce;

// Upper bound on one poll, so a lost wake-up could at worst delay work, never stall it.
constexpr int kMaxPollMs = 1000;

} // namespace

IoLoop::IoLoop()
{
    // Never paired with curl_global_cleanup: other threads may still hold easy handles at exit, and the
    // process is ending anyway.
    std::call_once(g_curlInitOnce, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_multi = curl_multi_init();
    if (!m_multi) {
        qWarning("HttpClient: curl_multi_init failed; every request will fail");
        return;
    }
    m_accepting = true;
    m_thread = std::thread([this] { ioRun(); });
}

IoLoop::~IoLoop()
{
    stop();
}

void IoLoop::submit(std::shared_ptr<RequestState> state, HttpRequest request)
{
    const Clock::time_point now = Clock::now();
    {
        std::lock_guard lock(m_mutex);
        if (m_accepting && !m_stopRequested) {
            m_incoming.push_back({std::move(state), std::move(request), now});
            curl_multi_wakeup(m_multi);
            return;
        }
    }
    RequestJob job(state, std::move(request), now);
    state->deliver(job.cancelled(now));
}

void IoLoop::cancel(quint64 id)
{
    std::lock_guard lock(m_mutex);
    if (!m_accepting)
        return;
    m_cancels.push_back(id);
    curl_multi_wakeup(m_multi);
}

void IoLoop::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
        if (m_accepting)
            curl_multi_wakeup(m_multi);
    }
    if (m_thread.joinable())
        m_thread.join();
}

bool IoLoop::ioTakeQueue(std::vector<Incoming>& incoming, std::vector<quint64>& cancels)
{
    std::lock_guard lock(m_mutex);
    incoming.swap(m_incoming);
    cancels.swap(m_cancels);
    return m_stopRequested;
}

void IoLoop::ioRun()
{
    pthread_setname_np(pthread_self(), "wf-http-io");
    std::vector<Incoming> incoming;
    std::vector<quint64> cancels;

    for (;;) {
        incoming.clear();
        cancels.clear();
        const bool stopping = ioTakeQueue(incoming, cancels);
        Clock::time_point now = Clock::now();
        for (Incoming& in : incoming) {
            const quint64 id = in.state->id();
            auto job = std::make_unique<RequestJob>(in.state, std::move(in.request), in.sentAt);
            RequestJob* raw = job.get();
            m_jobs.emplace(id, std::move(job));
            if (auto failed = raw->start(m_multi, now))
                ioFinish(id, std::move(*failed));
        }
        for (quint64 id : cancels) {
            if (auto it = m_jobs.find(id); it != m_jobs.end())
                ioFinish(id, it->second->cancelled(now));
        }
        if (stopping)
            break;

        int running = 0;
        curl_multi_perform(m_multi, &running);
        ioReadDone();
        ioStartDue(Clock::now());
        curl_multi_poll(m_multi, nullptr, 0, ioPollTimeoutMs(Clock::now()), nullptr);
    }

    const Clock::time_point now = Clock::now();
    for (auto& [id, job] : m_jobs)
        job->state()->deliver(job->cancelled(now));
    m_jobs.clear();
    std::lock_guard lock(m_mutex);
    m_accepting = false;
    curl_multi_cleanup(m_multi);
    m_multi = nullptr;
    // Anything submitted between the last queue read and now still gets its one callback.
    for (Incoming& in : m_incoming) {
        RequestJob job(in.state, std::move(in.request), in.sentAt);
        in.state->deliver(job.cancelled(now));
    }
    m_incoming.clear();
}

void IoLoop::ioFinish(quint64 id, HttpResult result)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    std::unique_ptr<RequestJob> job = std::move(it->second);
    m_jobs.erase(it);
    job->state()->deliver(std::move(result));
}

void IoLoop::ioReadDone()
{
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(m_multi, &queued)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        void* priv = nullptr;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
        auto* job = static_cast<RequestJob*>(priv);
        const CURLcode code = msg->data.result; // msg is invalid once the handle is removed
        const quint64 id = job->state()->id();
        if (auto result = job->onTransferDone(m_multi, code, Clock::now(), m_rng))
            ioFinish(id, std::move(*result));
    }
}

void IoLoop::ioStartDue(Clock::time_point now)
{
    std::vector<quint64> due;
    for (const auto& [id, job] : m_jobs)
        if (job->wakeAt() && *job->wakeAt() <= now)
            due.push_back(id);
    for (quint64 id : due)
        if (auto failed = m_jobs.at(id)->start(m_multi, now))
            ioFinish(id, std::move(*failed));
}

int IoLoop::ioPollTimeoutMs(Clock::time_point now) const
{
    // curl_multi_poll shortens this to curl's own next timeout; we only add the backoff wake-ups.
    auto next = now + std::chrono::milliseconds(kMaxPollMs);
    for (const auto& [id, job] : m_jobs)
        if (job->wakeAt())
            next = std::min(next, *job->wakeAt());
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(next - now).count();
    return int(std::clamp<long long>(ms, 0, kMaxPollMs));
}

} // namespace wf::net::detail
