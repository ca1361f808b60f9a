#pragma once

#include "signalstore/SignalQueries.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace wf::signalstore {
class SeriesStore;
}

namespace wf::live {

// A time window ending `lagNs` before now, and the step that gives a chart about `points` points
// across it. `to` is aligned down to the step: rates and quantiles are per step, so a step whose
// points have not all arrived yet (senders export every second or so) would show as a false dip.
struct SeriesWindow
{
    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 stepNs = 0;
};
SeriesWindow slidingWindow(qint64 nowNs, qint64 spanNs, qint64 minStepNs, int points, qint64 lagNs);

// Re-runs one SeriesQuery over a sliding window every interval, on the global thread pool so a big
// store never stalls the UI. At most one query runs at a time; a late answer after this object is
// gone is dropped. The store is shared so it outlives any query still running.
class LiveSeries : public QObject
{
    Q_OBJECT
public:
    LiveSeries(std::shared_ptr<const signalstore::SeriesStore> store, const signalstore::SeriesQuery& query,
               QObject* parent = nullptr);

    // The window grows from minSpanNs after start() up to maxSpanNs, so a fresh session's first
    // seconds fill the chart instead of a sliver at its right edge.
    void setWindow(qint64 minSpanNs, qint64 maxSpanNs, qint64 minStepNs)
    {
        m_minSpanNs = minSpanNs, m_maxSpanNs = maxSpanNs, m_minStepNs = minStepNs;
    }
    // Where "now" comes from; tests pin it.
    void setClock(std::function<qint64()> nowNs) { m_now = std::move(nowNs); }
    void start(int intervalMs = 2000); // queries at once, then every interval
    void stop() { m_timer.stop(); }
    void refresh();
    const signalstore::SeriesQuery& query() const { return m_query; }
    // Holds the chart on [fromNs, toNs] (e.g. around a timeline event) until followLive(); the timer
    // keeps refreshing it, so late points in that window still arrive.
    void setFixedWindow(qint64 fromNs, qint64 toNs);
    void followLive();
    bool isFollowing() const { return m_fixedToNs == 0; }

Q_SIGNALS:
    void updated(const std::vector<wf::signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs);
    void failed(const QString& message);

private:
    void deliver(quint64 serial, const signalstore::QueryResult<std::vector<signalstore::SeriesSet>>& r,
                 qint64 fromNs, qint64 toNs);

    std::shared_ptr<const signalstore::SeriesStore> m_store;
    signalstore::SeriesQuery m_query;
    std::function<qint64()> m_now;
    QTimer m_timer;
    qint64 m_minSpanNs = 30'000'000'000;
    qint64 m_maxSpanNs = 10LL * 60 * 1'000'000'000;
    qint64 m_minStepNs = 2'000'000'000;
    qint64 m_lagNs = 2'500'000'000;
    qint64 m_startedNs = -1;
    quint64 m_serial = 0;
    bool m_running = false;
    bool m_again = false; // the window changed while a query ran: query again when it lands
    qint64 m_fixedFromNs = 0;
    qint64 m_fixedToNs = 0; // 0: live
};

} // namespace wf::live
