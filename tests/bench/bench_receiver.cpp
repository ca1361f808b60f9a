// Requests per second through the OTLP receiver: 1 KiB JSON trace exports over keep-alive connections
// from 4 client threads, first with a stub decoder (the HTTP path alone), then with the real one.
// Then a flood: the demo shop's log exports (~100 KiB each, as the OpenTelemetry JS SDK writes them)
// from 4 threads into a receiver that feeds a SignalStore, with the process's peak RSS over it.

#include "ProcessMemory.h"
#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"
#include "receiver/OtlpReceiver.h"
#include "signalstore/SignalStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
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

QByteArray postRequest(const char* path, const QByteArray& body)
{
    return QByteArray("POST ") + path +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// A demo-shop log export of about `records` records.
QByteArray shopLogsBody(int records)
{
    wf::demo::ShopConfig config;
    config.requestsPerSecond = 2000;
    wf::demo::ShopSimulation shop(config);
    for (;;) {
        shop.tick(100'000'000);
        const wf::demo::TelemetryBatch batch = shop.takeBatch();
        if (batch.logs.size() >= records)
            return wf::demo::OtlpJsonWriter::logs(batch);
    }
}

// Returns false when the flood could not run.
bool flood()
{
    QTemporaryDir dir;
    QString error;
    auto store = wf::signalstore::SignalStore::open(dir.filePath(QStringLiteral("flood.db")), {}, &error);
    if (!store) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return false;
    }
    ReceiverConfig config;
    config.port = 0;
    OtlpReceiver receiver;
    receiver.setConfig(config);
    QObject::connect(&receiver, &OtlpReceiver::logsReceived, store.get(),
                     [&](const std::shared_ptr<const wf::telemetry::LogBatch>& b) { store->ingest(b); });
    if (!receiver.start())
        return false;
    const QByteArray body = shopLogsBody(250);
    const qint64 rssBefore = wf::test::residentBytes();
    // 4 x 800 exports of ~260 records: more than the store's queue bound (500,000 by default) while
    // the receiver outpaces the writer, so the peak shows memory at that bound.
    constexpr int kThreads = 4;
    constexpr int kPerThread = 800;
    const double rate = run(receiver, postRequest("/v1/logs", body), kThreads, kPerThread);
    QCoreApplication::processEvents();
    receiver.stop();
    store->flush();
    const qint64 peak = wf::test::peakResidentBytes();
    const auto stats = store->stats();
    std::printf("bench: receiver_flood_logs_body %lld bytes\n", qint64(body.size()));
    std::printf("bench: receiver_flood_logs %.0f req/s\n", rate);
    std::printf("bench: receiver_flood_logs_stored %lld records\n", stats.logRecordsStored);
    std::printf("bench: receiver_flood_logs_refused_by_store %lld records\n", stats.itemsRefused);
    std::printf("bench: receiver_flood_rss_before %.1f MB\n", double(rssBefore) / 1e6);
    std::printf("bench: receiver_flood_peak_rss %.1f MB\n", double(peak) / 1e6);
    return stats.logRecordsStored > 0;
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
    if (!flood())
        return 1;
    return spans > 0 ? 0 : 1;
}
