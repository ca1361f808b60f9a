#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace wf::incident {
class IncidentSession;
}

namespace wf::ui {
class IncidentDock;
class MainWindow;
} // namespace wf::ui

namespace wf::app {

// Connects the Incident dock and menu to the incident session: the declare dialog, notes, status and
// severity changes, and telling the user when a timeline on disk fails its integrity check.
class IncidentPresenter : public QObject
{
    Q_OBJECT

public:
    IncidentPresenter(ui::MainWindow* window, incident::IncidentSession* session, bool interactive,
                      QObject* parent = nullptr);

    // Re-reads what the session allows (after a workspace switch).
    void refresh();

private:
    void declare();
    void addNoteFromAnywhere();
    void showMessage(const QString& title, const QString& message, bool warning);

    QPointer<ui::MainWindow> m_window;
    ui::IncidentDock* m_dock;
    incident::IncidentSession* m_session;
    QAction* m_declare;
    QAction* m_addNote;
    bool m_interactive;
};

} // namespace wf::app
