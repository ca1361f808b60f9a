#include "runbook/LocalStoreCheckEvaluator.h"

#include "signalstore/SeriesStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaObject>
#include <QPointer>

#include <optional>

using namespace Qt::StringLiterals;

namespace wf::runbook {

namespace {

using signalstore::SeriesQuery;

struct Reading
{
    std::optional<double> value; // empty: no data in the window
    QString error;
};

Reading read(const signalstore::SeriesStore& store, const CheckAction& c, const QString& metric, qint64 nowNs)
{
    SeriesQuery q;
    q.metric = metric;
    q.function = c.function == u"raw"_s        ? SeriesQuery::Function::Raw
                 : c.function == u"mean"_s     ? SeriesQuery::Function::Mean
                 : c.function == u"quantile"_s ? SeriesQuery::Function::Quantile
                                               : SeriesQuery::Function::Rate;
    q.quantile = c.quantile;
    q.groupBy = {}; // one value: everything that matches
    q.match = c.match;
    const qint64 windowNs = qint64(c.window.count()) * 1'000'000;
    q.fromNs = nowNs - windowNs;
    q.toNs = nowNs;
    q.stepNs = windowNs; // the window covers at most two aligned steps
    const auto result = store.query(q);
    if (!result.ok)
        return {std::nullopt, result.error};
    std::optional<double> total;
    for (const signalstore::SeriesSet& set : result.value) {
        if (set.values.empty())
            continue;
        double v = 0;
        if (q.function == SeriesQuery::Function::Rate) {
            // Each step's rate is its increase over the step length (the window): their sum is the
            // increase over the whole window per second.
            for (double x : set.values)
                v += x;
        } else {
            v = set.values.back();
        }
        total = total.value_or(0) + v;
    }
    return {total, {}};
}

} // namespace

LocalStoreCheckEvaluator::LocalStoreCheckEvaluator(const signalstore::SeriesStore& store, Clock now)
    : m_store(store)
    , m_now(now ? std::move(now) : Clock([] { return QDateTime::currentMSecsSinceEpoch() * 1'000'000; }))
{}

CheckValue LocalStoreCheckEvaluator::evaluateNow(const CheckAction& check) const
{
    CheckValue out;
    if (check.source != CheckSource::LocalStore) {
        out.error = QCoreApplication::translate(
            "Runbook", "this check needs a Prometheus connection, which is not configured");
        return out;
    }
    const qint64 now = m_now();
    const Reading num = read(m_store, check, check.metric, now);
    if (!num.error.isEmpty()) {
        out.error = num.error;
        return out;
    }
    if (!num.value) {
        out.error = QCoreApplication::translate("Runbook", "no data for %1 in the last %2 s")
                        .arg(check.metric)
                        .arg(check.window.count() / 1000);
        return out;
    }
    out.ok = true;
    out.value = *num.value;
    out.detail = QStringLiteral("%1 = %2").arg(check.metric).arg(*num.value);
    if (check.divideBy.isEmpty())
        return out;
    const Reading den = read(m_store, check, check.divideBy, now);
    if (!den.error.isEmpty() || !den.value) {
        out.ok = false;
        out.error = !den.error.isEmpty()
                        ? den.error
                        : QCoreApplication::translate("Runbook", "no data for %1 in the last %2 s")
                              .arg(check.divideBy)
                              .arg(check.window.count() / 1000);
        return out;
    }
    // No traffic and no errors is a zero error rate, not a division by zero.
    out.value = *den.value == 0 ? (*num.value == 0 ? 0.0 : qInf()) : *num.value / *den.value;
    out.detail = QStringLiteral("%1 = %2, %3 = %4, ratio = %5")
                     .arg(check.metric)
                     .arg(*num.value)
                     .arg(check.divideBy)
                     .arg(*den.value)
                     .arg(out.value);
    return out;
}

void LocalStoreCheckEvaluator::evaluate(const CheckAction& check, QObject* context, Done done)
{
    // The store is in memory and fast; the answer is still queued so callers see one behaviour for
    // every evaluator.
    const CheckValue value = evaluateNow(check);
    QMetaObject::invokeMethod(
        context, [value, done = std::move(done)] { done(value); }, Qt::QueuedConnection);
}

} // namespace wf::runbook
