#pragma once
// Check steps against Watchfloor's own series store. A value is the metric read over the check's
// window (rate: the average per-second increase over the window; raw, mean, quantile: the latest
// step), summed over the matching series; with divide_by, the ratio of the two, so an error rate is
// errors / requests.
#include "runbook/CheckEvaluator.h"

#include <functional>

namespace wf::signalstore {
class SeriesStore;
}

namespace wf::runbook {

class LocalStoreCheckEvaluator : public CheckEvaluator
{
public:
    using Clock = std::function<qint64()>; // now, in Unix ns
    explicit LocalStoreCheckEvaluator(const signalstore::SeriesStore& store, Clock now = {});
    void evaluate(const CheckAction& check, QObject* context, Done done) override;
    CheckValue evaluateNow(const CheckAction& check) const;

private:
    const signalstore::SeriesStore& m_store;
    Clock m_now;
};

} // namespace wf::runbook
