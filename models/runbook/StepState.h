#pragma once
#include <QMetaType>
#include <QString>

namespace wf::runbook {

enum class StepState { Pending, Running, Succeeded, Failed, Skipped, Cancelled };

QString stepStateKey(StepState state);  // "pending", "succeeded", ...: what the timeline stores
QString stepStateName(StepState state); // translated, for the UI

// What the runner knows about one step after its last run.
struct StepRecord
{
    StepState state = StepState::Pending;
    QString output;  // bounded
    QString message; // why it failed or was refused (translated)
    QString outcome; // confirm steps: the chosen outcome
    QString ranBy;
    QString approvedBy;
    qint64 durationMs = 0;
    int exitCode = -1;
    int status = 0;
    double value = 0;
    bool timedOut = false;
};

} // namespace wf::runbook

Q_DECLARE_METATYPE(wf::runbook::StepRecord)
