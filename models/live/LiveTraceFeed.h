#pragma once

#include "ThrottledRefresh.h"
#include "signalstore/SignalQueries.h"

#include <QObject>
#include <QPointer>

namespace wf::signalstore {
class SignalStore;
}
namespace wf::items {
class TraceListModel;
}

namespace wf::live {

// Keeps a TraceListModel showing the most recent traces of a SignalStore, refreshed (throttled)
// after the store commits spans.
class LiveTraceFeed : public QObject
{
    Q_OBJECT
public:
    LiveTraceFeed(signalstore::SignalStore* store, items::TraceListModel* model, QObject* parent = nullptr,
                  int minIntervalMs = 1000);

    void setErrorsOnly(bool on);
    bool errorsOnly() const { return m_query.errorsOnly; }
    void refresh(); // throttled

Q_SIGNALS:
    void refreshed(int rows);
    void queryFailed(const QString& message); // empty: the last query succeeded

private:
    void runQuery();

    QPointer<signalstore::SignalStore> m_store;
    items::TraceListModel* m_model;
    signalstore::TraceQuery m_query;
    ThrottledRefresh m_throttle;
    quint64 m_generation = 0;
};

} // namespace wf::live
