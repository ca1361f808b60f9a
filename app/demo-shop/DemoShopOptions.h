#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace wf::demoshop {

struct DemoShopOptions
{
    QUrl endpoint{QStringLiteral("http://127.0.0.1:4318")};
    quint64 seed = 1;
    double speed = 1.0;        // simulated seconds per real second
    double failureAfterS = 60; // simulated
    quint16 controlPort = 0;   // 0: pick a free port
    double rate = 20;          // requests per simulated second
    double durationS = 0;      // simulated; 0 runs until terminated
    bool exitOnStdinClose = false;

    QString error; // set when the command line is invalid
    bool showHelp = false;
    QString helpText;
};

DemoShopOptions parseDemoShopOptions(const QStringList& arguments);

} // namespace wf::demoshop
