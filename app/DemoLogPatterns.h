#pragma once

// The demo's "Patterns" tab beside the live log list: the newest lines from the local store (at most
// kMaxLines) clustered into message templates on the thread pool, refreshed every few seconds while
// the tab is visible and when it is shown. Patterns first seen after the active incident was declared
// are marked new; the incident's start comes from a function, so this knows nothing of incidents.

#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace wf::signalstore {
class SignalStore;
}
namespace wf::ui {
class LogPatternsView;
}

namespace wf::app {

class DemoLogPatterns : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxLines = 20'000;
    static constexpr int kRefreshMs = 5'000;

    // `incidentStartMs`: the active incident's declaration time, or a negative number without one.
    DemoLogPatterns(signalstore::SignalStore* store, std::function<qint64()> incidentStartMs,
                    QObject* parent = nullptr);

    // Made once; the caller puts it in a tab (and owns it from then on).
    ui::LogPatternsView* view();
    void refresh();

Q_SIGNALS:
    void refreshed(int patterns, int newPatterns);

private:
    signalstore::SignalStore* m_store;
    std::function<qint64()> m_incidentStartMs;
    QPointer<ui::LogPatternsView> m_view;
    QTimer* m_timer;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace wf::app
