// Issue 4, credentials end to end through the real controller and window: a workspace data source for
// the Debian Prometheus behind --web.config.file basic auth, its password entered once, a dashboard
// opened over it. On this machine no keychain answers on D-Bus, so the password lives in memory for
// the session (the user is told); the panels get data, a wrong password shows HTTP 401 on the panel,
// and no file the app wrote (workspace, WAL, settings, the XDG folders, the exported dashboard) holds
// the password.

#include "AppController.h"
#include "DashboardPresenter.h"
#include "KeychainSecretStore.h"
#include "PrometheusServer.h"
#include "core/CommandLine.h"
#include "dashboards/DashboardPanelWidget.h"
#include "dashboards/DashboardView.h"
#include "mainwindow/MainWindow.h"
#include "sources/SourcesController.h"
#include "theme/Theme.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

const QString kUser = u"watch"_s;
const QString kPassword = u"floor-Heron-Quill-204"_s;

struct App
{
    explicit App(const QString& settingsFile)
        : settings(settingsFile, QSettings::IniFormat)
        , theme(&settings)
        , window(&settings, &theme)
        , controller(std::make_unique<app::AppController>(&window, false))
    {
        window.setLayoutPersistent(false);
        window.resize(1200, 800);
        window.show();
    }
    ~App() { controller.reset(); }

    QSettings settings;
    ui::ThemeManager theme;
    ui::MainWindow window;
    std::unique_ptr<app::AppController> controller;
};

QStringList filesHolding(const QString& dir, const QByteArray& needle)
{
    QStringList hits;
    const QByteArray utf16(reinterpret_cast<const char*>(QString::fromUtf8(needle).utf16()),
                           needle.size() * 2);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = f.readAll();
            if (bytes.contains(needle) || bytes.contains(utf16))
                hits << f.fileName();
        }
    }
    return hits;
}

QString panelStates(ui::DashboardView* view)
{
    QStringList out;
    for (ui::DashboardPanelWidget* w : view->panelWidgets())
        out << u"%1: %2 series, error: %3"_s.arg(w->panel().title).arg(w->seriesCount()).arg(w->errorText());
    return out.join(u'\n');
}

} // namespace

class TestPrometheusAuthApp : public QObject
{
    Q_OBJECT

    test::PrometheusServer m_prom;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Everything the app or qtkeychain could write goes below the temporary folder, so the search
        // for the password at the end sees it all.
        qputenv("HOME", m_dir.filePath(u"home"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CACHE_HOME", m_dir.filePath(u"cache"_s).toUtf8());
        for (const char* v :
             {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(v);

        QString missing;
        const QString htpasswd = QStandardPaths::findExecutable(u"htpasswd"_s);
        if (htpasswd.isEmpty())
            missing = u"htpasswd (apache2-utils)"_s;
        else
            test::PrometheusServer::binariesAvailable(&missing);
        if (!missing.isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(missing + u" is missing: run packaging/install-deps.sh test"_s));
            QSKIP(qPrintable(missing + u" is missing: run packaging/install-deps.sh test"_s));
        }
        QProcess hash;
        hash.start(htpasswd, {u"-nbBC"_s, u"5"_s, kUser, kPassword});
        QVERIFY(hash.waitForFinished(10000));
        const QByteArray line = hash.readAllStandardOutput().trimmed();
        QVERIFY2(hash.exitCode() == 0 && line.startsWith(QByteArray(kUser.toUtf8() + ":$2")),
                 line.constData());
        m_prom.setWebConfig("basic_auth_users:\n  " + kUser.toUtf8() + ": '" + line.mid(kUser.size() + 1) +
                                "'\n",
                            "Basic " + (kUser + QLatin1Char(':') + kPassword).toUtf8().toBase64());
        QVERIFY2(m_prom.start(), qPrintable(m_prom.error()));
    }

    void keychainNeverFallsBackToAPlainFile()
    {
        // Whatever this machine has (here: no Secret Service), a write either reaches a keychain or
        // fails; qtkeychain's plain-file fallback is off.
        app::KeychainSecretStore keychain(u"Watchfloor test"_s);
        std::optional<SecretResult> result;
        keychain.write(u"datasource/test/1"_s, kPassword.toUtf8(), this,
                       [&](const SecretResult& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        if (!result->ok())
            QVERIFY2(!result->error.isEmpty(), "an unreachable keychain must say why");
        else
            keychain.remove(u"datasource/test/1"_s, this, [](const SecretResult&) {});
        QCOMPARE(filesHolding(m_dir.path(), kPassword.toUtf8()), QStringList());
    }

    void dashboardOverAnAuthenticatedSource()
    {
        const QString dashboard = m_dir.filePath(u"load.json"_s);
        {
            QFile f(dashboard);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"title":"Load","time":{"from":"now-5m","to":"now"},"panels":[
                {"type":"timeseries","title":"Load 1m","gridPos":{"x":0,"y":0,"w":24,"h":8},
                 "targets":[{"refId":"A","expr":"node_load1"}]}]})");
        }
        auto app = std::make_unique<App>(m_dir.filePath(u"settings.ini"_s));
        SourcesController* sources = app->controller->sources();
        QSignalSpy loaded(sources, &SourcesController::loaded);
        const CommandLineOptions options =
            parseCommandLine({u"watchfloor"_s, u"--workspace"_s, m_dir.filePath(u"ws.watchfloor"_s)});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QVERIFY(app->controller->start(options));
        QVERIFY(loaded.wait(20000));

        SourceCredentials wrong;
        wrong.mode = SourceCredentials::Mode::Basic;
        wrong.user = kUser;
        wrong.password = u"not-it"_s;
        loaded.clear();
        sources->add({0, u"prom"_s, u"prometheus"_s, m_prom.prometheusUrl(), false}, wrong);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(sources->sources().size(), 1);
        const qint64 id = sources->sources().first().id;
        QCOMPARE(sources->credentials(id), wrong);

        auto* presenter = app->controller->dashboards();
        presenter->open(dashboard);
        QTRY_COMPARE_WITH_TIMEOUT(presenter->views().size(), 1, 20000);
        ui::DashboardView* view = presenter->views().first();
        QVERIFY(view);
        QTRY_VERIFY2_WITH_TIMEOUT(!view->panelWidgets().isEmpty() &&
                                      view->panelWidgets().first()->errorText().contains(u"401"_s),
                                  qPrintable(panelStates(view)), 20000);

        // The right password, saved through the controller, reaches the open dashboard.
        SourceCredentials right = wrong;
        right.password = kPassword;
        loaded.clear();
        sources->update(sources->sources().first(), right);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(sources->credentials(id), right);
        // The server has been up for seconds and steps align to the step: refresh until a step
        // point lands after the first scrape.
        const auto hasData = [view] {
            const ui::DashboardPanelWidget* w = view->panelWidgets().first();
            return w->hasData() && w->seriesCount() == 1 && w->errorText().isEmpty();
        };
        QElapsedTimer timer;
        timer.start();
        while (!hasData() && timer.elapsed() < 40000) {
            view->refresh();
            QTest::qWait(2000);
        }
        QVERIFY2(hasData(), qPrintable(panelStates(view)));

        // The dashboard exported as JSON: the file names no secret either.
        const QString exported = m_dir.filePath(u"exported.json"_s);
        presenter->exportCurrent(exported);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(exported), 10000);
        app.reset();
        QCOMPARE(filesHolding(m_dir.path(), kPassword.toUtf8()), QStringList());
        QCOMPARE(filesHolding(m_dir.path(), "not-it"), QStringList());
    }
};

QTEST_MAIN(TestPrometheusAuthApp)
#include "tst_prometheus_auth_app.moc"
