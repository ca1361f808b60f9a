// IncidentSession: what the Incident dock is driven by. The active incident follows declaring and
// resolving, the timeline model follows commits, refusals are reported, and a tampered timeline is
// reported when the workspace is opened.

#include "incident/IncidentSession.h"
#include "items/TimelineModel.h"
#include "store/SqliteDb.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::incident;

class TestIncidentSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<wf::Workspace> open(const QString& path,
                                        wf::OpenMode mode = wf::OpenMode::CreateIfMissing)
    {
        wf::OpenResult r = wf::Workspace::open(path, mode);
        if (!r)
            qWarning("%s", qUtf8Printable(r.message));
        return std::move(r.workspace);
    }

private Q_SLOTS:
    void declareNoteAndStatusFlowIntoTheTimeline()
    {
        QTemporaryDir dir;
        auto ws = open(dir.filePath(u"s.watchfloor"_s));
        QVERIFY(ws);
        IncidentSession session;
        session.setAuthor(u"ana"_s);
        QSignalSpy integrity(&session, &IncidentSession::integrityChecked);
        session.setWorkspace(ws.get());
        QVERIFY(integrity.wait(5000));
        QVERIFY(integrity.at(0).at(0).toStringList().isEmpty());
        QVERIFY(session.canWrite());
        QVERIFY(!session.activeIncident());

        session.declare({u"Checkout errors"_s, Severity::Sev1, {u"checkout"_s}, u"ana"_s});
        QTRY_VERIFY_WITH_TIMEOUT(session.activeIncident().has_value(), 5000);
        QCOMPARE(session.activeIncident()->title, u"Checkout errors"_s);
        QTRY_COMPARE_WITH_TIMEOUT(session.timeline()->rowCount(), 2, 5000);

        QSignalSpy saved(&session, &IncidentSession::noteSaved);
        session.addNote(u"  payments pool exhausted  "_s);
        QVERIFY(saved.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(session.timeline()->rowCount(), 3, 5000);
        const QModelIndex what = session.timeline()->index(2, wf::TimelineModel::WhatColumn);
        QCOMPARE(what.data().toString(), u"payments pool exhausted"_s);
        QCOMPARE(session.timeline()->index(2, wf::TimelineModel::AuthorColumn).data().toString(), u"ana"_s);
        QVERIFY(
            session.timeline()->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString().contains(u"UTC"_s));
        QVERIFY(session.timeline()->index(2, 0).data(Qt::ToolTipRole).toString().contains(u"Z\n"_s));
        session.timeline()->setShowLocalTime(true);
        QVERIFY(session.timeline()
                    ->headerData(0, Qt::Horizontal, Qt::DisplayRole)
                    .toString()
                    .contains(u"local"_s));

        session.changeStatus(Status::Mitigated, u"pool size raised"_s);
        QTRY_COMPARE_WITH_TIMEOUT(session.activeIncident()->status, Status::Mitigated, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(session.timeline()->rowCount(), 4, 5000);
        QVERIFY(session.timeline()
                    ->index(3, wf::TimelineModel::WhatColumn)
                    .data()
                    .toString()
                    .contains(u"pool size raised"_s));

        session.changeSeverity(Severity::Sev2);
        QTRY_COMPARE_WITH_TIMEOUT(session.activeIncident()->severity, Severity::Sev2, 5000);

        QSignalSpy failed(&session, &IncidentSession::failed);
        session.changeStatus(Status::Mitigated); // already there
        QVERIFY(failed.wait(5000));
        QCOMPARE(session.timeline()->rowCount(), 5);
    }

    void reopeningPicksTheNewestUnresolvedIncident()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"r.watchfloor"_s);
        {
            auto ws = open(path);
            IncidentSession s;
            s.setAuthor(u"ana"_s);
            s.setWorkspace(ws.get());
            s.declare({u"Old"_s, Severity::Sev3, {}, {}});
            QTRY_COMPARE_WITH_TIMEOUT(s.incidents().size(), 1, 5000);
            s.changeStatus(Status::Resolved);
            QTRY_COMPARE_WITH_TIMEOUT(s.activeIncident()->status, Status::Resolved, 5000);
            s.declare({u"Current"_s, Severity::Sev2, {}, {}});
            QTRY_COMPARE_WITH_TIMEOUT(s.incidents().size(), 2, 5000);
            s.declare({u"Also open"_s, Severity::Sev4, {}, {}});
            QTRY_COMPARE_WITH_TIMEOUT(s.incidents().size(), 3, 5000);
            s.setActiveIncident(s.incidents().at(1).id);
            s.setWorkspace(nullptr);
        }
        auto ws = open(path, wf::OpenMode::ReadOnly);
        QVERIFY(ws);
        IncidentSession s;
        s.setWorkspace(ws.get());
        QTRY_VERIFY_WITH_TIMEOUT(s.activeIncident().has_value(), 5000);
        QCOMPARE(s.activeIncident()->title, u"Also open"_s);
        QVERIFY(!s.canWrite());
        QTRY_COMPARE_WITH_TIMEOUT(s.timeline()->rowCount(), 1, 5000);
        s.setActiveIncident(s.incidents().at(0).id);
        QTRY_COMPARE_WITH_TIMEOUT(s.timeline()->rowCount(), 2, 5000); // declared + resolved
    }

    void pinnedPanelShowsInTheTimeline()
    {
        QTemporaryDir dir;
        auto ws = open(dir.filePath(u"p.watchfloor"_s));
        IncidentSession s;
        s.setAuthor(u"ana"_s);
        s.setWorkspace(ws.get());
        s.declare({u"Latency"_s, Severity::Sev3, {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(s.activeIncident().has_value(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(s.timeline()->rowCount(), 1, 5000);
        QSignalSpy pinned(&s, &IncidentSession::evidencePinned);
        QSignalSpy failed(&s, &IncidentSession::failed);
        QByteArray png("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x10\x00\x00\x00\x10", 24);
        s.pinPanel(u"p99 latency"_s, png, QJsonObject{{u"p99"_s, 1.9}});
        QVERIFY(pinned.wait(5000));
        QCOMPARE(pinned.at(0).at(0).value<Evidence>().title, u"p99 latency"_s);
        QTRY_COMPARE_WITH_TIMEOUT(s.timeline()->rowCount(), 2, 5000);
        QCOMPARE(s.timeline()->index(1, wf::TimelineModel::WhatColumn).data().toString(),
                 u"Evidence pinned: p99 latency"_s);
        s.pinEvidence(EvidenceKind::Log, u"ERROR pool exhausted"_s, {}, QJsonObject{{u"line"_s, u"pool"_s}});
        QTRY_COMPARE_WITH_TIMEOUT(s.timeline()->rowCount(), 3, 5000);
        QCOMPARE(pinned.at(1).at(0).value<Evidence>().kind, EvidenceKind::Log);
        s.pinPanel(u"too big"_s, png + QByteArray(kMaxEvidenceBytes, 'x'), {});
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(0).toString().contains(u"8 MiB"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(s.timeline()->rowCount(), 3);
        s.setWorkspace(nullptr);
    }

    void tamperedTimelineIsReportedOnOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.watchfloor"_s);
        {
            auto ws = open(path);
            IncidentSession s;
            s.setAuthor(u"ana"_s);
            s.setWorkspace(ws.get());
            s.declare({u"Tampered"_s, Severity::Sev3, {}, {}});
            QTRY_VERIFY_WITH_TIMEOUT(s.activeIncident().has_value(), 5000);
            QSignalSpy saved(&s, &IncidentSession::noteSaved);
            s.addNote(u"original"_s);
            QVERIFY(saved.wait(5000));
            s.setWorkspace(nullptr);
        }
        {
            wf::SqliteDb db = wf::SqliteDb::open(path, wf::SqliteDb::Access::ReadWrite);
            db.executeScript("DROP TRIGGER timeline_events_no_update;"
                             "UPDATE timeline_events SET author = 'mallory' WHERE kind = 'note';");
        }
        auto ws = open(path, wf::OpenMode::ReadWrite);
        QVERIFY(ws);
        IncidentSession s;
        QSignalSpy integrity(&s, &IncidentSession::integrityChecked);
        s.setWorkspace(ws.get());
        QVERIFY(integrity.wait(5000));
        const QStringList problems = integrity.at(0).at(0).toStringList();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).contains(u"Tampered"_s), qPrintable(problems.at(0)));
    }
};

QTEST_MAIN(TestIncidentSession)
#include "tst_incidentsession.moc"
