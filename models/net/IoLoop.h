#pragma once

#include "HttpTypes.h"
#include "RequestJob.h"
#include "RequestState.h"

#include <curl/curl.h>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

// The one thread that owns the curl multi handle. Other threads only ever touch the queue below (under
// its mutex) and wake the loop with curl_multi_wakeup; everything else here runs on the IO thread
// (functions prefixed io).
namespace wf::net::detail {

class IoLoop
{
public:
    IoLoop();
    ~IoLoop(); // stop() if not done yet
    IoLoop(const IoLoop&) = delete;
    IoLoop& operator=(const IoLoop&) = delete;

    bool isRunning() const { return m_thread.joinable(); }

    // Any thread. After stop() they deliver Cancelled at once (submit) or do nothing (cancel).
    void submit(std::shared_ptr<RequestState> state, HttpRequest request);
    void cancel(quint64 id);

    // Cancels everything in flight (each callback gets Cancelled) and joins the thread. Idempotent.
    void stop();

private:
    struct Incoming
    {
        std::shared_ptr<RequestState> state;
        HttpRequest request;
        Clock::time_point sentAt;
    };

    void ioRun();
    bool ioTakeQueue(std::vector<Incoming>& incoming, std::vector<quint64>& cancels);
    void ioFinish(quint64 id, HttpResult result);
    void ioReadDone();
    void ioStartDue(Clock::time_point now);
    int ioPollTimeoutMs(Clock::time_point now) const;

    std::mutex m_mutex;
    std::vector<Incoming> m_incoming;
    std::vector<quint64> m_cancels;
    bool m_stopRequested = false;
    bool m_accepting = false; // m_multi exists and may be woken
    CURLM* m_multi = nullptr;
    std::thread m_thread;

    // IO thread only.
    std::unordered_map<quint64, std::unique_ptr<RequestJob>> m_jobs;
    std::mt19937_64 m_rng{std::random_device{}()};
};

} // namespace wf::net::detail
