#include "DbThread.h"

#include <QThread>

namespace wf {

DbThread::DbThread(SqliteDb db, const QString& threadName)
    : m_db(std::move(db))
{
    // QThread rather than std::thread so the OS thread carries a name in debuggers and profilers.
    m_thread.reset(QThread::create([this] { dbThread_run(); }));
    m_thread->setObjectName(threadName);
    m_thread->start();
}

DbThread::~DbThread()
{
    shutdown();
    m_db.close();
}

void DbThread::post(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        Q_ASSERT(!m_stopping);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void DbThread::shutdown()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread->wait();
    m_thread.reset();
}

void DbThread::dbThread_run()
{
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything queued before has run
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        job(m_db);
    }
}

} // namespace wf
