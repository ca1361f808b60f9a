#include "LiveTraceFeed.h"

#include "items/TraceListModel.h"
#include "signalstore/SignalStore.h"

namespace wf::live {

LiveTraceFeed::LiveTraceFeed(signalstore::SignalStore* store, items::TraceListModel* model, QObject* parent,
                             int minIntervalMs)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
    , m_throttle(
          minIntervalMs, [this] { runQuery(); }, this)
{
    m_query.limit = 300;
    connect(store, &signalstore::SignalStore::spansStored, this, [this] { m_throttle.request(); });
}

void LiveTraceFeed::setErrorsOnly(bool on)
{
    if (on == m_query.errorsOnly)
        return;
    m_query.errorsOnly = on;
    ++m_generation;
    m_throttle.request();
}

void LiveTraceFeed::refresh()
{
    m_throttle.request();
}

void LiveTraceFeed::runQuery()
{
    if (!m_store) {
        m_throttle.finished();
        return;
    }
    const quint64 generation = m_generation;
    m_store->queryTraces(
        m_query, this,
        [this, generation](signalstore::QueryResult<std::vector<signalstore::TraceSummary>> r) {
            m_throttle.finished();
            if (generation != m_generation)
                return;
            if (!r.ok) {
                Q_EMIT queryFailed(r.error);
                return;
            }
            m_model->setRows(std::move(r.value));
            Q_EMIT queryFailed(QString());
            Q_EMIT refreshed(m_model->rowCount());
        });
}

} // namespace wf::live
