#include "ShopScenario.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::demo {

QString phaseName(ShopPhase phase)
{
    switch (phase) {
    case ShopPhase::Normal:
        return u"normal"_s;
    case ShopPhase::Degrading:
        return u"degrading"_s;
    case ShopPhase::Failed:
        return u"failed"_s;
    case ShopPhase::Recovering:
        return u"recovering"_s;
    case ShopPhase::Recovered:
        return u"recovered"_s;
    }
    return {};
}

QString remediationName(Remediation r)
{
    switch (r) {
    case Remediation::ResetPaymentsDbPool:
        return u"payments-db-pool/reset"_s;
    case Remediation::RestartPayments:
        return u"payments/restart"_s;
    }
    return {};
}

std::optional<Remediation> parseRemediation(QStringView action)
{
    const QString a = action.trimmed().toString().toLower();
    if (a == "payments-db-pool"_L1 || a == "payments-db-pool/reset"_L1 || a == "reset payments-db-pool"_L1 ||
        a == "payments-db-pool-reset"_L1)
        return Remediation::ResetPaymentsDbPool;
    if (a == "restart payments"_L1 || a == "payments/restart"_L1 || a == "payments-restart"_L1 ||
        a == "restart-payments"_L1)
        return Remediation::RestartPayments;
    return std::nullopt;
}

namespace {

QJsonValue secondsOrNull(qint64 ns)
{
    if (ns < 0)
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(static_cast<double>(ns) / kNanosPerSecond);
}

} // namespace

QJsonObject toJson(const ShopState& s)
{
    QJsonObject o;
    o.insert(u"phase"_s, phaseName(s.phase));
    o.insert(u"simTimeSeconds"_s, static_cast<double>(s.simTimeNs) / kNanosPerSecond);
    o.insert(u"failureAfterSeconds"_s, static_cast<double>(s.failureAfterNs) / kNanosPerSecond);
    o.insert(u"degradingSinceSeconds"_s, secondsOrNull(s.degradingSinceNs));
    o.insert(u"failedSinceSeconds"_s, secondsOrNull(s.failedSinceNs));
    o.insert(u"remediatedAtSeconds"_s, secondsOrNull(s.remediatedAtNs));
    o.insert(u"recoveredAtSeconds"_s, secondsOrNull(s.recoveredAtNs));
    o.insert(u"remediation"_s,
             s.remediation.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.remediation));
    o.insert(u"severity"_s, s.severity);
    o.insert(u"failingRegion"_s, s.failingRegion);
    o.insert(u"kafkaConsumerLag"_s, s.kafkaConsumerLag);
    // Milliseconds fit a JSON number exactly; nanoseconds would not.
    o.insert(u"startUnixMs"_s, static_cast<double>(s.startUnixNano / kNanosPerMilli));
    o.insert(u"actions"_s, QJsonArray{remediationName(Remediation::ResetPaymentsDbPool),
                                      remediationName(Remediation::RestartPayments)});
    return o;
}

ShopScenario::ShopScenario(const ScenarioConfig& config)
    : m_config(config)
{
    m_config.failureAfterNs = std::max<qint64>(0, m_config.failureAfterNs);
    m_config.degradeDurationNs = std::max<qint64>(1, m_config.degradeDurationNs);
    m_config.poolResetRecoveryNs = std::max<qint64>(1, m_config.poolResetRecoveryNs);
    m_config.restartRecoveryNs = std::max<qint64>(1, m_config.restartRecoveryNs);
    advanceTo(0);
}

void ShopScenario::advanceTo(qint64 simTimeNs)
{
    m_now = std::max(m_now, simTimeNs);
    if (m_remediatedAt >= 0) {
        m_phase = m_now >= m_remediatedAt + m_recoveryNs ? ShopPhase::Recovered : ShopPhase::Recovering;
    } else if (m_now < m_config.failureAfterNs) {
        m_phase = ShopPhase::Normal;
    } else if (m_now < m_config.failureAfterNs + m_config.degradeDurationNs) {
        m_phase = ShopPhase::Degrading;
    } else {
        m_phase = ShopPhase::Failed;
    }
}

RemediationOutcome ShopScenario::remediate(Remediation action)
{
    switch (m_phase) {
    case ShopPhase::Normal:
    case ShopPhase::Recovered:
        return RemediationOutcome::NothingToFix;
    case ShopPhase::Recovering:
        return RemediationOutcome::AlreadyApplied;
    case ShopPhase::Degrading:
    case ShopPhase::Failed:
        break;
    }
    m_severityAtRemediation = severityAt(m_now);
    m_remediatedAt = m_now;
    m_remediation = action;
    m_recoveryNs =
        action == Remediation::RestartPayments ? m_config.restartRecoveryNs : m_config.poolResetRecoveryNs;
    advanceTo(m_now);
    return RemediationOutcome::Applied;
}

double ShopScenario::severityAt(qint64 t) const
{
    if (m_remediatedAt >= 0 && t >= m_remediatedAt) {
        // Connections come back gradually as the pool refills (or the restarted instances warm up).
        const double done = static_cast<double>(t - m_remediatedAt) / static_cast<double>(m_recoveryNs);
        return m_severityAtRemediation * std::clamp(1.0 - done, 0.0, 1.0);
    }
    if (t < m_config.failureAfterNs)
        return 0.0;
    const double ramp =
        static_cast<double>(t - m_config.failureAfterNs) / static_cast<double>(m_config.degradeDurationNs);
    return std::clamp(ramp, 0.0, 1.0);
}

ShopState ShopScenario::state() const
{
    ShopState s;
    s.phase = m_phase;
    s.simTimeNs = m_now;
    s.failureAfterNs = m_config.failureAfterNs;
    const qint64 failedAt = m_config.failureAfterNs + m_config.degradeDurationNs;
    const qint64 end = m_remediatedAt >= 0 ? m_remediatedAt : m_now;
    if (end >= m_config.failureAfterNs && m_now >= m_config.failureAfterNs)
        s.degradingSinceNs = m_config.failureAfterNs;
    if (end >= failedAt && m_now >= failedAt)
        s.failedSinceNs = failedAt;
    if (m_remediatedAt >= 0) {
        s.remediatedAtNs = m_remediatedAt;
        s.remediation = remediationName(*m_remediation);
        if (m_phase == ShopPhase::Recovered)
            s.recoveredAtNs = m_remediatedAt + m_recoveryNs;
    }
    s.severity = severityAt(m_now);
    return s;
}

} // namespace wf::demo
