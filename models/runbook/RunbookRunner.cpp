#include "runbook/RunbookRunner.h"

#include "incident/TimelineStore.h"
#include "runbook/AutomationKillSwitch.h"
#include "runbook/CheckExecution.h"
#include "runbook/CommandExecution.h"
#include "runbook/HttpExecution.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf::runbook {

RunbookRunner::RunbookRunner(Runbook runbook, QObject* parent)
    : QObject(parent)
    , m_runbook(std::move(runbook))
{
    for (const Step& s : m_runbook.steps)
        m_records.insert(s.id, {});
    connect(&AutomationKillSwitch::instance(), &AutomationKillSwitch::engaged, this, [this] { cancel(); });
}

RunbookRunner::~RunbookRunner()
{
    if (m_execution)
        m_execution->disconnect(this); // its destructor kills a process; no state to update any more
}

void RunbookRunner::setCheckEvaluator(CheckSource source, CheckEvaluator* evaluator)
{
    (source == CheckSource::LocalStore ? m_localEvaluator : m_prometheusEvaluator) = evaluator;
}

void RunbookRunner::setTimeline(incident::TimelineStore* store, qint64 incidentId)
{
    m_timeline = store;
    m_incidentId = incidentId;
}

QStringList RunbookRunner::bind(const QHash<QString, QString>& values)
{
    BindResult r = bindParameters(m_runbook, values);
    if (isBusy())
        return {QCoreApplication::translate("Runbook", "a step is running; its values cannot change now")};
    m_parameters = std::move(r.bound);
    return r.errors;
}

QString RunbookRunner::targetService() const
{
    return m_parameters ? runbook::targetService(m_runbook, *m_parameters) : QString();
}

DryRun RunbookRunner::dryRun(const QString& stepId) const
{
    const Step* step = m_runbook.step(stepId);
    if (!step)
        return {QCoreApplication::translate("Runbook", "there is no step \"%1\"").arg(stepId), {}};
    if (!m_parameters)
        return {QCoreApplication::translate("Runbook", "the runbook's parameters have no valid values yet"),
                {}};
    const RenderedStep r = renderStep(*step, *m_parameters, m_environment);
    DryRun out{r.error, r.dryRun};
    if (r.ok() && step->dangerous)
        out.lines.append(
            QCoreApplication::translate("Runbook", "dangerous: type %1 to run it").arg(targetService()));
    return out;
}

QString RunbookRunner::refusal(const Step& step, const RunRequest& request) const
{
    if (AutomationKillSwitch::instance().isEngaged())
        return QCoreApplication::translate("Runbook", "automation is stopped (kill switch engaged by %1)")
            .arg(AutomationKillSwitch::instance().engagedBy());
    if (isBusy())
        return QCoreApplication::translate("Runbook", "step %1 is still running").arg(m_current);
    if (!m_parameters)
        return QCoreApplication::translate("Runbook", "the runbook's parameters have no valid values yet");
    if (m_operator.isEmpty())
        return QCoreApplication::translate("Runbook",
                                           "no operator name: the timeline must say who ran the step");
    if (step.dangerous && request.confirmation != targetService())
        return QCoreApplication::translate("Runbook",
                                           "step %1 is dangerous: type the service name %2 to run it")
            .arg(step.id, targetService());
    if (step.action == ActionKind::Approval) {
        const QString approver = request.approver.trimmed();
        if (approver.isEmpty())
            return QCoreApplication::translate("Runbook",
                                               "step %1 needs the name of the person who approves it")
                .arg(step.id);
        if (approver.compare(m_operator, Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate("Runbook", "step %1 must be approved by someone other than %2")
                .arg(step.id, m_operator);
    }
    if (step.action == ActionKind::Confirm) {
        const bool known = std::any_of(step.confirm.outcomes.cbegin(), step.confirm.outcomes.cend(),
                                       [&](const Outcome& o) { return o.name == request.outcome; });
        if (!known)
            return QCoreApplication::translate("Runbook",
                                               "step %1 needs a decision: choose one of its outcomes")
                .arg(step.id);
    }
    if (step.action == ActionKind::Http && !m_http)
        return QCoreApplication::translate("Runbook", "no HTTP client is available");
    return {};
}

QString RunbookRunner::runStep(const QString& stepId, const RunRequest& request)
{
    const Step* step = m_runbook.step(stepId);
    if (!step)
        return QCoreApplication::translate("Runbook", "there is no step \"%1\"").arg(stepId);
    return start(*step, request, false);
}

QString RunbookRunner::runFrom(const QString& stepId, const RunRequest& request)
{
    const Step* step = m_runbook.step(stepId);
    if (!step)
        return QCoreApplication::translate("Runbook", "there is no step \"%1\"").arg(stepId);
    return start(*step, request, true);
}

QString RunbookRunner::retry(const QString& stepId, const RunRequest& request)
{
    const StepState s = state(stepId);
    if (s != StepState::Failed && s != StepState::Cancelled)
        return QCoreApplication::translate("Runbook", "only a failed or cancelled step can be retried");
    return runStep(stepId, request);
}

QString RunbookRunner::resume(const RunRequest& request)
{
    for (const Step& s : m_runbook.steps) {
        const StepState st = state(s.id);
        if (st == StepState::Failed || st == StepState::Cancelled)
            return start(s, request, true);
    }
    return QCoreApplication::translate("Runbook", "no step has failed; there is nothing to resume");
}

QString RunbookRunner::start(const Step& step, const RunRequest& request, bool continueAfter)
{
    if (const QString why = refusal(step, request); !why.isEmpty())
        return why;
    const RenderedStep rendered = renderStep(step, *m_parameters, m_environment);
    if (!rendered.ok())
        return rendered.error;

    m_current = step.id;
    m_continue = continueAfter;
    m_cancelRequested = false;
    m_dryRunText = rendered.dryRun.join(u'\n');
    StepRecord& rec = m_records[step.id];
    rec = StepRecord{};
    rec.ranBy = m_operator;
    if (step.action == ActionKind::Approval)
        rec.approvedBy = request.approver.trimmed();
    if (step.action == ActionKind::Confirm)
        rec.outcome = request.outcome;
    setState(step.id, StepState::Running);

    QJsonObject payload = basePayload(step);
    payload.insert(u"request"_s, m_dryRunText);
    // What the timeline list shows for the event.
    payload.insert(
        u"text"_s,
        QCoreApplication::translate("Runbook", "%1 / %2: started").arg(m_runbook.title, step.title));
    if (step.dangerous)
        payload.insert(u"confirmedService"_s, request.confirmation);
    if (!rec.approvedBy.isEmpty())
        payload.insert(u"approvedBy"_s, rec.approvedBy);
    const QString id = step.id;
    writeEvent(true, step, payload, [this, id, rendered, request](bool ok) {
        const Step* s = m_runbook.step(id);
        if (!ok) {
            onExecuted(id,
                       ExecutionResult{false,
                                       false,
                                       false,
                                       {},
                                       QCoreApplication::translate(
                                           "Runbook", "not run: the timeline could not record its start")});
            return;
        }
        if (m_cancelRequested || AutomationKillSwitch::instance().isEngaged()) {
            onExecuted(
                id, ExecutionResult{false,
                                    true,
                                    false,
                                    {},
                                    QCoreApplication::translate("Runbook", "cancelled before it started")});
            return;
        }
        execute(*s, rendered, request);
    });
    return {};
}

void RunbookRunner::execute(const Step& step, const RenderedStep& rendered, const RunRequest& request)
{
    m_clock.start();
    StepExecution* execution = nullptr;
    switch (step.action) {
    case ActionKind::Command:
        execution = new CommandExecution(rendered.command, step.timeout, this);
        break;
    case ActionKind::Http:
        execution = new HttpExecution(*m_http, rendered.http, step.timeout, this);
        break;
    case ActionKind::Check:
        execution = new CheckExecution(
            rendered.check.source == CheckSource::LocalStore ? m_localEvaluator : m_prometheusEvaluator,
            rendered.check, step.timeout, this);
        break;
    case ActionKind::Confirm: {
        ExecutionResult r{true, false, false,
                          QCoreApplication::translate("Runbook", "decision: %1").arg(request.outcome)};
        onExecuted(step.id, r);
        return;
    }
    case ActionKind::Approval: {
        ExecutionResult r{
            true, false, false,
            QCoreApplication::translate("Runbook", "approved by %1").arg(request.approver.trimmed())};
        onExecuted(step.id, r);
        return;
    }
    }
    m_execution = execution;
    const QString id = step.id;
    connect(execution, &StepExecution::finished, this, [this, id, execution](const ExecutionResult& r) {
        execution->deleteLater();
        m_execution = nullptr;
        onExecuted(id, r);
    });
    execution->start();
}

void RunbookRunner::onExecuted(const QString& stepId, const ExecutionResult& result)
{
    const Step* step = m_runbook.step(stepId);
    StepRecord& rec = m_records[stepId];
    rec.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_clock.invalidate();
    rec.output = result.output;
    rec.message = result.message;
    rec.exitCode = result.exitCode;
    rec.status = result.status;
    rec.value = result.value;
    rec.timedOut = result.timedOut;
    rec.state = result.succeeded   ? StepState::Succeeded
                : result.cancelled ? StepState::Cancelled
                                   : StepState::Failed;

    QJsonObject payload = basePayload(*step);
    payload.insert(u"outcome"_s, rec.timedOut ? u"timed_out"_s : stepStateKey(rec.state));
    payload.insert(u"text"_s, QCoreApplication::translate("Runbook", "%1 / %2: %3")
                                  .arg(m_runbook.title, step->title,
                                       rec.timedOut ? QCoreApplication::translate("Runbook", "timed out")
                                                    : stepStateName(rec.state)));
    payload.insert(u"output"_s, rec.output);
    payload.insert(u"durationMs"_s, rec.durationMs);
    if (!rec.message.isEmpty())
        payload.insert(u"message"_s, rec.message);
    if (step->action == ActionKind::Command)
        payload.insert(u"exitCode"_s, rec.exitCode);
    if (step->action == ActionKind::Http)
        payload.insert(u"status"_s, rec.status);
    if (step->action == ActionKind::Check)
        payload.insert(u"value"_s, rec.value);
    if (step->action == ActionKind::Confirm)
        payload.insert(u"decision"_s, rec.outcome);
    if (!rec.approvedBy.isEmpty())
        payload.insert(u"approvedBy"_s, rec.approvedBy);
    // The visible state changes once the finished event is committed, so nothing looks done before
    // the timeline says so.
    writeEvent(false, *step, payload, [this, stepId](bool) { afterFinished(stepId); });
}

void RunbookRunner::afterFinished(const QString& stepId)
{
    const Step* step = m_runbook.step(stepId);
    const StepRecord rec = m_records.value(stepId);
    m_current.clear();
    setState(stepId, rec.state);
    Q_EMIT stepFinished(stepId, rec);

    const bool carryOn = m_continue && !m_cancelRequested;
    m_continue = false;
    const QString next = carryOn ? nextAfter(*step, rec) : QString();
    if (next.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    skipBetween(m_runbook.indexOf(stepId), m_runbook.indexOf(next));
    const Step* nextStep = m_runbook.step(next);
    if (const QString why = needsPerson(*nextStep); !why.isEmpty()) {
        Q_EMIT waitingAt(next, why);
        Q_EMIT idle();
        return;
    }
    if (const QString why = start(*nextStep, {}, true); !why.isEmpty()) {
        Q_EMIT waitingAt(next, why);
        Q_EMIT idle();
    }
}

QString RunbookRunner::nextAfter(const Step& step, const StepRecord& rec) const
{
    const int i = m_runbook.indexOf(step.id);
    const QString following = i + 1 < m_runbook.steps.size() ? m_runbook.steps[i + 1].id : QString();
    switch (rec.state) {
    case StepState::Succeeded:
        if (step.action == ActionKind::Confirm) {
            for (const Outcome& o : step.confirm.outcomes) {
                if (o.name == rec.outcome)
                    return o.next;
            }
            return {};
        }
        return following;
    case StepState::Failed:
        if (step.onFailure == OnFailure::Continue)
            return following;
        if (step.onFailure == OnFailure::GoTo)
            return step.onFailureStep;
        return {};
    default:
        return {};
    }
}

QString RunbookRunner::needsPerson(const Step& step) const
{
    if (step.action == ActionKind::Confirm)
        return QCoreApplication::translate("Runbook", "a decision is needed: %1").arg(step.confirm.question);
    if (step.action == ActionKind::Approval)
        return QCoreApplication::translate("Runbook", "a second person must approve: %1")
            .arg(step.approval.prompt);
    if (step.dangerous)
        return QCoreApplication::translate("Runbook", "a dangerous step: type %1 to run it")
            .arg(targetService());
    return {};
}

void RunbookRunner::skipBetween(int from, int to)
{
    // A jump forward (a decision, on_failure) leaves the steps in between not run, visibly.
    for (int k = from + 1; k < to && k < m_runbook.steps.size(); ++k) {
        const QString& id = m_runbook.steps[k].id;
        if (state(id) == StepState::Pending) {
            m_records[id].state = StepState::Skipped;
            Q_EMIT stepStateChanged(id, StepState::Skipped);
        }
    }
}

void RunbookRunner::cancel()
{
    if (!isBusy())
        return;
    m_cancelRequested = true;
    m_continue = false;
    if (m_execution)
        m_execution->cancel();
}

QString RunbookRunner::recordDryRun(const QString& stepId)
{
    const Step* step = m_runbook.step(stepId);
    const DryRun d = dryRun(stepId);
    if (!step || !d.ok())
        return d.error;
    if (!m_timeline || m_incidentId <= 0)
        return QCoreApplication::translate("Runbook", "no active incident to record the dry-run in");
    if (m_operator.isEmpty())
        return QCoreApplication::translate("Runbook",
                                           "no operator name: the timeline must say who ran the step");
    QJsonObject started = basePayload(*step);
    started.insert(u"dryRun"_s, true);
    started.insert(u"request"_s, d.lines.join(u'\n'));
    started.insert(
        u"text"_s,
        QCoreApplication::translate("Runbook", "%1 / %2: dry-run").arg(m_runbook.title, step->title));
    QJsonObject finished = basePayload(*step);
    finished.insert(u"dryRun"_s, true);
    finished.insert(u"outcome"_s, u"dry_run"_s);
    finished.insert(u"output"_s, d.lines.join(u'\n'));
    finished.insert(u"durationMs"_s, 0);
    finished.insert(u"text"_s, started.value(u"text"_s));
    const Step copy = *step;
    writeEvent(true, copy, started, [this, copy, finished](bool ok) {
        if (ok)
            writeEvent(false, copy, finished, [](bool) {});
    });
    return {};
}

void RunbookRunner::setState(const QString& stepId, StepState s)
{
    m_records[stepId].state = s;
    Q_EMIT stepStateChanged(stepId, s);
}

QJsonObject RunbookRunner::basePayload(const Step& step) const
{
    return QJsonObject{{u"runbook"_s, m_runbook.id},
                       {u"runbookTitle"_s, m_runbook.title},
                       {u"step"_s, step.id},
                       {u"title"_s, step.title},
                       {u"action"_s, actionKindKey(step.action)},
                       {u"dangerous"_s, step.dangerous},
                       {u"service"_s, targetService()},
                       {u"dryRun"_s, false},
                       {u"author"_s, m_operator}};
}

void RunbookRunner::writeEvent(bool started, const Step&, QJsonObject payload,
                               std::function<void(bool ok)> done)
{
    if (!m_timeline || m_incidentId <= 0) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done)] { done(true); }, Qt::QueuedConnection);
        return;
    }
    incident::TimelineEvent ev;
    ev.incidentId = m_incidentId;
    ev.kind = started ? incident::EventKind::RunbookStepStarted : incident::EventKind::RunbookStepFinished;
    ev.author = m_operator;
    ev.payload = std::move(payload);
    m_timeline->append(
        ev, this, [this, done = std::move(done)](const WriteResult& r, const incident::TimelineEvent& saved) {
            if (!r.ok)
                Q_EMIT timelineWriteFailed(r.error);
            else
                Q_EMIT eventSaved(saved);
            done(r.ok);
        });
}

} // namespace wf::runbook
