#include "HeadlessRunbook.h"

#include "incident/TimelineStore.h"
#include "net/HttpClient.h"
#include "runbook/RunbookParser.h"
#include "runbook/RunbookRunner.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

namespace wf::app {

HeadlessRunbook::HeadlessRunbook(const CommandLineOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_runsLeft(options.runbookRepeat)
{}

HeadlessRunbook::~HeadlessRunbook()
{
    delete m_runner; // before the store and client it uses
}

void HeadlessRunbook::fail(int status, const QString& message)
{
    std::fprintf(stderr, "watchfloor: %s\n", qUtf8Printable(message));
    std::fflush(stderr);
    QCoreApplication::exit(status);
}

void HeadlessRunbook::start()
{
    QFile file(m_options.runRunbook);
    const QString shown = QDir::toNativeSeparators(m_options.runRunbook);
    if (!file.open(QIODevice::ReadOnly))
        return fail(2, tr("Cannot read the runbook “%1”: %2").arg(shown, file.errorString()));
    const QByteArray text = file.read(runbook::kMaxRunbookBytes + 1);
    const runbook::ParseResult parsed = runbook::parseRunbook(text, shown);
    if (!parsed.ok())
        return fail(2, parsed.error.text());
    m_runbook = std::make_unique<runbook::Runbook>(*parsed.runbook);
    if (m_runbook->steps.isEmpty())
        return fail(2, tr("The runbook “%1” has no steps.").arg(shown));

    OpenResult opened = Workspace::open(m_options.workspace, OpenMode::ReadWrite);
    if (!opened)
        return fail(2, opened.message);
    m_workspace = std::move(opened.workspace);
    m_store = std::make_unique<incident::TimelineStore>(*m_workspace);
    m_http = std::make_unique<net::HttpClient>();
    m_store->incidents(this, [this](const ReadResult& r, const QList<incident::Incident>& all) {
        if (!r.ok)
            return fail(2, r.error);
        const incident::Incident* chosen = nullptr;
        for (const incident::Incident& i : all) {
            if (m_options.incidentId > 0 ? i.id == m_options.incidentId
                                         : i.status != incident::Status::Resolved &&
                                               (!chosen || i.createdAtMs > chosen->createdAtMs))
                chosen = &i;
        }
        if (!chosen)
            return fail(2, m_options.incidentId > 0
                               ? tr("There is no incident %1 in this workspace.").arg(m_options.incidentId)
                               : tr("No incident is open in this workspace: declare one first."));
        m_incident = chosen->id;
        std::fprintf(stdout, "incident %lld: %s\n", qlonglong(m_incident), qUtf8Printable(chosen->title));
        std::fflush(stdout);
        runOnce();
    });
}

void HeadlessRunbook::runOnce()
{
    delete m_runner;
    m_runner = new runbook::RunbookRunner(*m_runbook, this);
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    m_runner->setOperator(user.isEmpty() ? tr("automation") : user);
    m_runner->setHttpClient(m_http.get());
    m_runner->setTimeline(m_store.get(), m_incident);
    const QStringList errors = m_runner->bind(m_options.runbookParams);
    if (!errors.isEmpty())
        return fail(2, errors.join(QLatin1Char('\n')));
    // Printed only now, after the commit: a line on stdout is a promise that the event survives.
    connect(m_runner, &runbook::RunbookRunner::eventSaved, this, [](const incident::TimelineEvent& e) {
        std::fprintf(stdout, "saved %lld %s\n", qlonglong(e.seq),
                     qUtf8Printable(incident::eventKindKey(e.kind)));
        std::fflush(stdout);
    });
    connect(m_runner, &runbook::RunbookRunner::timelineWriteFailed, this, [this](const QString& message) {
        m_failed = true;
        std::fprintf(stderr, "watchfloor: %s\n", qUtf8Printable(message));
    });
    connect(m_runner, &runbook::RunbookRunner::waitingAt, this,
            [this](const QString& step, const QString& why) {
                fail(3, tr("Stopped before step “%1”: %2").arg(step, why));
            });
    connect(m_runner, &runbook::RunbookRunner::idle, this, &HeadlessRunbook::onIdle, Qt::QueuedConnection);
    --m_runsLeft;
    if (const QString why = m_runner->runFrom(m_runbook->steps.constFirst().id); !why.isEmpty())
        fail(3, why);
}

void HeadlessRunbook::onIdle()
{
    if (!m_runner || m_runner->isBusy())
        return;
    for (const runbook::Step& step : std::as_const(m_runbook->steps)) {
        const runbook::StepState s = m_runner->state(step.id);
        if (s == runbook::StepState::Failed || s == runbook::StepState::Cancelled) {
            const runbook::StepRecord r = m_runner->record(step.id);
            return fail(1, tr("Step “%1” %2: %3").arg(step.id, runbook::stepStateName(s), r.message));
        }
    }
    if (m_failed)
        return fail(1, tr("A timeline event was not saved."));
    if (m_runsLeft > 0)
        return runOnce();
    QCoreApplication::exit(0);
}

} // namespace wf::app
