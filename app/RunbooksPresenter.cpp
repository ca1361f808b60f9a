#include "RunbooksPresenter.h"

#include "incident/IncidentSession.h"
#include "mainwindow/MainWindow.h"
#include "runbook/LocalStoreCheckEvaluator.h"
#include "runbook/RunbookLibrary.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbooksDialog.h"
#include "signalstore/SeriesStore.h"

#include <QAction>
#include <QFileDialog>
#include <QSettings>

namespace wf::app {
namespace {

// Keeps the series store alive as long as the runner that checks against it.
class OwnedLocalEvaluator : public QObject
{
public:
    OwnedLocalEvaluator(std::shared_ptr<const signalstore::SeriesStore> store, QObject* parent)
        : QObject(parent)
        , m_store(std::move(store))
        , m_evaluator(*m_store)
    {}
    runbook::CheckEvaluator* evaluator() { return &m_evaluator; }

private:
    std::shared_ptr<const signalstore::SeriesStore> m_store;
    runbook::LocalStoreCheckEvaluator m_evaluator;
};

} // namespace

RunbooksPresenter::RunbooksPresenter(ui::MainWindow* window, incident::IncidentSession* session,
                                     net::HttpClient* http, SeriesProvider series, PresetProvider presets,
                                     QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session)
    , m_http(http)
    , m_series(std::move(series))
    , m_presets(std::move(presets))
{
    m_folder = QSettings().value(QStringLiteral("runbooks/folder")).toString();
    if (auto* action = window->findChild<QAction*>(QStringLiteral("actionRunbooks")))
        connect(action, &QAction::triggered, this, &RunbooksPresenter::show);
}

RunbooksPresenter::~RunbooksPresenter() = default;

void RunbooksPresenter::show()
{
    if (!m_dialog) {
        m_dialog = new ui::RunbooksDialog(
            [this](const runbook::Runbook& rb, QObject* parent) { return makeRunner(rb, parent); }, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ui::RunbooksDialog::chooseFolderRequested, this, [this] {
            const QString dir = QFileDialog::getExistingDirectory(m_dialog, tr("Runbook folder"), m_folder);
            if (dir.isEmpty())
                return;
            m_folder = dir;
            QSettings().setValue(QStringLiteral("runbooks/folder"), dir);
            reload();
        });
        reload();
    } else {
        // Showing it again (the shortcut brings it to the front) must not rebuild the runbook views:
        // that would delete their runners and a run in progress with them. Only runbooks selected
        // from now on get the current presets.
        m_dialog->setPresetValues(m_presets ? m_presets() : QHash<QString, QString>{});
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void RunbooksPresenter::presetsChanged()
{
    if (m_dialog)
        m_dialog->setPresetValues(m_presets ? m_presets() : QHash<QString, QString>{});
}

void RunbooksPresenter::reload()
{
    QList<runbook::RunbookFile> files = runbook::loadRunbooks(runbook::shippedRunbooksPath());
    if (!m_folder.isEmpty())
        files += runbook::loadRunbooks(m_folder);
    m_dialog->setPresetValues(m_presets ? m_presets() : QHash<QString, QString>{});
    m_dialog->setRunbooks(files);
}

runbook::RunbookRunner* RunbooksPresenter::makeRunner(const runbook::Runbook& rb, QObject* parent)
{
    auto* runner = new runbook::RunbookRunner(rb, parent);
    runner->setOperator(m_session->author());
    runner->setHttpClient(m_http);
    if (std::shared_ptr<const signalstore::SeriesStore> store = m_series ? m_series() : nullptr) {
        auto* local = new OwnedLocalEvaluator(std::move(store), runner);
        runner->setCheckEvaluator(runbook::CheckSource::LocalStore, local->evaluator());
    }
    // Steps land in the active incident's timeline, also when the runbook was opened before the
    // incident was declared; a run in progress stays with the incident it started in.
    auto follow = [this, runner] {
        if (runner->isBusy())
            return;
        const std::optional<incident::Incident> active = m_session->activeIncident();
        if (active && m_session->canWrite())
            runner->setTimeline(m_session->store(), active->id);
        else
            runner->setTimeline(nullptr, 0);
    };
    follow();
    connect(m_session, &incident::IncidentSession::activeIncidentChanged, runner, follow);
    connect(runner, &runbook::RunbookRunner::idle, runner, follow); // catch up after a run
    // The runner writes through the store, not the session: the dock's timeline must be told.
    connect(runner, &runbook::RunbookRunner::stepFinished, m_session,
            &incident::IncidentSession::fetchNewEvents);
    return runner;
}

} // namespace wf::app
