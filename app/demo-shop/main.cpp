// watchfloor-demo-shop: the simulated shop behind `watchfloor --demo`. Sends OTLP/HTTP JSON to the
// receiver and offers a control endpoint on 127.0.0.1 whose URL is the first line on stdout.
#include "ControlServer.h"
#include "DemoShopOptions.h"
#include "OtlpSender.h"
#include "ProcessLifetime.h"
#include "ShopRunner.h"
#include "demo/ShopSimulation.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>
#include <cstdio>

using namespace wf;

int main(int argc, char** argv)
{
    // Before anything else: if the parent is already gone there is nobody to send to.
    if (!demoshop::tieToParent())
        return 0;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor-demo-shop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));

    const demoshop::DemoShopOptions options = demoshop::parseDemoShopOptions(app.arguments());
    if (options.showHelp) {
        std::fputs(qPrintable(options.helpText), stdout);
        return 0;
    }
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "watchfloor-demo-shop: %s\n", qPrintable(options.error));
        return 2;
    }

    demoshop::ProcessLifetime lifetime;
    QObject::connect(&lifetime, &demoshop::ProcessLifetime::quitRequested, &app, [](const QString& reason) {
        std::fprintf(stderr, "watchfloor-demo-shop: %s, exiting\n", qPrintable(reason));
        QCoreApplication::quit(); // nothing is flushed: the parent is going away
    });
    if (!lifetime.watchSignals())
        std::fprintf(stderr, "watchfloor-demo-shop: cannot watch SIGTERM/SIGINT\n");
    if (options.exitOnStdinClose)
        lifetime.watchStdinClose();

    demo::ShopConfig config;
    config.seed = options.seed;
    // Simulated time 0 is now, so at --speed 1 the telemetry carries real timestamps.
    config.startUnixNano = QDateTime::currentMSecsSinceEpoch() * demo::kNanosPerMilli;
    config.requestsPerSecond = options.rate;
    config.scenario.failureAfterNs = std::llround(options.failureAfterS * demo::kNanosPerSecond);
    demo::ShopSimulation simulation(config);

    demoshop::ControlServer control(simulation);
    if (!control.listen(options.controlPort)) {
        std::fprintf(stderr, "watchfloor-demo-shop: cannot listen on 127.0.0.1:%u: %s\n",
                     unsigned(options.controlPort), qPrintable(control.errorString()));
        return 1;
    }
    // The parent reads this line to find the control endpoint: first line, flushed at once.
    std::fprintf(stdout, "control: http://127.0.0.1:%u\n", unsigned(control.port()));
    std::fflush(stdout);

    demoshop::OtlpSender sender(options.endpoint, demoshop::OtlpSender::Limits{});
    demoshop::ShopRunner runner(simulation, sender, options.speed, options.durationS);
    QObject::connect(&runner, &demoshop::ShopRunner::finished, &app, &QCoreApplication::quit);
    runner.start();
    return app.exec();
}
