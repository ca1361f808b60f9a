// File ▸ Save dashboard and Saved dashboards through the real presenter, window and workspace: a
// dashboard tab saved into the workspace gets a uid, shows up in the saved list, reopens as a tab
// with the same panels, and a second save replaces the first rather than adding another.

#include "DashboardPresenter.h"
#include "dashboard/DashboardStore.h"
#include "dashboard/WatchfloorJson.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DashboardView.h"
#include "dashboards/grid/TimeRangePicker.h"
#include "dialogs/SavedDashboardsDialog.h"
#include "items/SourceHealthModel.h"
#include "mainwindow/MainWindow.h"
#include "sources/SourcesController.h"
#include "store/Workspace.h"

#include <QApplication>
#include <QListWidget>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf;

class TestDashboardPresenterSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveListAndReopen()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        ui::MainWindow window(&settings, nullptr);
        OpenResult opened = Workspace::open(dir.filePath(u"w.watchfloor"_s), OpenMode::CreateIfMissing);
        QVERIFY2(opened.workspace, qPrintable(opened.message));
        SourceHealthModel health;
        SourcesController sources(nullptr, &health);
        QStringList errors;
        app::DashboardPresenter presenter(
            &window, nullptr, &sources,
            [&](const QString& t, const QString& m) { errors << t + u": "_s + m; });
        presenter.setCommandLinePrometheus(QUrl(u"http://127.0.0.1:1"_s)); // never reached: nothing waits
        presenter.setWorkspace(opened.workspace.get());

        dashboard::Dashboard d;
        d.title = u"Saved board"_s;
        dashboard::Panel p;
        p.id = 1;
        p.title = u"Text"_s;
        p.type = dashboard::PanelType::Text;
        p.textContent = u"hello"_s;
        d.panels = {p};
        presenter.openBytes(dashboard::exportDashboard(d), u"board.json"_s);
        QTRY_COMPARE(presenter.views().size(), 1);

        presenter.saveCurrent();
        QTRY_VERIFY(!presenter.views().first()->dashboard().uid.isEmpty());
        const QString uid = presenter.views().first()->dashboard().uid;
        presenter.saveCurrent(); // same uid: replaced, not added

        QList<dashboard::DashboardSummary> listed;
        bool done = false;
        dashboard::DashboardStore(*opened.workspace).list(this, [&](const ReadResult& r, const auto& all) {
            QVERIFY(r.ok);
            listed = all;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().uid, uid);
        QCOMPARE(listed.first().title, u"Saved board"_s);

        // The Saved dashboards dialog lists it; Open makes a second tab with the same panels.
        presenter.showSaved();
        QTRY_VERIFY(window.findChild<ui::SavedDashboardsDialog*>());
        auto* dialog = window.findChild<ui::SavedDashboardsDialog*>();
        QCOMPARE(dialog->list()->count(), 1);
        QCOMPARE(dialog->selectedUid(), uid);
        Q_EMIT dialog->openRequested(uid);
        QTRY_COMPARE(presenter.views().size(), 2);
        QCOMPARE(presenter.views().last()->dashboard().panels, d.panels);
        QCOMPARE(window.dashboards()->tabs()->tabText(window.dashboards()->tabs()->currentIndex()),
                 u"Saved board"_s);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        dialog->close();
        presenter.setWorkspace(nullptr);
    }

    // A span's "Metrics of this service" outside the demo: the open dashboard moves to the span's time
    // (with context around it) and switches its $service variable to the span's service.
    void showServiceMovesTheDashboard()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        ui::MainWindow window(&settings, nullptr);
        SourceHealthModel health;
        SourcesController sources(nullptr, &health);
        app::DashboardPresenter presenter(&window, nullptr, &sources, [](const QString&, const QString&) {});
        presenter.setCommandLinePrometheus(QUrl(u"http://127.0.0.1:1"_s));
        QVERIFY(!presenter.showService(u"checkout"_s, 1000, 2000)); // nothing open: the caller says so

        dashboard::Dashboard d;
        d.title = u"Services"_s;
        dashboard::Variable service;
        service.name = u"service"_s;
        service.kind = dashboard::VariableKind::Custom;
        service.query = u"frontend, checkout, payments"_s;
        service.options = dashboard::parseCustomOptions(service.query);
        service.current = {u"frontend"_s};
        d.variables = {service};
        dashboard::Panel p;
        p.id = 1;
        p.title = u"Text"_s;
        p.type = dashboard::PanelType::Text;
        p.textContent = u"$service"_s;
        d.panels = {p};
        presenter.openBytes(dashboard::exportDashboard(d), u"services.json"_s);
        QTRY_COMPARE(presenter.views().size(), 1);
        ui::DashboardView* view = presenter.views().first();

        const qint64 spanStartMs = 1'700'000'000'000;
        QVERIFY(presenter.showService(u"checkout"_s, spanStartMs, spanStartMs + 40));
        QCOMPARE(view->variables().first().current, QStringList{u"checkout"_s});
        const auto range = dashboard::resolve(view->picker()->timeRange(), spanStartMs);
        QVERIFY(range.has_value());
        QVERIFY(range->fromMs < spanStartMs && range->toMs > spanStartMs + 40);
        QCOMPARE(range->spanMs(), 40 + 2 * 15 * 60 * 1000);

        // A service the dashboard does not offer: only the time moves.
        QVERIFY(presenter.showService(u"unknown-svc"_s, spanStartMs + 60'000, spanStartMs + 60'010));
        QCOMPARE(view->variables().first().current, QStringList{u"checkout"_s});
        QCOMPARE(dashboard::resolve(view->picker()->timeRange(), 0)->fromMs,
                 spanStartMs + 60'000 - 15 * 60 * 1000);
    }
};

QTEST_MAIN(TestDashboardPresenterSave)
#include "tst_dashboardpresenter_save.moc"
