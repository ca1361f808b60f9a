// The request flows of ShopSimulation: each function builds the spans and logs one service emits for
// one call, children before parents, with timestamps that nest. Latencies are log-normal around a
// per-operation median; the incident only changes the payments pool in the failing region, and
// everything else (checkout errors, gateway 5xx, consumer lag) follows from that.
#include "ShopFlow.h"
#include "ShopSimulation.h"
#include "ShopText.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace wf::demo {

using namespace flow;

namespace {

QString statusText(int status)
{
    switch (status) {
    case 401:
        return u"Unauthorized"_s;
    case 402:
        return u"Payment Required"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 502:
        return u"Bad Gateway"_s;
    case 503:
        return u"Service Unavailable"_s;
    default:
        return u"OK"_s;
    }
}

} // namespace

SimSpan ShopSimulation::makeSpan(const TraceId& trace, SpanId id, SpanId parent, ShopService service,
                                 int region, ScopeKind scope, const QString& name, SpanKind kind,
                                 qint64 startNs, qint64 endNs) const
{
    SimSpan s;
    s.origin = SignalOrigin{resourceIndex(service, region), scopeFor(service, scope)};
    s.traceId = trace;
    s.spanId = id;
    s.parentSpanId = parent;
    s.name = name;
    s.kind = kind;
    s.startTimeUnixNano = unixNanos(startNs);
    s.endTimeUnixNano = unixNanos(std::max(startNs, endNs));
    return s;
}

SimSpan ShopSimulation::makeDbSpan(DemoRandom& rng, const Request& r, SpanId parent, ShopService service,
                                   const DbCall& call, qint64 startNs, qint64 endNs) const
{
    SimSpan s = makeSpan(r.trace, SpanId{rng.nextNonZero()}, parent, service, r.region, ScopeKind::Db,
                         call.operation + u' ' + call.table, SpanKind::Client, startNs, endNs);
    s.attributes = {
        {u"db.system"_s, u"postgresql"_s},
        {u"db.name"_s, call.dbName},
        {u"db.operation"_s, call.operation},
        {u"db.sql.table"_s, call.table},
        {u"db.statement"_s, call.statement},
        {u"server.address"_s, call.peer + u'.' + regionName(r.region) + u".shop.internal"_s},
        {u"server.port"_s, qint64(5432)},
        {u"peer.service"_s, call.peer},
    };
    return s;
}

void ShopSimulation::addException(SimSpan& span, const Exception& e, qint64 atNs)
{
    span.events.append(SpanEvent{u"exception"_s,
                                 unixNanos(atNs),
                                 {{u"exception.type"_s, e.type},
                                  {u"exception.message"_s, e.message},
                                  {u"exception.stacktrace"_s, e.stacktrace}}});
}

void ShopSimulation::emitSpan(SimSpan span)
{
    const qint64 key = span.endTimeUnixNano - m_config.startUnixNano;
    m_pendingSpans.emplace(key, std::move(span));
}

void ShopSimulation::emitLog(ShopService service, int region, qint64 atNs, Severity severity,
                             const QString& body, const SimSpan* inside)
{
    SimLogRecord log;
    log.origin = SignalOrigin{resourceIndex(service, region), scopeFor(service, ScopeKind::App)};
    log.timeUnixNano = unixNanos(atNs);
    log.observedTimeUnixNano = log.timeUnixNano;
    log.severity = severity;
    log.body = body;
    if (inside != nullptr) {
        log.traceId = inside->traceId;
        log.spanId = inside->spanId;
    }
    m_pendingLogs.emplace(atNs, std::move(log));
}

template<typename Serve>
ShopSimulation::ServerResult ShopSimulation::httpCall(DemoRandom& rng, const Request& r, ShopService from,
                                                      SpanId parent, ShopService to, const QString& method,
                                                      const QString& route, const QString& path,
                                                      qint64 startNs, Serve serve)
{
    const SpanId clientId{rng.nextNonZero()};
    const SpanId serverId{rng.nextNonZero()};
    const qint64 serverStart = startNs + network(rng);
    ServerResult result = serve(serverId, serverStart);
    const qint64 clientEnd = result.endNs + network(rng);
    const QString address = host(to, r.region);
    const auto status = qint64(result.status);

    SimSpan client = makeSpan(r.trace, clientId, parent, from, r.region, ScopeKind::Http, method,
                              SpanKind::Client, startNs, clientEnd);
    client.attributes = {
        {u"http.request.method"_s, method},       {u"server.address"_s, address},
        {u"server.port"_s, qint64(8080)},         {u"url.full"_s, u"http://"_s + address + u":8080"_s + path},
        {u"http.response.status_code"_s, status},
    };
    // Client spans count every 4xx as an error, server spans only 5xx (semantic conventions).
    if (status >= 400) {
        client.attributes.append({u"error.type"_s, QString::number(status)});
        client.status = StatusCode::Error;
    }

    SimSpan server = makeSpan(r.trace, serverId, clientId, to, r.region, ScopeKind::Http,
                              method + u' ' + route, SpanKind::Server, serverStart, result.endNs);
    server.flags = kFlagsRemoteParent;
    server.attributes = {
        {u"http.request.method"_s, method},
        {u"http.route"_s, route},
        {u"url.path"_s, path},
        {u"url.scheme"_s, u"http"_s},
        {u"server.address"_s, address},
        {u"server.port"_s, qint64(8080)},
        {u"http.response.status_code"_s, status},
    };
    if (status >= 500) {
        server.attributes.append({u"error.type"_s, QString::number(status)});
        server.status = StatusCode::Error;
        server.statusMessage = result.errorMessage;
    }
    if (result.exception)
        addException(server, *result.exception, result.endNs - ms(0.05));
    emitSpan(std::move(server));
    emitSpan(std::move(client));
    result.endNs = clientEnd;
    return result;
}

void ShopSimulation::startRequest(qint64 t)
{
    DemoRandom& rng = m_trafficRng;
    Request r;
    r.trace = TraceId{rng.nextNonZero(), rng.next()};
    r.region = rng.chance(0.55) ? 0 : 1;
    r.severity = severityIn(r.region, t);
    r.clientIp = text::clientAddress(rng);
    r.userId = text::userId(rng);

    enum class Kind { Search, Profile, CartAdd, Checkout };
    const double pick = rng.uniform();
    const Kind kind = pick < 0.35   ? Kind::Search
                      : pick < 0.50 ? Kind::Profile
                      : pick < 0.75 ? Kind::CartAdd
                                    : Kind::Checkout;
    QString method = u"GET"_s;
    QString route;
    QString query;
    switch (kind) {
    case Kind::Search:
        route = u"/api/search"_s;
        query = u"q="_s + text::searchQuery(rng).replace(u' ', u'+');
        break;
    case Kind::Profile:
        route = u"/api/users/me"_s;
        break;
    case Kind::CartAdd:
        method = u"POST"_s;
        route = u"/api/cart/items"_s;
        break;
    case Kind::Checkout:
        method = u"POST"_s;
        route = u"/api/checkout"_s;
        break;
    }

    const SpanId rootId{rng.nextNonZero()};
    qint64 cursor = t + ms(rng.uniform(0.1, 0.4));
    const ServerResult auth =
        httpCall(rng, r, ShopService::Gateway, rootId, ShopService::Auth, u"POST"_s, u"/v1/verify"_s,
                 u"/v1/verify"_s, cursor, [&](SpanId s, qint64 start) { return serveAuth(r, s, start); });
    int status = auth.status;
    qint64 end = auth.endNs + ms(rng.uniform(0.1, 0.3));
    QString upstream = serviceName(ShopService::Auth);
    if (auth.status == 200) {
        cursor = auth.endNs + ms(rng.uniform(0.05, 0.2));
        ServerResult up;
        switch (kind) {
        case Kind::Search:
            upstream = serviceName(ShopService::Search);
            up = httpCall(rng, r, ShopService::Gateway, rootId, ShopService::Search, u"GET"_s, u"/search"_s,
                          u"/search"_s, cursor,
                          [&](SpanId s, qint64 start) { return serveSearch(r, s, start); });
            break;
        case Kind::Profile:
            upstream = serviceName(ShopService::Users);
            up = httpCall(rng, r, ShopService::Gateway, rootId, ShopService::Users, u"GET"_s,
                          u"/users/{id}"_s, u"/users/"_s + r.userId, cursor,
                          [&](SpanId s, qint64 start) { return serveUsers(r, s, start); });
            break;
        case Kind::CartAdd:
            upstream = serviceName(ShopService::Cart);
            up = httpCall(rng, r, ShopService::Gateway, rootId, ShopService::Cart, u"POST"_s,
                          u"/cart/items"_s, u"/cart/items"_s, cursor,
                          [&](SpanId s, qint64 start) { return serveCartAdd(r, s, start); });
            break;
        case Kind::Checkout:
            upstream = serviceName(ShopService::Cart);
            up = httpCall(rng, r, ShopService::Gateway, rootId, ShopService::Cart, u"POST"_s,
                          u"/cart/checkout"_s, u"/cart/checkout"_s, cursor,
                          [&](SpanId s, qint64 start) { return serveCartCheckout(r, s, start); });
            break;
        }
        status = up.status >= 500 ? 502 : up.status;
        end = up.endNs + ms(rng.uniform(0.1, 0.4));
    }

    SimSpan root = makeSpan(r.trace, rootId, {}, ShopService::Gateway, r.region, ScopeKind::Http,
                            method + u' ' + route, SpanKind::Server, t, end);
    static constexpr std::array<const char*, 4> agents{
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
        "Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
        "Safari/537.36",
        "ShopApp/4.2.0 (Android 14; Pixel 8)"};
    root.attributes = {
        {u"http.request.method"_s, method},
        {u"http.route"_s, route},
        {u"url.path"_s, route},
        {u"url.scheme"_s, u"https"_s},
        {u"server.address"_s, u"shop.example.com"_s},
        {u"server.port"_s, qint64(443)},
        {u"client.address"_s, r.clientIp},
        {u"user_agent.original"_s, QString::fromLatin1(rng.pick(agents))},
        {u"http.response.status_code"_s, qint64(status)},
    };
    if (!query.isEmpty())
        root.attributes.insert(3, {u"url.query"_s, query});
    if (status >= 500) {
        root.attributes.append({u"error.type"_s, QString::number(status)});
        root.status = StatusCode::Error;
    }

    const double elapsedMs = static_cast<double>(end - t) / kNanosPerMilli;
    const QString target = query.isEmpty() ? route : route + u'?' + query;
    emitLog(ShopService::Gateway, r.region, end, Severity::Info,
            u"%1 - \"%2 %3 HTTP/1.1\" %4 %5 %6ms req=%7"_s.arg(r.clientIp, method, target)
                .arg(status)
                .arg(status >= 400 ? 0 : 180 + rng.bounded(4000))
                .arg(elapsedMs, 0, 'f', 1)
                .arg(QString::fromLatin1(r.trace.toHex().left(8))),
            &root);
    if (status >= 500) {
        emitLog(ShopService::Gateway, r.region, end, Severity::Error,
                u"upstream %1 returned %2 for %3 %4 after %5 ms (client %6, region %7)"_s.arg(upstream)
                    .arg(status)
                    .arg(method, route)
                    .arg(qRound(elapsedMs))
                    .arg(r.clientIp, regionName(r.region)),
                &root);
    }
    emitSpan(std::move(root));
}

ShopSimulation::ServerResult ShopSimulation::serveAuth(const Request& r, SpanId server, qint64 start)
{
    DemoRandom& rng = m_trafficRng;
    ServerResult res;
    res.endNs = start + ms(rng.logNormal(2.2, 0.35));
    SimSpan ref = makeSpan(r.trace, server, {}, ShopService::Auth, r.region, ScopeKind::App, {},
                           SpanKind::Server, start, res.endNs);
    if (rng.chance(0.01)) {
        res.status = 401;
        emitLog(ShopService::Auth, r.region, res.endNs, Severity::Warn,
                u"rejected expired token for user %1 from %2 (expired %3s ago)"_s.arg(r.userId, r.clientIp)
                    .arg(30 + rng.bounded(7200)),
                &ref);
    } else if (rng.chance(0.05)) {
        emitLog(ShopService::Auth, r.region, res.endNs, Severity::Info,
                u"token verified user=%1 session=s-%2 ttl=%3s"_s.arg(r.userId, text::hexToken(rng, 8))
                    .arg(300 + rng.bounded(3300)),
                &ref);
    }
    return res;
}

ShopSimulation::ServerResult ShopSimulation::serveSearch(const Request& r, SpanId server, qint64 start)
{
    DemoRandom& rng = m_trafficRng;
    ServerResult res;
    const qint64 rankStart = start + ms(rng.logNormal(3.0, 0.4));
    const qint64 rankEnd = rankStart + ms(rng.logNormal(7.0, 0.45));
    SimSpan rank = makeSpan(r.trace, SpanId{rng.nextNonZero()}, server, ShopService::Search, r.region,
                            ScopeKind::App, u"rank results"_s, SpanKind::Internal, rankStart, rankEnd);
    const int hits = rng.bounded(120);
    rank.attributes = {{u"search.hits"_s, qint64(hits)}, {u"search.shards"_s, qint64(8)}};
    res.endNs = rankEnd + ms(rng.logNormal(1.0, 0.3));
    if (rng.chance(0.0025)) {
        const int shard = rng.bounded(8);
        res.status = 503;
        res.endNs = start + ms(500 + rng.uniform(1, 15));
        res.errorMessage = u"shard %1 did not respond within 500ms"_s.arg(shard);
        res.exception =
            Exception{u"TimeoutError"_s, res.errorMessage, text::pythonShardTimeoutTrace(shard, 500)};
        rank.status = StatusCode::Error;
        rank.endTimeUnixNano = unixNanos(res.endNs - ms(0.3));
        emitLog(ShopService::Search, r.region, res.endNs, Severity::Error, res.exception->stacktrace, &rank);
    } else if (rng.chance(0.1)) {
        emitLog(ShopService::Search, r.region, res.endNs, Severity::Info,
                u"query \"%1\" returned %2 hits in %3 ms (shard %4/8)"_s.arg(text::searchQuery(rng))
                    .arg(hits)
                    .arg(qRound(static_cast<double>(res.endNs - start) / kNanosPerMilli))
                    .arg(1 + rng.bounded(8)),
                &rank);
    }
    emitSpan(std::move(rank));
    return res;
}

ShopSimulation::ServerResult ShopSimulation::serveUsers(const Request& r, SpanId server, qint64 start)
{
    DemoRandom& rng = m_trafficRng;
    ServerResult res;
    const qint64 dbStart = start + ms(rng.uniform(0.3, 0.9));
    const qint64 dbEnd = dbStart + ms(rng.logNormal(2.0, 0.4));
    SimSpan db = makeDbSpan(rng, r, server, ShopService::Users,
                            {u"users"_s, u"users-db"_s, u"SELECT"_s, u"users"_s,
                             u"SELECT id, email, display_name, created_at FROM users WHERE id = $1"_s},
                            dbStart, dbEnd);
    res.endNs = dbEnd + ms(rng.uniform(0.3, 1.2));
    if (rng.chance(0.1)) {
        emitLog(ShopService::Users, r.region, res.endNs, Severity::Info,
                u"loaded profile %1 (orders=%2, addresses=%3) in %4 ms"_s.arg(r.userId)
                    .arg(rng.bounded(60))
                    .arg(1 + rng.bounded(3))
                    .arg(qRound(static_cast<double>(res.endNs - start) / kNanosPerMilli)),
                &db);
    }
    emitSpan(std::move(db));
    return res;
}

ShopSimulation::ServerResult ShopSimulation::serveCartAdd(const Request& r, SpanId server, qint64 start)
{
    DemoRandom& rng = m_trafficRng;
    ServerResult res;
    res.endNs = start + ms(rng.logNormal(4.5, 0.4));
    if (rng.chance(0.15)) {
        const SimSpan ref = makeSpan(r.trace, server, {}, ShopService::Cart, r.region, ScopeKind::App, {},
                                     SpanKind::Server, start, res.endNs);
        // Arguments drawn one per statement: evaluation order inside one call is unspecified, and
        // the output must not depend on the compiler.
        const QString cart = text::hexToken(rng, 6);
        const QString sku = text::sku(rng);
        emitLog(ShopService::Cart, r.region, res.endNs, Severity::Info,
                u"cart c-%1 add %2 qty=%3 total_items=%4 user=%5"_s.arg(cart, sku)
                    .arg(1 + rng.bounded(3))
                    .arg(1 + rng.bounded(9))
                    .arg(r.userId),
                &ref);
    }
    return res;
}

ShopSimulation::ServerResult ShopSimulation::serveCartCheckout(const Request& r, SpanId server, qint64 start)
{
    DemoRandom& rng = m_trafficRng;
    const qint64 callStart = start + ms(rng.logNormal(1.5, 0.3));
    ServerResult res =
        httpCall(rng, r, ShopService::Cart, server, ShopService::Checkout, u"POST"_s, u"/checkout"_s,
                 u"/checkout"_s, callStart, [&](SpanId s, qint64 st) { return serveCheckout(r, s, st); });
    const int upstream = res.status;
    res.endNs += ms(rng.uniform(0.3, 0.9));
    if (upstream >= 500) {
        res.status = 502;
        res.errorMessage = u"checkout returned %1"_s.arg(upstream);
        res.exception.reset();
    }
    return res;
}

ShopSimulation::ServerResult ShopSimulation::serveCheckout(const Request& r, SpanId server, qint64 start)
{
    DemoRandom& rng = m_trafficRng;
    ServerResult res;
    const QString orderId = u"o-"_s + QString::number(++m_orderSequence);
    const int items = 1 + rng.bounded(5);
    double total = std::floor(rng.uniform(9.0, 400.0));
    total += rng.chance(0.5) ? 0.95 : 0.99;

    const qint64 reserveStart = start + ms(rng.uniform(0.4, 1.2));
    const qint64 reserveEnd = reserveStart + ms(rng.logNormal(3.0, 0.4));
    SimSpan reserve =
        makeSpan(r.trace, SpanId{rng.nextNonZero()}, server, ShopService::Checkout, r.region, ScopeKind::App,
                 u"reserve inventory"_s, SpanKind::Internal, reserveStart, reserveEnd);
    reserve.attributes = {{u"shop.order.id"_s, orderId}, {u"shop.order.items"_s, qint64(items)}};
    const SimSpan serverRef = makeSpan(r.trace, server, {}, ShopService::Checkout, r.region, ScopeKind::App,
                                       {}, SpanKind::Server, start, start);

    // A small background error rate, so the dashboards are not flat zero before the incident.
    if (rng.chance(0.004)) {
        reserve.endTimeUnixNano = unixNanos(reserveStart + ms(250));
        reserve.status = StatusCode::Error;
        const QString what = u"reserve inventory for order "_s + orderId;
        res.endNs = reserveStart + ms(250.5);
        res.status = 503;
        res.errorMessage = what + u": context deadline exceeded"_s;
        res.exception = Exception{u"context.deadlineExceededError"_s, res.errorMessage,
                                  text::goUpstreamTimeoutTrace(rng, what)};
        emitLog(ShopService::Checkout, r.region, res.endNs, Severity::Error, res.errorMessage, &serverRef);
        emitSpan(std::move(reserve));
        return res;
    }
    emitSpan(std::move(reserve));

    const QString paymentsUrl =
        u"http://"_s + host(ShopService::Payments, r.region) + u":8080/payments/charge"_s;
    const ServerResult pay = httpCall(rng, r, ShopService::Checkout, server, ShopService::Payments, u"POST"_s,
                                      u"/payments/charge"_s, u"/payments/charge"_s, reserveEnd + ms(0.2),
                                      [&](SpanId s, qint64 st) { return servePayments(r, s, st); });
    qint64 cursor = pay.endNs + ms(rng.uniform(0.2, 0.6));

    if (pay.status >= 500) {
        res.endNs = cursor;
        res.status = 502;
        res.errorMessage =
            u"payment failed: POST %1: %2 %3"_s.arg(paymentsUrl).arg(pay.status).arg(statusText(pay.status));
        const QString trace = text::goPaymentErrorTrace(rng, paymentsUrl, pay.status);
        res.exception = Exception{u"*fmt.wrapError"_s, res.errorMessage, trace};
        const double tookMs = static_cast<double>(pay.endNs - start) / kNanosPerMilli;
        // Roughly one error in four logs the whole goroutine dump, the others one line.
        const QString body =
            rng.chance(0.25)
                ? trace
                : u"order %1 failed for user %2: payments returned %3 after %4 ms"_s.arg(orderId, r.userId)
                      .arg(pay.status)
                      .arg(qRound(tookMs));
        emitLog(ShopService::Checkout, r.region, res.endNs, Severity::Error, body, &serverRef);
        return res;
    }
    if (pay.status == 402) {
        res.endNs = cursor;
        res.status = 402;
        emitLog(ShopService::Checkout, r.region, res.endNs, Severity::Warn,
                u"payment declined for order %1 user=%2 amount=%3 EUR"_s.arg(orderId, r.userId,
                                                                             text::money(total)),
                &serverRef);
        return res;
    }

    // Published after the charge: the payments ledger consumes it (see runConsumer).
    const int partition = rng.bounded(6);
    const qint64 publishEnd = cursor + ms(rng.logNormal(2.0, 0.35));
    SimSpan publish =
        makeSpan(r.trace, SpanId{rng.nextNonZero()}, server, ShopService::Checkout, r.region,
                 ScopeKind::Messaging, u"publish orders.placed"_s, SpanKind::Producer, cursor, publishEnd);
    publish.attributes = {
        {u"messaging.system"_s, u"kafka"_s},
        {u"messaging.operation.type"_s, u"publish"_s},
        {u"messaging.destination.name"_s, u"orders.placed"_s},
        {u"messaging.destination.partition.id"_s, QString::number(partition)},
        {u"messaging.kafka.message.key"_s, orderId},
        {u"server.address"_s, u"kafka-0."_s + regionName(r.region) + u".shop.internal"_s},
        {u"server.port"_s, qint64(9092)},
        {u"peer.service"_s, u"kafka"_s},
    };
    Consumer& consumer = m_consumers[static_cast<size_t>(r.region)];
    consumer.queue.push_back(
        KafkaMessage{r.trace, publish.spanId, publishEnd, orderId, consumer.nextOffset++, partition, 0});
    emitSpan(std::move(publish));

    res.endNs = publishEnd + ms(rng.uniform(0.3, 1.0));
    res.status = 200;
    if (rng.chance(0.3)) {
        emitLog(
            ShopService::Checkout, r.region, res.endNs, Severity::Info,
            u"order %1 placed for user %2 total=%3 EUR items=%4"_s.arg(orderId, r.userId, text::money(total))
                .arg(items),
            &serverRef);
    }
    return res;
}

} // namespace wf::demo
