#pragma once
// One running action of a step (a process, a request, a check). The runner starts it, may cancel it,
// and gets `finished` exactly once.
#include <QObject>
#include <QString>

namespace wf::runbook {

struct ExecutionResult
{
    bool succeeded = false;
    bool cancelled = false;
    bool timedOut = false;
    QString output;    // bounded
    QString message;   // why it failed, for people (translated); empty on success
    int exitCode = -1; // command steps
    int status = 0;    // http steps
    double value = 0;  // check steps
};

class StepExecution : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start() = 0;
    // Ends the action early; `finished` follows with cancelled set, unless it already came.
    virtual void cancel() = 0;

Q_SIGNALS:
    void finished(const wf::runbook::ExecutionResult& result);
};

} // namespace wf::runbook
