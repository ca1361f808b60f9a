#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace wf {

// What the user asked for on the command line. Parsing is separate from acting on it so that every
// option and every error message is unit-tested without starting the GUI.
struct CommandLineOptions
{
    QStringList files;  // opened by their type, as a file association would
    QString workspace;  // --workspace FILE
    QUrl prometheus;    // --prometheus URL: a Prometheus for this run only, not saved in the workspace
    QString lang;       // --lang CODE, empty = system locale
    QString theme;      // --theme light|dark, empty = remembered setting
    QString screenshot; // --screenshot FILE.png: render, save, exit
    int screenshotAfterMs = 1500;
    QString tab;                           // --tab TITLE: the dashboard tab shown first
    double demoFailureAfterS = -1;         // --demo-failure-after SECONDS; negative: the shop's default (60)
    QString runRunbook;                    // --run-runbook FILE: headless, with --workspace
    QHash<QString, QString> runbookParams; // --param NAME=VALUE
    qint64 incidentId = 0;                 // --incident ID; 0: the newest open incident
    int runbookRepeat = 1;                 // --repeat N
    bool demo = false;
    bool kiosk = false;
    bool showVersion = false;
    bool showHelp = false;
    QString error; // non-empty: the arguments were rejected, show this and exit 2
};

CommandLineOptions parseCommandLine(const QStringList& arguments);
QString commandLineHelp();
QString versionText();

} // namespace wf
