#include "LiveLogFeed.h"

#include "items/LogListModel.h"
#include "signalstore/SignalStore.h"

namespace wf::live {

LiveLogFeed::LiveLogFeed(signalstore::SignalStore* store, items::LogListModel* model, QObject* parent,
                         int minIntervalMs)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
    , m_throttle(
          minIntervalMs, [this] { runQuery(); }, this)
{
    m_query.limit = 1000;
    connect(store, &signalstore::SignalStore::logRecordsStored, this, [this] {
        if (!m_paused)
            m_throttle.request();
    });
}

void LiveLogFeed::setSearchText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_query.text)
        return;
    m_query.text = trimmed;
    ++m_generation;
    m_throttle.request();
}

void LiveLogFeed::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused)
        m_throttle.request(); // catch up with what arrived meanwhile
}

void LiveLogFeed::refresh()
{
    m_throttle.request();
}

void LiveLogFeed::runQuery()
{
    if (!m_store) {
        m_throttle.finished();
        return;
    }
    const quint64 generation = m_generation;
    m_store->queryLogs(m_query, this,
                       [this, generation](signalstore::QueryResult<std::vector<signalstore::LogRow>> r) {
                           m_throttle.finished();
                           if (generation != m_generation)
                               return; // the search changed meanwhile; its own query is on the way
                           if (!r.ok) {
                               Q_EMIT queryFailed(r.error);
                               return;
                           }
                           // A search typed while paused is answered, but live arrivals are not shown until
                           // resumed.
                           m_model->setRows(std::move(r.value));
                           Q_EMIT queryFailed(QString());
                           Q_EMIT refreshed(m_model->rowCount());
                       });
}

} // namespace wf::live
