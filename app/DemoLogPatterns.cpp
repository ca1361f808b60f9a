#include "DemoLogPatterns.h"

#include "logs/PatternSources.h"
#include "patterns/LogPatternsView.h"
#include "signalstore/SignalStore.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace wf::app {
namespace {

// Refreshes the patterns when their tab comes into view, so what the user sees is never stale.
class RefreshOnShow : public QObject
{
public:
    RefreshOnShow(QWidget* view, DemoLogPatterns* patterns)
        : QObject(view)
        , m_patterns(patterns)
    {
        view->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Show && m_patterns)
            m_patterns->refresh();
        return false;
    }

private:
    QPointer<DemoLogPatterns> m_patterns;
};

} // namespace

DemoLogPatterns::DemoLogPatterns(signalstore::SignalStore* store, std::function<qint64()> incidentStartMs,
                                 QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_incidentStartMs(std::move(incidentStartMs))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_view && m_view->isVisible())
            refresh();
    });
    m_timer->start();
}

ui::LogPatternsView* DemoLogPatterns::view()
{
    if (!m_view) {
        m_view = new ui::LogPatternsView;
        m_view->setObjectName(QStringLiteral("demoLogPatterns"));
        new RefreshOnShow(m_view, this);
    }
    return m_view;
}

void DemoLogPatterns::refresh()
{
    if (m_busy) {
        m_again = true; // one more pass once the running one is done
        return;
    }
    m_busy = true;
    signalstore::LogQuery query;
    query.limit = kMaxLines;
    const qint64 startMs = m_incidentStartMs ? m_incidentStartMs() : -1;
    const qint64 newSinceNs = startMs >= 0 ? startMs * 1'000'000 : logs::kNoIncidentNs;
    m_store->queryLogs(query, this,
                       [this, newSinceNs](signalstore::QueryResult<std::vector<signalstore::LogRow>> r) {
                           if (!r.ok) {
                               m_busy = false;
                               return; // the list beside shows the store's errors; the last patterns stay
                           }
                           auto* watcher = new QFutureWatcher<logs::LogPatterns>(this);
                           connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
                               watcher->deleteLater();
                               m_busy = false;
                               const logs::LogPatterns patterns = watcher->result();
                               int fresh = 0;
                               for (const logs::LogPattern& p : patterns.patterns())
                                   fresh += p.isNew ? 1 : 0;
                               if (m_view)
                                   m_view->setPatterns(patterns);
                               Q_EMIT refreshed(patterns.size(), fresh);
                               if (m_again) {
                                   m_again = false;
                                   refresh();
                               }
                           });
                           watcher->setFuture(QtConcurrent::run([rows = std::move(r.value), newSinceNs] {
                               return logs::patternsOfStoredLogs(rows, newSinceNs);
                           }));
                       });
}

} // namespace wf::app
