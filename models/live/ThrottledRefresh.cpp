#include "ThrottledRefresh.h"

#include <algorithm>

namespace wf::live {

ThrottledRefresh::ThrottledRefresh(int minIntervalMs, std::function<void()> refresh, QObject* parent)
    : QObject(parent)
    , m_minIntervalMs(minIntervalMs)
    , m_refresh(std::move(refresh))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ThrottledRefresh::runIfDue);
}

void ThrottledRefresh::request()
{
    m_pending = true;
    runIfDue();
}

void ThrottledRefresh::finished()
{
    m_inFlight = false;
    if (m_pending)
        runIfDue();
}

void ThrottledRefresh::runIfDue()
{
    if (!m_pending || m_inFlight)
        return;
    const qint64 since = m_sinceLast.isValid() ? m_sinceLast.elapsed() : m_minIntervalMs;
    if (since < m_minIntervalMs) {
        if (!m_timer.isActive())
            m_timer.start(int(std::max<qint64>(1, m_minIntervalMs - since)));
        return;
    }
    m_pending = false;
    m_inFlight = true;
    m_sinceLast.start();
    m_refresh();
}

} // namespace wf::live
