#include "ShopText.h"

#include <array>

using namespace Qt::StringLiterals;

namespace wf::demo::text {

QString clientAddress(DemoRandom& rng)
{
    static constexpr std::array<const char*, 3> prefixes{"203.0.113.", "198.51.100.", "192.0.2."};
    const auto prefix = QLatin1StringView(rng.pick(prefixes));
    return prefix + QString::number(1 + rng.bounded(254));
}

QString userId(DemoRandom& rng)
{
    return u"u-"_s + QString::number(10000 + rng.bounded(90000));
}

QString hexToken(DemoRandom& rng, int digits)
{
    QString out;
    out.reserve(digits);
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = 0; i < digits; ++i)
        out.append(QLatin1Char(hex[rng.bounded(16)]));
    return out;
}

QString searchQuery(DemoRandom& rng)
{
    static constexpr std::array<const char*, 12> queries{"desk lamp",
                                                         "usb-c cable",
                                                         "running shoes",
                                                         "coffee grinder",
                                                         "standing desk",
                                                         "wool socks",
                                                         "noise cancelling headphones",
                                                         "backpack 30l",
                                                         "cast iron pan",
                                                         "phone case",
                                                         "led strip",
                                                         "yoga mat"};
    return QString::fromLatin1(rng.pick(queries));
}

QString sku(DemoRandom& rng)
{
    return u"sku-"_s + QString::number(10000 + rng.bounded(5000));
}

QString money(double amount)
{
    return QString::number(amount, 'f', 2);
}

QString hikariTimeoutMessage(int timeoutMs, int total, int active, int waiting)
{
    return u"HikariPool-1 - Connection is not available, request timed out after %1ms (total=%2, active=%3, "
           "idle=%4, waiting=%5)"_s.arg(timeoutMs)
               .arg(total)
               .arg(active)
               .arg(total - active)
               .arg(waiting);
}

QString javaPoolTimeoutTrace(DemoRandom& rng, int timeoutMs, int total, int active, int waiting)
{
    return u"java.sql.SQLTransientConnectionException: "_s +
           hikariTimeoutMessage(timeoutMs, total, active, waiting) +
           u"\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)"
           "\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)"
           "\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:162)"
           "\n\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:128)"
           "\n\tat shop.payments.repo.PaymentRepository.insert(PaymentRepository.java:57)"
           "\n\tat shop.payments.PaymentService.charge(PaymentService.java:88)"
           "\n\tat shop.payments.http.ChargeController.post(ChargeController.java:41)"
           "\n\tat io.javalin.http.servlet.JavalinServlet.service(JavalinServlet.kt:94)"
           "\n\tat org.eclipse.jetty.server.handler.HandlerWrapper.handle(HandlerWrapper.java:127)"
           "\n\t... "_s +
           QString::number(20 + rng.bounded(8)) + u" more"_s;
}

QString javaLedgerTrace(DemoRandom& rng, int timeoutMs, int total, int waiting)
{
    // One draw per statement: the order operands of + are evaluated in is unspecified.
    const int pollLine = 500 + rng.bounded(40);
    const int more = 11 + rng.bounded(6);
    return u"org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"_s +
           u"\n\tat shop.payments.ledger.LedgerWriter.append(LedgerWriter.java:73)"
           "\n\tat shop.payments.ledger.OrdersPlacedListener.onMessage(OrdersPlacedListener.java:39)"
           "\n\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.poll(ConsumerCoordinator.java:"_s +
           QString::number(pollLine) + u")\nCaused by: java.sql.SQLTransientConnectionException: "_s +
           hikariTimeoutMessage(timeoutMs, total, total, waiting) +
           u"\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)"
           "\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)"
           "\n\t... "_s +
           QString::number(more) + u" more"_s;
}

namespace {

QString goAddress(DemoRandom& rng)
{
    return u"0xc000"_s + text::hexToken(rng, 6);
}

} // namespace

QString goPaymentErrorTrace(DemoRandom& rng, const QString& paymentsUrl, int status)
{
    const QString statusText = status == 503 ? u"Service Unavailable"_s : u"Internal Server Error"_s;
    const QString goroutine = QString::number(1000 + rng.bounded(90000));
    const QString a1 = goAddress(rng);
    const QString a2 = goAddress(rng);
    const QString a3 = goAddress(rng);
    const QString a4 = goAddress(rng);
    return u"payment failed: POST "_s + paymentsUrl + u": "_s + QString::number(status) + u" "_s +
           statusText + u"\n\ngoroutine "_s + goroutine +
           u" [running]:\nshop/checkout/internal/orders.(*Service).Place("_s + a1 + u", {0x1a2b3c0, "_s + a2 +
           u"})\n\t/src/checkout/internal/orders/service.go:142 +0x2a5"
           "\nshop/checkout/internal/httpapi.(*Handler).postCheckout("_s +
           a3 + u", {0x1a2a8e0, "_s + a4 +
           u"})\n\t/src/checkout/internal/httpapi/handler.go:77 +0x1c8"
           "\nnet/http.HandlerFunc.ServeHTTP(...)\n\t/usr/local/go/src/net/http/server.go:2136 +0x29"_s;
}

QString goUpstreamTimeoutTrace(DemoRandom& rng, const QString& what)
{
    const QString goroutine = QString::number(1000 + rng.bounded(90000));
    const QString address = goAddress(rng);
    return what + u": context deadline exceeded\n\ngoroutine "_s + goroutine +
           u" [select]:\nshop/platform/rpc.(*Client).Do("_s + address +
           u")\n\t/src/platform/rpc/client.go:211 +0x3f1\nshop/checkout/internal/inventory.Reserve(...)"
           "\n\t/src/checkout/internal/inventory/reserve.go:58 +0x11c"_s;
}

QString pythonShardTimeoutTrace(int shard, int timeoutMs)
{
    return u"Traceback (most recent call last):\n  File \"/app/search/api.py\", line 88, in search\n"
           "    hits = index.query(q, timeout=0.5)\n  File \"/app/search/index.py\", line 141, in query\n"
           "    raise TimeoutError(f\"shard {shard} did not respond within {timeout_ms}ms\")\n"
           "TimeoutError: shard %1 did not respond within %2ms"_s.arg(shard)
               .arg(timeoutMs);
}

} // namespace wf::demo::text
