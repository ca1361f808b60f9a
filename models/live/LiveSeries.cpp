#include "LiveSeries.h"

#include "signalstore/SeriesStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>

namespace wf::live {

SeriesWindow slidingWindow(qint64 nowNs, qint64 spanNs, qint64 minStepNs, int points, qint64 lagNs)
{
    SeriesWindow w;
    w.stepNs = std::max<qint64>(1, std::max(minStepNs, spanNs / std::max(1, points)));
    const qint64 end = nowNs - lagNs;
    w.toNs = end - end % w.stepNs;
    w.fromNs = w.toNs - spanNs;
    return w;
}

LiveSeries::LiveSeries(std::shared_ptr<const signalstore::SeriesStore> store,
                       const signalstore::SeriesQuery& query, QObject* parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_query(query)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch() * 1'000'000; })
{
    connect(&m_timer, &QTimer::timeout, this, &LiveSeries::refresh);
}

void LiveSeries::start(int intervalMs)
{
    if (m_startedNs < 0)
        m_startedNs = m_now();
    m_timer.start(intervalMs);
    refresh();
}

void LiveSeries::refresh()
{
    if (!m_store)
        return;
    if (m_running) {
        m_again = true; // a slow store is not queued up behind itself; the latest window wins
        return;
    }
    m_running = true;
    const qint64 now = m_now();
    const qint64 elapsed = m_startedNs < 0 ? m_minSpanNs : now - m_startedNs;
    SeriesWindow w;
    if (m_fixedToNs > 0) {
        const qint64 span = m_fixedToNs - m_fixedFromNs;
        w.stepNs = std::max(m_minStepNs, span / 150);
        w.fromNs = m_fixedFromNs;
        w.toNs = m_fixedToNs;
    } else {
        w = slidingWindow(now, std::clamp(elapsed, m_minSpanNs, m_maxSpanNs), m_minStepNs, 150, m_lagNs);
    }
    signalstore::SeriesQuery q = m_query;
    q.fromNs = w.fromNs;
    q.toNs = w.toNs;
    q.stepNs = w.stepNs;
    const quint64 serial = ++m_serial;
    // Created here, on our thread; only dereferenced back on it (QPointer copies are thread-safe).
    QPointer<LiveSeries> self(this);
    QThreadPool::globalInstance()->start([store = m_store, q, self, serial, w] {
        auto result = store->query(q);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, serial, w, result = std::move(result)] {
                if (self)
                    self->deliver(serial, result, w.fromNs, w.toNs);
            },
            Qt::QueuedConnection);
    });
}

void LiveSeries::setFixedWindow(qint64 fromNs, qint64 toNs)
{
    if (toNs <= fromNs)
        return;
    m_fixedFromNs = fromNs;
    m_fixedToNs = toNs;
    ++m_serial; // an answer for the old window must not overwrite the new one
    refresh();
}

void LiveSeries::followLive()
{
    if (m_fixedToNs == 0)
        return;
    m_fixedFromNs = m_fixedToNs = 0;
    ++m_serial;
    refresh();
}

void LiveSeries::deliver(quint64 serial,
                         const signalstore::QueryResult<std::vector<signalstore::SeriesSet>>& r,
                         qint64 fromNs, qint64 toNs)
{
    m_running = false;
    if (m_again) {
        m_again = false;
        refresh();
    }
    if (serial != m_serial)
        return; // asked for another window meanwhile
    if (!r.ok) {
        Q_EMIT failed(r.error);
        return;
    }
    Q_EMIT updated(r.value, fromNs, toNs);
}

} // namespace wf::live
