#pragma once
// Runs a runbook's steps one at a time, on the operator's request: one step, from a step onwards
// (pausing where a person must decide), retry of a failed step, resume from the first failed one.
// Before a step acts, its "started" event (with exactly what will be executed) is committed to the
// incident's timeline; if that write fails the step does not run. After it, a "finished" event holds
// the outcome and the bounded output. Dangerous steps need the target service typed as confirmation,
// approval steps a second person, and nothing runs while the AutomationKillSwitch is engaged.
#include "incident/TimelineEvent.h"
#include "runbook/ActionRenderer.h"
#include "runbook/CheckEvaluator.h"
#include "runbook/ParameterBinding.h"
#include "runbook/Runbook.h"
#include "runbook/StepState.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <optional>

namespace wf::net {
class HttpClient;
}
namespace wf::incident {
class TimelineStore;
}

namespace wf::runbook {

class StepExecution;
struct ExecutionResult;

struct RunRequest
{
    QString confirmation; // dangerous steps: the target service, typed by the operator
    QString approver;     // approval steps: the second person, not the operator
    QString outcome;      // confirm steps: the chosen outcome's name
};

struct DryRun
{
    QString error; // empty: `lines` is what would be executed or sent (secrets masked)
    QStringList lines;
    bool ok() const { return error.isEmpty(); }
};

class RunbookRunner : public QObject
{
    Q_OBJECT
public:
    explicit RunbookRunner(Runbook runbook, QObject* parent = nullptr);
    ~RunbookRunner() override;

    const Runbook& runbook() const { return m_runbook; }

    void setOperator(const QString& name) { m_operator = name.trimmed(); }
    const QString& operatorName() const { return m_operator; }
    void setHttpClient(net::HttpClient* client) { m_http = client; }
    void setCheckEvaluator(CheckSource source, CheckEvaluator* evaluator);
    // Null store or incident 0: steps run without timeline events.
    void setTimeline(incident::TimelineStore* store, qint64 incidentId);
    // Where a command's allow-listed variables are copied from (the process's own by default).
    void setEnvironment(const QProcessEnvironment& environment) { m_environment = environment; }

    // Validates every value; nothing runs until this succeeded. Returns the errors (empty: bound).
    QStringList bind(const QHash<QString, QString>& values);
    bool isBound() const { return m_parameters.has_value(); }
    QString targetService() const;

    StepState state(const QString& stepId) const { return m_records.value(stepId).state; }
    StepRecord record(const QString& stepId) const { return m_records.value(stepId); }
    bool isBusy() const { return !m_current.isEmpty(); }
    QString currentStep() const { return m_current; }

    DryRun dryRun(const QString& stepId) const;

    // Each returns why nothing was started (translated), or an empty string when the step started.
    QString runStep(const QString& stepId, const RunRequest& request = {});
    QString runFrom(const QString& stepId, const RunRequest& request = {});
    QString retry(const QString& stepId, const RunRequest& request = {});
    QString resume(const RunRequest& request = {}); // from the first failed or cancelled step onwards
    // Writes the dry-run of a step to the timeline (started and finished, dryRun true); runs nothing.
    QString recordDryRun(const QString& stepId);

    // Stops the running step (a process is killed, a request aborted) and any run-from sequence.
    void cancel();

Q_SIGNALS:
    void stepStateChanged(const QString& stepId, wf::runbook::StepState state);
    void stepFinished(const QString& stepId, const wf::runbook::StepRecord& record);
    // A run-from sequence stopped before a step that needs a person (a decision, an approval, a
    // typed confirmation), or before a step the kill switch refuses.
    void waitingAt(const QString& stepId, const QString& why);
    void idle(); // nothing runs any more
    void timelineWriteFailed(const QString& message);
    // A started/finished event committed (durable) to the incident's timeline.
    void eventSaved(const wf::incident::TimelineEvent& event);

private:
    QString refusal(const Step& step, const RunRequest& request) const;
    QString start(const Step& step, const RunRequest& request, bool continueAfter);
    void execute(const Step& step, const RenderedStep& rendered, const RunRequest& request);
    void onExecuted(const QString& stepId, const ExecutionResult& result);
    void afterFinished(const QString& stepId);
    QString nextAfter(const Step& step, const StepRecord& record) const;
    QString needsPerson(const Step& step) const;
    void skipBetween(int from, int to);
    void setState(const QString& stepId, StepState state);
    void writeEvent(bool started, const Step& step, QJsonObject payload, std::function<void(bool ok)> done);
    QJsonObject basePayload(const Step& step) const;

    Runbook m_runbook;
    QString m_operator;
    net::HttpClient* m_http = nullptr;
    CheckEvaluator* m_localEvaluator = nullptr;
    CheckEvaluator* m_prometheusEvaluator = nullptr;
    incident::TimelineStore* m_timeline = nullptr;
    qint64 m_incidentId = 0;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    std::optional<BoundParameters> m_parameters;
    QHash<QString, StepRecord> m_records;

    QString m_current; // the step in flight (from the started write to the finished write)
    bool m_continue = false;
    bool m_cancelRequested = false;
    QPointer<StepExecution> m_execution;
    QElapsedTimer m_clock;
    QString m_dryRunText;
};

} // namespace wf::runbook
