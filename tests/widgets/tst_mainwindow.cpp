// The main window's composition, its persisted layout, themes, the source health chips, the generated
// shortcut list and the screenshot helper, on the offscreen platform.

#include "DemoNotice.h"
#include "ScreenshotTaker.h"
#include "common/EmptyState.h"
#include "dashboards/DashboardArea.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "docks/PanelDock.h"
#include "items/SourceHealthModel.h"
#include "mainwindow/MainWindow.h"
#include "status/SourceHealthBar.h"
#include "status/SourceHealthChip.h"
#include "status/WorkspaceLabel.h"
#include "theme/Theme.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wf::ui;

namespace {

constexpr int kStateRole = Qt::UserRole + 1;
constexpr int kInsecureRole = Qt::UserRole + 2;

struct DockSpec
{
    const char* objectName;
    const char* title;
    Qt::Key key;
};

const DockSpec kDocks[] = {
    {"alertsDock", "Alerts", Qt::Key_1},   {"incidentDock", "Incident & timeline", Qt::Key_2},
    {"logsDock", "Logs", Qt::Key_3},       {"tracesDock", "Traces", Qt::Key_4},
    {"sourcesDock", "Sources", Qt::Key_5},
};

QStandardItem* sourceItem(const QString& name, int state, bool insecure, const QString& detail = {})
{
    auto* item = new QStandardItem(name);
    item->setData(state, kStateRole);
    item->setData(insecure, kInsecureRole);
    if (!detail.isEmpty())
        item->setToolTip(detail);
    return item;
}

QList<QAction*> menuActions(const QMenuBar* bar)
{
    QList<QAction*> out;
    QList<const QMenu*> menus;
    for (QAction* top : bar->actions())
        menus << top->menu();
    while (!menus.isEmpty()) {
        const QMenu* m = menus.takeFirst();
        for (QAction* a : m->actions()) {
            if (a->menu())
                menus << a->menu();
            else if (!a->isSeparator())
                out << a;
        }
    }
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_settingsCount = 0;

    // A fresh INI file per call: tests never read the developer's real settings, nor each other's.
    std::unique_ptr<QSettings> freshSettings()
    {
        return std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_settingsCount)), QSettings::IniFormat);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup()
    {
        // Like KDDockWidgets' guard: a widget a test forgot would skew every test after it.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const QWidgetList leaked = QApplication::topLevelWidgets();
        for (QWidget* w : leaked)
            qWarning() << "leaked top-level widget:" << w << w->objectName();
        QCOMPARE(leaked.size(), 0);
    }

    void docksHaveStableNamesTitlesAndEmptyStates()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        QCOMPARE(w.docks().size(), 5);
        for (int i = 0; i < 5; ++i) {
            const DockSpec& spec = kDocks[i];
            PanelDock* dock = w.findChild<PanelDock*>(QLatin1String(spec.objectName));
            QVERIFY2(dock, spec.objectName);
            QCOMPARE(w.docks().at(i), dock);
            QCOMPARE(dock->windowTitle(), QString::fromUtf8(spec.title));
            QVERIFY(w.dockWidgetArea(dock) != Qt::NoDockWidgetArea);
            EmptyState* empty = dock->emptyState();
            QVERIFY(empty);
            QVERIFY(!empty->title().isEmpty());
            QVERIFY(!empty->explanation().isEmpty());
            QVERIFY2(!empty->hint().isEmpty(), "every empty panel says what to do");
        }
        QCOMPARE(w.dock(QStringLiteral("sourcesDock"))->emptyState()->title(),
                 QStringLiteral("No data sources"));
        QVERIFY(w.dock(QStringLiteral("sourcesDock"))
                    ->emptyState()
                    ->explanation()
                    .contains(QStringLiteral("--demo")));
        QCOMPARE(w.dashboards()->dashboardCount(), 0);
        QCOMPARE(w.dashboards()->emptyState()->title(), QStringLiteral("No dashboards yet"));
        QVERIFY(!w.dashboards()->emptyState()->explanation().isEmpty());
    }

    void dockActionsToggleDocks()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const DockSpec& spec : kDocks) {
            PanelDock* dock = w.dock(QLatin1String(spec.objectName));
            QAction* toggle =
                w.findChild<QAction*>(QStringLiteral("actionToggle_") + QLatin1String(spec.objectName));
            QVERIFY(toggle);
            QCOMPARE(toggle->shortcut(), QKeySequence(Qt::ALT | spec.key));
            QVERIFY(!dock->isHidden());
            QVERIFY(toggle->isChecked());
            toggle->trigger();
            QVERIFY(dock->isHidden());
            QVERIFY(!toggle->isChecked());
            toggle->trigger();
            QVERIFY(!dock->isHidden());
        }
        // And through the keyboard, as a user would.
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        PanelDock* logs = w.dock(QStringLiteral("logsDock"));
        QTest::keyClick(&w, Qt::Key_3, Qt::AltModifier);
        QVERIFY(logs->isHidden());
        QTest::keyClick(&w, Qt::Key_3, Qt::AltModifier);
        QVERIFY(!logs->isHidden());
    }

    void layoutRoundTripsThroughSettings()
    {
        auto settings = freshSettings();
        {
            MainWindow w(settings.get(), nullptr);
            QVERIFY2(!w.restoreLayout(), "nothing saved yet");
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QCOMPARE(w.dockWidgetArea(w.dock(QStringLiteral("tracesDock"))), Qt::BottomDockWidgetArea);
            w.dock(QStringLiteral("sourcesDock"))->hide();
            w.addDockWidget(Qt::LeftDockWidgetArea, w.dock(QStringLiteral("tracesDock")));
            w.close(); // closing saves
        }
        QCOMPARE(settings->value(QStringLiteral("mainwindow/layoutVersion")).toInt(),
                 MainWindow::kLayoutVersion);
        QVERIFY(!settings->value(QStringLiteral("mainwindow/state")).toByteArray().isEmpty());
        QVERIFY(!settings->value(QStringLiteral("mainwindow/geometry")).toByteArray().isEmpty());

        MainWindow restored(settings.get(), nullptr);
        QVERIFY(restored.restoreLayout());
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QVERIFY(restored.dock(QStringLiteral("sourcesDock"))->isHidden());
        QCOMPARE(restored.dockWidgetArea(restored.dock(QStringLiteral("tracesDock"))),
                 Qt::LeftDockWidgetArea);

        QAction* reset = restored.findChild<QAction*>(QStringLiteral("actionResetLayout"));
        QVERIFY(reset);
        reset->trigger();
        QVERIFY(!restored.dock(QStringLiteral("sourcesDock"))->isHidden());
        QCOMPARE(restored.dockWidgetArea(restored.dock(QStringLiteral("tracesDock"))),
                 Qt::BottomDockWidgetArea);
        QCOMPARE(restored.dockWidgetArea(restored.dock(QStringLiteral("sourcesDock"))),
                 Qt::LeftDockWidgetArea);
        QCOMPARE(restored.dockWidgetArea(restored.dock(QStringLiteral("alertsDock"))),
                 Qt::RightDockWidgetArea);
        for (PanelDock* d : restored.docks())
            QVERIFY2(!d->isFloating() && !d->isHidden(), qPrintable(d->objectName()));
        restored.setLayoutPersistent(false);
    }

    void layoutOfAnotherVersionIsIgnored()
    {
        auto settings = freshSettings();
        {
            MainWindow w(settings.get(), nullptr);
            w.saveLayout();
        }
        settings->setValue(QStringLiteral("mainwindow/layoutVersion"), MainWindow::kLayoutVersion + 1);
        MainWindow w(settings.get(), nullptr);
        QVERIFY(!w.restoreLayout());
    }

    void kioskShowsOnlyAlertsAndSavesNothing()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        const qreal normalSize = w.font().pointSizeF();
        w.setKioskMode(true);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (PanelDock* d : w.docks())
            QCOMPARE(d->isHidden(), d->objectName() != QLatin1String("alertsDock"));
        QVERIFY(w.font().pointSizeF() > normalSize);
        w.close();
        QVERIFY2(!settings->contains(QStringLiteral("mainwindow/state")),
                 "kiosk must not replace the user's layout");
    }

    void themeSwitchesPaletteLiveAndIsRemembered()
    {
        auto settings = freshSettings();
        ThemeManager theme(settings.get());
        MainWindow w(settings.get(), &theme);

        theme.setChoice(ThemeChoice::Dark);
        QVERIFY(isDark(QApplication::palette()));
        QCOMPARE(QApplication::palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QVERIFY(w.findChild<QAction*>(QStringLiteral("actionThemeDark"))->isChecked());
        const QColor darkOk = semanticColor(Semantic::Ok);

        w.findChild<QAction*>(QStringLiteral("actionThemeLight"))->trigger();
        QVERIFY(!isDark(QApplication::palette()));
        QCOMPARE(QApplication::palette().color(QPalette::Window), lightPalette().color(QPalette::Window));
        QCOMPARE(settings->value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
        QVERIFY(w.findChild<QAction*>(QStringLiteral("actionThemeLight"))->isChecked());
        QVERIFY(semanticColor(Semantic::Ok) != darkOk);

        // --theme overrides for one run without changing what is remembered.
        theme.applyInitial(ThemeChoice::Dark);
        QVERIFY(isDark(QApplication::palette()));
        QCOMPARE(settings->value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
        theme.applyInitial();
        QVERIFY(!isDark(QApplication::palette()));
    }

    void palettesAreComplete()
    {
        for (const QPalette& p : {lightPalette(), darkPalette()}) {
            QVERIFY(p.color(QPalette::Disabled, QPalette::Text) != p.color(QPalette::Active, QPalette::Text));
            QVERIFY(p.color(QPalette::Disabled, QPalette::ButtonText) !=
                    p.color(QPalette::Active, QPalette::ButtonText));
            QVERIFY(p.color(QPalette::Link) != p.color(QPalette::Text));
            QVERIFY(p.color(QPalette::ToolTipText) != p.color(QPalette::ToolTipBase));
            // Text on panels is readable: a large lightness gap, whichever way round.
            QVERIFY(qAbs(p.color(QPalette::Text).lightness() - p.color(QPalette::Base).lightness()) > 150);
        }
        const QColor darkWindow = darkPalette().color(QPalette::Window);
        QVERIFY2(darkWindow != QColor(Qt::black) && darkWindow.blue() > darkWindow.red(),
                 "blue-grey, not black");
        for (const auto s : {Semantic::Ok, Semantic::Warning, Semantic::Critical, Semantic::Unknown})
            QVERIFY(semanticColor(s, lightPalette()) != semanticColor(s, darkPalette()));
    }

    void statusChipsFollowTheModel()
    {
        SourceHealthBar bar;
        QStandardItemModel model;
        bar.setModel(&model);
        QVERIFY(bar.chips().isEmpty());
        QVERIFY(bar.showsEmptyText());

        model.appendRow(
            sourceItem(QStringLiteral("prometheus"), 1, false, QStringLiteral("answered in 12 ms")));
        QCOMPARE(bar.chips().size(), 1);
        QVERIFY(!bar.showsEmptyText());
        QCOMPARE(bar.chips().at(0)->name(), QStringLiteral("prometheus"));
        QCOMPARE(bar.chips().at(0)->state(), wf::HealthState::Up);
        QCOMPARE(bar.chips().at(0)->toolTip(), QStringLiteral("answered in 12 ms"));

        model.appendRow(sourceItem(QStringLiteral("loki"), 0, true));
        QCOMPARE(bar.chips().size(), 2);
        SourceHealthChip* loki = bar.chips().at(1);
        QVERIFY(loki->insecureTls());
        QVERIFY(loki->toolTip().contains(QStringLiteral("loki")));
        QVERIFY(loki->toolTip().contains(QStringLiteral("TLS verification off")));

        model.item(1)->setData(3, kStateRole); // dataChanged
        QCOMPARE(bar.chips().at(1)->state(), wf::HealthState::Down);
        QVERIFY(bar.chips().at(1)->toolTip().contains(QStringLiteral("down")));

        model.removeRow(0);
        QCOMPARE(bar.chips().size(), 1);
        QCOMPARE(bar.chips().at(0)->name(), QStringLiteral("loki"));

        model.clear(); // modelReset
        QVERIFY(bar.chips().isEmpty());
        QVERIFY(bar.showsEmptyText());

        {
            QStandardItemModel shortLived;
            shortLived.appendRow(sourceItem(QStringLiteral("tempo"), 2, false));
            bar.setModel(&shortLived);
            QCOMPARE(bar.chips().size(), 1);
            QCOMPARE(bar.chips().at(0)->state(), wf::HealthState::Degraded);
        }
        QVERIFY2(!bar.model() && bar.chips().isEmpty(), "the bar lets go of a destroyed model");
    }

    void statusChipsBindToSourceHealthModel()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        wf::SourceHealthModel model;
        w.setSourceHealthModel(&model);
        SourceHealthBar* bar = w.sourceHealthBar();
        QVERIFY(bar->showsEmptyText());
        wf::SourceHealth prom;
        prom.name = QStringLiteral("prom-eu");
        prom.kind = QStringLiteral("prometheus");
        prom.url = QUrl(QStringLiteral("https://prom.example:9090"));
        wf::SourceHealth am = prom;
        am.name = QStringLiteral("alerts");
        am.kind = QStringLiteral("alertmanager");
        am.insecureTls = true;
        model.setSources({prom, am});
        QCOMPARE(bar->chips().size(), 2);
        model.updateHealth(QStringLiteral("prom-eu"), wf::HealthState::Down,
                           QStringLiteral("connection refused"), -1, QDateTime::currentDateTimeUtc());
        QCOMPARE(bar->chips().at(0)->state(), wf::HealthState::Down);
        QVERIFY(bar->chips().at(0)->toolTip().contains(QStringLiteral("connection refused")));
        QCOMPARE(bar->chips().at(1)->toolTip().count(QStringLiteral("TLS verification off")), 1);
        w.setSourceHealthModel(nullptr);
    }

    void workspaceLabelAndNotice()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        auto* label = w.findChild<WorkspaceLabel*>();
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("No workspace open"));
        w.setWorkspace({QStringLiteral("/srv/incidents/db-outage.watchfloor"), false, true});
        QVERIFY(label->text().contains(QStringLiteral("db-outage.watchfloor")));
        QVERIFY(label->text().contains(QStringLiteral("read-only")));
        QVERIFY(label->toolTip().contains(QStringLiteral("/srv/incidents/db-outage.watchfloor")));
        QVERIFY(w.windowTitle().contains(QStringLiteral("db-outage")));
        w.setWorkspace({QStringLiteral("/tmp/x/demo.watchfloor"), true, false});
        QCOMPARE(label->text(), QStringLiteral("Temporary demo workspace"));

        QVERIFY(w.dashboards()->notice().isEmpty());
        w.showNotice(demoNoticeText());
        QCOMPARE(w.dashboards()->notice(), demoNoticeText());
        QVERIFY(demoNoticeText().contains(QStringLiteral("Starting the simulated shop")));
        w.showNotice({});
        QVERIFY(w.dashboards()->notice().isEmpty());
    }

    // --tab: the preferred tab becomes current once, whether it is open already or opens later; after
    // that the user's choice stands.
    void preferredTabIsShownOnce()
    {
        DashboardArea area;
        area.addDashboard(new QWidget, QStringLiteral("Shop overview"));
        area.setPreferredTab(QStringLiteral("service graph"));
        QCOMPARE(area.tabs()->currentIndex(), 0);
        area.addDashboard(new QWidget, QStringLiteral("Service graph (1 failing)"));
        QCOMPARE(area.tabs()->currentIndex(), 1);
        area.tabs()->setCurrentIndex(0);
        area.addDashboard(new QWidget, QStringLiteral("Service graph 2"));
        QCOMPARE(area.tabs()->currentIndex(), 0);

        area.setPreferredTab(QStringLiteral("SERVICE GRAPH 2")); // already open: shown at once
        QCOMPARE(area.tabs()->currentIndex(), 2);
    }

    void everyActionExplainsItself()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        const QList<QAction*> actions = menuActions(w.menuBar());
        QVERIFY(actions.size() >= 15);
        for (QAction* a : actions) {
            if (!a->objectName().startsWith(QLatin1String("action")))
                continue; // generated entries such as "No recent files"
            QVERIFY2(!a->statusTip().isEmpty(), qPrintable(a->objectName()));
            QVERIFY2(!a->toolTip().isEmpty(), qPrintable(a->objectName()));
        }
        // Disabled until the application has a writable workspace (and, for notes, pins and exports,
        // an incident).
        for (const char* name : {"actionDeclareIncident", "actionAddNote", "actionPinDashboards",
                                 "actionExportPostmortem", "actionExportIncidentFile"}) {
            QAction* a = w.findChild<QAction*>(QLatin1String(name));
            QVERIFY(a && !a->isEnabled());
        }
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionDeclareIncident"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionAddNote"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionOpen"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_O));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionQuit"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_Q));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionSaveScreenshot"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionFullScreen"))->shortcut(),
                 QKeySequence(Qt::Key_F11));
    }

    void shortcutListIsGeneratedFromTheActions()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        const QList<ShortcutEntry> entries = collectShortcuts(w.menuBar());
        int withShortcut = 0;
        for (QAction* a : menuActions(w.menuBar())) {
            if (a->shortcut().isEmpty())
                continue;
            ++withShortcut;
            const QString keys = a->shortcut().toString(QKeySequence::NativeText);
            const bool listed = std::any_of(entries.begin(), entries.end(),
                                            [&](const ShortcutEntry& e) { return e.keys == keys; });
            QVERIFY2(listed, qPrintable(keys));
        }
        QCOMPARE(entries.size(), withShortcut);
        const auto incident = std::find_if(entries.begin(), entries.end(), [](const ShortcutEntry& e) {
            return e.keys == QKeySequence(Qt::ALT | Qt::Key_2).toString(QKeySequence::NativeText);
        });
        QVERIFY(incident != entries.end());
        QCOMPARE(incident->action, QStringLiteral("Incident & timeline"));
        QCOMPARE(incident->menu, QStringLiteral("View"));

        w.findChild<QAction*>(QStringLiteral("actionShortcuts"))->trigger();
        auto* dialog = w.findChild<ShortcutsDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->close(); // deletes itself
    }

    void aboutNamesVersionsAndLicence()
    {
        const QString html = AboutDialog::aboutHtml();
        QVERIFY(html.contains(QStringLiteral(WATCHFLOOR_VERSION)));
        QVERIFY(html.contains(QString::fromLatin1(qVersion())));
        QVERIFY(html.contains(QStringLiteral("SQLite")));
        QVERIFY(html.contains(QStringLiteral("libcurl")));
        QVERIFY(html.contains(QStringLiteral("Licensed under")));
        QVERIFY(html.contains(QStringLiteral("<a href=")));

        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        w.findChild<QAction*>(QStringLiteral("actionAbout"))->trigger();
        auto* dialog = w.findChild<AboutDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->close();
    }

    void recentFilesAreCappedAndDeduplicated()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        for (int i = 0; i < 12; ++i)
            w.addRecentFile(m_dir.filePath(QStringLiteral("f%1.watchfloor").arg(i)));
        w.addRecentFile(m_dir.filePath(QStringLiteral("f5.watchfloor")));
        const QStringList list = settings->value(QStringLiteral("recentFiles")).toStringList();
        QCOMPARE(list.size(), 10);
        QCOMPARE(QFileInfo(list.first()).fileName(), QStringLiteral("f5.watchfloor"));
        QCOMPARE(list.count(list.first()), 1);

        QSignalSpy spy(&w, &MainWindow::openFileRequested);
        auto* recent = w.findChild<QMenu*>(QStringLiteral("menuRecentFiles"));
        QVERIFY(recent);
        Q_EMIT recent->aboutToShow();
        recent->actions().first()->trigger();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().toString(), list.first());
    }

    void screenshotWritesPngOfWindowSize()
    {
        auto settings = freshSettings();
        MainWindow w(settings.get(), nullptr);
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        const QString path = m_dir.filePath(QStringLiteral("now.png"));
        const ScreenshotResult now = ScreenshotTaker::capture(&w, path);
        QVERIFY2(now.ok, qPrintable(now.error));
        QCOMPARE(now.size, QSize(1200, 800) * w.devicePixelRatio());
        QVERIFY(QFileInfo(path).size() > 0);
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        QCOMPARE(reader.size(), now.size);

        ScreenshotTaker later(&w, m_dir.filePath(QStringLiteral("later.png")), std::chrono::milliseconds(50));
        QSignalSpy finished(&later, &ScreenshotTaker::finished);
        later.start();
        QVERIFY(finished.wait(5000));
        const auto r = finished.first().first().value<ScreenshotResult>();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(QFileInfo(r.path).size() > 0);

        const ScreenshotResult bad =
            ScreenshotTaker::capture(&w, m_dir.filePath(QStringLiteral("missing/dir/x.png")));
        QVERIFY(!bad.ok);
        QVERIFY(bad.error.contains(QStringLiteral("x.png")));
        w.setLayoutPersistent(false);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
