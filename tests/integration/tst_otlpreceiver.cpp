// The OTLP receiver over real loopback sockets: framing like the OpenTelemetry JS SDK sends it,
// compression, every refusal path, slow clients, backpressure and many clients at once. The test
// thread plays the UI thread: an EventLoopWatchdog checks it is never blocked for 100 ms or more.

#include "ProtoFixtures.h"
#include "TestSupport.h"
#include "receiver/OtlpReceiver.h"
#include "receiver/ReceiverStatsModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSemaphore>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <zlib.h>

using namespace wf::receiver;
using namespace std::chrono_literals;

namespace {

bool waitFor(const std::function<bool()>& done, int timeoutMs = 5000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(2);
    }
    return true;
}

struct Reply
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const
    {
        for (const auto& [n, v] : headers)
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

// A raw HTTP/1.1 client on the test thread's event loop, so the test controls every byte on the wire.
class RawClient
{
public:
    explicit RawClient(quint16 port, const QHostAddress& address = QHostAddress(QHostAddress::LocalHost))
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] {
            m_buffer += m_socket.readAll();
            parse();
        });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { m_closed = true; });
        m_socket.connectToHost(address, port);
    }
    bool waitConnected()
    {
        return waitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QByteArray& bytes) { m_socket.write(bytes); }
    bool waitReplies(int n, int timeoutMs = 5000)
    {
        return waitFor([&] { return replies.size() >= n; }, timeoutMs);
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return waitFor([this] { return m_closed || m_socket.state() == QAbstractSocket::UnconnectedState; },
                       timeoutMs);
    }
    bool closed() const { return m_closed; }
    QTcpSocket& socket() { return m_socket; }

    QList<Reply> replies;
    int interim = 0; // 100 Continue

private:
    void parse()
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = m_buffer.first(end).split('\n');
            Reply r;
            r.status = lines.front().split(' ').value(1).toInt();
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                r.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
                if (line.first(colon).compare("content-length", Qt::CaseInsensitive) == 0)
                    length = line.sliced(colon + 1).trimmed().toLongLong();
            }
            if (r.status == 100) {
                ++interim;
                m_buffer.remove(0, end + 4);
                continue;
            }
            if (m_buffer.size() < end + 4 + length)
                return;
            r.body = m_buffer.sliced(end + 4, length);
            m_buffer.remove(0, end + 4 + length);
            replies.append(r);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

QByteArray request(const QByteArray& path, const QByteArray& body, const QByteArray& extraHeaders = {},
                   const QByteArray& contentType = "application/json")
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n" +
           extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// As the OpenTelemetry JS SDK sends it (see tests/data/samples/otlp_captures/*.headers.json).
QByteArray chunkedRequest(const QByteArray& path, const QByteArray& body, qsizetype chunk,
                          const QByteArray& contentType = "application/json", const QByteArray& extra = {})
{
    QByteArray out = "POST " + path + " HTTP/1.1\r\ncontent-type: " + contentType +
                     "\r\nuser-agent: OTel-OTLP-Exporter-JavaScript/0.223.1\r\nhost: 127.0.0.1:4318\r\n"
                     "connection: keep-alive\r\n" +
                     extra + "transfer-encoding: chunked\r\n\r\n";
    for (qsizetype i = 0; i < body.size(); i += chunk) {
        const QByteArray piece = body.mid(i, chunk);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

QByteArray gzip(QByteArrayView data)
{
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out;
    out.resize(qsizetype(deflateBound(&zs, uLong(data.size()))));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

// A decoder stand-in: "bad..." is malformed, "partial..." loses two items, anything else is one item of
// service "checkout". With `blocking` set, each call waits for the test to release it.
struct StubState
{
    QMutex mutex;
    QList<QByteArray> bodies;
    std::atomic<int> calls{0};
    std::atomic<bool> blocking{false};
    QSemaphore entered;
    QSemaphore gate;
};

Decoder stubDecoder(std::shared_ptr<StubState> state)
{
    return [state](Signal signal, QByteArrayView body, ContentType) {
        ++state->calls;
        {
            QMutexLocker lock(&state->mutex);
            state->bodies.append(body.toByteArray());
        }
        if (state->blocking) {
            state->entered.release();
            state->gate.acquire();
        }
        DecodeOutcome o;
        if (body.startsWith("bad")) {
            o.status = DecodeOutcome::Status::Malformed;
            o.errorMessage = QStringLiteral("resourceSpans[0].scopeSpans: expected array, got string");
            return o;
        }
        o.acceptedItems = 1;
        if (body.startsWith("partial")) {
            o.rejectedItems = 2;
            o.errorMessage = QStringLiteral("spans[1].traceId: expected 32 hex digits");
        }
        o.itemsPerService = {{QStringLiteral("checkout"), 1}};
        switch (signal) {
        case Signal::Traces:
            o.batch = std::make_shared<const wf::telemetry::SpanBatch>();
            break;
        case Signal::Logs:
            o.batch = std::make_shared<const wf::telemetry::LogBatch>();
            break;
        case Signal::Metrics:
            o.batch = std::make_shared<const wf::telemetry::MetricBatch>();
            break;
        }
        return o;
    };
}

struct SwarmResult
{
    int firstServed = 0;
    int firstRetry = 0;
    int served = 0;
    int rounds = 0;
    qint64 overloaded = 0;
    QByteArray unexpected; // what went wrong, if anything
};

// n clients connect at once, then all POST; those told to retry (Retry-After) do so on a new
// connection, as exporters do, until all are served. Runs on the calling thread's event loop.
SwarmResult runSwarm(quint16 port, int n, const QByteArray& body)
{
    SwarmResult r;
    const auto answered = [](const std::vector<std::unique_ptr<RawClient>>& list) {
        for (const auto& c : list)
            if (c->replies.isEmpty() && !c->closed())
                return false;
        return true;
    };
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < n; ++i)
        clients.push_back(std::make_unique<RawClient>(port));
    if (!waitFor([&] {
            for (const auto& c : clients)
                if (c->socket().state() != QAbstractSocket::ConnectedState && !c->closed())
                    return false;
            return true;
        })) {
        r.unexpected = "clients did not connect";
        return r;
    }
    for (auto& c : clients)
        c->send(request("/v1/logs", body));
    for (;;) {
        if (!waitFor([&] { return answered(clients); }, 20000)) {
            r.unexpected = "clients left without an answer";
            return r;
        }
        std::vector<std::unique_ptr<RawClient>> again;
        int ok = 0;
        for (const auto& c : clients) {
            const int status = c->replies.isEmpty() ? 0 : c->replies[0].status;
            if (status == 200) {
                ++ok;
                continue;
            }
            if ((status != 503 && status != 429) || c->replies[0].header("retry-after") != "1") {
                r.unexpected = "unexpected answer " + QByteArray::number(status);
                return r;
            }
            ++r.overloaded;
            again.push_back(std::make_unique<RawClient>(port));
            again.back()->send(request("/v1/logs", body));
        }
        if (r.rounds == 0) {
            r.firstServed = ok;
            r.firstRetry = int(again.size());
        }
        r.served += ok;
        if (again.empty())
            return r;
        if (++r.rounds > 10) {
            r.unexpected = "still refused after 10 rounds";
            return r;
        }
        clients = std::move(again);
    }
}

ReceiverConfig loopbackConfig()
{
    ReceiverConfig c;
    c.port = 0;
    return c;
}

} // namespace

class TestOtlpReceiver : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<wf::test::EventLoopWatchdog> m_watchdog;
    std::unique_ptr<OtlpReceiver> m_receiver;
    std::shared_ptr<StubState> m_stub;
    int m_traces = 0;
    int m_logs = 0;
    int m_metrics = 0;

    // Starts a receiver with the stub decoder (or the stock one) and the given tweaks.
    void startReceiver(const std::function<void(ReceiverConfig&)>& tweak = {}, bool stub = true)
    {
        m_receiver = std::make_unique<OtlpReceiver>();
        ReceiverConfig config = loopbackConfig();
        if (tweak)
            tweak(config);
        m_receiver->setConfig(config);
        if (stub)
            m_receiver->setDecoder(stubDecoder(m_stub));
        connect(m_receiver.get(), &OtlpReceiver::tracesReceived, this, [this] { ++m_traces; });
        connect(m_receiver.get(), &OtlpReceiver::logsReceived, this, [this] { ++m_logs; });
        connect(m_receiver.get(), &OtlpReceiver::metricsReceived, this, [this] { ++m_metrics; });
        QVERIFY2(m_receiver->start(), qPrintable(m_receiver->errorString()));
        QVERIFY(m_receiver->port() != 0);
    }
    quint16 port() const { return m_receiver->port(); }

private Q_SLOTS:
    void initTestCase() { m_watchdog = std::make_unique<wf::test::EventLoopWatchdog>(); }

    void init()
    {
        m_stub = std::make_shared<StubState>();
        m_traces = m_logs = m_metrics = 0;
        m_watchdog->reset();
    }

    void cleanup()
    {
        if (m_stub) {
            m_stub->blocking = false;
            m_stub->gate.release(1000);
        }
        m_receiver.reset();
        qInfo("event loop worst gap: %lld ms", m_watchdog->worstGapMs());
        QVERIFY2(m_watchdog->worstGapMs() < 100, qPrintable(QString::number(m_watchdog->worstGapMs())));
    }

    void postWithContentLengthAndChunked()
    {
        startReceiver();
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(request("/v1/traces", R"({"resourceSpans":[]})"));
        QVERIFY(c.waitReplies(1));
        QCOMPARE(c.replies[0].status, 200);
        QCOMPARE(c.replies[0].body, QByteArray("{}"));
        QCOMPARE(c.replies[0].header("content-type"), QByteArray("application/json"));
        // Same connection (keep-alive), chunked in odd sizes, like the JS SDK.
        c.send(chunkedRequest("/v1/logs", R"({"resourceLogs":[{"x":1}]})", 7));
        QVERIFY(c.waitReplies(2));
        QCOMPARE(c.replies[1].status, 200);
        c.send(chunkedRequest("/v1/metrics", "partial", 3));
        QVERIFY(c.waitReplies(3));
        QCOMPARE(c.replies[2].status, 200);
        const QJsonObject ps = QJsonDocument::fromJson(c.replies[2].body)
                                   .object()
                                   .value(QStringLiteral("partialSuccess"))
                                   .toObject();
        QCOMPARE(ps.value(QStringLiteral("rejectedDataPoints")).toInt(), 2);
        QVERIFY(ps.value(QStringLiteral("errorMessage")).toString().contains(QStringLiteral("traceId")));
        QVERIFY(!c.closed());
        QVERIFY(waitFor([this] { return m_traces == 1 && m_logs == 1 && m_metrics == 1; }));
        QCOMPARE(m_stub->bodies.value(1), QByteArray(R"({"resourceLogs":[{"x":1}]})"));

        const ReceiverStatsSnapshot s = m_receiver->stats();
        QCOMPARE(s.of(Signal::Traces).requests, 1);
        QCOMPARE(s.of(Signal::Metrics).rejectedItems, 2);
        QCOMPARE(s.rejectedTotal(), 0);
        QCOMPARE(s.connectionsAccepted, 1);
        QVERIFY(s.wireBytes > 0);
        QCOMPARE(s.itemsPerService.value(0), (std::pair<QString, qint64>(QStringLiteral("checkout"), 3)));
    }

    void pipelinedAndExpectContinue()
    {
        startReceiver();
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(request("/v1/traces", "one") + request("/v1/traces", "bad two") +
               request("/v1/traces", "three"));
        QVERIFY(c.waitReplies(3));
        QCOMPARE(c.replies[0].status, 200);
        QCOMPARE(c.replies[1].status, 400);
        QCOMPARE(c.replies[2].status, 200);
        QCOMPARE(m_stub->bodies, (QList<QByteArray>{"one", "bad two", "three"}));
        // 400 for a malformed body names the field, as a google.rpc.Status.
        const QJsonObject status = QJsonDocument::fromJson(c.replies[1].body).object();
        QCOMPARE(status.value(QStringLiteral("code")).toInt(), 3);
        QVERIFY(status.value(QStringLiteral("message")).toString().contains(QStringLiteral("scopeSpans")));

        c.send("POST /v1/traces HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n"
               "Expect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        QVERIFY(waitFor([&] { return c.interim == 1; }));
        c.send("body");
        QVERIFY(c.waitReplies(4));
        QCOMPARE(c.replies[3].status, 200);
        QCOMPARE(m_receiver->stats().rejectedFor(RejectReason::Malformed), 1);
    }

    void realCapturedBodies()
    {
        // The stock decoder with what the OpenTelemetry JS SDK really sent, in both encodings.
        startReceiver({}, false);
        const QDir dir(wf::test::samplePath(QStringLiteral("otlp_captures")));
        const QStringList bodies = dir.entryList(
            {QStringLiteral("*_v1_traces.json"), QStringLiteral("*_v1_traces.pb")}, QDir::Files);
        QVERIFY2(bodies.filter(QStringLiteral(".pb")).size() >= 1, qPrintable(dir.path()));
        QVERIFY2(bodies.filter(QStringLiteral(".json")).size() >= 1, qPrintable(dir.path()));
        RawClient c(port());
        QVERIFY(c.waitConnected());
        int n = 0;
        for (const QString& name : bodies) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray body = f.readAll();
            const bool proto = name.endsWith(QLatin1String(".pb"));
            c.send(chunkedRequest("/v1/traces", body, 512,
                                  proto ? "application/x-protobuf" : "application/json"));
            QVERIFY(c.waitReplies(++n));
            const Reply& r = c.replies.back();
            QVERIFY2(r.status == 200, qPrintable(name + QLatin1Char(' ') + QString::fromUtf8(r.body)));
            // A full success in protobuf is an empty ExportTraceServiceResponse.
            QCOMPARE(r.header("content-type"),
                     proto ? QByteArray("application/x-protobuf") : QByteArray("application/json"));
            if (proto)
                QCOMPARE(r.body, QByteArray());
        }
        QVERIFY(waitFor([&] { return m_traces == int(bodies.size()); }));
        const ReceiverStatsSnapshot s = m_receiver->stats();
        QVERIFY(s.of(Signal::Traces).acceptedItems > 0);
        QCOMPARE(s.of(Signal::Traces).rejectedItems, 0);
        QVERIFY(!s.itemsPerService.isEmpty());
        QCOMPARE(s.rejectedTotal(), 0);
    }

    void protobufRequestPerSignal()
    {
        using namespace wf::test::proto;
        startReceiver({}, false);
        std::shared_ptr<const wf::telemetry::SpanBatch> spans;
        std::shared_ptr<const wf::telemetry::LogBatch> logs;
        std::shared_ptr<const wf::telemetry::MetricBatch> metrics;
        connect(m_receiver.get(), &OtlpReceiver::tracesReceived, this, [&](auto b) { spans = b; });
        connect(m_receiver.get(), &OtlpReceiver::logsReceived, this, [&](auto b) { logs = b; });
        connect(m_receiver.get(), &OtlpReceiver::metricsReceived, this, [&](auto b) { metrics = b; });

        const QByteArray traceId = QByteArray::fromHex("4bf92f3577b34da6a3ce929d0e0e4736");
        const QByteArray rootId = QByteArray::fromHex("00f067aa0ba902b7");
        const QByteArray childId = QByteArray::fromHex("53995c3f42cd8ad8");
        const QByteArray resource = len(1, strAttr("service.name", "inventory"));
        // Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, start 7, end 8, attributes 9,
        // status 15 { message 2, code 3 }.
        const QByteArray root = len(1, traceId) + len(2, rootId) + len(5, "GET /stock") + vint(6, 2) +
                                fixed64(7, 1'000'000'000) + fixed64(8, 1'250'000'000) +
                                len(9, strAttr("http.route", "/stock"));
        const QByteArray child = len(1, traceId) + len(2, childId) + len(4, rootId) + len(5, "SELECT stock") +
                                 vint(6, 3) + fixed64(7, 1'010'000'000) + fixed64(8, 1'200'000'000) +
                                 len(15, len(2, "timeout") + vint(3, 2));
        // LogRecord: time 1, severity_number 2, severity_text 3, body 5, trace_id 9, span_id 10.
        const QByteArray record = fixed64(1, 1'100'000'000) + vint(2, 17) + len(3, "ERROR") +
                                  len(5, len(1, "stock lookup timed out")) + len(9, traceId) +
                                  len(10, childId);
        // Metric: name 1, unit 3, sum 7 { data_points 1 { start 2, time 3, as_int 6, attributes 7 },
        // aggregation_temporality 2, is_monotonic 3 }.
        const QByteArray sum = len(1, "stock.lookups") + len(3, "{lookup}") +
                               len(7, len(1, fixed64(2, 500'000'000) + fixed64(3, 2'000'000'000) +
                                                 fixed64(6, 41) + len(7, strAttr("warehouse", "north"))) +
                                          vint(2, 2) + vint(3, 1));

        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(request("/v1/traces", envelope(len(2, root) + len(2, child), resource), {},
                       "application/x-protobuf"));
        // Logs gzip-compressed, chunked, as the JS SDK's compression option sends them.
        c.send(chunkedRequest("/v1/logs", gzip(envelope(len(2, record), resource)), 9,
                              "application/x-protobuf", "content-encoding: gzip\r\n"));
        c.send(request("/v1/metrics", envelope(len(2, sum), resource), {}, "application/x-protobuf"));
        // Not protobuf at all: 400 with a google.rpc.Status in protobuf.
        c.send(request("/v1/traces", "\x0a\xff\xff\xff\xff\x0f", {}, "application/x-protobuf"));
        QVERIFY(c.waitReplies(4));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(c.replies[i].status, 200);
            QCOMPARE(c.replies[i].header("content-type"), QByteArray("application/x-protobuf"));
        }
        QCOMPARE(c.replies[3].status, 400);
        QCOMPARE(c.replies[3].body.left(2), vint(1, 3)); // code INVALID_ARGUMENT
        QVERIFY(waitFor([&] { return spans && logs && metrics; }));

        QCOMPARE(spans->size(), 2);
        const wf::telemetry::Span& s0 = spans->spans()[0];
        const wf::telemetry::Span& s1 = spans->spans()[1];
        QCOMPARE(s0.traceId.toByteArray(), traceId);
        QCOMPARE(s0.spanId.toByteArray(), rootId);
        QVERIFY(s0.isRoot());
        QCOMPARE(s0.name, QStringLiteral("GET /stock"));
        QCOMPARE(s0.kind, wf::telemetry::SpanKind::Server);
        QCOMPARE(s0.durationNs(), 250'000'000);
        QCOMPARE(s0.attributes.value(u"http.route").toString(), QStringLiteral("/stock"));
        QCOMPARE(s1.parentSpanId.toByteArray(), rootId);
        QCOMPARE(s1.statusCode, wf::telemetry::StatusCode::Error);
        QCOMPARE(s1.statusMessage, QStringLiteral("timeout"));
        QCOMPARE(spans->resourceOf(s1).serviceName(), QStringLiteral("inventory"));

        QCOMPARE(logs->size(), 1);
        const wf::telemetry::LogRecord& l = logs->records()[0];
        QCOMPARE(l.bodyText, QStringLiteral("stock lookup timed out"));
        QCOMPARE(l.severityNumber, 17);
        QCOMPARE(l.severityText, QStringLiteral("ERROR"));
        QCOMPARE(l.spanId.toByteArray(), childId);
        QCOMPARE(logs->resourceOf(l).serviceName(), QStringLiteral("inventory"));

        QCOMPARE(metrics->size(), 1);
        const wf::telemetry::Metric& m = metrics->metrics()[0];
        QCOMPARE(m.name, QStringLiteral("stock.lookups"));
        QCOMPARE(m.type, wf::telemetry::MetricType::Sum);
        QCOMPARE(m.temporality, wf::telemetry::AggregationTemporality::Cumulative);
        QVERIFY(m.isMonotonic);
        QCOMPARE(m.numberPoints.intValues, (std::vector<qint64>{41}));
        QCOMPARE(m.numberPoints.startNs, (std::vector<qint64>{500'000'000}));
        QCOMPARE(m.numberPoints.attributes[0].value(u"warehouse").toString(), QStringLiteral("north"));

        const ReceiverStatsSnapshot st = m_receiver->stats();
        QCOMPARE(st.of(Signal::Traces).acceptedItems, 2);
        QCOMPARE(st.of(Signal::Logs).acceptedItems, 1);
        QCOMPARE(st.of(Signal::Metrics).acceptedItems, 1);
        QCOMPARE(st.rejectedFor(RejectReason::Malformed), 1);
        QCOMPARE(st.rejectedFor(RejectReason::UnsupportedMedia), 0);
        QCOMPARE(st.itemsPerService.value(0), (std::pair<QString, qint64>(QStringLiteral("inventory"), 4)));
    }

    void gzipBodies()
    {
        startReceiver([](ReceiverConfig& c) { c.limits.inflate.maxOutputBytes = 4 * 1024 * 1024; });
        RawClient c(port());
        QVERIFY(c.waitConnected());
        const QByteArray plain = QByteArray(R"({"resourceSpans":[)") + QByteArray(20000, ' ') + "]}";
        c.send(request("/v1/traces", gzip(plain), "Content-Encoding: gzip\r\n"));
        QVERIFY(c.waitReplies(1));
        QCOMPARE(c.replies[0].status, 200);
        QCOMPARE(m_stub->bodies.value(0), plain);
        // Corrupt gzip: 400, and the connection stays usable.
        c.send(request("/v1/traces", "\x1f\x8bnot really", "Content-Encoding: gzip\r\n"));
        QVERIFY(c.waitReplies(2));
        QCOMPARE(c.replies[1].status, 400);
        // A bomb: 32 MiB of zeros in 32 KiB, far over the 4 MiB cap and the 100:1 ratio. Building it
        // takes the test thread a moment; that is not the receiver's doing.
        const QByteArray bomb = gzip(QByteArray(32 * 1024 * 1024, '\0'));
        m_watchdog->reset();
        c.send(
            chunkedRequest("/v1/traces", bomb, 16 * 1024, "application/json", "content-encoding: gzip\r\n"));
        QVERIFY(c.waitReplies(3));
        QCOMPARE(c.replies[2].status, 413);
        // Unknown coding.
        c.send(request("/v1/traces", "x", "Content-Encoding: br\r\n"));
        QVERIFY(c.waitReplies(4));
        QCOMPARE(c.replies[3].status, 415);
        const ReceiverStatsSnapshot s = m_receiver->stats();
        QVERIFY(s.decodedBytes >= plain.size());
        QCOMPARE(s.rejectedFor(RejectReason::TooLarge), 1);
        QCOMPARE(s.rejectedFor(RejectReason::Malformed), 1);
        QCOMPARE(s.rejectedFor(RejectReason::UnsupportedMedia), 1);
    }

    void refusals()
    {
        startReceiver([](ReceiverConfig& c) { c.limits.http.maxBodyBytes = 64 * 1024; });
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(request("/v1/spans", "{}"));
        QVERIFY(c.waitReplies(1));
        QCOMPARE(c.replies[0].status, 404);
        c.send("GET /v1/traces HTTP/1.1\r\nHost: h\r\n\r\n");
        QVERIFY(c.waitReplies(2));
        QCOMPARE(c.replies[1].status, 405);
        QCOMPARE(c.replies[1].header("allow"), QByteArray("POST"));
        c.send(request("/v1/traces", "{}", {}, "text/plain"));
        QVERIFY(c.waitReplies(3));
        QCOMPARE(c.replies[2].status, 415);
        c.send("GET /health HTTP/1.1\r\nHost: h\r\n\r\n");
        QVERIFY(c.waitReplies(4));
        QCOMPARE(c.replies[3].status, 200);
        QVERIFY(!c.closed()); // none of these needed the connection closed

        // Announced too large: answered before the body is read, then closed.
        RawClient big(port());
        QVERIFY(big.waitConnected());
        big.send("POST /v1/traces HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n"
                 "Content-Length: 10000000\r\n\r\n" +
                 QByteArray(100 * 1024, 'x'));
        QVERIFY(big.waitReplies(1));
        QCOMPARE(big.replies[0].status, 413);
        QVERIFY(big.waitClosed());
        // Chunked, too large only once read: 413 while reading.
        RawClient chunky(port());
        QVERIFY(chunky.waitConnected());
        chunky.send(chunkedRequest("/v1/traces", QByteArray(100 * 1024, 'y'), 8 * 1024));
        QVERIFY(chunky.waitReplies(1));
        QCOMPARE(chunky.replies[0].status, 413);
        QCOMPARE(chunky.replies[0].header("connection"), QByteArray("close"));
        // Broken HTTP.
        RawClient garbage(port());
        QVERIFY(garbage.waitConnected());
        garbage.send("HELLO\r\n\r\n");
        QVERIFY(garbage.waitReplies(1));
        QCOMPARE(garbage.replies[0].status, 400);
        QVERIFY(garbage.waitClosed());
        // No framing on a POST.
        RawClient nolength(port());
        QVERIFY(nolength.waitConnected());
        nolength.send("POST /v1/logs HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n\r\n");
        QVERIFY(nolength.waitReplies(1));
        QCOMPARE(nolength.replies[0].status, 411);

        QCOMPARE(m_stub->calls.load(), 0);
        const ReceiverStatsSnapshot s = m_receiver->stats();
        QCOMPARE(s.rejectedFor(RejectReason::NotFound), 2);
        QCOMPARE(s.rejectedFor(RejectReason::UnsupportedMedia), 1);
        QCOMPARE(s.rejectedFor(RejectReason::TooLarge), 2);
        QCOMPARE(s.rejectedFor(RejectReason::Malformed), 2);
        QVERIFY(waitFor([this] { return m_receiver->stats().bufferedBytes == 0; }));
    }

    void nonLoopbackNeedsOptInAndToken()
    {
        OtlpReceiver r;
        ReceiverConfig c = loopbackConfig();
        c.address = QHostAddress(QHostAddress::AnyIPv4);
        r.setConfig(c);
        QVERIFY(!r.start());
        QVERIFY(!r.isRunning());
        QVERIFY(r.errorString().contains(QStringLiteral("0.0.0.0")));
        QVERIFY(!OtlpReceiver::validateConfig(c).isEmpty());
        c.allowNonLoopback = true;
        r.setConfig(c);
        QVERIFY(!r.start());
        QVERIFY(r.errorString().contains(QStringLiteral("bearer token")));
        c.bearerToken = "bad token with spaces";
        QVERIFY(!OtlpReceiver::validateConfig(c).isEmpty());

        startReceiver([](ReceiverConfig& cfg) {
            cfg.address = QHostAddress(QHostAddress::AnyIPv4);
            cfg.allowNonLoopback = true;
            cfg.bearerToken = "s3cret-token";
        });
        // An unauthenticated client is answered and disconnected without its body being read.
        RawClient anon(port());
        QVERIFY(anon.waitConnected());
        anon.send(request("/v1/traces", "{}"));
        QVERIFY(anon.waitReplies(1));
        QCOMPARE(anon.replies[0].status, 401);
        QCOMPARE(anon.replies[0].header("www-authenticate"), QByteArray("Bearer"));
        QVERIFY(anon.waitClosed());
        RawClient wrong(port());
        QVERIFY(wrong.waitConnected());
        wrong.send(request("/v1/traces", "{}", "Authorization: Bearer s3cret-tokeX\r\n"));
        QVERIFY(wrong.waitReplies(1));
        QCOMPARE(wrong.replies[0].status, 401);
        RawClient good(port());
        QVERIFY(good.waitConnected());
        good.send(request("/v1/traces", "{}", "Authorization: Bearer s3cret-token\r\n"));
        QVERIFY(good.waitReplies(1));
        QCOMPARE(good.replies[0].status, 200);
        QCOMPARE(m_receiver->stats().rejectedFor(RejectReason::Unauthorized), 2);
        QCOMPARE(m_stub->calls.load(), 1);
    }

    void slowClientsAreDropped()
    {
        startReceiver([](ReceiverConfig& c) {
            c.limits.headerTimeout = 300ms;
            c.limits.bodyTimeout = 300ms;
        });
        QElapsedTimer clock;
        clock.start();
        // Slowloris: a header byte every 50 ms, forever.
        RawClient loris(port());
        QVERIFY(loris.waitConnected());
        const QByteArray head = "POST /v1/traces HTTP/1.1\r\nHost: h\r\nX-Slow: " + QByteArray(1000, 'z');
        QTimer drip;
        qsizetype sent = 0;
        connect(&drip, &QTimer::timeout, this, [&] {
            if (sent < head.size() && loris.socket().state() == QAbstractSocket::ConnectedState)
                loris.send(head.mid(sent++, 1));
        });
        drip.start(50);
        // Connects and never says anything.
        RawClient mute(port());
        QVERIFY(mute.waitConnected());
        // Sends its head, then stalls in the body.
        RawClient stall(port());
        QVERIFY(stall.waitConnected());
        stall.send("POST /v1/traces HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n"
                   "Content-Length: 100\r\n\r\n0123456789");
        // Meanwhile a normal client is served.
        RawClient normal(port());
        QVERIFY(normal.waitConnected());
        normal.send(request("/v1/traces", "{}"));
        QVERIFY(normal.waitReplies(1));
        QCOMPARE(normal.replies[0].status, 200);

        QVERIFY(loris.waitClosed(2000));
        QVERIFY(mute.waitClosed(2000));
        QVERIFY(stall.waitClosed(2000));
        qInfo("slow clients dropped after %lld ms", clock.elapsed());
        QVERIFY(clock.elapsed() < 1500);
        QVERIFY(sent < 40);
        QCOMPARE(stall.replies.value(0).status, 408);
        QCOMPARE(m_receiver->stats().rejectedFor(RejectReason::Timeout), 3);
        QVERIFY(waitFor([this] { return m_receiver->stats().openConnections == 1; }));
    }

    void inFlightCapQueuesThenAnswers429()
    {
        startReceiver([](ReceiverConfig& c) {
            c.limits.maxInFlight = 2;
            c.limits.queueTimeout = 500ms;
        });
        m_stub->blocking = true;
        RawClient a(port());
        RawClient b(port());
        RawClient c(port());
        RawClient d(port());
        QVERIFY(a.waitConnected() && b.waitConnected() && c.waitConnected() && d.waitConnected());
        a.send(request("/v1/traces", "a"));
        b.send(request("/v1/traces", "b"));
        QVERIFY(waitFor([this] { return m_stub->entered.available() == 2; }));
        QCOMPARE(m_receiver->stats().inFlight, 2);
        // No slot frees within the queue timeout: 429 with Retry-After, connection kept.
        QElapsedTimer clock;
        clock.start();
        c.send(request("/v1/traces", "c"));
        QVERIFY(c.waitReplies(1));
        QCOMPARE(c.replies[0].status, 429);
        QCOMPARE(c.replies[0].header("retry-after"), QByteArray("1"));
        QVERIFY(clock.elapsed() >= 450);
        QVERIFY(!c.closed());
        QVERIFY(a.replies.isEmpty() && b.replies.isEmpty());
        // A slot frees while it waits: served.
        d.send(request("/v1/traces", "d"));
        QVERIFY(waitFor([this] { return m_receiver->stats().queued == 1; }));
        m_stub->blocking = false;
        m_stub->gate.release(2);
        QVERIFY(a.waitReplies(1) && b.waitReplies(1) && d.waitReplies(1));
        QCOMPARE(a.replies[0].status, 200);
        QCOMPARE(b.replies[0].status, 200);
        QCOMPARE(d.replies[0].status, 200);
        QCOMPARE(m_stub->calls.load(), 3);
        QCOMPARE(m_receiver->stats().rejectedFor(RejectReason::Overloaded), 1);
        QVERIFY(
            waitFor([this] { return m_receiver->stats().inFlight == 0 && m_receiver->stats().queued == 0; }));
    }

    void bufferBudgetAnswers503()
    {
        startReceiver([](ReceiverConfig& c) { c.limits.maxBufferedBytes = 256 * 1024; });
        m_stub->blocking = true;
        RawClient a(port());
        QVERIFY(a.waitConnected());
        a.send(request("/v1/traces", QByteArray(200 * 1024, 'a')));
        QVERIFY(waitFor([this] { return m_stub->entered.available() == 1; }));
        // The first body is still held by its decode: the second does not fit beside it.
        RawClient b(port());
        QVERIFY(b.waitConnected());
        b.send(request("/v1/traces", QByteArray(100 * 1024, 'b')));
        QVERIFY(b.waitReplies(1));
        QCOMPARE(b.replies[0].status, 503);
        QCOMPARE(b.replies[0].header("retry-after"), QByteArray("1"));
        m_stub->blocking = false;
        m_stub->gate.release();
        QVERIFY(a.waitReplies(1));
        QCOMPARE(a.replies[0].status, 200);
        QVERIFY(waitFor([this] { return m_receiver->stats().bufferedBytes == 0; }));
        // Budget released: the same request now fits.
        RawClient again(port());
        QVERIFY(again.waitConnected());
        again.send(request("/v1/traces", QByteArray(100 * 1024, 'b')));
        QVERIFY(again.waitReplies(1));
        QCOMPARE(again.replies[0].status, 200);
    }

    void manyConcurrentClients()
    {
        startReceiver();
        constexpr int kClients = 200;
        // The clients run on a thread of their own: the test thread plays the UI thread, and its
        // watchdog must see only what the receiver costs it (nothing), not the load generator.
        SwarmResult result;
        std::atomic<bool> done{false};
        const quint16 p = port();
        std::unique_ptr<QThread> swarm(QThread::create([&] {
            result = runSwarm(p, kClients, QByteArray(1024, 'j'));
            done = true;
        }));
        swarm->start();
        QVERIFY(waitFor([&] { return done.load(); }, 90000));
        swarm->wait();
        qInfo("200 concurrent clients: %d served at once, %d told to retry; all served after %d retry rounds",
              result.firstServed, result.firstRetry, result.rounds);
        QVERIFY2(result.unexpected.isEmpty(), result.unexpected.constData());
        QVERIFY(result.firstServed >= 64);
        QCOMPARE(result.served, kClients);
        QVERIFY(waitFor([&] { return m_logs == kClients; }, 5000));
        const ReceiverStatsSnapshot s = m_receiver->stats();
        QCOMPARE(s.of(Signal::Logs).requests, kClients);
        QCOMPARE(s.rejectedFor(RejectReason::Overloaded), result.overloaded);
        QVERIFY(s.openConnections <= 64);
    }

    void statsModel()
    {
        startReceiver();
        RawClient c(port());
        QVERIFY(c.waitConnected());
        c.send(request("/v1/traces", "{}") + request("/v1/nope", "{}"));
        QVERIFY(c.waitReplies(2));
        ReceiverStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = model.rowCount();
        model.setSnapshot(m_receiver->stats());
        QCOMPARE(model.rowCount(), before + 1); // one service row appeared
        QCOMPARE(model.columnCount(), 2);
        bool sawService = false;
        bool sawNotFound = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString name = model.index(row, 0).data().toString();
            const qint64 value = model.index(row, 1).data(ReceiverStatsModel::RawValueRole).toLongLong();
            if (name.contains(QStringLiteral("checkout")))
                sawService = value == 1;
            if (model.index(row, 0).data(ReceiverStatsModel::KindRole).toInt() ==
                    int(ReceiverStatsModel::Kind::Rejection) &&
                value == 1)
                sawNotFound = true;
        }
        QVERIFY(sawService);
        QVERIFY(sawNotFound);
        model.setSnapshot(m_receiver->stats()); // same shape: values in place
        QCOMPARE(model.rowCount(), before + 1);
    }

    void stopAndRestart()
    {
        startReceiver();
        const quint16 first = port();
        RawClient c(first);
        QVERIFY(c.waitConnected());
        m_receiver->stop();
        QVERIFY(!m_receiver->isRunning());
        QCOMPARE(m_receiver->port(), quint16(0));
        QVERIFY(c.waitClosed());
        QVERIFY(m_receiver->start());
        RawClient d(port());
        QVERIFY(d.waitConnected());
        d.send(request("/v1/traces", "{}"));
        QVERIFY(d.waitReplies(1));
        QCOMPARE(d.replies[0].status, 200);
        // A port in use is a clear error, not a crash.
        OtlpReceiver other;
        ReceiverConfig cfg = loopbackConfig();
        cfg.port = port();
        other.setConfig(cfg);
        QVERIFY(!other.start());
        QVERIFY(other.errorString().contains(QString::number(port())));
    }
};

QTEST_GUILESS_MAIN(TestOtlpReceiver)
#include "tst_otlpreceiver.moc"
