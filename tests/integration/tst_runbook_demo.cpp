// The shipped demo runbook against the demo shop's own simulation: its telemetry goes through the
// OTLP JSON decoder into the series store (as through Watchfloor's receiver), its control endpoint
// is the shop's real request parser and router behind a loopback socket. The first check sees the
// failure, the reset POST reaches the shop and starts its recovery, and the last check passes once
// the shop has recovered: the runbook really fixes the demo.

#include "demo/ControlHttp.h"
#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"
#include "net/HttpClient.h"
#include "otlp/OtlpJson.h"
#include "runbook/LocalStoreCheckEvaluator.h"
#include "runbook/RunbookLibrary.h"
#include "runbook/RunbookRunner.h"
#include "signalstore/SeriesStore.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf;
using namespace wf::runbook;

namespace {

constexpr qint64 kSec = 1'000'000'000;

// One request per connection, as the demo shop's ControlServer does, routed by the shop's own code.
class ControlEndpoint : public QTcpServer
{
public:
    explicit ControlEndpoint(demo::ShopSimulation& sim)
        : m_sim(sim)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    m_buffer[s] += s->readAll();
                    demo::ControlRequest req;
                    const demo::ControlParse p = demo::parseControlRequest(m_buffer[s], req);
                    if (p.status == demo::ControlParse::Status::NeedMore)
                        return;
                    if (p.status == demo::ControlParse::Status::Complete &&
                        m_buffer[s].size() < p.headerBytes + req.contentLength)
                        return;
                    const demo::ControlReply reply = p.status == demo::ControlParse::Status::Complete
                                                         ? demo::routeControlRequest(req, m_sim)
                                                         : demo::errorReply(p.errorStatus);
                    requests.append(req.method + ' ' + req.path + " -> " + QByteArray::number(reply.status));
                    s->write(demo::serializeControlReply(reply));
                    s->disconnectFromHost();
                    m_buffer.remove(s);
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QList<QByteArray> requests;

private:
    demo::ShopSimulation& m_sim;
    QHash<QTcpSocket*, QByteArray> m_buffer;
};

} // namespace

class TestRunbookDemo : public QObject
{
    Q_OBJECT

    bool advance(demo::ShopSimulation& sim, signalstore::SeriesStore& store, qint64 seconds)
    {
        const qint64 end = sim.now() + seconds * kSec;
        while (sim.now() < end) {
            sim.advanceTo(sim.now() + kSec);
            const auto decoded = otlp::decodeMetricsJson(demo::OtlpJsonWriter::metrics(sim.takeBatch()));
            if (decoded.malformed)
                return false;
            store.append(decoded.batch);
        }
        return true;
    }

private Q_SLOTS:
    void demoRunbookFixesTheSimulatedShop()
    {
        demo::ShopConfig config;
        config.seed = 7;
        demo::ShopSimulation sim(config);
        signalstore::SeriesStore store(3600 * kSec, 10'000);
        LocalStoreCheckEvaluator evaluator(store, [&] { return config.startUnixNano + sim.now(); });
        ControlEndpoint control(sim);
        QVERIFY(control.listen(QHostAddress::LocalHost));
        net::HttpClient http;

        const auto files = loadRunbooks(shippedRunbooksPath());
        const auto it = std::find_if(files.cbegin(), files.cend(), [](const RunbookFile& f) {
            return f.result.ok() && f.result.runbook->id == u"demo-payments-db-pool"_s;
        });
        QVERIFY(it != files.cend());
        RunbookRunner runner(*it->result.runbook);
        runner.setOperator(u"ana"_s);
        runner.setHttpClient(&http);
        runner.setCheckEvaluator(CheckSource::LocalStore, &evaluator);
        QCOMPARE(runner.bind({{u"control_port"_s, QString::number(control.serverPort())}}), QStringList());
        QSignalSpy waiting(&runner, &RunbookRunner::waitingAt);

        // Healthy shop: the first check does not hold, and the runbook still leads to the decision.
        QVERIFY(advance(sim, store, 55));
        QCOMPARE(runner.runFrom(u"measure-errors"_s), QString());
        QVERIFY(waiting.wait(10000));
        QCOMPARE(runner.state(u"measure-errors"_s), StepState::Failed);
        const double healthy = runner.record(u"measure-errors"_s).value;

        // The pool runs out at 60-80 s; at 150 s the five-minute window holds plenty of failures.
        QVERIFY(advance(sim, store, 95));
        QCOMPARE(runner.retry(u"measure-errors"_s), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 10000);
        QCOMPARE(runner.state(u"measure-errors"_s), StepState::Succeeded);
        const double failing = runner.record(u"measure-errors"_s).value;
        qInfo("payments error rate: %.4f healthy, %.4f failing", healthy, failing);
        QVERIFY(failing > 0.01);
        QVERIFY(healthy < 0.01);

        QCOMPARE(runner.runFrom(u"decide"_s, {.outcome = u"reset"_s}), QString());
        QVERIFY(waiting.wait(10000));
        QCOMPARE(waiting.last().first().toString(), u"reset-pool"_s);
        QCOMPARE(runner.runFrom(u"reset-pool"_s, {.confirmation = u"payments"_s}), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy() && runner.state(u"verify"_s) != StepState::Pending, 10000);
        QCOMPARE(runner.state(u"reset-pool"_s), StepState::Succeeded);
        QCOMPARE(control.requests, QList<QByteArray>{"POST /actions/payments-db-pool/reset -> 200"});
        QVERIFY(runner.record(u"reset-pool"_s).output.contains(u"\"outcome\""_s));
        // Straight after the reset the last minute still holds the failures.
        QCOMPARE(runner.state(u"verify"_s), StepState::Failed);

        QVERIFY(advance(sim, store, 90)); // recovery takes 12 s; then a clean minute
        QCOMPARE(runner.retry(u"verify"_s), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 10000);
        QVERIFY2(runner.state(u"verify"_s) == StepState::Succeeded,
                 qPrintable(runner.record(u"verify"_s).output));
        qInfo("payments error rate after the reset: %.4f", runner.record(u"verify"_s).value);
    }
};

QTEST_GUILESS_MAIN(TestRunbookDemo)
#include "tst_runbook_demo.moc"
