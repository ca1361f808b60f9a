#include "core/CommandLine.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const wf::CommandLineOptions o = wf::parseCommandLine(app.arguments());
    if (!o.error.isEmpty()) {
        std::fprintf(stderr, "watchfloor: %s\n", qPrintable(o.error));
        return 2;
    }
    if (o.showVersion) {
        std::fputs(qPrintable(wf::versionText()), stdout);
        return 0;
    }
    return 0;
}
