#include "LocalSeriesMetricsSource.h"

#include "LocalPromQL.h"
#include "signalstore/ResultDelivery.h"
#include "signalstore/SeriesStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThreadPool>

namespace wf::prometheus {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;
constexpr qint64 kInstantStepMs = 60'000;

MetricsResult evaluate(const signalstore::SeriesStore& store, const QString& expr, qint64 fromMs, qint64 toMs,
                       qint64 stepMs, bool instant)
{
    MetricsResult r;
    LocalQueryPlan plan = planLocalQuery(expr);
    if (!plan.ok()) {
        r.error = plan.error;
        return r;
    }
    plan.query.fromNs = fromMs * kNsPerMs;
    plan.query.toNs = toMs * kNsPerMs + 1; // the range's end is inclusive, as in Prometheus
    plan.query.stepNs = stepMs * kNsPerMs;
    auto answer = store.query(plan.query);
    if (!answer.ok) {
        r.error.kind = MetricsErrorKind::Execution;
        r.error.message = answer.error;
        return r;
    }
    if (plan.rangeNs != 0 && plan.rangeNs != plan.query.stepNs)
        r.warnings.append(
            QCoreApplication::translate("LocalSeriesMetricsSource",
                                        "The local store computes rate() over each step (%1 s), "
                                        "not over the [%2 s] range in the query.")
                .arg(double(plan.query.stepNs) / 1e9)
                .arg(double(plan.rangeNs) / 1e9));
    r.series = std::move(answer.value);
    r.resultType = ResultType::Matrix;
    if (instant) {
        r.resultType = ResultType::Vector;
        const qint64 lastStep = (toMs * kNsPerMs) / plan.query.stepNs * plan.query.stepNs;
        std::vector<SeriesSet> latest;
        for (SeriesSet& s : r.series) {
            if (s.timesNs.empty() || s.timesNs.back() != lastStep)
                continue; // no value in the latest step: absent from the vector, like a stale series
            s.timesNs = {s.timesNs.back()};
            s.values = {s.values.back()};
            latest.push_back(std::move(s));
        }
        r.series = std::move(latest);
    }
    return r;
}

MetricsError invalid(const QString& message)
{
    MetricsError e;
    e.kind = MetricsErrorKind::InvalidRequest;
    e.message = message;
    return e;
}

} // namespace

LocalSeriesMetricsSource::LocalSeriesMetricsSource(std::shared_ptr<const signalstore::SeriesStore> store,
                                                   Clock now)
    : m_store(std::move(store))
    , m_now(now ? std::move(now) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

MetricsCall LocalSeriesMetricsSource::queryRange(const RangeQuery& query, QObject* context, Callback done)
{
    return run(query.expr, query.startMs, query.endMs, query.stepMs, false, context, std::move(done));
}

MetricsCall LocalSeriesMetricsSource::queryInstant(const InstantQuery& query, QObject* context, Callback done)
{
    const qint64 at = query.timeMs != 0 ? query.timeMs : m_now();
    const qint64 stepStart = at / kInstantStepMs * kInstantStepMs;
    return run(query.expr, stepStart, at, kInstantStepMs, true, context, std::move(done));
}

MetricsCall LocalSeriesMetricsSource::run(const QString& expr, qint64 fromMs, qint64 toMs, qint64 stepMs,
                                          bool instant, QObject* context, Callback done)
{
    if (!context || !done)
        return {};
    MetricsCall call = MetricsCall::create();
    // Delivered on context's thread; Cancelled when cancel() came first.
    signalstore::ResultDelivery<MetricsResult> delivery(
        context, [call, done = std::move(done)](MetricsResult r) {
            if (call.isCancelled()) {
                r = {};
                r.error.kind = MetricsErrorKind::Cancelled;
                r.error.message =
                    QCoreApplication::translate("LocalSeriesMetricsSource", "The request was cancelled.");
            }
            done(std::move(r));
        });
    if (!m_store) {
        MetricsResult r;
        r.error = invalid(
            QCoreApplication::translate("LocalSeriesMetricsSource", "No local metrics store is open."));
        delivery.deliver(std::move(r));
        return call;
    }
    if (stepMs <= 0 || toMs < fromMs) {
        MetricsResult r;
        r.error = invalid(stepMs <= 0 ? QCoreApplication::translate("LocalSeriesMetricsSource",
                                                                    "The step must be longer than zero.")
                                      : QCoreApplication::translate("LocalSeriesMetricsSource",
                                                                    "The time range ends before it starts."));
        delivery.deliver(std::move(r));
        return call;
    }
    QThreadPool::globalInstance()->start(
        [store = m_store, expr, fromMs, toMs, stepMs, instant, delivery, call] {
            if (call.isCancelled())
                return delivery.deliver({});
            delivery.deliver(evaluate(*store, expr, fromMs, toMs, stepMs, instant));
        });
    return call;
}

QString LocalSeriesMetricsSource::queryLanguageNote() const
{
    return QCoreApplication::translate(
        "LocalSeriesMetricsSource",
        "Local OTLP metrics answer a PromQL subset: sum by (labels) (metric{label=\"value\"}), "
        "sum by (labels) (rate(metric[range])) and histogram_quantile(q, sum by (le, labels) "
        "(rate(metric_bucket[range]))). Only = matchers; rates are computed per step.");
}

} // namespace wf::prometheus
