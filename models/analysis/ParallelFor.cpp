#include "analysis/ParallelFor.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace wf::analysis {

namespace {

// Shared with helpers that may start after the caller has finished every item: such a late helper
// only touches `next` (and finds nothing left), never the work or its data.
struct ParallelState
{
    std::atomic<qsizetype> next{0};
    std::atomic<qsizetype> done{0};
    qsizetype count = 0;
    const std::function<void(qsizetype)>* work = nullptr;
    std::mutex mutex;
    std::condition_variable finished;

    void drain()
    {
        for (qsizetype i = next++; i < count; i = next++) {
            (*work)(i);
            if (++done == count) {
                std::lock_guard lock(mutex);
                finished.notify_all();
            }
        }
    }
};

} // namespace

void parallelFor(qsizetype count, int threads, const std::function<void(qsizetype)>& work)
{
    if (count <= 0)
        return;
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    threads = int(std::min<qsizetype>(threads, count));
    if (threads == 1) {
        for (qsizetype i = 0; i < count; ++i)
            work(i);
        return;
    }
    auto state = std::make_shared<ParallelState>();
    state->count = count;
    state->work = &work;
    for (int t = 1; t < threads; ++t)
        QThreadPool::globalInstance()->start([state] { state->drain(); });
    state->drain();
    std::unique_lock lock(state->mutex);
    state->finished.wait(lock, [&] { return state->done.load() == count; });
}

} // namespace wf::analysis
