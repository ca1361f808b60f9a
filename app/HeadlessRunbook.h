#pragma once

#include "core/CommandLine.h"

#include <QObject>

#include <memory>

namespace wf {
class Workspace;
}
namespace wf::incident {
class TimelineStore;
}
namespace wf::net {
class HttpClient;
}
namespace wf::runbook {
class RunbookRunner;
struct Runbook;
} // namespace wf::runbook

namespace wf::app {

// `watchfloor --workspace W --run-runbook FILE`: runs a runbook without a window against an open
// incident, for automation and soak tests. Each timeline event is printed to stdout only after its
// transaction committed ("saved <seq> <kind>"), so what it printed is what survives a crash. It never
// runs a step that needs a person (a decision, an approval, a typed confirmation): it stops there
// with exit status 3. Exit 0: every step succeeded or was skipped; 1: a step failed or a write
// failed; 2: bad input (file, parameters, no open incident).
class HeadlessRunbook : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessRunbook(const CommandLineOptions& options, QObject* parent = nullptr);
    ~HeadlessRunbook() override;

    // Starts; the application exits with the status when done.
    void start();

private:
    void fail(int status, const QString& message);
    void runOnce();
    void onIdle();

    CommandLineOptions m_options;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<incident::TimelineStore> m_store;
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<runbook::Runbook> m_runbook;
    runbook::RunbookRunner* m_runner = nullptr;
    qint64 m_incident = 0;
    int m_runsLeft = 1;
    bool m_failed = false;
};

} // namespace wf::app
