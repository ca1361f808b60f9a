#include "SnapshotReview.h"

#include "dashboards/DashboardArea.h"
#include "dashboards/SnapshotDashboard.h"
#include "incident/IncidentSession.h"
#include "incident/SnapshotStore.h"
#include "incident/TimelineText.h"
#include "items/TimelineModel.h"
#include "mainwindow/MainWindow.h"

#include <QTabWidget>

namespace wf::app {

SnapshotReview::SnapshotReview(ui::MainWindow* window, incident::IncidentSession* session, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session)
{
    connect(session, &incident::IncidentSession::activeIncidentChanged, this, &SnapshotReview::reload);
    TimelineModel* timeline = session->timeline();
    connect(timeline, &QAbstractItemModel::rowsInserted, this, &SnapshotReview::updateAnnotations);
    connect(timeline, &QAbstractItemModel::modelReset, this, &SnapshotReview::updateAnnotations);
}

SnapshotReview::~SnapshotReview()
{
    removeDashboard();
}

void SnapshotReview::removeDashboard()
{
    if (m_dashboard && m_window)
        m_window->dashboards()->removeDashboard(m_dashboard);
    m_dashboard = nullptr;
}

void SnapshotReview::reload()
{
    const quint64 serial = ++m_serial;
    const std::optional<incident::Incident> active = m_session->activeIncident();
    if (!active || !m_session->workspace()) {
        removeDashboard();
        return;
    }
    incident::loadSnapshots(
        *m_session->workspace(), active->id, this,
        [this, serial](const ReadResult& r, const incident::SnapshotRead& read) {
            if (serial != m_serial || !m_window)
                return; // another incident became active meanwhile
            QStringList problems = read.problems;
            if (!r.ok)
                problems.prepend(r.error);
            if (read.snapshots.isEmpty() && problems.isEmpty()) {
                removeDashboard();
                Q_EMIT loaded(0);
                return;
            }
            if (!m_dashboard) {
                m_dashboard = new ui::SnapshotDashboard;
                const int index =
                    m_window->dashboards()->addDashboard(m_dashboard, tr("During the incident"));
                m_window->dashboards()->tabs()->setTabToolTip(
                    index,
                    tr("What the dashboards showed over the incident's window, from the incident file"));
                m_window->dashboards()->tabs()->setCurrentIndex(index);
            }
            m_dashboard->setSnapshots(read.snapshots, problems);
            updateAnnotations();
            Q_EMIT loaded(int(read.snapshots.size()));
        });
}

void SnapshotReview::updateAnnotations()
{
    if (!m_dashboard)
        return;
    QList<ui::ChartAnnotation> annotations;
    for (const incident::TimelineEvent& e : m_session->timeline()->events()) {
        if (incident::isChartMoment(e.kind))
            annotations << ui::ChartAnnotation{e.atMs, incident::describeEvent(e)};
    }
    m_dashboard->setAnnotations(annotations);
}

} // namespace wf::app
