#include "CommandLine.h"

#include "Versions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace wf {
namespace {

struct Parser
{
    QCommandLineParser p;
    QCommandLineOption workspace{
        QStringLiteral("workspace"),
        QCoreApplication::translate("CommandLine", "Open the workspace database FILE."),
        QCoreApplication::translate("CommandLine", "FILE")};
    QCommandLineOption prometheus{
        QStringLiteral("prometheus"),
        QCoreApplication::translate(
            "CommandLine", "Query the Prometheus at URL for dashboards, for this run only (it is not "
                           "added to the workspace)."),
        QCoreApplication::translate("CommandLine", "URL")};
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("CommandLine",
                                    "Start on the embedded demo: a temporary workspace and simulated shop.")};
    QCommandLineOption demoFailureAfter{
        QStringLiteral("demo-failure-after"),
        QCoreApplication::translate("CommandLine",
                                    "With --demo: the simulated incident starts after SECONDS (default 60)."),
        QCoreApplication::translate("CommandLine", "SECONDS")};
    QCommandLineOption lang{
        QStringLiteral("lang"),
        QCoreApplication::translate("CommandLine", "User interface language, e.g. de or en."),
        QCoreApplication::translate("CommandLine", "CODE")};
    QCommandLineOption theme{QStringLiteral("theme"),
                             QCoreApplication::translate("CommandLine", "Colour theme: light or dark."),
                             QCoreApplication::translate("CommandLine", "THEME")};
    QCommandLineOption kiosk{
        QStringLiteral("kiosk"),
        QCoreApplication::translate("CommandLine", "Full screen for a war-room wall display.")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate("CommandLine",
                                    "Render the main window to FILE.png after loading, then exit."),
        QCoreApplication::translate("CommandLine", "FILE")};
    QCommandLineOption after{QStringLiteral("after"),
                             QCoreApplication::translate(
                                 "CommandLine", "With --screenshot: wait MS milliseconds before capturing."),
                             QCoreApplication::translate("CommandLine", "MS"), QStringLiteral("1500")};
    QCommandLineOption runRunbook{
        QStringLiteral("run-runbook"),
        QCoreApplication::translate("CommandLine",
                                    "Without a window: run the runbook FILE against the workspace's open "
                                    "incident (needs --workspace), printing each timeline event once it is "
                                    "saved. Stops before any step that needs a person."),
        QCoreApplication::translate("CommandLine", "FILE")};
    QCommandLineOption param{
        QStringLiteral("param"),
        QCoreApplication::translate("CommandLine", "With --run-runbook: a parameter value (repeatable)."),
        QCoreApplication::translate("CommandLine", "NAME=VALUE")};
    QCommandLineOption incident{
        QStringLiteral("incident"),
        QCoreApplication::translate(
            "CommandLine", "With --run-runbook: the incident's number (default: the newest open one)."),
        QCoreApplication::translate("CommandLine", "ID")};
    QCommandLineOption repeat{
        QStringLiteral("repeat"),
        QCoreApplication::translate(
            "CommandLine", "With --run-runbook: run it N times in a row (recurring checks, soak tests)."),
        QCoreApplication::translate("CommandLine", "N")};
    QCommandLineOption tab{
        QStringLiteral("tab"),
        QCoreApplication::translate(
            "CommandLine",
            "Show the dashboard tab whose title starts with TITLE first (e.g. \"Service graph\")."),
        QCoreApplication::translate("CommandLine", "TITLE")};
    QCommandLineOption version{
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("CommandLine", "Print version information and exit.")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QCoreApplication::translate("CommandLine", "Show this help and exit.")};

    Parser()
    {
        p.setApplicationDescription(
            QCoreApplication::translate("CommandLine", "Watchfloor, an incident-command dashboard."));
        p.addOptions({workspace, prometheus, demo, demoFailureAfter, lang, theme, kiosk, screenshot, after,
                      tab, runRunbook, param, incident, repeat, version, help});
        p.addPositionalArgument(
            QStringLiteral("files"),
            QCoreApplication::translate("CommandLine", "Dashboards, traces, logs or incident files to open."),
            QStringLiteral("[FILE...]"));
    }
};

} // namespace

CommandLineOptions parseCommandLine(const QStringList& arguments)
{
    Parser parser;
    CommandLineOptions o;
    if (!parser.p.parse(arguments)) {
        o.error = parser.p.errorText();
        return o;
    }
    o.showHelp = parser.p.isSet(parser.help);
    o.showVersion = parser.p.isSet(parser.version);
    o.demo = parser.p.isSet(parser.demo);
    o.kiosk = parser.p.isSet(parser.kiosk);
    o.workspace = parser.p.value(parser.workspace);
    o.lang = parser.p.value(parser.lang);
    o.screenshot = parser.p.value(parser.screenshot);
    o.tab = parser.p.value(parser.tab).trimmed();
    o.files = parser.p.positionalArguments();

    if (parser.p.isSet(parser.theme)) {
        o.theme = parser.p.value(parser.theme).toLower();
        if (o.theme != QLatin1String("light") && o.theme != QLatin1String("dark")) {
            o.error = QCoreApplication::translate("CommandLine", "Unknown theme '%1': use light or dark.")
                          .arg(parser.p.value(parser.theme));
            return o;
        }
    }
    if (parser.p.isSet(parser.prometheus)) {
        const QString text = parser.p.value(parser.prometheus);
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
            o.error = QCoreApplication::translate("CommandLine",
                                                  "--prometheus takes an http or https URL, not '%1'.")
                          .arg(text);
            return o;
        }
        if (!url.password().isEmpty()) {
            o.error = QCoreApplication::translate(
                "CommandLine",
                "--prometheus: a password in the URL would show in process lists; leave it out.");
            return o;
        }
        o.prometheus = url;
    }
    if (parser.p.isSet(parser.after)) {
        if (o.screenshot.isEmpty()) {
            o.error =
                QCoreApplication::translate("CommandLine", "--after only makes sense with --screenshot.");
            return o;
        }
        bool ok = false;
        const int ms = parser.p.value(parser.after).toInt(&ok);
        if (!ok || ms < 0 || ms > 600000) {
            o.error = QCoreApplication::translate("CommandLine",
                                                  "--after takes milliseconds from 0 to 600000, not '%1'.")
                          .arg(parser.p.value(parser.after));
            return o;
        }
        o.screenshotAfterMs = ms;
    }
    if (!o.screenshot.isEmpty() && !o.screenshot.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        o.error = QCoreApplication::translate("CommandLine",
                                              "--screenshot writes PNG: give a file ending in .png.");
        return o;
    }
    if (parser.p.isSet(parser.demoFailureAfter)) {
        bool ok = false;
        const double seconds = parser.p.value(parser.demoFailureAfter).toDouble(&ok);
        if (!o.demo) {
            o.error = QCoreApplication::translate("CommandLine",
                                                  "--demo-failure-after only makes sense with --demo.");
            return o;
        }
        if (!ok || !(seconds >= 0 && seconds <= 86400)) {
            o.error = QCoreApplication::translate(
                          "CommandLine", "--demo-failure-after takes seconds from 0 to 86400, not '%1'.")
                          .arg(parser.p.value(parser.demoFailureAfter));
            return o;
        }
        o.demoFailureAfterS = seconds;
    }
    o.runRunbook = parser.p.value(parser.runRunbook);
    const bool headless = !o.runRunbook.isEmpty();
    if ((parser.p.isSet(parser.param) || parser.p.isSet(parser.incident) || parser.p.isSet(parser.repeat)) &&
        !headless) {
        o.error = QCoreApplication::translate(
            "CommandLine", "--param, --incident and --repeat only make sense with --run-runbook.");
        return o;
    }
    if (headless && (o.workspace.isEmpty() || o.demo || !o.screenshot.isEmpty() || o.kiosk)) {
        o.error = QCoreApplication::translate(
            "CommandLine",
            "--run-runbook needs --workspace and runs without a window (no --demo, --screenshot "
            "or --kiosk).");
        return o;
    }
    for (const QString& pair : parser.p.values(parser.param)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            o.error =
                QCoreApplication::translate("CommandLine", "--param takes NAME=VALUE, not '%1'.").arg(pair);
            return o;
        }
        o.runbookParams.insert(pair.left(eq), pair.mid(eq + 1));
    }
    if (parser.p.isSet(parser.incident)) {
        bool ok = false;
        o.incidentId = parser.p.value(parser.incident).toLongLong(&ok);
        if (!ok || o.incidentId <= 0) {
            o.error =
                QCoreApplication::translate("CommandLine", "--incident takes an incident number, not '%1'.")
                    .arg(parser.p.value(parser.incident));
            return o;
        }
    }
    if (parser.p.isSet(parser.repeat)) {
        bool ok = false;
        o.runbookRepeat = parser.p.value(parser.repeat).toInt(&ok);
        if (!ok || o.runbookRepeat < 1 || o.runbookRepeat > 1000) {
            o.error =
                QCoreApplication::translate("CommandLine", "--repeat takes a count from 1 to 1000, not '%1'.")
                    .arg(parser.p.value(parser.repeat));
            return o;
        }
    }
    if (o.demo && !o.workspace.isEmpty()) {
        o.error = QCoreApplication::translate(
            "CommandLine", "--demo uses a temporary workspace; it cannot be combined with --workspace.");
        return o;
    }
    if (!o.lang.isEmpty()) {
        static const QRegularExpression code(QStringLiteral("^[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})?$"));
        if (!code.match(o.lang).hasMatch()) {
            o.error =
                QCoreApplication::translate("CommandLine", "'%1' is not a language code such as de or en_GB.")
                    .arg(o.lang);
            return o;
        }
    }
    return o;
}

QString commandLineHelp()
{
    Parser parser;
    return parser.p.helpText();
}

QString versionText()
{
    const LibraryVersions v = libraryVersions();
    return QStringLiteral("watchfloor %1\nQt %2, SQLite %3, libcurl %4 (%5)\n")
        .arg(v.watchfloor, v.qt, v.sqlite, v.curl, v.curlSsl);
}

} // namespace wf
