// `watchfloor FILE.watchfloor` on an exported incident file: the app opens it read-only (even though
// the file itself is writable) and leaves it byte for byte as it was, with nothing created beside it.

#include "incident/IncidentFile.h"
#include "incident/TimelineStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;

class TestIncidentFileApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensReadOnlyAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"review/db-outage.watchfloor"_s);
        QVERIFY(QDir().mkpath(dir.filePath(u"review"_s)));
        {
            wf::OpenResult r =
                wf::Workspace::open(dir.filePath(u"work.watchfloor"_s), wf::OpenMode::CreateIfMissing);
            QVERIFY2(r, qPrintable(r.message));
            TimelineStore store(*r.workspace);
            std::optional<qint64> id;
            store.declare({u"Primary database failover"_s, Severity::Sev1, {u"orders"_s}, u"ana"_s}, u"ana"_s,
                          this, [&](const wf::StoreResult& res, qint64 i) {
                              if (res.ok)
                                  id = i;
                          });
            QVERIFY(QTest::qWaitFor([&] { return id.has_value(); }, 10000));
            std::optional<IncidentFileResult> done;
            exportIncidentFile(*r.workspace, *id, file, this,
                               [&](const IncidentFileResult& res) { done = res; });
            QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 20000));
            QVERIFY2(done->ok, qPrintable(done->error));
        }
        QVERIFY(QFileInfo(file).isWritable());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();

        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, dir.path()); // settings and recent files go to the temporary folder
        env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        app.setProcessEnvironment(env);
        const QString shot = dir.filePath(u"shot.png"_s);
        app.start(QStringLiteral(WF_WATCHFLOOR), {file, u"--screenshot"_s, shot, u"--after"_s, u"800"_s});
        QVERIFY(app.waitForFinished(60000));
        const QString err = QString::fromUtf8(app.readAllStandardError());
        QCOMPARE(app.exitCode(), 0);
        // Errors (a refused open, a failed integrity check) are printed as "watchfloor: ..." lines.
        QVERIFY2(!err.contains(u"watchfloor:"_s), qPrintable(err));
        QVERIFY(!QImage(shot).isNull());

        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll() == before, "the incident file was changed by opening it");
        QCOMPARE(QDir(dir.filePath(u"review"_s)).entryList(QDir::Files),
                 QStringList{u"db-outage.watchfloor"_s});
    }
};

QTEST_GUILESS_MAIN(TestIncidentFileApp)
#include "tst_incidentfile_app.moc"
