// Runbook parsing, parameter validation and rendering: valid files, each kind of malformed input
// rejected with its line and field, every shipped runbook, and values that try to inject (shell
// metacharacters, URL delimiters, line breaks) ending up inert in the place they are put.

#include "runbook/ActionRenderer.h"
#include "runbook/ParameterBinding.h"
#include "runbook/RunbookLibrary.h"
#include "runbook/RunbookParser.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::runbook;

namespace {

// Lines 1-9: front matter and prose; a step block follows from line 10.
QByteArray withFrontMatter(const QByteArray& steps, const QByteArray& parameters = {})
{
    return "---\n"
           "id: t\n"
           "title: Test\n"
           "service: \"{{svc}}\"\n"
           "parameters:\n"
           "  - name: svc\n"
           "    type: service\n" +
           parameters +
           "---\n"
           "Prose for people.\n" +
           steps;
}

const QByteArray kEchoStep = "```step\n"
                             "id: a\n"
                             "title: A\n"
                             "action: command\n"
                             "program: /bin/echo\n"
                             "args: [\"{{svc}}\"]\n"
                             "```\n";

Runbook parsed(const QByteArray& text)
{
    const ParseResult r = parseRunbook(text);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error.text()));
    return r.runbook.value_or(Runbook{});
}

BoundParameters bound(const Runbook& rb, const QHash<QString, QString>& values)
{
    const BindResult r = bindParameters(rb, values);
    if (!r.ok())
        qWarning("%s", qPrintable(r.errors.join(u"; "_s)));
    return r.bound.value_or(BoundParameters{});
}

} // namespace

class TestRunbookParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesStepsInOrderWithTheirFields()
    {
        const QByteArray text = withFrontMatter("```bash\n"
                                                "# a shell example in the prose is not a step\n"
                                                "```\n"
                                                "```step\n"
                                                "id: call\n"
                                                "title: Call\n"
                                                "action: http\n"
                                                "method: post\n"
                                                "url: \"http://127.0.0.1:{{port}}/x/{{svc}}\"\n"
                                                "headers:\n"
                                                "  Accept: application/json\n"
                                                "json:\n"
                                                "  service: \"{{svc}}\"\n"
                                                "  count: 3\n"
                                                "dangerous: true\n"
                                                "timeout: 1500ms\n"
                                                "on_failure: ask\n"
                                                "```\n"
                                                "```step\n"
                                                "id: ask\n"
                                                "title: Ask\n"
                                                "action: confirm\n"
                                                "question: Go on?\n"
                                                "outcomes:\n"
                                                "  yes: call\n"
                                                "  no: stop\n"
                                                "```\n"
                                                "```step\n"
                                                "id: rate\n"
                                                "title: Rate\n"
                                                "action: check\n"
                                                "metric: errors\n"
                                                "divide_by: requests\n"
                                                "window: 2m\n"
                                                "condition: \"<= 2.5%\"\n"
                                                "```\n",
                                                "  - name: port\n"
                                                "    type: int\n"
                                                "    min: 1\n"
                                                "    max: 65535\n");
        const ParseResult r = parseRunbook(text, u"t.md"_s);
        QVERIFY2(r.ok(), qPrintable(r.error.text()));
        const Runbook& rb = *r.runbook;
        QCOMPARE(rb.id, u"t"_s);
        QCOMPARE(rb.service, u"{{svc}}"_s);
        QCOMPARE(rb.parameters.size(), 2);
        QCOMPARE(rb.parameters[1].maximum, 65535);
        QCOMPARE(rb.steps.size(), 3);
        const Step& call = rb.steps[0];
        QCOMPARE(call.id, u"call"_s);
        QCOMPARE(call.line, 17); // after 4 more front-matter lines for port
        QCOMPARE(call.action, ActionKind::Http);
        QCOMPARE(call.http.method, u"POST"_s);
        QVERIFY(call.dangerous);
        QCOMPARE(call.timeout.count(), 1500);
        QCOMPARE(call.onFailure, OnFailure::GoTo);
        QCOMPARE(call.onFailureStep, u"ask"_s);
        QVERIFY(call.http.json.has_value());
        QCOMPARE(call.http.json->value(u"count"_s).toDouble(), 3.0);
        QCOMPARE(call.http.json->value(u"service"_s).toString(), u"{{svc}}"_s);
        const Step& ask = rb.steps[1];
        QCOMPARE(ask.confirm.outcomes.size(), 2);
        QCOMPARE(ask.confirm.outcomes[0].name, u"yes"_s);
        QCOMPARE(ask.confirm.outcomes[0].next, u"call"_s);
        QCOMPARE(ask.confirm.outcomes[1].next, QString()); // stop
        const Step& rate = rb.steps[2];
        QCOMPARE(rate.check.window.count(), 120000);
        QCOMPARE(rate.check.condition.comparison, Comparison::LessOrEqual);
        QCOMPARE(rate.check.condition.threshold, 0.025);
        QVERIFY(rate.check.condition.holds(0.025));
        QVERIFY(!rate.check.condition.holds(0.026));
        QVERIFY(!rate.check.condition.holds(qQNaN()));
    }

    void rejectsMalformedInputNamingLineAndField_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        QTest::newRow("no front matter") << QByteArray("# Just prose\n" + kEchoStep) << 2 << QString()
                                         << u"before the runbook's metadata"_s;
        QTest::newRow("front matter without id")
            << QByteArray("---\ntitle: T\n---\n" + kEchoStep) << 2 << u"id"_s << u"is required"_s;
        QTest::newRow("front matter not closed")
            << QByteArray("---\nid: t\ntitle: T\n") << 1 << QString() << u"not closed"_s;
        QTest::newRow("unknown action") << withFrontMatter("```step\nid: a\ntitle: A\naction: shell\n```\n")
                                        << 13 << u"action"_s << u"expected http, command"_s;
        QTest::newRow("misspelt field")
            << withFrontMatter(
                   "```step\nid: a\ntitle: A\naction: command\nprogram: /bin/echo\ntimout: 5s\n```\n")
            << 15 << u"timout"_s << u"unknown field"_s;
        QTest::newRow("bad timeout")
            << withFrontMatter(
                   "```step\nid: a\ntitle: A\naction: command\nprogram: /bin/echo\ntimeout: soon\n```\n")
            << 15 << u"timeout"_s << u"duration"_s;
        QTest::newRow("step not closed")
            << withFrontMatter("```step\nid: a\ntitle: A\n") << 10 << QString() << u"not closed"_s;
        QTest::newRow("invalid yaml") << withFrontMatter("```step\nid: a\ntitle: [A\naction: command\n```\n")
                                      << 13 << QString() << u"not valid YAML"_s;
        QTest::newRow("undeclared placeholder")
            << withFrontMatter("```step\nid: a\ntitle: A\naction: http\nurl: \"http://h/{{nope}}\"\n```\n")
            << 10 << u"url"_s << u"{{nope}} is not a declared parameter"_s;
        QTest::newRow("broken placeholder")
            << withFrontMatter(
                   "```step\nid: a\ntitle: A\naction: command\nprogram: /bin/echo\nargs: [\"{{ svc\"]\n```\n")
            << 10 << u"args"_s << u"does not start a placeholder"_s;
        QTest::newRow("outcome to unknown step")
            << withFrontMatter(
                   "```step\nid: a\ntitle: A\naction: confirm\nquestion: Q?\noutcomes:\n  go: b\n```\n")
            << 10 << u"outcomes"_s << u"not a step id"_s;
        QTest::newRow("duplicate step id")
            << withFrontMatter(kEchoStep + kEchoStep) << 17 << u"id"_s << u"used twice"_s;
        QTest::newRow("program as placeholder")
            << withFrontMatter("```step\nid: a\ntitle: A\naction: command\nprogram: \"{{svc}}\"\n```\n") << 10
            << u"program"_s << u"cannot be a placeholder"_s;
        QTest::newRow("placeholder in fixed body")
            << withFrontMatter("```step\nid: a\ntitle: A\naction: http\nmethod: POST\nurl: http://h/\nbody: "
                               "\"x={{svc}}\"\n```\n")
            << 10 << u"body"_s << u"use json"_s;
        QTest::newRow("placeholder as scheme")
            << withFrontMatter("```step\nid: a\ntitle: A\naction: http\nurl: \"{{svc}}://h/\"\n```\n") << 10
            << u"url"_s << u"http://"_s;
        QTest::newRow("int without range")
            << withFrontMatter(kEchoStep, "  - name: n\n    type: int\n    min: 1\n") << 8
            << u"parameters[1].max"_s << u"needs min and max"_s;
        QTest::newRow("string without pattern")
            << withFrontMatter(kEchoStep, "  - name: s\n    type: string\n") << 8
            << u"parameters[1].pattern"_s << u"is required"_s;
        QTest::newRow("bad condition")
            << withFrontMatter("```step\nid: a\ntitle: A\naction: check\nmetric: m\ncondition: low\n```\n")
            << 15 << u"condition"_s << u"comparison"_s;
        QTest::newRow("dangerous without service")
            << QByteArray("---\nid: t\ntitle: T\n---\n```step\nid: a\ntitle: A\naction: command\n"
                          "program: /bin/true\ndangerous: true\n```\n")
            << 5 << u"dangerous"_s << u"service"_s;
        QTest::newRow("no steps") << withFrontMatter({}) << 0 << QString() << u"no ```step blocks"_s;
        QTest::newRow("alias bomb in json")
            << withFrontMatter("```step\nid: a\ntitle: A\naction: http\nmethod: POST\nurl: http://h/\njson:\n"
                               "  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, "
                               "*a, *a, *a]\n"
                               "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, "
                               "*c, *c, *c, *c, *c]\n```\n")
            << 17 << u"json"_s << u"more than 1000 values"_s; // where the budget runs out: at c
        QTest::newRow("dangerous not a boolean")
            << withFrontMatter(
                   "```step\nid: a\ntitle: A\naction: command\nprogram: /bin/true\ndangerous: maybe\n```\n")
            << 15 << u"dangerous"_s << u"true or false"_s;
    }

    void rejectsMalformedInputNamingLineAndField()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const ParseResult r = parseRunbook(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(message), qPrintable(r.error.text()));
        QCOMPARE(r.error.line, line);
        QCOMPARE(r.error.field, field);
        if (line > 0)
            QVERIFY(r.error.text().startsWith(u"line %1"_s.arg(line)));
    }

    void everyShippedRunbookParses()
    {
        const QList<RunbookFile> files = loadRunbooks(shippedRunbooksPath());
        QStringList ids;
        for (const RunbookFile& f : files) {
            QVERIFY2(f.result.ok(), qPrintable(f.path + u": "_s + f.result.error.text()));
            ids.append(f.result.runbook->id);
        }
        ids.sort();
        QCOMPARE(ids, (QStringList{u"demo-payments-db-pool"_s, u"disable-feature-flag"_s, u"rate-limit"_s,
                                   u"region-failover"_s, u"restart-unhealthy"_s, u"rollback-deployment"_s,
                                   u"scale-up"_s}));
        // The resource copy is the source folder's: nothing was left out of the build.
        const QDir source(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + u"/resources/runbooks"_s);
        QCOMPARE(loadRunbooks(source.path()).size(), files.size());
    }

    void demoRunbookPostsTheResetToTheControlPort()
    {
        const auto files = loadRunbooks(shippedRunbooksPath());
        const auto it = std::find_if(files.cbegin(), files.cend(), [](const RunbookFile& f) {
            return f.result.ok() && f.result.runbook->id == u"demo-payments-db-pool"_s;
        });
        QVERIFY(it != files.cend());
        const Runbook& rb = *it->result.runbook;
        const BoundParameters p = bound(rb, {{u"control_port"_s, u"18080"_s}});
        QCOMPARE(targetService(rb, p), u"payments"_s);
        const Step* reset = rb.step(u"reset-pool"_s);
        QVERIFY(reset && reset->dangerous);
        const RenderedStep r = renderStep(*reset, p);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.http.method, QByteArray("POST"));
        QCOMPARE(r.http.url.toEncoded(), QByteArray("http://127.0.0.1:18080/actions/payments-db-pool/reset"));
        QCOMPARE(rb.steps.first().action, ActionKind::Check);
        QCOMPARE(rb.steps.last().action, ActionKind::Check);
    }

    void validatesEachParameterType_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        const int S = int(ParameterType::String), I = int(ParameterType::Int), E = int(ParameterType::Enum),
                  V = int(ParameterType::Service);
        QTest::newRow("string matches") << S << u"eu-west-1"_s << true;
        QTest::newRow("string partial match is not enough") << S << u"eu-west-1; rm -rf /"_s << false;
        QTest::newRow("int in range") << I << u"5"_s << true;
        QTest::newRow("int below") << I << u"0"_s << false;
        QTest::newRow("int above") << I << u"11"_s << false;
        QTest::newRow("int with junk") << I << u"5 --force"_s << false;
        QTest::newRow("int as expression") << I << u"$(id)"_s << false;
        QTest::newRow("enum member") << E << u"staging"_s << true;
        QTest::newRow("enum other") << E << u"staging2"_s << false;
        QTest::newRow("service") << V << u"payments-db"_s << true;
        QTest::newRow("service with shell") << V << u"x; rm -rf /"_s << false;
        QTest::newRow("service with command substitution") << V << u"$(id)"_s << false;
        QTest::newRow("service with dots") << V << u".."_s << false;
        QTest::newRow("service upper case") << V << u"Payments"_s << false;
        QTest::newRow("string with newline") << S << u"eu\nwest"_s << false;
        QTest::newRow("too long") << S << QString(300, u'a') << false;
    }

    void validatesEachParameterType()
    {
        QFETCH(int, type);
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        Parameter p;
        p.name = u"p"_s;
        p.type = ParameterType(type);
        p.pattern = u"[a-z0-9-]+|a+"_s;
        p.minimum = 1;
        p.maximum = 10;
        p.values = {u"production"_s, u"staging"_s};
        const QString error = validateParameter(p, value);
        QCOMPARE(error.isEmpty(), accepted);
        if (!accepted)
            QVERIFY(error.startsWith(u"p: "_s));
    }

    void bindingReportsEveryBadValueAndUnknownNames()
    {
        const Runbook rb =
            parsed(withFrontMatter(kEchoStep, "  - name: n\n    type: int\n    min: 1\n    max: 3\n"));
        const BindResult r = bindParameters(rb, {{u"svc"_s, u"A B"_s}, {u"extra"_s, u"1"_s}});
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 3); // extra unknown, svc invalid, n missing
        QVERIFY(r.errors.join(u'|').contains(u"extra: not a parameter"_s));
        QVERIFY(r.errors.join(u'|').contains(u"n: a value is required"_s));
        QVERIFY(bindParameters(rb, {{u"svc"_s, u"api"_s}, {u"n"_s, u"2"_s}}).ok());
    }

    void headerLineBreaksNeverReachARequest()
    {
        const Runbook rb =
            parsed(withFrontMatter("```step\nid: a\ntitle: A\naction: http\nurl: http://h/\nheaders:\n  "
                                   "X-Reason: \"{{why}}\"\n```\n",
                                   "  - name: why\n    type: string\n    pattern: \"[^;]*\"\n"));
        const BindResult r = bindParameters(rb, {{u"svc"_s, u"api"_s}, {u"why"_s, u"ok\r\nX-Evil: 1"_s}});
        QVERIFY(!r.ok());
        QVERIFY(r.errors.join(u'|').contains(u"control character"_s));
        // Even a value that slipped past binding is refused when the header is rendered.
        BoundParameters forged;
        forged.values = {{u"svc"_s, u"api"_s}, {u"why"_s, u"ok\nX-Evil: 1"_s}};
        const RenderedStep rendered = renderStep(rb.steps[0], forged);
        QVERIFY(!rendered.ok());
        QVERIFY(rendered.http.headers.isEmpty());
    }

    void urlValuesCannotChangeTheUrlsStructure()
    {
        const Runbook rb =
            parsed(withFrontMatter("```step\nid: a\ntitle: A\naction: http\nurl: "
                                   "\"http://127.0.0.1:{{port}}/api/{{v}}/x?q={{v}}&n=1\"\n```\n",
                                   "  - name: port\n    type: int\n    min: 1\n    max: 65535\n"
                                   "  - name: v\n    type: string\n    pattern: \".*\"\n"));
        auto url = [&](const QString& v) {
            const RenderedStep r =
                renderStep(rb.steps[0], bound(rb, {{u"svc"_s, u"api"_s}, {u"port"_s, u"81"_s}, {u"v"_s, v}}));
            return r.ok() ? r.http.url.toEncoded() : QByteArray("error: ") + r.error.toUtf8();
        };
        QCOMPARE(url(u"a/b?c=d&e#f"_s),
                 QByteArray("http://127.0.0.1:81/api/a%2Fb%3Fc%3Dd%26e%23f/x?q=a%2Fb%3Fc%3Dd%26e%23f&n=1"));
        QCOMPARE(url(u".."_s), QByteArray("error: v cannot be \".\" or \"..\" in a URL"));
        QCOMPARE(url(u"..."_s), QByteArray("http://127.0.0.1:81/api/.../x?q=...&n=1")); // a name, not a step
        QCOMPARE(url(u"x; rm -rf /"_s),
                 QByteArray("http://127.0.0.1:81/api/x%3B%20rm%20-rf%20%2F/x?q=x%3B%20rm%20-rf%20%2F&n=1"));
        QCOMPARE(url(u"grün"_s), QByteArray("http://127.0.0.1:81/api/gr%C3%BCn/x?q=gr%C3%BCn&n=1"));
    }

    void jsonValuesAreEscapedStringsAndIntPlaceholdersNumbers()
    {
        const Runbook rb = parsed(withFrontMatter(
            "```step\nid: a\ntitle: A\naction: http\nmethod: POST\nurl: "
            "http://h/\njson:\n  reason: \"{{v}}\"\n  n: 2\n"
            "  rps: \"{{rps}}\"\n  label: \"rps {{rps}}\"\n```\n",
            "  - name: v\n    type: string\n    pattern: \".*\"\n"
            "  - name: rps\n    type: int\n    min: 1\n    max: 100000\n    default: \"250\"\n"));
        const RenderedStep r = renderStep(
            rb.steps[0], bound(rb, {{u"svc"_s, u"api"_s}, {u"v"_s, u"a\", \"admin\": true, \"x\": \"\\"_s}}));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.http.body, QByteArray("{\"label\":\"rps 250\",\"n\":2,\"reason\":\"a\\\", "
                                         "\\\"admin\\\": true, \\\"x\\\": \\\"\\\\\",\"rps\":250}"));
        QVERIFY(
            r.http.headers.contains(std::pair(QByteArray("Content-Type"), QByteArray("application/json"))));
    }

    void dryRunShowsExactlyWhatIsSentWithSecretsMasked()
    {
        const Runbook rb = parsed(withFrontMatter(
            "```step\nid: a\ntitle: A\naction: http\nmethod: PATCH\nurl: "
            "\"https://flags.internal/f/{{svc}}?env=prod\"\n"
            "headers:\n  Authorization: \"Bearer {{token}}\"\n  X-Who: \"{{svc}}\"\njson:\n  enabled: "
            "false\n  by: \"{{token}}\"\n"
            "timeout: 10s\n```\n",
            "  - name: token\n    type: string\n    pattern: \"[a-z0-9]+\"\n    secret: true\n"));
        const BoundParameters p = bound(rb, {{u"svc"_s, u"checkout"_s}, {u"token"_s, u"s3cr3t"_s}});
        const RenderedStep r = renderStep(rb.steps[0], p);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.dryRun,
                 (QStringList{u"PATCH https://flags.internal/f/checkout?env=prod"_s, u"Authorization: ***"_s,
                              u"X-Who: checkout"_s, u"Content-Type: application/json"_s, QString(),
                              u"{\"by\":\"***\",\"enabled\":false}"_s, u"timeout: 10s"_s}));
        // What is sent has the real values.
        QCOMPARE(r.http.headers.first().second, QByteArray("Bearer s3cr3t"));
        QCOMPARE(r.http.body, QByteArray("{\"by\":\"s3cr3t\",\"enabled\":false}"));
    }

    void commandValuesStayOneArgvElement()
    {
        const Runbook rb = parsed(withFrontMatter("```step\nid: a\ntitle: A\naction: command\nprogram: "
                                                  "/bin/echo\nargs: [\"--name={{v}}\", \"{{v}}\"]\n"
                                                  "env: [WF_A, WF_MISSING]\ntimeout: 2m\n```\n",
                                                  "  - name: v\n    type: string\n    pattern: \".*\"\n"));
        QProcessEnvironment env;
        env.insert(u"WF_A"_s, u"1"_s);
        env.insert(u"WF_B"_s, u"2"_s);
        const RenderedStep r = renderStep(
            rb.steps[0], bound(rb, {{u"svc"_s, u"api"_s}, {u"v"_s, u"x; rm -rf / $(id) `id` a b"_s}}), env);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.command.program, u"/bin/echo"_s);
        QCOMPARE(r.command.arguments,
                 (QStringList{u"--name=x; rm -rf / $(id) `id` a b"_s, u"x; rm -rf / $(id) `id` a b"_s}));
        QCOMPARE(r.command.environment.keys(), QStringList{u"WF_A"_s});
        QCOMPARE(
            r.dryRun,
            (QStringList{
                u"argv: [\"/bin/echo\",\"--name=x; rm -rf / $(id) `id` a b\",\"x; rm -rf / $(id) `id` a b\"]"_s,
                u"env: WF_A"_s, u"timeout: 2m"_s}));
    }

    void programsAreResolvedOnThePath()
    {
        const Runbook rb = parsed(
            withFrontMatter("```step\nid: a\ntitle: A\naction: command\nprogram: echo\n```\n"
                            "```step\nid: b\ntitle: B\naction: command\nprogram: no-such-program-wf\n```\n"));
        const BoundParameters p = bound(rb, {{u"svc"_s, u"api"_s}});
        const RenderedStep echo = renderStep(rb.steps[0], p);
        QVERIFY(echo.ok());
        QVERIFY(QFileInfo(echo.command.program).isAbsolute());
        QVERIFY(echo.dryRun.first().startsWith(u"argv: [\"/"_s));
        const RenderedStep missing = renderStep(rb.steps[1], p);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error.contains(u"no-such-program-wf"_s));
    }
};

QTEST_GUILESS_MAIN(TestRunbookParser)
#include "tst_runbookparser.moc"
