// RunbookRunner against real things: /bin/echo, /bin/false, /bin/sleep and env as child processes,
// a loopback HTTP server, a workspace's timeline, the local series store. Covers timeouts, cancel,
// the environment allow-list, the output cap, typed confirmation of dangerous steps, approval by a
// second person, the kill switch, decisions that branch, resume, and the demo shop's runbook from
// the first check to the last.

#include "LoopbackHttpServer.h"
#include "incident/TimelineStore.h"
#include "net/HttpClient.h"
#include "runbook/AutomationKillSwitch.h"
#include "runbook/BoundedOutput.h"
#include "runbook/LocalStoreCheckEvaluator.h"
#include "runbook/RunbookLibrary.h"
#include "runbook/RunbookRunner.h"
#include "signalstore/SeriesStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wf::runbook;
using wf::test::HttpRoute;
using wf::test::LoopbackHttpServer;

namespace {

constexpr qint64 kSec = 1'000'000'000;

QByteArray runbookText(const QByteArray& steps, const QByteArray& parameters = {})
{
    return "---\n"
           "id: test-runbook\n"
           "title: Test runbook\n"
           "service: \"{{svc}}\"\n"
           "parameters:\n"
           "  - name: svc\n"
           "    type: service\n"
           "    default: checkout\n"
           "  - name: v\n"
           "    type: string\n"
           "    pattern: \".*\"\n"
           "    default: hello\n"
           "  - name: port\n"
           "    type: int\n"
           "    min: 1\n"
           "    max: 65535\n"
           "    default: \"1\"\n" +
           parameters + "---\n" + steps;
}

QByteArray commandStep(const char* id, const char* program, const QByteArray& args,
                       const QByteArray& extra = {})
{
    return QByteArray("```step\nid: ") + id + "\ntitle: " + id + "\naction: command\nprogram: " + program +
           "\nargs: " + args + "\n" + extra + "```\n";
}

wf::telemetry::Attributes attrs(const QString& key, const QString& value)
{
    wf::telemetry::KeyValueList items;
    items.push_back({key, wf::telemetry::AnyValue::fromString(value)});
    return wf::telemetry::Attributes(std::move(items));
}

// Cumulative counters of one service, one point every 10 s from `fromS` to `toS` (seconds).
wf::telemetry::MetricBatch counters(const QString& service, qint64 fromS, qint64 toS,
                                    const std::function<double(qint64)>& requests,
                                    const std::function<double(qint64)>& errors)
{
    auto metric = [&](const QString& name, const std::function<double(qint64)>& value) {
        wf::telemetry::Metric m;
        m.name = name;
        m.type = wf::telemetry::MetricType::Sum;
        m.temporality = wf::telemetry::AggregationTemporality::Cumulative;
        m.isMonotonic = true;
        m.resourceIndex = 0;
        for (qint64 t = fromS; t <= toS; t += 10) {
            m.numberPoints.startNs.push_back(1);
            m.numberPoints.timeNs.push_back(t * kSec);
            m.numberPoints.values.push_back(value(t));
            m.numberPoints.intValues.push_back(0);
            m.numberPoints.isInt.push_back(0);
            m.numberPoints.flags.push_back(0);
            m.numberPoints.attributes.push_back(attrs(u"http.route"_s, u"/pay"_s));
        }
        return m;
    };
    std::vector<wf::telemetry::Resource> resources{
        wf::telemetry::Resource(attrs(u"service.name"_s, service))};
    return wf::telemetry::MetricBatch(
        std::move(resources), {},
        {metric(u"http.server.request.count"_s, requests), metric(u"http.server.error.count"_s, errors)});
}

// Stands in for a Prometheus client: records the query it was given, answers with a fixed value.
class FakePrometheus : public CheckEvaluator
{
public:
    double answer = 0;
    QStringList queries;
    void evaluate(const CheckAction& check, QObject* context, Done done) override
    {
        queries.append(check.promql);
        const CheckValue v{true, answer, {}, u"prometheus"_s};
        QMetaObject::invokeMethod(
            context, [v, done] { done(v); }, Qt::QueuedConnection);
    }
};

} // namespace

class TestRunbookRunner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<wf::net::HttpClient> m_http;

    std::unique_ptr<RunbookRunner> runner(const QByteArray& text, const QHash<QString, QString>& values = {})
    {
        const ParseResult parsed = parseRunbook(text);
        if (!parsed.ok()) {
            qWarning("%s", qPrintable(parsed.error.text()));
            return nullptr;
        }
        auto r = std::make_unique<RunbookRunner>(*parsed.runbook);
        r->setOperator(u"ana"_s);
        r->setHttpClient(m_http.get());
        const QStringList errors = r->bind(values);
        if (!errors.isEmpty()) {
            qWarning("%s", qPrintable(errors.join(u"; "_s)));
            return nullptr;
        }
        return r;
    }

    static bool settled(const RunbookRunner& r, const QString& id, int ms = 10000)
    {
        return QTest::qWaitFor(
            [&] {
                const StepState s = r.state(id);
                return !r.isBusy() && s != StepState::Running && s != StepState::Pending;
            },
            ms);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_http = std::make_unique<wf::net::HttpClient>();
        for (const char* p :
             {"/bin/echo", "/bin/false", "/bin/sleep", "/usr/bin/env", "/usr/bin/seq", "/usr/bin/touch"})
            QVERIFY2(QFile::exists(QString::fromLatin1(p)), p);
    }

    void cleanup() { AutomationKillSwitch::instance().rearm(u"test"_s); }

    void echoSucceedsWithItsOutput()
    {
        auto r = runner(runbookText(commandStep("say", "/bin/echo", "[\"{{v}}\", \"world\"]")));
        QVERIFY(r);
        QCOMPARE(r->runStep(u"say"_s), QString());
        QCOMPARE(r->state(u"say"_s), StepState::Running);
        QVERIFY(settled(*r, u"say"_s));
        const StepRecord rec = r->record(u"say"_s);
        QCOMPARE(rec.state, StepState::Succeeded);
        QCOMPARE(rec.output, u"hello world\n"_s);
        QCOMPARE(rec.exitCode, 0);
        QCOMPARE(rec.ranBy, u"ana"_s);
    }

    void nonZeroExitFails()
    {
        auto r = runner(runbookText(commandStep("no", "/bin/false", "[]")));
        QVERIFY(r);
        QCOMPARE(r->runStep(u"no"_s), QString());
        QVERIFY(settled(*r, u"no"_s));
        QCOMPARE(r->record(u"no"_s).state, StepState::Failed);
        QCOMPARE(r->record(u"no"_s).exitCode, 1);
        QVERIFY(r->record(u"no"_s).message.contains(u"code 1"_s));
        QCOMPARE(r->retry(u"no"_s), QString()); // a failed step can be retried
        QVERIFY(settled(*r, u"no"_s));
    }

    void shellMetacharactersStayInert()
    {
        const QString marker = m_dir.filePath(u"pwned"_s);
        const QString value = u"x; /usr/bin/touch "_s + marker + u" $(/usr/bin/touch "_s + marker +
                              u") `/usr/bin/touch "_s + marker + u"` && /usr/bin/touch "_s + marker;
        auto r = runner(runbookText(commandStep("say", "/bin/echo", "[\"{{v}}\"]")), {{u"v"_s, value}});
        QVERIFY(r);
        QCOMPARE(r->dryRun(u"say"_s).lines.first(),
                 QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList({u"/bin/echo"_s, value}))
                                       .toJson(QJsonDocument::Compact))
                     .prepend(u"argv: "_s));
        QCOMPARE(r->runStep(u"say"_s), QString());
        QVERIFY(settled(*r, u"say"_s));
        QCOMPARE(r->record(u"say"_s).output, value + u'\n');
        QVERIFY(!QFile::exists(marker));
    }

    void onlyAllowListedVariablesReachTheChild()
    {
        qputenv("WF_RUNBOOK_SECRET", "leaked");
        auto r =
            runner(runbookText(commandStep("env", "/usr/bin/env", "[]", "env: [WF_ALLOWED, WF_UNSET]\n")));
        QVERIFY(r);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"WF_ALLOWED"_s, u"yes"_s);
        r->setEnvironment(env);
        QCOMPARE(r->runStep(u"env"_s), QString());
        QVERIFY(settled(*r, u"env"_s));
        QCOMPARE(r->record(u"env"_s).state, StepState::Succeeded);
        QCOMPARE(r->record(u"env"_s).output, u"WF_ALLOWED=yes\n"_s); // not PATH, not the secret
    }

    void outputIsCapped()
    {
        auto r = runner(runbookText(commandStep("many", "/usr/bin/seq", "[\"1\", \"200000\"]")));
        QVERIFY(r);
        QCOMPARE(r->runStep(u"many"_s), QString());
        QVERIFY(settled(*r, u"many"_s));
        const StepRecord rec = r->record(u"many"_s);
        QCOMPARE(rec.state, StepState::Succeeded);
        QVERIFY(rec.output.startsWith(u"1\n2\n3\n"_s));
        QVERIFY(rec.output.contains(u"output truncated"_s));
        QVERIFY(rec.output.size() < kMaxStepOutputBytes + 200);
        QVERIFY(!rec.output.contains(u"\n200000\n"_s));
    }

    void timeoutKillsTheProcess()
    {
        auto r = runner(runbookText(commandStep("slow", "/bin/sleep", "[\"30\"]", "timeout: 300ms\n")));
        QVERIFY(r);
        QElapsedTimer t;
        t.start();
        QCOMPARE(r->runStep(u"slow"_s), QString());
        QVERIFY(settled(*r, u"slow"_s));
        QVERIFY(t.elapsed() < 5000);
        const StepRecord rec = r->record(u"slow"_s);
        QCOMPARE(rec.state, StepState::Failed);
        QVERIFY(rec.timedOut);
        QVERIFY(rec.message.contains(u"timed out"_s));
    }

    void cancelKillsTheProcess()
    {
        auto r = runner(runbookText(commandStep("slow", "/bin/sleep", "[\"30\"]")));
        QVERIFY(r);
        QCOMPARE(r->runStep(u"slow"_s), QString());
        QTest::qWait(200);
        QCOMPARE(r->state(u"slow"_s), StepState::Running);
        QElapsedTimer t;
        t.start();
        r->cancel();
        QVERIFY(settled(*r, u"slow"_s));
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(r->record(u"slow"_s).state, StepState::Cancelled);
        QCOMPARE(r->resume(), QString()); // a cancelled step is where resume starts
        r->cancel();
        QVERIFY(settled(*r, u"slow"_s));
    }

    void httpStepSendsExactlyTheRenderedRequest()
    {
        LoopbackHttpServer server;
        const QByteArray step = "```step\nid: post\ntitle: Post\naction: http\nmethod: POST\n"
                                "url: \"http://127.0.0.1:{{port}}/actions/{{v}}/reset?reason={{v}}\"\n"
                                "headers:\n  X-Operator: \"{{svc}}\"\njson:\n  note: \"{{v}}\"\n```\n";
        auto r =
            runner(runbookText(step), {{u"port"_s, QString::number(server.port())}, {u"v"_s, u"a/b&c=d"_s}});
        QVERIFY(r);
        QCOMPARE(
            r->dryRun(u"post"_s).lines,
            (QStringList{u"POST http://127.0.0.1:%1/actions/a%2Fb%26c%3Dd/reset?reason=a%2Fb%26c%3Dd"_s.arg(
                             server.port()),
                         u"X-Operator: checkout"_s, u"Content-Type: application/json"_s, QString(),
                         u"{\"note\":\"a/b&c=d\"}"_s, u"timeout: 30s"_s}));
        server.setRoute("/actions/a%2Fb%26c%3Dd/reset", HttpRoute::ok("{\"outcome\":\"applied\"}"));
        QCOMPARE(r->runStep(u"post"_s), QString());
        QVERIFY(settled(*r, u"post"_s));
        const StepRecord rec = r->record(u"post"_s);
        QVERIFY2(rec.state == StepState::Succeeded, qPrintable(rec.message));
        QCOMPARE(rec.status, 200);
        QCOMPARE(rec.output, u"{\"outcome\":\"applied\"}"_s);
        const auto requests = server.requestsFor("/actions/a%2Fb%26c%3Dd/reset");
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("POST"));
        QCOMPARE(requests[0].query, QByteArray("reason=a%2Fb%26c%3Dd"));
        QCOMPARE(requests[0].body, QByteArray("{\"note\":\"a/b&c=d\"}"));
        QCOMPARE(requests[0].header("X-Operator"), QByteArray("checkout"));
        QCOMPARE(requests[0].header("Content-Type"), QByteArray("application/json"));
    }

    void httpErrorStatusFailsAndHangTimesOut()
    {
        LoopbackHttpServer server;
        server.setRoute("/err", HttpRoute::withStatus(500, "pool exhausted"));
        server.setRoute("/hang", HttpRoute::hang());
        const QByteArray steps = "```step\nid: err\ntitle: E\naction: http\nmethod: POST\nurl: "
                                 "\"http://127.0.0.1:{{port}}/err\"\n```\n"
                                 "```step\nid: hang\ntitle: H\naction: http\nurl: "
                                 "\"http://127.0.0.1:{{port}}/hang\"\ntimeout: 500ms\n```\n";
        auto r = runner(runbookText(steps), {{u"port"_s, QString::number(server.port())}});
        QVERIFY(r);
        QCOMPARE(r->runStep(u"err"_s), QString());
        QVERIFY(settled(*r, u"err"_s));
        QCOMPARE(r->record(u"err"_s).state, StepState::Failed);
        QCOMPARE(r->record(u"err"_s).status, 500);
        QCOMPARE(r->record(u"err"_s).output, u"pool exhausted"_s);
        QCOMPARE(server.requestsFor("/err").size(), 1); // a POST is never retried behind the operator's back

        QElapsedTimer t;
        t.start();
        QCOMPARE(r->runStep(u"hang"_s), QString());
        QVERIFY(settled(*r, u"hang"_s));
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(r->record(u"hang"_s).state, StepState::Failed);
        QVERIFY(r->record(u"hang"_s).timedOut);
    }

    void dangerousStepNeedsTheServiceTyped()
    {
        LoopbackHttpServer server;
        server.setRoute("/reset", HttpRoute::ok("ok"));
        auto r = runner(runbookText("```step\nid: reset\ntitle: R\naction: http\nmethod: POST\n"
                                    "url: \"http://127.0.0.1:{{port}}/reset\"\ndangerous: true\n```\n"),
                        {{u"port"_s, QString::number(server.port())}});
        QVERIFY(r);
        QCOMPARE(r->targetService(), u"checkout"_s);
        QVERIFY(r->dryRun(u"reset"_s).lines.last().contains(u"checkout"_s));
        QVERIFY(r->runStep(u"reset"_s).contains(u"dangerous"_s));
        QVERIFY(!r->runStep(u"reset"_s, {.confirmation = u"Checkout"_s}).isEmpty());
        QVERIFY(!r->runStep(u"reset"_s, {.confirmation = u"payments"_s}).isEmpty());
        QVERIFY(!r->runFrom(u"reset"_s).isEmpty());
        QCOMPARE(r->state(u"reset"_s), StepState::Pending);
        QTest::qWait(100);
        QCOMPARE(server.requestsFor("/reset").size(), 0);
        QCOMPARE(r->runStep(u"reset"_s, {.confirmation = u"checkout"_s}), QString());
        QVERIFY(settled(*r, u"reset"_s));
        QCOMPARE(r->record(u"reset"_s).state, StepState::Succeeded);
        QCOMPARE(server.requestsFor("/reset").size(), 1);
    }

    void approvalNeedsASecondPerson()
    {
        auto r =
            runner(runbookText("```step\nid: ok\ntitle: OK\naction: approval\nprompt: Shed load?\n```\n"));
        QVERIFY(r);
        QVERIFY(!r->runStep(u"ok"_s).isEmpty());
        QVERIFY(r->runStep(u"ok"_s, {.approver = u"ana"_s}).contains(u"someone other than ana"_s));
        QVERIFY(!r->runStep(u"ok"_s, {.approver = u" ANA "_s}).isEmpty());
        QCOMPARE(r->state(u"ok"_s), StepState::Pending);
        QCOMPARE(r->runStep(u"ok"_s, {.approver = u"bo"_s}), QString());
        QVERIFY(settled(*r, u"ok"_s));
        QCOMPARE(r->record(u"ok"_s).state, StepState::Succeeded);
        QCOMPARE(r->record(u"ok"_s).approvedBy, u"bo"_s);
        QCOMPARE(r->record(u"ok"_s).ranBy, u"ana"_s);
    }

    void killSwitchStopsAndRefusesUntilRearmed()
    {
        auto a = runner(runbookText(commandStep("slow", "/bin/sleep", "[\"30\"]")));
        auto b = runner(runbookText(commandStep("say", "/bin/echo", "[\"hi\"]")));
        QVERIFY(a && b);
        QCOMPARE(a->runStep(u"slow"_s), QString());
        QTest::qWait(200);
        AutomationKillSwitch::instance().engage(u"bo"_s, u"runaway automation"_s);
        QVERIFY(settled(*a, u"slow"_s, 5000));
        QCOMPARE(a->record(u"slow"_s).state, StepState::Cancelled);
        QVERIFY(b->runStep(u"say"_s).contains(u"kill switch"_s));
        QVERIFY(!a->retry(u"slow"_s).isEmpty());
        QCOMPARE(b->state(u"say"_s), StepState::Pending);
        AutomationKillSwitch::instance().rearm(u"bo"_s);
        QCOMPARE(b->runStep(u"say"_s), QString());
        QVERIFY(settled(*b, u"say"_s));
        QCOMPARE(b->record(u"say"_s).state, StepState::Succeeded);
    }

    void decisionsBranchAndSkippedStepsShow()
    {
        const QByteArray steps = commandStep("one", "/bin/echo", "[\"1\"]") +
                                 "```step\nid: ask\ntitle: Ask\naction: confirm\nquestion: Skip two?\n"
                                 "outcomes:\n  skip: three\n  all: two\n  stop: stop\n```\n" +
                                 commandStep("two", "/bin/echo", "[\"2\"]") +
                                 commandStep("three", "/bin/echo", "[\"3\"]");
        auto r = runner(runbookText(steps));
        QVERIFY(r);
        QSignalSpy waiting(r.get(), &RunbookRunner::waitingAt);
        QCOMPARE(r->runFrom(u"one"_s), QString());
        QVERIFY(waiting.wait(10000));
        QCOMPARE(waiting.first().first().toString(), u"ask"_s); // a decision stops the sequence
        QCOMPARE(r->state(u"one"_s), StepState::Succeeded);
        QCOMPARE(r->state(u"ask"_s), StepState::Pending);
        QVERIFY(!r->runFrom(u"ask"_s, {.outcome = u"maybe"_s}).isEmpty());
        QCOMPARE(r->runFrom(u"ask"_s, {.outcome = u"skip"_s}), QString());
        QVERIFY(settled(*r, u"three"_s));
        QCOMPARE(r->state(u"two"_s), StepState::Skipped);
        QCOMPARE(r->state(u"three"_s), StepState::Succeeded);
        QCOMPARE(r->record(u"ask"_s).outcome, u"skip"_s);
    }

    void resumeStartsAtTheFailedStep()
    {
        const QString flag = m_dir.filePath(u"ready"_s);
        const QByteArray steps = commandStep("one", "/bin/echo", "[\"1\"]") +
                                 commandStep("two", "/usr/bin/test", "[\"-e\", \"" + flag.toUtf8() + "\"]") +
                                 commandStep("three", "/bin/echo", "[\"3\"]");
        auto r = runner(runbookText(steps));
        QVERIFY(r);
        QCOMPARE(r->resume(), u"no step has failed; there is nothing to resume"_s);
        QCOMPARE(r->runFrom(u"one"_s), QString());
        QVERIFY(settled(*r, u"two"_s));
        QCOMPARE(r->state(u"two"_s), StepState::Failed);
        QCOMPARE(r->state(u"three"_s), StepState::Pending); // on_failure defaults to stop
        QFile f(flag);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QSignalSpy finished(r.get(), &RunbookRunner::stepFinished);
        QCOMPARE(r->resume(), QString());
        QVERIFY(settled(*r, u"three"_s));
        QCOMPARE(r->state(u"two"_s), StepState::Succeeded);
        QCOMPARE(r->state(u"three"_s), StepState::Succeeded);
        QCOMPARE(finished.size(), 2); // step one was not run again
    }

    void checksUseTheirEvaluatorAndFailWithoutData()
    {
        const QByteArray steps =
            "```step\nid: prom\ntitle: P\naction: check\nsource: prometheus\n"
            "query: 'sum(rate(http_errors_total{service=\"{{v}}\"}[5m]))'\ncondition: \"< 1%\"\n```\n"
            "```step\nid: local\ntitle: L\naction: check\nmetric: http.server.error.count\ncondition: \"< "
            "1\"\n```\n";
        auto r = runner(runbookText(steps), {{u"v"_s, u"a\"}or{x=\"1"_s}});
        QVERIFY(r);
        // Without a Prometheus connection the check fails and says why.
        QCOMPARE(r->runStep(u"prom"_s), QString());
        QVERIFY(settled(*r, u"prom"_s));
        QCOMPARE(r->state(u"prom"_s), StepState::Failed);
        QVERIFY(r->record(u"prom"_s).message.contains(u"Prometheus"_s));

        FakePrometheus prometheus;
        prometheus.answer = 0.002;
        r->setCheckEvaluator(CheckSource::Prometheus, &prometheus);
        QCOMPARE(r->retry(u"prom"_s), QString());
        QVERIFY(settled(*r, u"prom"_s));
        QCOMPARE(r->state(u"prom"_s), StepState::Succeeded);
        // The value stays inside the quoted label value: it cannot close the selector.
        QCOMPARE(prometheus.queries,
                 QStringList{u"sum(rate(http_errors_total{service=\"a\\\"}or{x=\\\"1\"}[5m]))"_s});
        prometheus.answer = 0.5;
        QVERIFY(!r->retry(u"prom"_s).isEmpty()); // a succeeded step is not retried, it is run again
        QCOMPARE(r->runStep(u"prom"_s), QString());
        QVERIFY(settled(*r, u"prom"_s));
        QCOMPARE(r->state(u"prom"_s), StepState::Failed);
        QVERIFY(r->record(u"prom"_s).message.contains(u"does not hold"_s));

        // An empty local store is no data, and no data is never a pass.
        wf::signalstore::SeriesStore empty(3600 * kSec, 100);
        LocalStoreCheckEvaluator local(empty);
        r->setCheckEvaluator(CheckSource::LocalStore, &local);
        QCOMPARE(r->runStep(u"local"_s), QString());
        QVERIFY(settled(*r, u"local"_s));
        QCOMPARE(r->state(u"local"_s), StepState::Failed);
    }

    void timelineHasStartedBeforeAndFinishedAfter()
    {
        wf::OpenResult opened =
            wf::Workspace::open(m_dir.filePath(u"t.watchfloor"_s), wf::OpenMode::CreateIfMissing);
        QVERIFY2(opened, qPrintable(opened.message));
        wf::incident::TimelineStore store(*opened.workspace);
        std::optional<qint64> incident;
        store.declare({u"Checkout errors"_s, wf::incident::Severity::Sev2, {u"checkout"_s}, u"ana"_s},
                      u"ana"_s, this,
                      [&](const wf::StoreResult& res, qint64 id) { incident = res.ok ? id : -1; });
        QVERIFY(QTest::qWaitFor([&] { return incident.has_value(); }, 10000));
        QVERIFY(*incident > 0);

        auto r = runner(runbookText(
            commandStep("say", "/bin/echo", "[\"{{v}}\"]") +
            commandStep("touch", "/usr/bin/touch", "[\"" + m_dir.filePath(u"touched"_s).toUtf8() + "\"]")));
        QVERIFY(r);
        r->setTimeline(&store, *incident);
        QCOMPARE(r->runStep(u"say"_s), QString());
        QVERIFY(settled(*r, u"say"_s));
        QCOMPARE(r->recordDryRun(u"touch"_s), QString());

        std::optional<QList<wf::incident::TimelineEvent>> events;
        QTest::qWait(300); // the dry-run's two writes
        wf::incident::TimelineFilter filter;
        filter.incidentId = *incident;
        filter.kinds = {wf::incident::EventKind::RunbookStepStarted,
                        wf::incident::EventKind::RunbookStepFinished};
        store.events(filter, this, [&](const wf::StoreResult&, const QList<wf::incident::TimelineEvent>& l) {
            events = l;
        });
        QVERIFY(QTest::qWaitFor([&] { return events.has_value(); }, 10000));
        QCOMPARE(events->size(), 4);
        const auto& started = (*events)[0];
        const auto& finished = (*events)[1];
        QCOMPARE(started.kind, wf::incident::EventKind::RunbookStepStarted);
        QCOMPARE(finished.kind, wf::incident::EventKind::RunbookStepFinished);
        QVERIFY(started.seq < finished.seq);
        QCOMPARE(started.author, u"ana"_s);
        QCOMPARE(started.payload.value(u"runbook"_s).toString(), u"test-runbook"_s);
        QCOMPARE(started.payload.value(u"step"_s).toString(), u"say"_s);
        QCOMPARE(started.payload.value(u"action"_s).toString(), u"command"_s);
        QCOMPARE(started.payload.value(u"dryRun"_s).toBool(), false);
        QVERIFY(
            started.payload.value(u"request"_s).toString().startsWith(u"argv: [\"/bin/echo\",\"hello\"]"_s));
        QCOMPARE(finished.payload.value(u"outcome"_s).toString(), u"succeeded"_s);
        QCOMPARE(started.payload.value(u"text"_s).toString(), u"Test runbook / say: started"_s);
        QCOMPARE(finished.payload.value(u"text"_s).toString(), u"Test runbook / say: Succeeded"_s);
        QCOMPARE(finished.payload.value(u"output"_s).toString(), u"hello\n"_s);
        QCOMPARE(finished.payload.value(u"exitCode"_s).toInt(), 0);
        QVERIFY(finished.payload.contains(u"durationMs"_s));
        QCOMPARE(finished.author, u"ana"_s);
        // The dry-run is recorded as such and ran nothing.
        QCOMPARE((*events)[2].payload.value(u"dryRun"_s).toBool(), true);
        QCOMPARE((*events)[3].payload.value(u"outcome"_s).toString(), u"dry_run"_s);
        QVERIFY(!QFile::exists(m_dir.filePath(u"touched"_s)));
    }

    void stepDoesNotRunWhenItsStartCannotBeRecorded()
    {
        wf::OpenResult opened =
            wf::Workspace::open(m_dir.filePath(u"u.watchfloor"_s), wf::OpenMode::CreateIfMissing);
        QVERIFY2(opened, qPrintable(opened.message));
        wf::incident::TimelineStore store(*opened.workspace);
        const QString marker = m_dir.filePath(u"unrecorded"_s);
        auto r = runner(runbookText(commandStep("touch", "/usr/bin/touch", "[\"" + marker.toUtf8() + "\"]")));
        QVERIFY(r);
        r->setTimeline(&store, 4242); // no such incident: the write is refused
        QSignalSpy writeFailed(r.get(), &RunbookRunner::timelineWriteFailed);
        QCOMPARE(r->runStep(u"touch"_s), QString());
        QVERIFY(settled(*r, u"touch"_s));
        QCOMPARE(r->record(u"touch"_s).state, StepState::Failed);
        QVERIFY(r->record(u"touch"_s).message.contains(u"timeline"_s));
        QVERIFY(!writeFailed.isEmpty());
        QVERIFY(!QFile::exists(marker));
    }

    void demoRunbookFixesTheDemoEndToEnd()
    {
        // The local store as Watchfloor's receiver fills it: payments fails 10% of requests for five
        // minutes; after the reset, requests go on without errors.
        wf::signalstore::SeriesStore series(24 * 3600 * kSec, 1000);
        const qint64 t0 = 1'000'000; // seconds
        series.append(counters(
            u"payments"_s, t0 - 600, t0, [](qint64 t) { return 10.0 * t; },
            [](qint64 t) { return 1.0 * t; }));
        qint64 nowS = t0;
        LocalStoreCheckEvaluator evaluator(series, [&] { return nowS * kSec; });

        LoopbackHttpServer control;
        control.setRoute("/actions/payments-db-pool/reset", HttpRoute::ok("{\"outcome\":\"applied\"}"));
        const auto files = loadRunbooks(shippedRunbooksPath());
        const auto it = std::find_if(files.cbegin(), files.cend(), [](const RunbookFile& f) {
            return f.result.ok() && f.result.runbook->id == u"demo-payments-db-pool"_s;
        });
        QVERIFY(it != files.cend());
        RunbookRunner r(*it->result.runbook);
        r.setOperator(u"ana"_s);
        r.setHttpClient(m_http.get());
        r.setCheckEvaluator(CheckSource::LocalStore, &evaluator);
        QCOMPARE(r.bind({{u"control_port"_s, QString::number(control.port())}}), QStringList());

        QSignalSpy waiting(&r, &RunbookRunner::waitingAt);
        QCOMPARE(r.runFrom(u"measure-errors"_s), QString());
        QVERIFY(waiting.wait(10000));
        QCOMPARE(r.record(u"measure-errors"_s).state, StepState::Succeeded);
        QVERIFY(qAbs(r.record(u"measure-errors"_s).value - 0.1) < 0.005);
        QCOMPARE(waiting.last().first().toString(), u"decide"_s);

        QCOMPARE(r.runFrom(u"decide"_s, {.outcome = u"reset"_s}), QString());
        QVERIFY(waiting.wait(10000));
        QCOMPARE(waiting.last().first().toString(), u"reset-pool"_s); // dangerous: waits for the typed name
        QCOMPARE(control.requestsFor("/actions/payments-db-pool/reset").size(), 0);

        // Right after the reset the last minute still holds errors: the check fails, a retry later passes.
        QCOMPARE(r.runFrom(u"reset-pool"_s, {.confirmation = u"payments"_s}), QString());
        QVERIFY(settled(r, u"verify"_s));
        QCOMPARE(r.record(u"reset-pool"_s).state, StepState::Succeeded);
        const auto posts = control.requestsFor("/actions/payments-db-pool/reset");
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].method, QByteArray("POST"));
        QCOMPARE(r.record(u"verify"_s).state, StepState::Failed);

        series.append(counters(
            u"payments"_s, t0 + 10, t0 + 120, [](qint64 t) { return 10.0 * t; },
            [t0](qint64) { return 1.0 * t0; }));
        nowS = t0 + 120;
        QCOMPARE(r.retry(u"verify"_s), QString());
        QVERIFY(settled(r, u"verify"_s));
        QVERIFY2(r.record(u"verify"_s).state == StepState::Succeeded,
                 qPrintable(r.record(u"verify"_s).output));
        QCOMPARE(r.record(u"verify"_s).value, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestRunbookRunner)
#include "tst_runbookrunner.moc"
