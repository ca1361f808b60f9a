// Disk full and a failing disk under the workspace: a note that cannot be written is reported in words
// a person understands (which file, what happened, what to do), is never shown as saved, keeps its
// text in the note field, is absent after reopening, and the next note saves once the disk is well
// again. PowerCutVfs stands in for the disk: xWrite fails with SQLITE_FULL once its byte budget is
// spent; xSync fails with SQLITE_IOERR_FSYNC.

#include "PowerCutVfs.h"
#include "incident/IncidentPanel.h"
#include "incident/IncidentSession.h"
#include "store/SqliteDb.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;
namespace powercut = wf::test::powercut;

namespace {

enum class Fault { DiskFull, FsyncFails };

void setFault(Fault fault, qint64 budget, bool on)
{
    if (fault == Fault::DiskFull)
        powercut::setWriteBudget(on ? budget : -1);
    else
        powercut::setFailSyncs(on);
}

} // namespace

Q_DECLARE_METATYPE(Fault)

class TestTimelineDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { powercut::install(); }
    void cleanup() { powercut::uninstall(); }

    void failedWriteIsNeverShownAsSaved_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<qint64>("budget");
        QTest::addColumn<QString>("says");
        QTest::newRow("disk full, no space") << Fault::DiskFull << qint64(0) << u"is full"_s;
        // Room for one WAL frame (24-byte header and a 4 KiB page) but not for the whole commit.
        QTest::newRow("disk full mid-commit") << Fault::DiskFull << qint64(4200) << u"is full"_s;
        QTest::newRow("fsync fails") << Fault::FsyncFails << qint64(0) << u"could not write"_s;
    }

    void failedWriteIsNeverShownAsSaved()
    {
        QFETCH(Fault, fault);
        QFETCH(qint64, budget);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"full.watchfloor"_s);
        {
            wf::OpenResult opened = wf::Workspace::open(path, wf::OpenMode::CreateIfMissing);
            QVERIFY2(opened, qPrintable(opened.message));
            IncidentSession session;
            session.setAuthor(u"tester"_s);
            session.setWorkspace(opened.workspace.get());
            // Wired as IncidentPresenter wires them in the app.
            wf::ui::IncidentPanel panel;
            panel.setWritable(true);
            connect(&panel, &wf::ui::IncidentPanel::noteSubmitted, &session, &IncidentSession::addNote);
            connect(&session, &IncidentSession::noteSaved, &panel, &wf::ui::IncidentPanel::noteSaved);
            connect(&session, &IncidentSession::failed, &panel, &wf::ui::IncidentPanel::noteFailed);
            QSignalSpy saved(&session, &IncidentSession::noteSaved);
            QSignalSpy failed(&session, &IncidentSession::failed);
            auto* state = panel.findChild<QLabel*>(u"noteState"_s);
            QVERIFY(state);

            session.declare({u"Disk trouble"_s, Severity::Sev2, {}, {}});
            QTRY_VERIFY_WITH_TIMEOUT(session.activeIncident().has_value(), 10000);

            setFault(fault, budget, true);
            panel.noteField()->setText(u"this note cannot be saved"_s);
            QTest::keyClick(panel.noteField(), Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
            const QString message = failed.first().first().toString();
            qInfo("failed(%s)", qUtf8Printable(message));
            QVERIFY2(message.contains(says), qPrintable(message));
            QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
            QVERIFY2(message.contains(u"Not saved"_s), qPrintable(message));
            QVERIFY2(message.contains(u"try again"_s), qPrintable(message));
            QCOMPARE(saved.size(), 0);
            QCOMPARE(panel.noteField()->text(), u"this note cannot be saved"_s);
            QVERIFY(panel.noteField()->isEnabled());
            QCOMPARE(state->text(), u"Not saved"_s);
            QCOMPARE(state->toolTip(), message);

            // The disk is well again: the same text, submitted again, saves.
            setFault(fault, budget, false);
            panel.noteField()->setText(u"saved once the disk had room"_s);
            QTest::keyClick(panel.noteField(), Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
            QCOMPARE(failed.size(), 1);
            QCOMPARE(state->text(), u"Saved"_s);
            QVERIFY(panel.noteField()->text().isEmpty());
            session.setWorkspace(nullptr);
        } // the workspace closes here, as when the app quits
        powercut::uninstall();

        wf::OpenResult reopened = wf::Workspace::open(path, wf::OpenMode::ReadWrite);
        QVERIFY2(reopened, qPrintable(reopened.message));
        TimelineStore store(*reopened.workspace);
        std::optional<QList<TimelineEvent>> events;
        store.events({1, {EventKind::Note}}, this,
                     [&](const wf::ReadResult& r, const QList<TimelineEvent>& l) {
                         events = r.ok ? l : QList<TimelineEvent>{};
                     });
        std::optional<QList<ChainReport>> chains;
        store.verify(0, this, [&](const wf::ReadResult&, const QList<ChainReport>& l) { chains = l; });
        auto integrity = std::make_shared<QString>();
        std::optional<wf::ReadResult> checked;
        reopened.workspace->read(
            [integrity](wf::SqliteDb& db) {
                wf::SqliteStatement s = db.prepare("PRAGMA integrity_check");
                while (s.step())
                    *integrity += s.text(0);
            },
            this, [&](const wf::ReadResult& r) { checked = r; });
        QTRY_VERIFY_WITH_TIMEOUT(events && chains && checked, 10000);
        QStringList texts;
        for (const TimelineEvent& e : *events)
            texts << e.payload.value(u"text"_s).toString();
        QCOMPARE(texts, QStringList{u"saved once the disk had room"_s});
        QCOMPARE(chains->size(), 1);
        QVERIFY2(chains->first().ok, qPrintable(chains->first().message));
        QCOMPARE(*integrity, u"ok"_s);
    }
};

QTEST_MAIN(TestTimelineDiskFull)
#include "tst_timeline_diskfull.moc"
