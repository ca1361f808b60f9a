#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace wf::incident {
class IncidentSession;
}
namespace wf::net {
class HttpClient;
}
namespace wf::runbook {
class CheckEvaluator;
class Runbook;
class RunbookRunner;
} // namespace wf::runbook
namespace wf::signalstore {
class SeriesStore;
}
namespace wf::ui {
class MainWindow;
class RunbooksDialog;
} // namespace wf::ui

namespace wf::app {

// Incident → Runbooks…: the shipped runbooks plus a folder the user picks (remembered), each run by a
// runner that writes to the active incident's timeline as the session's author, sends HTTP through
// the app's client, and checks against the local series store when there is one (the demo's).
class RunbooksPresenter : public QObject
{
    Q_OBJECT

public:
    using SeriesProvider = std::function<std::shared_ptr<const signalstore::SeriesStore>()>;
    using PresetProvider = std::function<QHash<QString, QString>()>;

    RunbooksPresenter(ui::MainWindow* window, incident::IncidentSession* session, net::HttpClient* http,
                      SeriesProvider series, PresetProvider presets, QObject* parent = nullptr);
    ~RunbooksPresenter() override;

    void show();
    // The presets changed (the demo shop printed its control port): fill them into the open dialog.
    void presetsChanged();

private:
    runbook::RunbookRunner* makeRunner(const runbook::Runbook& rb, QObject* parent);
    void reload();

    QPointer<ui::MainWindow> m_window;
    incident::IncidentSession* m_session;
    net::HttpClient* m_http;
    SeriesProvider m_series;
    PresetProvider m_presets;
    QPointer<ui::RunbooksDialog> m_dialog;
    QString m_folder;
};

} // namespace wf::app
