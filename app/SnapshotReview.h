#pragma once

#include "dashboards/SnapshotDashboard.h"

#include <QObject>
#include <QPointer>

namespace wf::incident {
class IncidentSession;
}
namespace wf::ui {
class MainWindow;
}

namespace wf::app {

// Offline review: when the active incident has panel snapshots (an incident file), shows them as a
// dashboard tab, with the incident's moments marked, so the charts of the time need no network.
class SnapshotReview : public QObject
{
    Q_OBJECT
public:
    SnapshotReview(ui::MainWindow* window, incident::IncidentSession* session, QObject* parent = nullptr);
    ~SnapshotReview() override;

    ui::SnapshotDashboard* dashboard() const { return m_dashboard; }

Q_SIGNALS:
    void loaded(int snapshots);

private:
    void reload();
    void updateAnnotations();
    void removeDashboard();

    QPointer<ui::MainWindow> m_window;
    incident::IncidentSession* m_session;
    QPointer<ui::SnapshotDashboard> m_dashboard;
    quint64 m_serial = 0;
};

} // namespace wf::app
