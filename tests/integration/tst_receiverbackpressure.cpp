// Backpressure: while the store behind the receiver is full, traces and logs are answered 503 with
// Retry-After (OTLP senders retry), not 200 for data that would be dropped; metrics still flow.

#include "net/HttpClient.h"
#include "receiver/BackpressureDecoder.h"
#include "receiver/DefaultDecoder.h"
#include "receiver/OtlpReceiver.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;
using namespace wf;

class TestReceiverBackpressure : public QObject
{
    Q_OBJECT

    net::HttpResult post(net::HttpClient& http, quint16 port, const QByteArray& path, const QByteArray& body)
    {
        net::HttpRequest r;
        r.method = "POST";
        r.url = QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(QString::fromLatin1(path)));
        r.headers = {{"Content-Type", "application/json"}};
        r.body = body;
        std::optional<net::HttpResult> out;
        http.send(r, this, [&](const net::HttpResult& res) { out = res; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return {};
        return *out;
    }

private Q_SLOTS:
    void fullStoreGets503WithRetryAfter()
    {
        std::atomic<bool> busy{false};
        receiver::OtlpReceiver rx;
        receiver::ReceiverConfig config;
        config.port = 0;
        rx.setConfig(config);
        rx.setDecoder(
            receiver::withBackpressure(receiver::defaultDecoder(), [&busy] { return busy.load(); }));
        QVERIFY2(rx.start(), qPrintable(rx.errorString()));
        QSignalSpy traces(&rx, &receiver::OtlpReceiver::tracesReceived);
        net::HttpClient http;

        const QByteArray spans =
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10",)"
            R"("spanId":"1112131415161718","name":"GET /","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})";
        QCOMPARE(post(http, rx.port(), "/v1/traces", spans).status, 200);
        QTRY_COMPARE(traces.size(), 1);

        busy = true;
        const net::HttpResult refused = post(http, rx.port(), "/v1/traces", spans);
        QCOMPARE(refused.status, 503);
        QVERIFY(!refused.header("Retry-After").isEmpty());
        QVERIFY2(refused.body.contains("catching up"), refused.body.constData());
        QCOMPARE(post(http, rx.port(), "/v1/logs", R"({"resourceLogs":[]})").status, 503);
        QCOMPARE(post(http, rx.port(), "/v1/metrics", R"({"resourceMetrics":[]})").status, 200);
        QTest::qWait(100);
        QCOMPARE(traces.size(), 1); // nothing was delivered for the refused request

        busy = false;
        QCOMPARE(post(http, rx.port(), "/v1/traces", spans).status, 200);
        QTRY_COMPARE(traces.size(), 2);
        QVERIFY(rx.stats().rejectedFor(receiver::RejectReason::Unavailable) >= 2);
    }
};

QTEST_MAIN(TestReceiverBackpressure)
#include "tst_receiverbackpressure.moc"
