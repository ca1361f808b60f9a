#pragma once

#include "ThrottledRefresh.h"
#include "signalstore/SignalQueries.h"

#include <QObject>
#include <QPointer>

namespace wf::signalstore {
class SignalStore;
}
namespace wf::items {
class LogListModel;
}

namespace wf::live {

// Keeps a LogListModel showing the newest log records of a SignalStore: refreshes after the store
// commits records (throttled), runs the user's search through LogQuery::text (FTS), and stops
// following while paused so the rows hold still for reading.
class LiveLogFeed : public QObject
{
    Q_OBJECT
public:
    LiveLogFeed(signalstore::SignalStore* store, items::LogListModel* model, QObject* parent = nullptr,
                int minIntervalMs = 500);

    void setSearchText(const QString& text); // refreshes at once, even while paused
    QString searchText() const { return m_query.text; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setLimit(int limit) { m_query.limit = limit; }
    void refresh(); // throttled

Q_SIGNALS:
    void refreshed(int rows);
    void queryFailed(const QString& message); // an empty message: the last query succeeded

private:
    void runQuery();

    QPointer<signalstore::SignalStore> m_store;
    items::LogListModel* m_model;
    signalstore::LogQuery m_query;
    ThrottledRefresh m_throttle;
    quint64 m_generation = 0; // answers to an older search are dropped
    bool m_paused = false;
};

} // namespace wf::live
