#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace wf::demo {

constexpr qint64 kNanosPerSecond = 1'000'000'000;
constexpr qint64 kNanosPerMilli = 1'000'000;

// The demo's one scripted incident: payments' database connection pool in one region runs dry.
//   Normal -> Degrading (failureAfter) -> Failed (after degradeDuration) -> Recovering (on remediation)
//   -> Recovered (after the remediation's recovery time).
enum class ShopPhase { Normal, Degrading, Failed, Recovering, Recovered };
QString phaseName(ShopPhase phase); // "normal", "degrading", ... (stable, used in the control JSON)

enum class Remediation { ResetPaymentsDbPool, RestartPayments };
QString remediationName(Remediation r); // "payments-db-pool/reset", "payments/restart"
// Accepts the names above and the spellings a runbook would use: "payments-db-pool",
// "reset payments-db-pool", "restart payments", "payments-restart".
std::optional<Remediation> parseRemediation(QStringView action);

enum class RemediationOutcome {
    Applied,
    NothingToFix,  // still normal, or already recovered
    AlreadyApplied // recovering from an earlier remediation
};

struct ScenarioConfig
{
    qint64 failureAfterNs = 60 * kNanosPerSecond;
    qint64 degradeDurationNs = 20 * kNanosPerSecond;
    qint64 poolResetRecoveryNs = 12 * kNanosPerSecond;
    qint64 restartRecoveryNs = 8 * kNanosPerSecond;
};

// A snapshot for tests and the control endpoint. Times are simulated nanoseconds since the start of
// the simulation; -1 means "not yet".
struct ShopState
{
    ShopPhase phase = ShopPhase::Normal;
    qint64 simTimeNs = 0;
    qint64 failureAfterNs = 0;
    qint64 degradingSinceNs = -1;
    qint64 failedSinceNs = -1;
    qint64 remediatedAtNs = -1;
    qint64 recoveredAtNs = -1;
    QString remediation; // remediationName() of the applied action, empty if none
    double severity = 0; // 0 healthy .. 1 pool fully exhausted
    QString failingRegion;
    qint64 kafkaConsumerLag = 0; // messages waiting in the failing region
    qint64 startUnixNano = 0;    // wall-clock time of simulated time 0, to place the times above
};

QJsonObject toJson(const ShopState& state);

// Pure time -> severity function with the phase transitions; no randomness.
class ShopScenario
{
public:
    explicit ShopScenario(const ScenarioConfig& config);

    // Moves the phase clock forward; times never go backwards.
    void advanceTo(qint64 simTimeNs);
    RemediationOutcome remediate(Remediation action);

    ShopPhase phase() const { return m_phase; }
    qint64 now() const { return m_now; }
    // Severity at any time not before the last remediation (the simulation asks for times inside the
    // step it is simulating).
    double severityAt(qint64 simTimeNs) const;
    ShopState state() const; // kafkaConsumerLag and failingRegion are filled in by the simulation
    const ScenarioConfig& config() const { return m_config; }

private:
    ScenarioConfig m_config;
    qint64 m_now = 0;
    ShopPhase m_phase = ShopPhase::Normal;
    qint64 m_remediatedAt = -1;
    qint64 m_recoveryNs = 0;
    double m_severityAtRemediation = 0;
    std::optional<Remediation> m_remediation;
};

} // namespace wf::demo
