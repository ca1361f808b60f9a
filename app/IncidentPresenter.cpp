#include "IncidentPresenter.h"

#include "dialogs/DeclareIncidentDialog.h"
#include "docks/IncidentDock.h"
#include "incident/IncidentPanel.h"
#include "incident/IncidentSession.h"
#include "items/TimelineModel.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QMessageBox>

#include <cstdio>

namespace wf::app {

IncidentPresenter::IncidentPresenter(ui::MainWindow* window, incident::IncidentSession* session,
                                     bool interactive, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_dock(qobject_cast<ui::IncidentDock*>(window->dock(QStringLiteral("incidentDock"))))
    , m_session(session)
    , m_declare(window->findChild<QAction*>(QStringLiteral("actionDeclareIncident")))
    , m_addNote(window->findChild<QAction*>(QStringLiteral("actionAddNote")))
    , m_interactive(interactive)
{
    ui::IncidentPanel* panel = m_dock->panel();
    panel->setTimelineModel(session->timeline());
    connect(m_declare, &QAction::triggered, this, &IncidentPresenter::declare);
    connect(m_dock, &ui::IncidentDock::declareRequested, this, &IncidentPresenter::declare);
    connect(m_addNote, &QAction::triggered, this, &IncidentPresenter::addNoteFromAnywhere);
    connect(panel, &ui::IncidentPanel::noteSubmitted, session, &incident::IncidentSession::addNote);
    connect(panel, &ui::IncidentPanel::statusChangeRequested, session,
            [session](incident::Status s) { session->changeStatus(s); });
    connect(panel, &ui::IncidentPanel::severityChangeRequested, session,
            &incident::IncidentSession::changeSeverity);
    connect(panel, &ui::IncidentPanel::localTimeToggled, session->timeline(),
            &TimelineModel::setShowLocalTime);
    connect(session, &incident::IncidentSession::noteSaved, panel, &ui::IncidentPanel::noteSaved);
    connect(session, &incident::IncidentSession::activeIncidentChanged, this, &IncidentPresenter::refresh);
    connect(session, &incident::IncidentSession::failed, this, [this](const QString& message) {
        m_dock->panel()->noteFailed(message);
        // A refused status change leaves the combo box where the user put it: put it back.
        refresh();
        showMessage(tr("Incident"), message, true);
    });
    connect(session, &incident::IncidentSession::integrityChecked, this, [this](const QStringList& problems) {
        if (!problems.isEmpty())
            showMessage(tr("Timeline integrity"),
                        tr("This workspace's incident history was changed outside Watchfloor:\n\n%1")
                            .arg(problems.join(QLatin1Char('\n'))),
                        true);
    });
    refresh();
}

void IncidentPresenter::refresh()
{
    const std::optional<incident::Incident> active = m_session->activeIncident();
    m_dock->setHasIncident(active.has_value());
    m_dock->setCanDeclare(m_session->canWrite());
    m_dock->panel()->setIncident(active);
    m_dock->panel()->setWritable(m_session->canWrite());
    m_declare->setEnabled(m_session->canWrite());
    m_addNote->setEnabled(m_session->canWrite() && active.has_value());
}

void IncidentPresenter::declare()
{
    if (!m_session->canWrite())
        return;
    auto* dialog = new ui::DeclareIncidentDialog(m_session->author(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_session->declare(dialog->draft()); });
    dialog->open();
}

void IncidentPresenter::addNoteFromAnywhere()
{
    m_dock->show();
    m_dock->raise();
    m_dock->panel()->focusNote();
}

void IncidentPresenter::showMessage(const QString& title, const QString& message, bool warning)
{
    if (!m_interactive) {
        std::fprintf(stderr, "watchfloor: %s\n", qUtf8Printable(message));
        return;
    }
    auto* box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title, message,
                                QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace wf::app
