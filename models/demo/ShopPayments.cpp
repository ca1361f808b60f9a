// Payments, where the demo's incident lives: the charge endpoint and the ledger's kafka consumer, both
// drawing connections from the pool that runs dry in the failing region.
#include "ShopFlow.h"
#include "ShopSimulation.h"
#include "ShopText.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::demo {

using namespace flow;

ShopSimulation::ServerResult ShopSimulation::servePayments(const Request& r, SpanId server, qint64 start)
{
    DemoRandom& rng = m_trafficRng;
    ServerResult res;
    const SimSpan serverRef = makeSpan(r.trace, server, {}, ShopService::Payments, r.region, ScopeKind::App,
                                       {}, SpanKind::Server, start, start);
    const QString chargeId = u"ch_"_s + text::hexToken(rng, 12);
    const DbCall insert{
        u"payments"_s, u"payments-db"_s, u"INSERT"_s, u"payments"_s,
        u"INSERT INTO payments (id, order_ref, amount_cents, currency, status) VALUES ($1, $2, $3, $4, "
        u"'pending')"_s};
    const qint64 dbStart = start + ms(rng.uniform(0.5, 1.5));

    if (rng.chance(0.7 * r.severity)) {
        // The pool never hands out a connection: HikariCP gives up after connectionTimeout.
        const qint64 dbEnd = dbStart + ms(kPoolTimeoutMs + rng.uniform(0.5, 25.0));
        SimSpan db = makeDbSpan(rng, r, server, ShopService::Payments, insert, dbStart, dbEnd);
        const int waiting = static_cast<int>(r.severity * m_config.requestsPerSecond * 0.3) + rng.bounded(6);
        const Exception e{u"java.sql.SQLTransientConnectionException"_s,
                          text::hikariTimeoutMessage(kPoolTimeoutMs, kPoolSize, kPoolSize, waiting),
                          text::javaPoolTimeoutTrace(rng, kPoolTimeoutMs, kPoolSize, kPoolSize, waiting)};
        db.status = StatusCode::Error;
        db.statusMessage = e.message;
        db.attributes.append({u"error.type"_s, e.type});
        addException(db, e, dbEnd);
        res.endNs = dbEnd + ms(rng.uniform(0.5, 2.0));
        res.status = 500;
        res.errorMessage = e.message;
        res.exception = e;
        emitLog(ShopService::Payments, r.region, dbEnd, Severity::Error,
                rng.chance(0.35) ? e.stacktrace : chargeId + u": "_s + e.message, &db);
        emitSpan(std::move(db));
        return res;
    }

    const double waitMs = poolWaitMs(rng, r.severity);
    const qint64 dbEnd = dbStart + ms(rng.logNormal(3.5, 0.45) + waitMs);
    SimSpan db = makeDbSpan(rng, r, server, ShopService::Payments, insert, dbStart, dbEnd);
    if (waitMs > 400) {
        emitLog(
            ShopService::Payments, r.region, dbEnd, Severity::Warn,
            u"slow query %1 ms on payments-db: INSERT INTO payments (id, order_ref, amount_cents) charge=%2"_s
                .arg(qRound(static_cast<double>(dbEnd - dbStart) / kNanosPerMilli))
                .arg(chargeId),
            &db);
    }
    emitSpan(std::move(db));

    // The card network: an external call, with the occasional decline.
    const qint64 pspStart = dbEnd + ms(rng.uniform(0.2, 0.6));
    const qint64 pspEnd = pspStart + ms(rng.logNormal(42.0, 0.3));
    const bool declined = rng.chance(0.015);
    SimSpan psp = makeSpan(r.trace, SpanId{rng.nextNonZero()}, server, ShopService::Payments, r.region,
                           ScopeKind::Http, u"POST"_s, SpanKind::Client, pspStart, pspEnd);
    psp.attributes = {
        {u"http.request.method"_s, u"POST"_s},
        {u"server.address"_s, u"api.psp.example"_s},
        {u"server.port"_s, qint64(443)},
        {u"url.full"_s, u"https://api.psp.example/v1/charges"_s},
        {u"http.response.status_code"_s, qint64(declined ? 402 : 200)},
        {u"peer.service"_s, u"psp"_s},
    };
    if (declined) {
        psp.attributes.append({u"error.type"_s, u"402"_s});
        psp.status = StatusCode::Error;
    }
    emitSpan(std::move(psp));

    const qint64 updateStart = pspEnd + ms(rng.uniform(0.2, 0.6));
    const qint64 updateEnd = updateStart + ms(rng.logNormal(2.8, 0.4));
    emitSpan(makeDbSpan(rng, r, server, ShopService::Payments,
                        {u"payments"_s, u"payments-db"_s, u"UPDATE"_s, u"payments"_s,
                         u"UPDATE payments SET status = $1, psp_reference = $2 WHERE id = $3"_s},
                        updateStart, updateEnd));
    res.endNs = updateEnd + ms(rng.uniform(0.5, 2.0));
    res.status = declined ? 402 : 200;
    if (declined || rng.chance(0.3)) {
        emitLog(ShopService::Payments, r.region, res.endNs, declined ? Severity::Warn : Severity::Info,
                u"charge %1 %2 amount=%3 EUR card=****%4 psp_latency=%5ms"_s
                    .arg(chargeId, declined ? u"declined"_s : u"authorized"_s,
                         text::money(rng.uniform(9.0, 400.0)))
                    .arg(1000 + rng.bounded(9000))
                    .arg(qRound(static_cast<double>(pspEnd - pspStart) / kNanosPerMilli)),
                &serverRef);
    }
    return res;
}

void ShopSimulation::runConsumer(int region, qint64 untilNs)
{
    // One serial consumer per region: it keeps up easily (a few ms per message) until ledger writes
    // start waiting 2 s for a connection, then the lag grows with every order placed.
    DemoRandom& rng = m_consumerRng;
    Consumer& c = m_consumers[static_cast<size_t>(region)];
    while (!c.queue.empty()) {
        KafkaMessage& m = c.queue.front();
        // Decide before drawing: a draw thrown away at a step boundary would make the output depend
        // on how the caller slices time.
        const qint64 earliest = std::max(c.busyUntilNs, m.readyNs);
        if (earliest >= untilNs)
            return;
        const qint64 start = earliest + ms(rng.uniform(0.5, 3.0));
        Request r;
        r.trace = m.trace;
        r.region = region;
        r.severity = severityIn(region, start);

        const SpanId consumerId{rng.nextNonZero()};
        const qint64 dbStart = start + ms(rng.uniform(0.2, 0.6));
        const bool fails = rng.chance(0.7 * r.severity);
        double dbMs = 0;
        if (fails) {
            dbMs = kPoolTimeoutMs + rng.uniform(0.5, 20.0);
        } else {
            dbMs = rng.logNormal(2.5, 0.4);
            dbMs += poolWaitMs(rng, r.severity);
        }
        const qint64 dbEnd = dbStart + ms(dbMs);
        SimSpan db =
            makeDbSpan(rng, r, consumerId, ShopService::Payments,
                       {u"payments"_s, u"payments-db"_s, u"INSERT"_s, u"ledger_entries"_s,
                        u"INSERT INTO ledger_entries (order_ref, kafka_offset, amount_cents) VALUES ($1, $2, "
                        u"$3)"_s},
                       dbStart, dbEnd);
        const qint64 end = dbEnd + ms(rng.uniform(0.3, 1.0));
        SimSpan consumer =
            makeSpan(m.trace, consumerId, m.producer, ShopService::Payments, region, ScopeKind::Messaging,
                     u"process orders.placed"_s, SpanKind::Consumer, start, end);
        consumer.flags = kFlagsRemoteParent;
        consumer.links.append(SpanLink{m.trace, m.producer, {{u"messaging.operation.type"_s, u"publish"_s}}});
        consumer.attributes = {
            {u"messaging.system"_s, u"kafka"_s},
            {u"messaging.operation.type"_s, u"process"_s},
            {u"messaging.destination.name"_s, u"orders.placed"_s},
            {u"messaging.destination.partition.id"_s, QString::number(m.partition)},
            {u"messaging.consumer.group.name"_s, u"payments-ledger"_s},
            {u"messaging.kafka.message.key"_s, m.orderId},
            {u"messaging.kafka.offset"_s, m.offset},
        };
        if (m.attempts > 0)
            consumer.attributes.append({u"messaging.kafka.delivery.attempt"_s, qint64(m.attempts + 1)});

        if (fails) {
            const int waiting =
                static_cast<int>(r.severity * m_config.requestsPerSecond * 0.3) + rng.bounded(6);
            const Exception e{u"org.springframework.jdbc.CannotGetJdbcConnectionException"_s,
                              u"Failed to obtain JDBC Connection"_s,
                              text::javaLedgerTrace(rng, kPoolTimeoutMs, kPoolSize, waiting)};
            db.status = StatusCode::Error;
            db.statusMessage = text::hikariTimeoutMessage(kPoolTimeoutMs, kPoolSize, kPoolSize, waiting);
            consumer.status = StatusCode::Error;
            consumer.statusMessage = e.message;
            consumer.attributes.append({u"error.type"_s, e.type});
            addException(consumer, e, end - ms(0.1));
            emitLog(ShopService::Payments, region, end, Severity::Error,
                    rng.chance(0.3)
                        ? e.stacktrace
                        : u"ledger write failed for order %1 (offset %2, attempt %3), retrying in 250 ms"_s
                              .arg(m.orderId)
                              .arg(m.offset)
                              .arg(m.attempts + 1),
                    &consumer);
            ++m.attempts;
            c.busyUntilNs = end + ms(250); // the listener's retry backoff
        } else {
            if (rng.chance(0.1)) {
                emitLog(ShopService::Payments, region, end, Severity::Info,
                        u"ledger entry written order=%1 offset=%2 partition=%3 lag=%4"_s.arg(m.orderId)
                            .arg(m.offset)
                            .arg(m.partition)
                            .arg(static_cast<qint64>(c.queue.size()) - 1),
                        &consumer);
            }
            c.busyUntilNs = end;
            c.queue.pop_front();
        }
        emitSpan(std::move(db));
        emitSpan(std::move(consumer));
    }
}

} // namespace wf::demo
