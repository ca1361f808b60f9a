// Watchfloor's entry point: parse the command line before any GUI exists (so --help, --version and
// bad arguments work without a display), then build the application, the window and the controller.

#include "AppController.h"
#include "HeadlessRunbook.h"
#include "ScreenshotTaker.h"
#include "Translations.h"
#include "core/CommandLine.h"
#include "dashboards/DashboardArea.h"
#include "mainwindow/MainWindow.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <chrono>
#include <cstdio>

namespace {

void setApplicationMetadata()
{
    // QSettings and QStandardPaths derive their locations from these.
    QCoreApplication::setOrganizationName(QStringLiteral("Watchfloor"));
    QCoreApplication::setApplicationName(QStringLiteral("watchfloor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));
}

// --help, --version and argument errors: a QCoreApplication is enough, and it lets the messages be
// translated (--lang de --help prints German help).
int answerWithoutGui(int argc, char** argv, const wf::CommandLineOptions& first)
{
    QCoreApplication app(argc, argv);
    setApplicationMetadata();
    wf::app::installTranslations(app, first.error.isEmpty() ? first.lang : QString());
    const wf::CommandLineOptions o = wf::parseCommandLine(QCoreApplication::arguments());
    if (!o.error.isEmpty()) {
        std::fprintf(stderr, "watchfloor: %s\n%s\n", qUtf8Printable(o.error),
                     qUtf8Printable(QCoreApplication::translate(
                         "main", "Try 'watchfloor --help' for more information.")));
        return 2;
    }
    if (o.showHelp) {
        std::fputs(qUtf8Printable(wf::commandLineHelp()), stdout);
        return 0;
    }
    std::fputs(qUtf8Printable(wf::versionText()), stdout);
    return 0;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void setWindowIcon()
{
    QIcon icon;
    for (const auto& name :
         {QStringLiteral(":/icons/watchfloor.svg"), QStringLiteral(":/icons/watchfloor-256.png"),
          QStringLiteral(":/icons/watchfloor-128.png"), QStringLiteral(":/icons/watchfloor-48.png")}) {
        if (QFile::exists(name))
            icon.addFile(name);
    }
    if (!icon.isNull())
        QApplication::setWindowIcon(icon);
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const wf::CommandLineOptions options = wf::parseCommandLine(arguments);
    if (!options.error.isEmpty() || options.showHelp || options.showVersion)
        return answerWithoutGui(argc, argv, options);

    if (!options.runRunbook.isEmpty()) {
        // Automation: no window, no display needed.
        QCoreApplication app(argc, argv);
        setApplicationMetadata();
        wf::app::installTranslations(app, options.lang);
        wf::app::HeadlessRunbook run(options);
        QTimer::singleShot(0, &run, &wf::app::HeadlessRunbook::start);
        return QCoreApplication::exec();
    }

    const bool screenshot = !options.screenshot.isEmpty();
    // A screenshot needs no screen: render offscreen when there is no display and no explicit choice.
    if (screenshot && !hasDisplay() && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    setApplicationMetadata();
    QGuiApplication::setDesktopFileName(QStringLiteral("io.watchfloor.Watchfloor"));
    wf::app::installTranslations(app, options.lang);
    setWindowIcon();

    QSettings settings;
    wf::ui::ThemeManager theme(&settings);
    theme.applyInitial(wf::ui::themeFromKey(options.theme)); // --theme: this run only, not remembered

    wf::ui::MainWindow window(&settings, &theme);
    wf::app::AppController controller(&window, !screenshot);
    if (!options.tab.isEmpty())
        window.dashboards()->setPreferredTab(options.tab);

    if (screenshot) {
        // Deterministic pictures: the default layout, and nothing written back to the settings.
        window.setLayoutPersistent(false);
        if (!controller.start(options))
            return 1;
        // The workspace opens off the UI thread; a file that cannot be opened ends the run.
        QObject::connect(&controller, &wf::app::AppController::workspaceFailed, &app,
                         [] { QCoreApplication::exit(1); });
        if (options.kiosk)
            window.setKioskMode(true);
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            window.resize(1600, 1000);
        window.show();
        auto* taker = new wf::ui::ScreenshotTaker(&window, options.screenshot,
                                                  std::chrono::milliseconds(options.screenshotAfterMs), &app);
        QObject::connect(taker, &wf::ui::ScreenshotTaker::finished, &app,
                         [](const wf::ui::ScreenshotResult& r) {
                             if (r.ok) {
                                 std::fprintf(stdout, "%s\n", qUtf8Printable(r.path));
                                 QCoreApplication::exit(0);
                             } else {
                                 std::fprintf(stderr, "watchfloor: %s\n", qUtf8Printable(r.error));
                                 QCoreApplication::exit(1);
                             }
                         });
        taker->start();
        return QApplication::exec();
    }

    if (options.kiosk) {
        window.setKioskMode(true);
        window.showFullScreen();
    } else {
        window.restoreLayout();
        window.show();
    }
    // After show(): error message boxes then have a visible parent to sit on.
    controller.start(options);
    return QApplication::exec();
}
