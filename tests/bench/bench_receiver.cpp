// Requests per second through the OTLP receiver: 1 KiB JSON trace exports over keep-alive connections
// from 4 client threads, first with a stub decoder (the HTTP path alone), then with the real one.

#include "receiver/OtlpReceiver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

using namespace wf::receiver;

namespace {

QByteArray tracesBody()
{
    QByteArray spans;
    for (int i = 0; i < 3; ++i) {
        spans +=
            QByteArray(i ? "," : "") +
            R"({"traceId":"9c800593c582ebf9c0176132df33c7b5","spanId":"36360b236f1a30c)" +
            QByteArray::number(i) +
            R"(","name":"POST /api/orders","kind":2,"startTimeUnixNano":"1700000000000000000",)"
            R"("endTimeUnixNano":"1700000000120000000","attributes":[{"key":"http.method","value":)"
            R"({"stringValue":"POST"}},{"key":"http.status_code","value":{"intValue":"200"}}],"status":{}})";
    }
    return R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},)"
           R"("scopeSpans":[{"scope":{"name":"bench"},"spans":[)" +
           spans + "]}]}]}";
}

// One keep-alive connection sending `count` requests one after another; returns the 200s.
int clientLoop(quint16 port, const QByteArray& request, int count)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!s.waitForConnected(5000))
        return 0;
    int ok = 0;
    QByteArray buf;
    for (int i = 0; i < count; ++i) {
        s.write(request);
        for (;;) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end >= 0) {
                const qsizetype cl = buf.indexOf("Content-Length: ");
                const qsizetype len = buf.mid(cl + 16, buf.indexOf('\r', cl) - cl - 16).toLongLong();
                if (buf.size() >= end + 4 + len) {
                    ok += buf.startsWith("HTTP/1.1 200");
                    buf.remove(0, end + 4 + len);
                    break;
                }
            }
            if (!s.waitForReadyRead(5000))
                return ok;
            buf += s.readAll();
        }
    }
    return ok;
}

double run(OtlpReceiver& receiver, const QByteArray& request, int threads, int perThread)
{
    std::atomic<int> ok{0};
    std::vector<std::unique_ptr<QThread>> workers;
    const quint16 port = receiver.port();
    QElapsedTimer clock;
    clock.start();
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back(QThread::create([&] { ok += clientLoop(port, request, perThread); }));
        workers.back()->start();
    }
    for (auto& w : workers) {
        while (!w->wait(5))
            QCoreApplication::processEvents(); // deliver the batches, as the UI thread would
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (ok != threads * perThread)
        std::fprintf(stderr, "bench: only %d of %d requests got 200\n", ok.load(), threads * perThread);
    return ok / seconds;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray body = tracesBody();
    const QByteArray request =
        "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body;
    constexpr int kThreads = 4;
    constexpr int kPerThread = 2500;

    ReceiverConfig config;
    config.port = 0;
    OtlpReceiver receiver;
    receiver.setConfig(config);
    receiver.setDecoder([](Signal, QByteArrayView, ContentType) {
        DecodeOutcome o;
        o.acceptedItems = 3;
        return o;
    });
    if (!receiver.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(receiver.errorString()));
        return 1;
    }
    run(receiver, request, kThreads, 200); // warm-up
    const double stub = run(receiver, request, kThreads, kPerThread);
    receiver.stop();

    OtlpReceiver real; // the stock decoder
    real.setConfig(config);
    int spans = 0;
    QObject::connect(
        &real, &OtlpReceiver::tracesReceived, &real,
        [&](const std::shared_ptr<const wf::telemetry::SpanBatch>& b) { spans += int(b->size()); });
    if (!real.start())
        return 1;
    run(real, request, kThreads, 200);
    const double json = run(real, request, kThreads, kPerThread);
    QCoreApplication::processEvents();
    real.stop();
    // The stub once more, after the real decoder: on a busy machine the first run is often slower.
    if (!receiver.start())
        return 1;
    const double stubAgain = run(receiver, request, kThreads, kPerThread);

    std::printf("bench: receiver_keepalive_1k_stub %.0f req/s\n", stub);
    std::printf("bench: receiver_keepalive_1k_stub_second_run %.0f req/s\n", stubAgain);
    std::printf("bench: receiver_keepalive_1k_json %.0f req/s ratio %.2f vs receiver_keepalive_1k_stub\n",
                json, json / stub);
    std::printf("bench: receiver_request_bytes %lld bytes\n", qint64(request.size()));
    return spans > 0 ? 0 : 1;
}
