// SourcesController: what is saved in the workspace is what the health model shows and what the
// monitor probes; failures reach the user; switching workspaces never shows another file's sources.

#include "LoopbackHttpServer.h"
#include "items/SourceHealthModel.h"
#include "net/HttpClient.h"
#include "sources/SourcesController.h"
#include "store/Workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using wf::DataSource;
using wf::HealthState;
using wf::SourceHealthModel;
using wf::SourcesController;

namespace {

std::unique_ptr<wf::Workspace> openWorkspace(const QString& path,
                                             wf::OpenMode mode = wf::OpenMode::CreateIfMissing)
{
    wf::OpenResult r = wf::Workspace::open(path, mode);
    if (!r)
        qWarning("%s", qUtf8Printable(r.message));
    return std::move(r.workspace);
}

DataSource prometheus(const QString& name, const QUrl& url)
{
    return DataSource{0, name, u"prometheus"_s, url, false};
}

} // namespace

class TestSourcesController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addedSourceIsSavedShownAndProbed()
    {
        QTemporaryDir dir;
        wf::test::LoopbackHttpServer server;
        server.setRoute("/api/v1/status/buildinfo",
                        wf::test::HttpRoute::ok(R"({"status":"success","data":{"version":"2.42.0"}})"));
        auto ws = openWorkspace(dir.filePath(u"a.watchfloor"_s));
        QVERIFY(ws);

        wf::net::HttpClient http;
        SourceHealthModel model;
        SourcesController controller(&http, &model);
        QSignalSpy loaded(&controller, &SourcesController::loaded);
        controller.setWorkspace(ws.get());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy saved(&controller, &SourcesController::saved);
        controller.add(prometheus(u"prod"_s, server.url(u"/"_s)));
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.at(0).at(0).toString(), u"prod"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
        QCOMPARE(model.sources().at(0).name, u"prod"_s);
        QVERIFY(controller.source(u"prod"_s).has_value());
        QVERIFY(controller.source(u"prod"_s)->id > 0);

        // The monitor probes the new source right away, not after a whole interval.
        QTRY_COMPARE_WITH_TIMEOUT(HealthState(model.index(0).data(SourceHealthModel::StateRole).toInt()),
                                  HealthState::Up, 5000);
        QVERIFY(!server.requestsFor("/api/v1/status/buildinfo").isEmpty());

        // Reopening the file shows the same source: it was saved, not only shown.
        controller.setWorkspace(nullptr);
        QCOMPARE(model.rowCount(), 0);
        ws.reset();
        ws = openWorkspace(dir.filePath(u"a.watchfloor"_s), wf::OpenMode::ReadWrite);
        QVERIFY(ws);
        controller.setWorkspace(ws.get());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
        QCOMPARE(model.sources().at(0).url, server.url(u"/"_s));
    }

    void updateAndRemoveFollowTheStore()
    {
        QTemporaryDir dir;
        auto ws = openWorkspace(dir.filePath(u"b.watchfloor"_s));
        QVERIFY(ws);
        wf::net::HttpClient http;
        SourceHealthModel model;
        SourcesController controller(&http, &model);
        controller.setWorkspace(ws.get());
        QSignalSpy saved(&controller, &SourcesController::saved);
        controller.add(prometheus(u"one"_s, QUrl(u"http://127.0.0.1:1/"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);

        DataSource changed = *controller.source(u"one"_s);
        changed.name = u"renamed"_s;
        changed.url = QUrl(u"http://127.0.0.1:2/"_s);
        controller.update(changed);
        QTRY_COMPARE_WITH_TIMEOUT(model.sources().value(0).name, u"renamed"_s, 5000);
        QCOMPARE(model.sources().at(0).url, QUrl(u"http://127.0.0.1:2/"_s));
        QVERIFY(!controller.source(u"one"_s));

        controller.remove(u"renamed"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 5000);
        QCOMPARE(controller.sources().size(), 0);
    }

    void failuresAreReportedAndNothingChanges()
    {
        QTemporaryDir dir;
        auto ws = openWorkspace(dir.filePath(u"c.watchfloor"_s));
        QVERIFY(ws);
        wf::net::HttpClient http;
        SourceHealthModel model;
        SourcesController controller(&http, &model);
        controller.setWorkspace(ws.get());
        QSignalSpy failed(&controller, &SourcesController::failed);
        QSignalSpy saved(&controller, &SourcesController::saved);

        controller.add(prometheus(u"dup"_s, QUrl(u"http://127.0.0.1:1/"_s)));
        QVERIFY(saved.wait(5000));
        controller.add(prometheus(u"dup"_s, QUrl(u"http://127.0.0.1:2/"_s)));
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(0).toString().contains(u"dup"_s), qPrintable(failed.at(0).at(0).toString()));

        controller.add(prometheus(u"bad"_s, QUrl(u"file:///etc/passwd"_s)));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(1).at(0).toString().contains(u"http"_s));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
        QCOMPARE(model.sources().at(0).url, QUrl(u"http://127.0.0.1:1/"_s));
    }

    void readOnlyWorkspaceIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"d.watchfloor"_s);
        {
            auto ws = openWorkspace(path);
            QVERIFY(ws);
        }
        auto ws = openWorkspace(path, wf::OpenMode::ReadOnly);
        QVERIFY(ws);
        wf::net::HttpClient http;
        SourceHealthModel model;
        SourcesController controller(&http, &model);
        QVERIFY(controller.isReadOnly()); // no workspace at all
        controller.setWorkspace(ws.get());
        QVERIFY(controller.isReadOnly());
        QSignalSpy failed(&controller, &SourcesController::failed);
        controller.add(prometheus(u"x"_s, QUrl(u"http://127.0.0.1:1/"_s)));
        QVERIFY(failed.wait(5000));
        QCOMPARE(model.rowCount(), 0);
    }

    void aListForAClosedWorkspaceIsIgnored()
    {
        QTemporaryDir dir;
        auto first = openWorkspace(dir.filePath(u"e1.watchfloor"_s));
        auto second = openWorkspace(dir.filePath(u"e2.watchfloor"_s));
        QVERIFY(first && second);
        {
            wf::net::HttpClient http;
            SourceHealthModel model;
            SourcesController seed(&http, &model);
            seed.setWorkspace(first.get());
            seed.add(prometheus(u"only-in-first"_s, QUrl(u"http://127.0.0.1:1/"_s)));
            QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
            seed.setWorkspace(nullptr);
        }
        wf::net::HttpClient http;
        SourceHealthModel model;
        SourcesController controller(&http, &model);
        QSignalSpy loaded(&controller, &SourcesController::loaded);
        controller.setWorkspace(first.get()); // its list is still being read when we switch
        controller.setWorkspace(second.get());
        QVERIFY(loaded.wait(5000));
        QTest::qWait(200); // give a stale answer the chance to arrive
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(loaded.size(), 1);
    }
};

QTEST_MAIN(TestSourcesController)
#include "tst_sourcescontroller.moc"
