#include "ShopSimulation.h"

#include "ShopText.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::demo {

namespace {

// Simulation step: fine enough that the severity ramp and the consumer look continuous, and a
// divisor of every sensible metric interval so collections fall on step ends.
constexpr qint64 kStepNs = 100 * kNanosPerMilli;

struct ServiceProfile
{
    const char* name;
    const char* version;
    const char* language;
    double cpuBase;
    qint64 memoryBaseMb;
};

// Mixed runtimes, as in most shops; it also gives the logs Go, Java and Python stack traces.
constexpr std::array<ServiceProfile, kShopServiceCount> kProfiles{{
    {"gateway", "2.14.1", "go", 0.16, 48},
    {"auth", "1.9.0", "go", 0.06, 32},
    {"users", "3.2.4", "nodejs", 0.09, 170},
    {"search", "1.22.0", "python", 0.28, 240},
    {"cart", "2.3.7", "nodejs", 0.08, 150},
    {"checkout", "4.1.0", "go", 0.12, 64},
    {"payments", "5.0.3", "java", 0.20, 520},
}};

struct ScopeSet
{
    const char* http;
    const char* db;
    const char* messaging;
    const char* version;
};

ScopeSet scopesForLanguage(QLatin1StringView language)
{
    if (language == "go"_L1)
        return {"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "github.com/XSAM/otelsql",
                "github.com/IBM/sarama/otelsarama", "0.57.0"};
    if (language == "java"_L1)
        return {"io.opentelemetry.jetty-11.0", "io.opentelemetry.jdbc", "io.opentelemetry.kafka-clients-0.11",
                "2.10.0-alpha"};
    if (language == "python"_L1)
        return {"opentelemetry.instrumentation.flask", "opentelemetry.instrumentation.psycopg",
                "opentelemetry.instrumentation.kafka", "0.50b0"};
    return {"@opentelemetry/instrumentation-http", "@opentelemetry/instrumentation-pg",
            "@opentelemetry/instrumentation-kafkajs", "0.57.2"};
}

QString sdkVersion(QLatin1StringView language)
{
    if (language == "go"_L1)
        return u"1.32.0"_s;
    if (language == "java"_L1)
        return u"1.44.1"_s;
    if (language == "python"_L1)
        return u"1.29.0"_s;
    return u"1.30.1"_s;
}

} // namespace

QString serviceName(ShopService service)
{
    return QString::fromLatin1(kProfiles[static_cast<size_t>(service)].name);
}

QString regionName(int region)
{
    return region == 1 ? u"us-east"_s : u"eu-west"_s;
}

ShopSimulation::ShopSimulation(const ShopConfig& config)
    : m_config(config)
    , m_scenario(config.scenario)
    , m_trafficRng(config.seed * 3 + 1)
    , m_consumerRng(config.seed * 3 + 2)
    , m_gaugeRng(config.seed * 3 + 3)
    , m_http(kShopServiceCount * kShopRegionCount, config.startUnixNano)
{
    m_config.requestsPerSecond = std::clamp(m_config.requestsPerSecond, 0.01, 5000.0);
    m_config.metricIntervalNs = std::max(kStepNs, m_config.metricIntervalNs / kStepNs * kStepNs);
    m_failingRegion = m_config.failingRegion == regionName(1) ? 1 : 0;
    m_config.failingRegion = regionName(m_failingRegion);
    buildResources();

    static const std::array<std::pair<ShopService, const char*>, 9> routes{{
        {ShopService::Gateway, "/api/search"},
        {ShopService::Gateway, "/api/users/me"},
        {ShopService::Gateway, "/api/cart/items"},
        {ShopService::Gateway, "/api/checkout"},
        {ShopService::Auth, "/v1/verify"},
        {ShopService::Users, "/users/{id}"},
        {ShopService::Search, "/search"},
        {ShopService::Cart, "/cart/checkout"},
        {ShopService::Payments, "/payments/charge"},
    }};
    for (int region = 0; region < kShopRegionCount; ++region) {
        for (const auto& [service, route] : routes)
            m_http.declareRoute(resourceIndex(service, region), QString::fromLatin1(route));
        m_http.declareRoute(resourceIndex(ShopService::Checkout, region), u"/checkout"_s);
        m_consumers[static_cast<size_t>(region)].nextOffset = 180'000 + m_consumerRng.bounded(20'000);
    }

    m_nextArrivalNs =
        static_cast<qint64>(m_trafficRng.exponential(m_config.requestsPerSecond) * kNanosPerSecond);
    m_nextCollectionNs = m_config.metricIntervalNs;
}

void ShopSimulation::buildResources()
{
    auto addScope = [this](const QString& name, const QString& version) {
        for (int i = 0; i < m_scopes.size(); ++i) {
            if (m_scopes.at(i).name == name && m_scopes.at(i).version == version)
                return i;
        }
        m_scopes.append(ScopeInfo{name, version});
        return static_cast<int>(m_scopes.size() - 1);
    };

    for (int s = 0; s < kShopServiceCount; ++s) {
        const ServiceProfile& p = kProfiles[static_cast<size_t>(s)];
        const ScopeSet set = scopesForLanguage(QLatin1StringView(p.language));
        const QString version = QString::fromLatin1(set.version);
        auto& idx = m_scopeIndex[static_cast<size_t>(s)];
        idx[static_cast<size_t>(ScopeKind::Http)] = addScope(QString::fromLatin1(set.http), version);
        idx[static_cast<size_t>(ScopeKind::Db)] = addScope(QString::fromLatin1(set.db), version);
        idx[static_cast<size_t>(ScopeKind::Messaging)] =
            addScope(QString::fromLatin1(set.messaging), version);
        idx[static_cast<size_t>(ScopeKind::App)] =
            addScope(u"shop."_s + QLatin1StringView(p.name), QString::fromLatin1(p.version));
    }

    for (int s = 0; s < kShopServiceCount; ++s) {
        const ServiceProfile& p = kProfiles[static_cast<size_t>(s)];
        const auto language = QLatin1StringView(p.language);
        for (int region = 0; region < kShopRegionCount; ++region) {
            const QString name = QString::fromLatin1(p.name);
            const QString replicaSet = text::hexToken(m_gaugeRng, 9);
            const QString pod = name + u'-' + replicaSet + u'-' + text::hexToken(m_gaugeRng, 5);
            ResourceInfo r;
            r.service = name;
            r.region = regionName(region);
            r.attributes = {
                {u"service.name"_s, name},
                {u"service.namespace"_s, u"shop"_s},
                {u"service.version"_s, QString::fromLatin1(p.version)},
                {u"service.instance.id"_s, pod + u'.' + r.region},
                {u"deployment.environment"_s, m_config.environment},
                {u"cloud.region"_s, r.region},
                {u"host.name"_s, pod},
                {u"telemetry.sdk.language"_s, QString(language)},
                {u"telemetry.sdk.name"_s, u"opentelemetry"_s},
                {u"telemetry.sdk.version"_s, sdkVersion(language)},
            };
            m_resources.append(std::move(r));
        }
    }
}

int ShopSimulation::resourceIndex(ShopService service, int region) const
{
    return static_cast<int>(service) * kShopRegionCount + std::clamp(region, 0, kShopRegionCount - 1);
}

int ShopSimulation::scopeFor(ShopService service, ScopeKind kind) const
{
    return m_scopeIndex[static_cast<size_t>(service)][static_cast<size_t>(kind)];
}

double ShopSimulation::severityIn(int region, qint64 simTimeNs) const
{
    return region == m_failingRegion ? m_scenario.severityAt(simTimeNs) : 0.0;
}

void ShopSimulation::advanceTo(qint64 simTimeNs)
{
    while (m_now < simTimeNs) {
        // Steps end on the kStepNs grid whatever the caller's slicing, so collections stay aligned.
        const qint64 gridEnd = (m_now / kStepNs + 1) * kStepNs;
        step(std::min(simTimeNs, gridEnd));
    }
}

void ShopSimulation::step(qint64 endNs)
{
    m_scenario.advanceTo(endNs);
    while (m_nextArrivalNs < endNs) {
        startRequest(m_nextArrivalNs);
        const double gap = m_trafficRng.exponential(m_config.requestsPerSecond);
        m_nextArrivalNs += std::max<qint64>(1, static_cast<qint64>(gap * kNanosPerSecond));
    }
    for (int region = 0; region < kShopRegionCount; ++region)
        runConsumer(region, endNs);
    m_now = endNs;
    release(endNs);
    while (m_nextCollectionNs <= endNs) {
        collect(m_nextCollectionNs);
        m_nextCollectionNs += m_config.metricIntervalNs;
    }
}

void ShopSimulation::release(qint64 upToNs)
{
    const auto spanEnd = m_pendingSpans.upper_bound(upToNs);
    for (auto it = m_pendingSpans.begin(); it != spanEnd; ++it) {
        SimSpan& span = it->second;
        if (span.kind == SpanKind::Server) {
            const double seconds =
                static_cast<double>(span.endTimeUnixNano - span.startTimeUnixNano) / kNanosPerSecond;
            m_http.recordServerSpan(
                span.origin.resource, stringAttribute(span.attributes, u"http.request.method"),
                stringAttribute(span.attributes, u"http.route"),
                static_cast<int>(intAttribute(span.attributes, u"http.response.status_code")), seconds);
        }
        m_out.spans.append(std::move(span));
    }
    m_pendingSpans.erase(m_pendingSpans.begin(), spanEnd);

    const auto logEnd = m_pendingLogs.upper_bound(upToNs);
    for (auto it = m_pendingLogs.begin(); it != logEnd; ++it)
        m_out.logs.append(std::move(it->second));
    m_pendingLogs.erase(m_pendingLogs.begin(), logEnd);
}

void ShopSimulation::collect(qint64 atNs)
{
    const qint64 unixNs = unixNanos(atNs);
    ++m_collections;
    for (int s = 0; s < kShopServiceCount; ++s) {
        for (int region = 0; region < kShopRegionCount; ++region) {
            const auto service = static_cast<ShopService>(s);
            m_http.collect(resourceIndex(service, region), scopeFor(service, ScopeKind::Http), unixNs,
                           m_out.metrics);
            collectGauges(region, service, atNs, unixNs);
        }
    }
}

void ShopSimulation::collectGauges(int region, ShopService service, qint64 atNs, qint64 unixNs)
{
    const int resource = resourceIndex(service, region);
    const SignalOrigin origin{resource, scopeFor(service, ScopeKind::App)};
    const ServiceProfile& p = kProfiles[static_cast<size_t>(service)];
    const double severity = severityIn(region, atNs);
    const bool payments = service == ShopService::Payments;
    const double seconds = static_cast<double>(atNs) / kNanosPerSecond;
    const double intervalSeconds = static_cast<double>(m_config.metricIntervalNs) / kNanosPerSecond;
    const double requestRate = static_cast<double>(m_http.takeRecentRequests(resource)) / intervalSeconds;

    // Threads spinning on pool timeouts and retries burn CPU; queued requests hold memory.
    double cpu = p.cpuBase + 0.0025 * requestRate + 0.012 * m_gaugeRng.normal();
    if (payments)
        cpu += 0.35 * severity;
    SimMetric cpuMetric =
        gaugeMetric(origin, u"process.cpu.utilization"_s,
                    u"Difference in process.cpu.time since the last measurement, divided by "
                    u"the elapsed time and number of CPUs available to the process."_s,
                    u"1"_s);
    addPoint(cpuMetric, {}, m_config.startUnixNano, unixNs, std::clamp(cpu, 0.01, 0.99));
    m_out.metrics.append(std::move(cpuMetric));

    const double drift =
        12.0 * std::sin(seconds / 97.0 + static_cast<double>(resource)) + 2.0 * m_gaugeRng.normal();
    double memoryMb = static_cast<double>(p.memoryBaseMb) + drift + std::min(60.0, seconds * 0.05);
    if (payments)
        memoryMb += 310.0 * severity;
    SimMetric memory =
        gaugeMetric(origin, u"process.memory.usage"_s, u"The amount of physical memory in use."_s, u"By"_s);
    addPoint(memory, {}, m_config.startUnixNano, unixNs, static_cast<qint64>(memoryMb * 1024 * 1024));
    m_out.metrics.append(std::move(memory));

    if (!payments)
        return;

    constexpr qint64 poolMax = 20;
    const qint64 used = std::clamp<qint64>(
        std::llround(4.0 + 2.0 * m_gaugeRng.uniform() + requestRate * 0.05 + 17.0 * severity), 1, poolMax);
    const QString pool = u"payments-db"_s;
    SimMetric usage = gaugeMetric(origin, u"db.client.connections.usage"_s,
                                  u"The number of connections that are currently in state described by the "
                                  u"state attribute."_s,
                                  u"{connection}"_s);
    addPoint(usage,
             {{u"db.client.connections.pool.name"_s, pool}, {u"db.client.connections.state"_s, u"used"_s}},
             m_config.startUnixNano, unixNs, used);
    addPoint(usage,
             {{u"db.client.connections.pool.name"_s, pool}, {u"db.client.connections.state"_s, u"idle"_s}},
             m_config.startUnixNano, unixNs, poolMax - used);
    m_out.metrics.append(std::move(usage));
    SimMetric max = gaugeMetric(origin, u"db.client.connections.max"_s,
                                u"The maximum number of open connections allowed."_s, u"{connection}"_s);
    addPoint(max, {{u"db.client.connections.pool.name"_s, pool}}, m_config.startUnixNano, unixNs, poolMax);
    m_out.metrics.append(std::move(max));

    const Consumer& consumer = m_consumers[static_cast<size_t>(region)];
    const auto lag = static_cast<qint64>(consumer.queue.size());
    SimMetric lagMetric =
        gaugeMetric(origin, u"messaging.kafka.consumer.lag"_s,
                    u"Messages the consumer group has not processed yet."_s, u"{message}"_s);
    addPoint(lagMetric,
             {{u"messaging.system"_s, u"kafka"_s},
              {u"messaging.destination.name"_s, u"orders.placed"_s},
              {u"messaging.consumer.group.name"_s, u"payments-ledger"_s}},
             m_config.startUnixNano, unixNs, lag);
    m_out.metrics.append(std::move(lagMetric));

    // Every fifth collection: the periodic warnings operators grep for during the incident.
    if (m_collections % 5 == 0) {
        if (used >= poolMax - 2) {
            const int waiting =
                static_cast<int>(severity * m_config.requestsPerSecond * 0.3) + m_gaugeRng.bounded(4);
            emitLog(service, region, atNs, Severity::Warn,
                    u"HikariPool-1 - Pool stats (total=%1, active=%2, idle=%3, waiting=%4)"_s.arg(poolMax)
                        .arg(used)
                        .arg(poolMax - used)
                        .arg(waiting));
        }
        if (lag > 10) {
            emitLog(
                service, region, atNs, Severity::Warn,
                u"consumer group payments-ledger lag=%1 on orders.placed partition %2 (committed offset %3)"_s
                    .arg(lag)
                    .arg(consumer.queue.front().partition)
                    .arg(consumer.queue.front().offset));
        }
    }
}

TelemetryBatch ShopSimulation::takeBatch()
{
    TelemetryBatch out = std::exchange(m_out, TelemetryBatch{});
    out.resources = m_resources;
    out.scopes = m_scopes;
    return out;
}

RemediationOutcome ShopSimulation::applyRemediation(Remediation action)
{
    const RemediationOutcome outcome = m_scenario.remediate(action);
    if (outcome != RemediationOutcome::Applied)
        return outcome;
    const int region = m_failingRegion;
    if (action == Remediation::ResetPaymentsDbPool) {
        emitLog(ShopService::Payments, region, m_now, Severity::Warn,
                u"HikariPool-1 - Soft-evicting 20 connections on operator request; pool will refill "
                u"(minimumIdle=5, maximumPoolSize=20)"_s);
    } else {
        emitLog(
            ShopService::Payments, region, m_now, Severity::Info,
            u"Stopping PaymentsApplication on SIGTERM (operator restart), draining %1 in-flight requests"_s
                .arg(3 + m_gaugeRng.bounded(20)));
        emitLog(ShopService::Payments, region, m_now + 2 * kNanosPerSecond, Severity::Info,
                u"Started PaymentsApplication v5.0.3 in 1.84 seconds (process running for 2.31)"_s);
    }
    return outcome;
}

std::optional<RemediationOutcome> ShopSimulation::applyRemediation(QStringView action)
{
    const std::optional<Remediation> r = parseRemediation(action);
    if (!r)
        return std::nullopt;
    return applyRemediation(*r);
}

ShopState ShopSimulation::state() const
{
    ShopState s = m_scenario.state();
    s.simTimeNs = m_now;
    s.failingRegion = m_config.failingRegion;
    s.startUnixNano = m_config.startUnixNano;
    s.kafkaConsumerLag = static_cast<qint64>(m_consumers[static_cast<size_t>(m_failingRegion)].queue.size());
    return s;
}

} // namespace wf::demo
