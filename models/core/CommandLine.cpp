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
    QCommandLineOption version{
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("CommandLine", "Print version information and exit.")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QCoreApplication::translate("CommandLine", "Show this help and exit.")};

    Parser()
    {
        p.setApplicationDescription(
            QCoreApplication::translate("CommandLine", "Watchfloor, an incident-command dashboard."));
        p.addOptions(
            {workspace, demo, demoFailureAfter, lang, theme, kiosk, screenshot, after, version, help});
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
    o.files = parser.p.positionalArguments();

    if (parser.p.isSet(parser.theme)) {
        o.theme = parser.p.value(parser.theme).toLower();
        if (o.theme != QLatin1String("light") && o.theme != QLatin1String("dark")) {
            o.error = QCoreApplication::translate("CommandLine", "Unknown theme '%1': use light or dark.")
                          .arg(parser.p.value(parser.theme));
            return o;
        }
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
