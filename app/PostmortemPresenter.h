#pragma once

#include "live/PanelCapture.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace wf::incident {
class IncidentSession;
struct Incident;
} // namespace wf::incident

namespace wf::ui {
class MainWindow;
}

namespace wf::app {

// The Incident menu's evidence and export actions: pinning a snapshot of the dashboards, exporting
// the active incident as a postmortem (Markdown, HTML or PDF by file type) and as an incident file.
// Exports read one snapshot on the workspace's reader thread; writing even a PDF with pictures takes
// well under a second (evidence is bounded at 8 MiB a pin), so there is a status message but no
// progress dialog.
class PostmortemPresenter : public QObject
{
    Q_OBJECT

public:
    PostmortemPresenter(ui::MainWindow* window, incident::IncidentSession* session, bool interactive,
                        QObject* parent = nullptr);

    void refresh();
    void exportPostmortemTo(const QString& path);
    void exportIncidentFileTo(const QString& path);
    void pinDashboards();
    // Opens the template editor with the workspace's template; saves what the user accepts.
    void editTemplate();
    void saveTemplate(const QString& text); // empty: back to the default
    // What the open dashboards showed; the incident file keeps it for the incident's window. Unset:
    // the file holds no panel data (no live dashboards, or a read-only file that keeps its own).
    void setPanelCapture(live::PanelCapture capture) { m_capture = std::move(capture); }

Q_SIGNALS:
    // After an export or pin finished; message is for the user.
    void finished(bool ok, const QString& message);

private:
    void chooseAndExportPostmortem();
    void chooseAndExportIncidentFile();
    QString suggestedName(const QString& suffix) const;
    void report(bool ok, const QString& message);
    static std::pair<qint64, qint64> incidentWindow(const incident::Incident& incident);

    QPointer<ui::MainWindow> m_window;
    incident::IncidentSession* m_session;
    QAction* m_pin;
    QAction* m_exportPostmortem;
    QAction* m_exportIncidentFile;
    QAction* m_editTemplate;
    bool m_interactive;
    live::PanelCapture m_capture;
};

} // namespace wf::app
