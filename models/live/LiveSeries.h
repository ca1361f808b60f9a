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

// A time window ending now, and the step that gives a chart about `points` points across it; `to` is
// aligned down to the step so the newest step is a whole one and lines do not wobble between refreshes.
struct SeriesWindow
{
    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 stepNs = 0;
};
SeriesWindow slidingWindow(qint64 nowNs, qint64 spanNs, qint64 minStepNs, int points);

// Re-runs one SeriesQuery over a sliding window every interval, on the global thread pool so a big
// store never stalls the UI. At most one query runs at a time; a late answer after this object is
// gone is dropped. The store is shared so it outlives any query still running.
class LiveSeries : public QObject
{
    Q_OBJECT
public:
    LiveSeries(std::shared_ptr<const signalstore::SeriesStore> store, const signalstore::SeriesQuery& query,
               QObject* parent = nullptr);

    void setWindow(qint64 spanNs, qint64 minStepNs) { m_spanNs = spanNs, m_minStepNs = minStepNs; }
    // Where "now" comes from; tests pin it.
    void setClock(std::function<qint64()> nowNs) { m_now = std::move(nowNs); }
    void start(int intervalMs = 2000); // queries at once, then every interval
    void stop() { m_timer.stop(); }
    void refresh();
    const signalstore::SeriesQuery& query() const { return m_query; }

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
    qint64 m_spanNs = 10LL * 60 * 1'000'000'000;
    qint64 m_minStepNs = 2'000'000'000;
    quint64 m_serial = 0;
    bool m_running = false;
};

} // namespace wf::live
