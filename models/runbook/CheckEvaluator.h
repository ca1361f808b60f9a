#pragma once
// Where a check step's number comes from. The runner knows only this interface: the local store is
// one implementation (LocalStoreCheckEvaluator); a Prometheus client plugs in as another, for
// checks with `source: prometheus`, without the runner changing.
#include "runbook/Runbook.h"

#include <QObject>
#include <QString>

#include <functional>

namespace wf::runbook {

struct CheckValue
{
    bool ok = false;
    double value = 0;
    QString error;  // when not ok: no data, unknown metric, query rejected (translated)
    QString detail; // how the value was obtained, for the step's output
};

class CheckEvaluator
{
public:
    virtual ~CheckEvaluator() = default;
    using Done = std::function<void(const CheckValue&)>;
    // `check` has its placeholders filled in. `done` runs once on context's thread, never after
    // context is destroyed.
    virtual void evaluate(const CheckAction& check, QObject* context, Done done) = 0;
};

} // namespace wf::runbook
