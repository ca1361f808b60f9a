#pragma once

#include "ReceiverTypes.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>

namespace wf::receiver {

struct SignalStats
{
    qint64 requests = 0;      // answered 200
    qint64 acceptedItems = 0; // spans, log records or data points
    qint64 rejectedItems = 0; // reported by partial successes
};

struct ReceiverStatsSnapshot
{
    std::array<SignalStats, kSignalCount> perSignal{};
    std::array<qint64, kRejectReasonCount> rejected{}; // requests, by RejectReason
    qint64 wireBytes = 0;                              // bytes read from sockets
    qint64 decodedBytes = 0;                           // request bodies after decompression
    qint64 connectionsAccepted = 0;
    int openConnections = 0;
    int inFlight = 0;
    int queued = 0; // complete requests waiting for a decode slot
    qint64 bufferedBytes = 0;
    // Accepted items per service.name, sorted by name; at most ReceiverStats::kMaxServices entries,
    // the rest counted under an empty name.
    QList<std::pair<QString, qint64>> itemsPerService;

    const SignalStats& of(Signal s) const { return perSignal[size_t(s)]; }
    qint64 rejectedFor(RejectReason r) const { return rejected[size_t(r)]; }
    qint64 rejectedTotal() const;
    qint64 acceptedRequestsTotal() const;
};

// Counters written by the receiver thread and its decode workers, read by the UI through snapshot().
// One short mutex: every update is a handful of additions, far below the cost of the request itself.
class ReceiverStats
{
public:
    static constexpr int kMaxServices = 256;

    void addAccepted(Signal signal, qint64 acceptedItems, qint64 rejectedItems,
                     const QList<std::pair<QString, qint64>>& perService);
    void addRejected(RejectReason reason);
    void addWireBytes(qint64 bytes);
    void addDecodedBytes(qint64 bytes);
    void connectionOpened();
    void connectionClosed();
    void setInFlight(int inFlight, int queued);
    void setBufferedBytes(qint64 bytes);

    ReceiverStatsSnapshot snapshot() const;

private:
    mutable QMutex m_mutex;
    ReceiverStatsSnapshot m_data;
    QHash<QString, qint64> m_services;
};

} // namespace wf::receiver
