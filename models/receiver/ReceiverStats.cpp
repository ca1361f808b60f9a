#include "ReceiverStats.h"

#include <QMutexLocker>

#include <algorithm>

namespace wf::receiver {

qint64 ReceiverStatsSnapshot::rejectedTotal() const
{
    qint64 total = 0;
    for (const qint64 n : rejected)
        total += n;
    return total;
}

qint64 ReceiverStatsSnapshot::acceptedRequestsTotal() const
{
    qint64 total = 0;
    for (const SignalStats& s : perSignal)
        total += s.requests;
    return total;
}

void ReceiverStats::addAccepted(Signal signal, qint64 acceptedItems, qint64 rejectedItems,
                                const QList<std::pair<QString, qint64>>& perService)
{
    QMutexLocker lock(&m_mutex);
    SignalStats& s = m_data.perSignal[size_t(signal)];
    ++s.requests;
    s.acceptedItems += acceptedItems;
    s.rejectedItems += rejectedItems;
    for (const auto& [service, count] : perService) {
        // Service names come from the network: a client inventing a new one per request must not
        // grow this table without bound.
        auto it = m_services.find(service);
        if (it == m_services.end() && m_services.size() >= kMaxServices)
            it = m_services.find(QString());
        if (it == m_services.end())
            it = m_services.insert(m_services.size() >= kMaxServices ? QString() : service, 0);
        it.value() += count;
    }
}

void ReceiverStats::addRejected(RejectReason reason)
{
    QMutexLocker lock(&m_mutex);
    ++m_data.rejected[size_t(reason)];
}

void ReceiverStats::addWireBytes(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_data.wireBytes += bytes;
}

void ReceiverStats::addDecodedBytes(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_data.decodedBytes += bytes;
}

void ReceiverStats::connectionOpened()
{
    QMutexLocker lock(&m_mutex);
    ++m_data.connectionsAccepted;
    ++m_data.openConnections;
}

void ReceiverStats::connectionClosed()
{
    QMutexLocker lock(&m_mutex);
    --m_data.openConnections;
}

void ReceiverStats::setInFlight(int inFlight, int queued)
{
    QMutexLocker lock(&m_mutex);
    m_data.inFlight = inFlight;
    m_data.queued = queued;
}

void ReceiverStats::setBufferedBytes(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_data.bufferedBytes = bytes;
}

ReceiverStatsSnapshot ReceiverStats::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    ReceiverStatsSnapshot out = m_data;
    out.itemsPerService.reserve(m_services.size());
    for (auto it = m_services.cbegin(); it != m_services.cend(); ++it)
        out.itemsPerService.append({it.key(), it.value()});
    lock.unlock();
    std::sort(out.itemsPerService.begin(), out.itemsPerService.end());
    return out;
}

} // namespace wf::receiver
