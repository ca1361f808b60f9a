#pragma once

// One thread that owns one SQLite connection and runs queued jobs on it in FIFO order (the RenderDoc
// rule: one owner thread per non-thread-safe resource, fed by a queue). Nothing else touches the
// connection while the thread runs. Jobs must not throw (the Workspace wraps them).

#include "SqliteDb.h"

#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace wf {

class DbThread
{
public:
    using Job = std::function<void(SqliteDb&)>;

    DbThread(SqliteDb db, const QString& threadName);
    ~DbThread(); // calls shutdown(), then closes the connection

    void post(Job job);
    // Runs every job already queued, then stops the thread. The connection stays open until the
    // destructor, so the owner decides the order in which connections close.
    void shutdown();

private:
    void dbThread_run();

    SqliteDb m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace wf
