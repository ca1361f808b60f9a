// Starts the real watchfloor-demo-shop executable against a loopback OTLP/HTTP receiver, drives the
// incident through its control endpoint, and checks what arrived.
#include "LoopbackHttpServer.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString kShop = QStringLiteral(WF_DEMO_SHOP);

// Reads stdout until the "control: http://127.0.0.1:<port>" line; 0 if it does not come.
quint16 readControlPort(QProcess& p, int timeoutMs = 10000)
{
    static const QRegularExpression re(u"^control: http://127\\.0\\.0\\.1:(\\d+)$"_s);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (p.canReadLine()) {
            const QString line = QString::fromUtf8(p.readLine()).trimmed();
            const QRegularExpressionMatch m = re.match(line);
            if (m.hasMatch())
                return quint16(m.captured(1).toUInt());
        }
        if (p.state() == QProcess::NotRunning)
            return 0;
        p.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    return 0;
}

// One raw HTTP exchange with the control endpoint (it closes after answering).
QByteArray exchange(quint16 port, const QByteArray& request)
{
    QTcpSocket s;
    s.connectToHost(u"127.0.0.1"_s, port);
    if (!s.waitForConnected(3000))
        return {};
    s.write(request);
    s.waitForBytesWritten(3000);
    QByteArray response;
    QDeadlineTimer deadline(6000);
    while (s.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (s.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            response += s.readAll();
    }
    response += s.readAll();
    return response;
}

int statusOf(const QByteArray& response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

QJsonObject bodyOf(const QByteArray& response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QJsonObject() : QJsonDocument::fromJson(response.mid(end + 4)).object();
}

QByteArray get(const char* path, quint16 port)
{
    return "GET " + QByteArray(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\n\r\n";
}

QByteArray post(const char* path, quint16 port)
{
    return "POST " + QByteArray(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nContent-Length: 0\r\n\r\n";
}

QString phase(quint16 port)
{
    return bodyOf(exchange(port, get("/state", port))).value(u"phase"_s).toString();
}

bool waitForPhase(quint16 port, const QString& wanted, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (phase(port) == wanted)
            return true;
        QThread::msleep(50);
    }
    return false;
}

// True once the process is gone or a zombie nobody reaped (containers without an init).
bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) == "Z";
}

} // namespace

class TestDemoShop : public QObject
{
    Q_OBJECT

private slots:
    void sendsOtlpAndFollowsTheControlEndpoint()
    {
        wf::test::LoopbackHttpServer receiver;
        for (const char* path : {"/v1/traces", "/v1/logs", "/v1/metrics"})
            receiver.setRoute(path, wf::test::HttpRoute::ok("{}", {{"Content-Type", "application/json"}}));

        QProcess shop;
        shop.start(kShop,
                   {u"--endpoint"_s, receiver.url(QString()).toString(), u"--seed"_s, u"3"_s, u"--speed"_s,
                    u"30"_s, u"--failure-after"_s, u"10"_s, u"--rate"_s, u"5"_s, u"--duration"_s, u"150"_s});
        QVERIFY2(shop.waitForStarted(5000), qPrintable(shop.errorString()));
        const quint16 port = readControlPort(shop);
        QVERIFY2(port != 0, shop.readAllStandardError().constData());

        // The incident runs on its own: normal -> degrading (10 s) -> failed (30 s simulated, ~1 s real).
        QVERIFY(waitForPhase(port, u"failed"_s, 10000));
        const QJsonObject failed = bodyOf(exchange(port, get("/state", port)));
        QCOMPARE(failed.value(u"failingRegion"_s).toString(), u"eu-west"_s);
        QCOMPARE(failed.value(u"failedSinceSeconds"_s).toDouble(), 30.0);

        const QByteArray reply = exchange(port, post("/actions/payments-db-pool/reset", port));
        QCOMPARE(statusOf(reply), 200);
        QVERIFY(reply.contains("\r\nContent-Type: application/json\r\n"));
        const QJsonObject applied = bodyOf(reply);
        QCOMPARE(applied.value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(applied.value(u"state"_s).toObject().value(u"phase"_s).toString(), u"recovering"_s);
        QCOMPARE(
            bodyOf(exchange(port, post("/actions/payments/restart", port))).value(u"outcome"_s).toString(),
            u"already-applied"_s);
        QVERIFY(waitForPhase(port, u"recovered"_s, 10000));

        // What the endpoint refuses.
        QCOMPARE(statusOf(exchange(port, get("/nope", port))), 404);
        QCOMPARE(statusOf(exchange(port, get("/actions/payments/restart", port))), 405);
        QCOMPARE(statusOf(exchange(port, post("/state", port))), 405);
        QCOMPARE(statusOf(exchange(port, "get /state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")), 400);
        QCOMPARE(statusOf(exchange(port, "GET /state HTTP/1.1\r\n\r\n")), 400);
        QCOMPARE(statusOf(exchange(port, "POST /actions/payments/restart HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                         "Origin: https://example.com\r\nContent-Length: 0\r\n\r\n")),
                 403);
        QCOMPARE(statusOf(exchange(port, "GET /state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " +
                                             QByteArray(9000, 'a') + "\r\n\r\n")),
                 431);

        // --duration ends the run by itself, after sending the last batch.
        QVERIFY(shop.waitForFinished(15000));
        QCOMPARE(shop.exitStatus(), QProcess::NormalExit);
        QCOMPARE(shop.exitCode(), 0);

        QSet<QString> services;
        int errorSpans = 0;
        QHash<QByteArray, int> perPath;
        for (const wf::test::RecordedRequest& r : receiver.requests()) {
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
            ++perPath[r.path];
            QJsonParseError error;
            const QJsonObject body = QJsonDocument::fromJson(r.body, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            const QString key = r.path == "/v1/traces" ? u"resourceSpans"_s
                                : r.path == "/v1/logs" ? u"resourceLogs"_s
                                                       : u"resourceMetrics"_s;
            QVERIFY2(body.contains(key), r.path.constData());
            for (const QJsonValue& rv : body.value(key).toArray()) {
                const QJsonObject resource = rv.toObject().value(u"resource"_s).toObject();
                services.insert(resource.value(u"attributes"_s)
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"value"_s)
                                    .toObject()
                                    .value(u"stringValue"_s)
                                    .toString());
                if (key != u"resourceSpans"_s)
                    continue;
                for (const QJsonValue& sv : rv.toObject().value(u"scopeSpans"_s).toArray()) {
                    for (const QJsonValue& span : sv.toObject().value(u"spans"_s).toArray())
                        errorSpans +=
                            span.toObject().value(u"status"_s).toObject().value(u"code"_s).toInt() == 2;
                }
            }
        }
        qInfo("received: %d traces, %d logs, %d metrics bodies; %d error spans", perPath.value("/v1/traces"),
              perPath.value("/v1/logs"), perPath.value("/v1/metrics"), errorSpans);
        QVERIFY(perPath.value("/v1/traces") >= 3);
        QVERIFY(perPath.value("/v1/logs") >= 3);
        QVERIFY(perPath.value("/v1/metrics") >= 3);
        QCOMPARE(services.size(), 7);
        QVERIFY(errorSpans > 10);
    }

    void sigtermEndsItPromptly()
    {
        QProcess shop;
        shop.start(kShop, {u"--endpoint"_s,
                           u"http://127.0.0.1:%1"_s.arg(wf::test::LoopbackHttpServer::closedPort())});
        QVERIFY(shop.waitForStarted(5000));
        QVERIFY(readControlPort(shop) != 0);
        QElapsedTimer clock;
        clock.start();
        shop.terminate();
        QVERIFY(shop.waitForFinished(5000));
        QCOMPARE(shop.exitStatus(), QProcess::NormalExit);
        QCOMPARE(shop.exitCode(), 0);
        QVERIFY(clock.elapsed() < 3000);
        QVERIFY(shop.readAllStandardError().contains("SIGTERM"));
    }

    void deadReceiverIsReportedOnceAndDoesNotBlock()
    {
        QProcess shop;
        shop.start(kShop,
                   {u"--endpoint"_s, u"http://127.0.0.1:%1"_s.arg(wf::test::LoopbackHttpServer::closedPort()),
                    u"--speed"_s, u"30"_s, u"--duration"_s, u"60"_s});
        QVERIFY(shop.waitForStarted(5000));
        QVERIFY(readControlPort(shop) != 0);
        QVERIFY(shop.waitForFinished(15000));
        QCOMPARE(shop.exitCode(), 0);
        const QByteArray err = shop.readAllStandardError();
        QCOMPARE(err.count("watchfloor-demo-shop: sending to"), 1); // rate-limited to once a minute
    }

    void hangingReceiverMakesItDropOldestNotGrow()
    {
        wf::test::LoopbackHttpServer receiver;
        for (const char* path : {"/v1/traces", "/v1/logs", "/v1/metrics"})
            receiver.setRoute(path, wf::test::HttpRoute::hang());
        QProcess shop;
        shop.start(kShop, {u"--endpoint"_s, receiver.url(QString()).toString(), u"--speed"_s, u"40"_s,
                           u"--duration"_s, u"200"_s});
        QVERIFY(shop.waitForStarted(5000));
        QVERIFY(readControlPort(shop) != 0);
        // 5 s of sending plus at most 3 s waiting for the last POSTs: a stuck receiver does not hold it.
        QVERIFY(shop.waitForFinished(15000));
        QCOMPARE(shop.exitCode(), 0);
        const QByteArray err = shop.readAllStandardError();
        QVERIFY2(err.contains("send queue full"), err.constData());
        QVERIFY(receiver.requests().size() <= 4); // two in flight at a time, never more
    }

    void diesWithItsParent()
    {
#ifndef Q_OS_LINUX
        QSKIP("PR_SET_PDEATHSIG is Linux only");
#else
        // sh starts the shop in the background, prints its pid and exits: the shop's parent is gone.
        QProcess sh;
        sh.start(u"/bin/sh"_s,
                 {u"-c"_s, u"\"$0\" --endpoint http://127.0.0.1:1 & echo pid:$!; sleep 1"_s, kShop});
        QVERIFY(sh.waitForStarted(5000));
        QVERIFY(sh.waitForFinished(10000));
        const QString out = QString::fromUtf8(sh.readAllStandardOutput());
        const QRegularExpressionMatch m = QRegularExpression(u"pid:(\\d+)"_s).match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        const qint64 pid = m.captured(1).toLongLong();
        QDeadlineTimer deadline(5000);
        while (!processGone(pid) && !deadline.hasExpired())
            QThread::msleep(50);
        const bool gone = processGone(pid);
        if (!gone)
            ::kill(pid_t(pid), SIGKILL);
        QVERIFY(gone);
#endif
    }

    void rejectsBadOptions()
    {
        for (const QStringList& args :
             {QStringList{u"--speed"_s, u"0"_s}, QStringList{u"--endpoint"_s, u"ftp://x"_s},
              QStringList{u"--control-port"_s, u"70000"_s}, QStringList{u"extra"_s}}) {
            QProcess shop;
            shop.start(kShop, args);
            QVERIFY(shop.waitForFinished(5000));
            QCOMPARE(shop.exitCode(), 2);
            QVERIFY(!shop.readAllStandardError().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoShop)
#include "tst_demoshop.moc"
