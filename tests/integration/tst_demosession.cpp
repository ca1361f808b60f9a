// `watchfloor --demo` without the window: the real demo shop as a child process sending to our
// receiver, data reaching both stores, and the child gone after the session stops, after it is
// killed, and after the parent itself is killed with SIGKILL.
#include "demo/DemoSession.h"
#include "receiver/OtlpReceiver.h"
#include "signalstore/SeriesStore.h"
#include "signalstore/SignalStore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

const QString kShop = QStringLiteral(WF_DEMO_SHOP);
const char* const kHelperVariable = "WF_DEMOSESSION_HELPER_FOLDER";

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

bool waitGone(qint64 pid, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!processGone(pid) && !deadline.hasExpired())
        QThread::msleep(50);
    return processGone(pid);
}

demo::DemoSessionConfig configIn(const QString& folder)
{
    demo::DemoSessionConfig c;
    c.folder = folder;
    c.shopProgram = kShop;
    c.preferredPort = 0;
    c.failureAfterS = 2;
    c.speed = 4; // the incident within seconds; timestamps run ahead of the clock, which the stores accept
    return c;
}

double maxValue(const std::vector<signalstore::SeriesSet>& sets, const QString& service)
{
    double best = 0;
    for (const auto& s : sets) {
        if (!s.labels.isEmpty() && s.labels.first().second != service)
            continue;
        for (double v : s.values)
            best = std::isfinite(v) ? std::max(best, v) : best;
    }
    return best;
}

// Helper mode: a parent that runs a session until it is killed.
int runHelper(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    demo::DemoSession session(configIn(qEnvironmentVariable(kHelperVariable)));
    QString error;
    if (!session.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QObject::connect(&session, &demo::DemoSession::shopRunning, &app, [&session] {
        std::fprintf(stdout, "shop-pid:%lld\n", static_cast<long long>(session.shop()->processId()));
        std::fflush(stdout);
    });
    return app.exec();
}

} // namespace

class TestDemoSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataReachesTheStoresAndTheChildStopsWithTheSession()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Someone else holds the preferred port: the session falls back to a free one.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        demo::DemoSessionConfig config = configIn(dir.path());
        config.preferredPort = squatter.serverPort();

        demo::DemoSession session(config);
        QSignalSpy running(&session, &demo::DemoSession::shopRunning);
        QSignalSpy firstData(&session, &demo::DemoSession::firstDataArrived);
        QSignalSpy stats(&session, &demo::DemoSession::statsUpdated);
        QString error;
        QVERIFY2(session.start(&error), qPrintable(error));
        QVERIFY(session.usedFallbackPort());
        QVERIFY(session.receiver()->port() != squatter.serverPort());
        QCOMPARE(session.endpointText(), u"127.0.0.1:%1"_s.arg(session.receiver()->port()));

        QVERIFY(running.wait(10000));
        const qint64 pid = session.shop()->processId();
        QVERIFY(pid > 0);
        QCOMPARE(session.shop()->controlUrl().host(), u"127.0.0.1"_s);
        QVERIFY(firstData.wait(10000) || firstData.size() == 1);

        QTRY_VERIFY_WITH_TIMEOUT(session.signalStore()->stats().spansStored > 100, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(session.signalStore()->stats().logRecordsStored > 10, 20000);
        QVERIFY(session.seriesStore()->pointCount() > 0);
        QVERIFY(!stats.isEmpty());

        // The incident shows in the metrics: payments answers with 5xx once the pool runs dry.
        signalstore::SeriesQuery errors;
        errors.metric = u"http.server.error.count"_s;
        errors.function = signalstore::SeriesQuery::Function::Rate;
        errors.stepNs = 2'000'000'000;
        QTRY_VERIFY_WITH_TIMEOUT(maxValue(session.seriesStore()->query(errors).value, u"payments"_s) > 0.5,
                                 30000);
        signalstore::SeriesQuery requests = errors;
        requests.metric = u"http.server.request.count"_s;
        const auto rate = session.seriesStore()->query(requests);
        QVERIFY2(rate.ok, qPrintable(rate.error));
        QVERIFY(rate.value.size() >= 5); // one series per service
        QVERIFY(maxValue(rate.value, u"gateway"_s) > 1);

        // Logs and traces are queryable the way the docks ask for them.
        bool answered = false;
        std::vector<signalstore::LogRow> rows;
        signalstore::LogQuery lq;
        lq.limit = 50;
        session.signalStore()->queryLogs(lq, this,
                                         [&](signalstore::QueryResult<std::vector<signalstore::LogRow>> r) {
                                             answered = r.ok;
                                             rows = std::move(r.value);
                                         });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
        QVERIFY(!rows.empty());
        QVERIFY(rows.front().timeNs >= rows.back().timeNs); // newest first (by record time, not arrival)

        const auto receiverStats = session.receiver()->stats();
        QVERIFY(receiverStats.of(receiver::Signal::Metrics).requests > 0);
        QCOMPARE(receiverStats.rejectedTotal(), 0);

        QSignalSpy exited(&session, &demo::DemoSession::shopExited);
        session.stop();
        QVERIFY(waitGone(pid, 5000));
        QCOMPARE(exited.size(), 1);
        QCOMPARE(exited.first().at(0).toBool(), true); // expected: we asked
        QVERIFY(!session.receiver()->isRunning());
    }

    void aDeadShopIsReportedAndCanBeRestarted()
    {
        QTemporaryDir dir;
        demo::DemoSession session(configIn(dir.path()));
        QSignalSpy running(&session, &demo::DemoSession::shopRunning);
        QSignalSpy exited(&session, &demo::DemoSession::shopExited);
        QString error;
        QVERIFY2(session.start(&error), qPrintable(error));
        QVERIFY(running.wait(10000));
        const qint64 pid = session.shop()->processId();
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY(exited.wait(5000));
        QCOMPARE(exited.first().at(0).toBool(), false);
        QVERIFY2(exited.first().at(1).toString().contains(u"crashed"_s),
                 qPrintable(exited.first().at(1).toString()));
        QCOMPARE(session.shop()->state(), demo::DemoShopProcess::State::NotRunning);

        session.restartShop();
        QVERIFY(running.wait(10000));
        const qint64 second = session.shop()->processId();
        QVERIFY(second > 0 && second != pid);
        session.stop();
        QVERIFY(waitGone(second, 5000));
    }

    void aMissingShopIsReported()
    {
        QTemporaryDir dir;
        demo::DemoSessionConfig config = configIn(dir.path());
        config.shopProgram = dir.filePath(u"no-such-shop"_s);
        demo::DemoSession session(config);
        QSignalSpy exited(&session, &demo::DemoSession::shopExited);
        QString error;
        QVERIFY(session.start(&error)); // the receiver still runs: other senders may use it
        QVERIFY(exited.wait(5000) || exited.size() == 1);
        QCOMPARE(exited.first().at(0).toBool(), false);
        QVERIFY(exited.first().at(1).toString().contains(u"could not be started"_s));
    }

    void theChildDiesWhenTheParentIsKilled()
    {
        QTemporaryDir dir;
        QProcess parent;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kHelperVariable), dir.path());
        parent.setProcessEnvironment(env);
        parent.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(parent.waitForStarted(5000));
        static const QRegularExpression re(u"shop-pid:(\\d+)"_s);
        qint64 shopPid = 0;
        QDeadlineTimer deadline(15000);
        QByteArray out;
        while (shopPid == 0 && !deadline.hasExpired() && parent.state() == QProcess::Running) {
            parent.waitForReadyRead(200);
            out += parent.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch())
                shopPid = m.captured(1).toLongLong();
        }
        QVERIFY2(shopPid > 0, parent.readAllStandardError().constData());
        QVERIFY(!processGone(shopPid));
        ::kill(pid_t(parent.processId()), SIGKILL); // no destructor runs: only the kernel cleans up
        QVERIFY(parent.waitForFinished(5000));
        const bool gone = waitGone(shopPid, 5000);
        if (!gone)
            ::kill(pid_t(shopPid), SIGKILL);
        QVERIFY(gone);
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet(kHelperVariable))
        return runHelper(argc, argv);
    QCoreApplication app(argc, argv);
    TestDemoSession test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_demosession.moc"
