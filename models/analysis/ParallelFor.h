#pragma once
// Per-item work spread over the calling thread and Qt's global thread pool, for drawing-sized jobs
// (decimating the series of one chart) that must finish before the caller goes on.

#include <QtGlobal>

#include <functional>

namespace wf::analysis {

// Calls work(i) once for every i in [0, count), on the calling thread and on up to threads - 1
// threads of QThreadPool::globalInstance() (threads 0: one per core; 1: the calling thread only).
// Returns when every call has returned. Items are handed out one at a time, so long and short items
// balance; the caller works too, so a pool busy with other jobs only means less help, never a wait
// for a helper that has not started.
void parallelFor(qsizetype count, int threads, const std::function<void(qsizetype)>& work);

} // namespace wf::analysis
