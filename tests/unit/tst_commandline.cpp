// Every option of parseCommandLine and every message it can reject arguments with.

#include "core/CommandLine.h"
#include "core/Versions.h"

#include <QTest>

using wf::CommandLineOptions;
using wf::parseCommandLine;

namespace {

CommandLineOptions parse(QStringList args)
{
    args.prepend(QStringLiteral("watchfloor"));
    return parseCommandLine(args);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noArgumentsGiveDefaults()
    {
        const auto o = parse({});
        QVERIFY(o.error.isEmpty());
        QVERIFY(o.files.isEmpty());
        QVERIFY(o.workspace.isEmpty());
        QVERIFY(o.lang.isEmpty());
        QVERIFY(o.theme.isEmpty());
        QVERIFY(o.screenshot.isEmpty());
        QCOMPARE(o.screenshotAfterMs, 1500);
        QVERIFY(!o.demo);
        QVERIFY(!o.kiosk);
        QVERIFY(!o.showVersion);
        QVERIFY(!o.showHelp);
    }

    void workspaceTakesAFile()
    {
        const auto o = parse({QStringLiteral("--workspace"), QStringLiteral("/tmp/team.watchfloor")});
        QVERIFY(o.error.isEmpty());
        QCOMPARE(o.workspace, QStringLiteral("/tmp/team.watchfloor"));
        QCOMPARE(parse({QStringLiteral("--workspace=a.watchfloor")}).workspace,
                 QStringLiteral("a.watchfloor"));
    }

    void flags()
    {
        QVERIFY(parse({QStringLiteral("--demo")}).demo);
        QVERIFY(parse({QStringLiteral("--kiosk")}).kiosk);
        QVERIFY(parse({QStringLiteral("--version")}).showVersion);
        QVERIFY(parse({QStringLiteral("-v")}).showVersion);
        QVERIFY(parse({QStringLiteral("--help")}).showHelp);
        QVERIFY(parse({QStringLiteral("-h")}).showHelp);
        const auto both = parse({QStringLiteral("--demo"), QStringLiteral("--kiosk")});
        QVERIFY(both.error.isEmpty());
        QVERIFY(both.demo && both.kiosk);
    }

    void positionalFilesKeepTheirOrder()
    {
        const auto o =
            parse({QStringLiteral("b.json"), QStringLiteral("--demo"), QStringLiteral("a.watchfloor")});
        QVERIFY(o.error.isEmpty());
        QCOMPARE(o.files, (QStringList{QStringLiteral("b.json"), QStringLiteral("a.watchfloor")}));
    }

    void theme_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("expected");
        QTest::newRow("light") << QStringLiteral("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark") << QStringLiteral("dark");
        QTest::newRow("case-insensitive") << QStringLiteral("DaRk") << QStringLiteral("dark");
    }

    void theme()
    {
        QFETCH(QString, given);
        QFETCH(QString, expected);
        const auto o = parse({QStringLiteral("--theme"), given});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.theme, expected);
    }

    void lang_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("language") << QStringLiteral("de");
        QTest::newRow("three letters") << QStringLiteral("gsw");
        QTest::newRow("underscore region") << QStringLiteral("en_GB");
        QTest::newRow("dash region") << QStringLiteral("pt-BR");
        QTest::newRow("script") << QStringLiteral("zh_Hant");
    }

    void lang()
    {
        QFETCH(QString, code);
        const auto o = parse({QStringLiteral("--lang"), code});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.lang, code);
    }

    void screenshotAndAfter()
    {
        auto o = parse({QStringLiteral("--screenshot"), QStringLiteral("/tmp/out.png")});
        QVERIFY(o.error.isEmpty());
        QCOMPARE(o.screenshot, QStringLiteral("/tmp/out.png"));
        QCOMPARE(o.screenshotAfterMs, 1500);

        o = parse({QStringLiteral("--screenshot"), QStringLiteral("OUT.PNG")});
        QVERIFY2(o.error.isEmpty(), "the .png suffix is case-insensitive");

        for (const int ms : {0, 250, 600000}) {
            o = parse({QStringLiteral("--screenshot"), QStringLiteral("a.png"), QStringLiteral("--after"),
                       QString::number(ms)});
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            QCOMPARE(o.screenshotAfterMs, ms);
        }
        // Order does not matter.
        o = parse({QStringLiteral("--after"), QStringLiteral("10"), QStringLiteral("--screenshot"),
                   QStringLiteral("a.png")});
        QVERIFY(o.error.isEmpty());
        QCOMPARE(o.screenshotAfterMs, 10);
    }

    void tabIsTrimmed()
    {
        QVERIFY(parse({}).tab.isEmpty());
        const auto o = parse({QStringLiteral("--tab"), QStringLiteral(" Service graph ")});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.tab, QStringLiteral("Service graph"));
    }

    void prometheusTakesAUrl()
    {
        QVERIFY(parse({}).prometheus.isEmpty());
        const auto o = parse({QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:9090/prom/"),
                              QStringLiteral("dash.json")});
        QVERIFY(o.error.isEmpty());
        QCOMPARE(o.prometheus, QUrl(QStringLiteral("http://127.0.0.1:9090/prom/")));
        QCOMPARE(o.files, QStringList{QStringLiteral("dash.json")});
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--bogus")} << QStringLiteral("Unknown option 'bogus'.");
        QTest::newRow("missing value") << QStringList{QStringLiteral("--workspace")}
                                       << QStringLiteral("Missing value after '--workspace'.");
        QTest::newRow("prometheus not http")
            << QStringList{QStringLiteral("--prometheus"), QStringLiteral("ftp://host/")}
            << QStringLiteral("--prometheus takes an http or https URL, not 'ftp://host/'.");
        QTest::newRow("prometheus without host")
            << QStringList{QStringLiteral("--prometheus"), QStringLiteral("localhost:9090")}
            << QStringLiteral("--prometheus takes an http or https URL, not 'localhost:9090'.");
        QTest::newRow("prometheus with password")
            << QStringList{QStringLiteral("--prometheus"), QStringLiteral("http://u:p@host:9090")}
            << QStringLiteral(
                   "--prometheus: a password in the URL would show in process lists; leave it out.");
        QTest::newRow("unknown theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("Blue")}
                                       << QStringLiteral("Unknown theme 'Blue': use light or dark.");
        QTest::newRow("system is not a --theme")
            << QStringList{QStringLiteral("--theme"), QStringLiteral("system")}
            << QStringLiteral("Unknown theme 'system': use light or dark.");
        QTest::newRow("after without screenshot")
            << QStringList{QStringLiteral("--after"), QStringLiteral("5")}
            << QStringLiteral("--after only makes sense with --screenshot.");
        const QString png = QStringLiteral("a.png");
        const QString shot = QStringLiteral("--screenshot");
        const QString after = QStringLiteral("--after");
        QTest::newRow("after negative")
            << QStringList{shot, png, after, QStringLiteral("-1")}
            << QStringLiteral("--after takes milliseconds from 0 to 600000, not '-1'.");
        QTest::newRow("after too large")
            << QStringList{shot, png, after, QStringLiteral("600001")}
            << QStringLiteral("--after takes milliseconds from 0 to 600000, not '600001'.");
        QTest::newRow("after not a number")
            << QStringList{shot, png, after, QStringLiteral("1s")}
            << QStringLiteral("--after takes milliseconds from 0 to 600000, not '1s'.");
        QTest::newRow("screenshot not png")
            << QStringList{shot, QStringLiteral("a.jpg")}
            << QStringLiteral("--screenshot writes PNG: give a file ending in .png.");
        QTest::newRow("demo with workspace")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("--workspace"),
                           QStringLiteral("w.watchfloor")}
            << QStringLiteral("--demo uses a temporary workspace; it cannot be combined with --workspace.");
        QTest::newRow("demo failure without demo")
            << QStringList{QStringLiteral("--demo-failure-after"), QStringLiteral("5")}
            << QStringLiteral("--demo-failure-after only makes sense with --demo.");
        QTest::newRow("demo failure negative")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("--demo-failure-after"),
                           QStringLiteral("-1")}
            << QStringLiteral("--demo-failure-after takes seconds from 0 to 86400, not '-1'.");
        QTest::newRow("demo failure not a number")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("--demo-failure-after"),
                           QStringLiteral("soon")}
            << QStringLiteral("--demo-failure-after takes seconds from 0 to 86400, not 'soon'.");
        QTest::newRow("lang with punctuation")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("de!")}
            << QStringLiteral("'de!' is not a language code such as de or en_GB.");
        QTest::newRow("lang too short") << QStringList{QStringLiteral("--lang"), QStringLiteral("d")}
                                        << QStringLiteral("'d' is not a language code such as de or en_GB.");
        const QString run = QStringLiteral("--run-runbook");
        const QString rb = QStringLiteral("rb.md");
        const QString ws = QStringLiteral("--workspace");
        const QString wsFile = QStringLiteral("w.watchfloor");
        QTest::newRow("param without run-runbook")
            << QStringList{QStringLiteral("--param"), QStringLiteral("a=b")}
            << QStringLiteral("--param, --incident and --repeat only make sense with --run-runbook.");
        QTest::newRow("run-runbook without workspace")
            << QStringList{run, rb}
            << QStringLiteral("--run-runbook needs --workspace and runs without a window (no --demo, "
                              "--screenshot or --kiosk).");
        QTest::newRow("run-runbook with screenshot")
            << QStringList{run, rb, ws, wsFile, shot, png}
            << QStringLiteral("--run-runbook needs --workspace and runs without a window (no --demo, "
                              "--screenshot or --kiosk).");
        QTest::newRow("param without equals")
            << QStringList{run, rb, ws, wsFile, QStringLiteral("--param"), QStringLiteral("service")}
            << QStringLiteral("--param takes NAME=VALUE, not 'service'.");
        QTest::newRow("repeat zero")
            << QStringList{run, rb, ws, wsFile, QStringLiteral("--repeat"), QStringLiteral("0")}
            << QStringLiteral("--repeat takes a count from 1 to 1000, not '0'.");
        QTest::newRow("incident not a number")
            << QStringList{run, rb, ws, wsFile, QStringLiteral("--incident"), QStringLiteral("latest")}
            << QStringLiteral("--incident takes an incident number, not 'latest'.");
        QTest::newRow("lang path") << QStringList{QStringLiteral("--lang"),
                                                  QStringLiteral("../../etc/passwd")}
                                   << QStringLiteral(
                                          "'../../etc/passwd' is not a language code such as de or en_GB.");
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QCOMPARE(parse(args).error, message);
    }

    void demoFailureAfter()
    {
        QCOMPARE(parse({QStringLiteral("--demo")}).demoFailureAfterS, -1.0);
        const auto o =
            parse({QStringLiteral("--demo"), QStringLiteral("--demo-failure-after"), QStringLiteral("2.5")});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.demoFailureAfterS, 2.5);
    }

    void runRunbook()
    {
        const auto o =
            parse({QStringLiteral("--workspace"), QStringLiteral("w.watchfloor"),
                   QStringLiteral("--run-runbook"), QStringLiteral("rb.md"), QStringLiteral("--param"),
                   QStringLiteral("service=payments"), QStringLiteral("--param"),
                   QStringLiteral("note=a=b; rm -rf /"), QStringLiteral("--incident"), QStringLiteral("7")});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.runRunbook, QStringLiteral("rb.md"));
        QCOMPARE(o.incidentId, 7);
        QCOMPARE(o.runbookParams.value(QStringLiteral("service")), QStringLiteral("payments"));
        // Split at the first '=' only; the value is passed on verbatim (validated by the runbook).
        QCOMPARE(o.runbookParams.value(QStringLiteral("note")), QStringLiteral("a=b; rm -rf /"));
    }

    void helpListsEveryOption()
    {
        const QString help = wf::commandLineHelp();
        for (const char* option :
             {"--workspace <FILE>", "--demo", "--demo-failure-after <SECONDS>", "--lang <CODE>",
              "--theme <THEME>", "--kiosk", "--screenshot <FILE>", "--after <MS>", "--run-runbook <FILE>",
              "--param <NAME=VALUE>", "--incident <ID>", "--repeat <N>", "--prometheus <URL>", "--version",
              "--help", "[FILE...]"}) {
            QVERIFY2(help.contains(QLatin1String(option)), option);
        }
        QVERIFY(help.contains(QStringLiteral("incident-command dashboard")));
    }

    void versionTextNamesEveryLibrary()
    {
        const wf::LibraryVersions v = wf::libraryVersions();
        const QString text = wf::versionText();
        QVERIFY(text.startsWith(QStringLiteral("watchfloor ") + QStringLiteral(WATCHFLOOR_VERSION) +
                                QLatin1Char('\n')));
        QVERIFY(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
        QVERIFY(!v.sqlite.isEmpty() && text.contains(QStringLiteral("SQLite ") + v.sqlite));
        QVERIFY(!v.curl.isEmpty() && text.contains(QStringLiteral("libcurl ") + v.curl));
        QVERIFY(text.endsWith(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
