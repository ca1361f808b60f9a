#pragma once

#include "DemoRandom.h"
#include "ShopMetrics.h"
#include "ShopScenario.h"
#include "ShopTelemetry.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <deque>
#include <map>
#include <optional>

namespace wf::demo {

enum class ShopService { Gateway, Auth, Users, Search, Cart, Checkout, Payments };
constexpr int kShopServiceCount = 7;
constexpr int kShopRegionCount = 2;
QString serviceName(ShopService service); // "gateway", "auth", ...
QString regionName(int region);           // 0 "eu-west", 1 "us-east"

struct ShopConfig
{
    quint64 seed = 1;
    // Wall-clock time of simulated time 0. Fixed by default so tests are reproducible; the demo-shop
    // executable passes the current time.
    qint64 startUnixNano = 1'767'225'600'000'000'000LL; // 2026-01-01T00:00:00Z
    double requestsPerSecond = 20.0;
    qint64 metricIntervalNs = kNanosPerSecond;
    QString failingRegion = QStringLiteral("eu-west");
    QString environment = QStringLiteral("demo");
    ScenarioConfig scenario;
};

// A small shop, simulated: user requests enter the gateway of one of two regions and fan out over
// auth, users, search, cart, checkout and payments, with postgres and kafka behind them. It produces
// the traces, logs and metrics real instrumented services would, and runs one scripted incident (see
// ShopScenario): payments' DB connection pool in the failing region runs dry until remediated.
//
// Deterministic and clock-free: time moves only through advanceTo()/tick(), randomness comes from
// the seed. The same seed and the same sequence of calls give identical batches.
//
// Signals are released when they end (a span when it finishes, like an SDK's batch processor), so a
// slow call shows up in a later batch than its start; takeBatch() returns what was released since
// the last call.
class ShopSimulation
{
public:
    explicit ShopSimulation(const ShopConfig& config = {});

    void advanceTo(qint64 simTimeNs); // simulated ns since start; never goes backwards
    void tick(qint64 dtNs) { advanceTo(m_now + dtNs); }
    qint64 now() const { return m_now; }

    TelemetryBatch takeBatch();

    RemediationOutcome applyRemediation(Remediation action);
    // nullopt for an unknown action name (see parseRemediation for the accepted spellings).
    std::optional<RemediationOutcome> applyRemediation(QStringView action);

    ShopState state() const;
    const ShopConfig& config() const { return m_config; }
    const QList<ResourceInfo>& resources() const { return m_resources; }
    int resourceIndex(ShopService service, int region) const;
    int failingRegion() const { return m_failingRegion; }

private:
    struct KafkaMessage
    {
        TraceId trace;
        SpanId producer;
        qint64 readyNs = 0;
        QString orderId;
        qint64 offset = 0;
        int partition = 0;
        int attempts = 0;
    };
    struct Consumer
    {
        std::deque<KafkaMessage> queue;
        qint64 busyUntilNs = 0;
        qint64 nextOffset = 0;
    };
    struct Exception
    {
        QString type;
        QString message;
        QString stacktrace;
    };
    struct ServerResult
    {
        qint64 endNs = 0;
        int status = 200;
        QString errorMessage;
        std::optional<Exception> exception;
    };
    struct Request
    {
        TraceId trace;
        int region = 0;
        double severity = 0; // of the payments pool in this request's region at its start
        QString clientIp;
        QString userId;
    };
    enum class ScopeKind { Http, Db, Messaging, App };

    // ShopSimulation.cpp: setup, stepping, release, collection.
    void buildResources();
    int scopeFor(ShopService service, ScopeKind kind) const;
    void step(qint64 endNs);
    void release(qint64 upToNs);
    void collect(qint64 atNs);
    void collectGauges(int region, ShopService service, qint64 atNs, qint64 unixNs);
    double severityIn(int region, qint64 simTimeNs) const;
    qint64 unixNanos(qint64 simTimeNs) const { return m_config.startUnixNano + simTimeNs; }

    // ShopTraffic.cpp: one user request per call; ShopPayments.cpp: payments and the kafka consumer.
    void startRequest(qint64 atNs);
    template<typename Serve>
    ServerResult httpCall(DemoRandom& rng, const Request& r, ShopService from, SpanId parent, ShopService to,
                          const QString& method, const QString& route, const QString& path, qint64 startNs,
                          Serve serve);
    ServerResult serveAuth(const Request& r, SpanId server, qint64 startNs);
    ServerResult serveSearch(const Request& r, SpanId server, qint64 startNs);
    ServerResult serveUsers(const Request& r, SpanId server, qint64 startNs);
    ServerResult serveCartAdd(const Request& r, SpanId server, qint64 startNs);
    ServerResult serveCartCheckout(const Request& r, SpanId server, qint64 startNs);
    ServerResult serveCheckout(const Request& r, SpanId server, qint64 startNs);
    ServerResult servePayments(const Request& r, SpanId server, qint64 startNs);
    void runConsumer(int region, qint64 untilNs);

    SimSpan makeSpan(const TraceId& trace, SpanId id, SpanId parent, ShopService service, int region,
                     ScopeKind scope, const QString& name, SpanKind kind, qint64 startNs, qint64 endNs) const;
    struct DbCall
    {
        QString dbName;    // "payments"
        QString peer;      // "payments-db": the node a service graph shows
        QString operation; // "INSERT"
        QString table;
        QString statement;
    };
    SimSpan makeDbSpan(DemoRandom& rng, const Request& r, SpanId parent, ShopService service,
                       const DbCall& call, qint64 startNs, qint64 endNs) const;
    void addException(SimSpan& span, const Exception& e, qint64 atNs);
    void emitSpan(SimSpan span);
    void emitLog(ShopService service, int region, qint64 atNs, Severity severity, const QString& body,
                 const SimSpan* inside = nullptr);

    ShopConfig m_config;
    ShopScenario m_scenario;
    DemoRandom m_trafficRng;  // separate streams, so how advanceTo() is sliced does not change which
    DemoRandom m_consumerRng; // numbers the request flow, the consumers and the gauges draw
    DemoRandom m_gaugeRng;
    QList<ResourceInfo> m_resources;
    QList<ScopeInfo> m_scopes;
    std::array<std::array<int, 4>, kShopServiceCount> m_scopeIndex{};
    ShopHttpMetrics m_http;
    int m_failingRegion = 0;

    qint64 m_now = 0;
    qint64 m_nextArrivalNs = 0;
    qint64 m_nextCollectionNs = 0;
    int m_collections = 0;
    qint64 m_orderSequence = 1'048'000;
    std::array<Consumer, kShopRegionCount> m_consumers;

    // Keyed by end time; equal keys keep insertion order, so release order is deterministic.
    std::multimap<qint64, SimSpan> m_pendingSpans;
    std::multimap<qint64, SimLogRecord> m_pendingLogs;
    TelemetryBatch m_out;
};

} // namespace wf::demo
