// An acknowledged timeline event survives kill -9: a child process appends notes as fast as it can
// and prints each acknowledgement; we kill it mid-stream (SIGKILL, no chance to clean up), reopen the
// workspace, and every acknowledged note must be there, unchanged, with the hash chain intact.

#include "incident/TimelineStore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;

class TestTimelineCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedEventsSurviveKill9_data()
    {
        QTest::addColumn<int>("acksBeforeKill");
        QTest::newRow("early") << 5;
        QTest::newRow("later") << 60;
    }

    void acknowledgedEventsSurviveKill9()
    {
        QFETCH(int, acksBeforeKill);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"crash.watchfloor"_s);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(WF_TIMELINE_WRITER), {path});
        QVERIFY(child.waitForStarted());

        qint64 incident = 0;
        QHash<qint64, QString> acked;
        QByteArray pending;
        QElapsedTimer clock;
        clock.start();
        while (acked.size() < acksBeforeKill && clock.elapsed() < 30000) {
            if (!child.waitForReadyRead(1000) && child.state() != QProcess::Running)
                break;
            pending += child.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                const QList<QByteArray> parts = line.split(' ');
                if (parts.value(0) == "incident")
                    incident = parts.value(1).toLongLong();
                else if (parts.value(0) == "ack")
                    acked.insert(parts.value(1).toLongLong(),
                                 QString::fromUtf8(line.mid(line.indexOf(' ', 4) + 1)));
            }
        }
        QVERIFY2(acked.size() >= acksBeforeKill, "the writer acknowledged too few events");
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Acks printed between our last read and the kill are acknowledged too.
        pending += child.readAllStandardOutput();
        for (const QByteArray& line : pending.split('\n')) {
            if (line.startsWith("ack "))
                acked.insert(line.split(' ').value(1).toLongLong(),
                             QString::fromUtf8(line.mid(line.indexOf(' ', 4) + 1)));
        }

        wf::OpenResult opened = wf::Workspace::open(path, wf::OpenMode::ReadWrite);
        QVERIFY2(opened, qPrintable(opened.message));
        TimelineStore store(*opened.workspace);
        std::optional<QList<TimelineEvent>> events;
        store.events({incident, {EventKind::Note}}, this,
                     [&](const wf::ReadResult& r, const QList<TimelineEvent>& l) {
                         QVERIFY2(r.ok, qPrintable(r.error));
                         events = l;
                     });
        QVERIFY(QTest::qWaitFor([&] { return events.has_value(); }, 10000));
        QHash<qint64, QString> stored;
        for (const TimelineEvent& e : *events)
            stored.insert(e.seq, e.payload.value(u"text"_s).toString());
        for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
            QVERIFY2(stored.contains(it.key()), qPrintable(u"acknowledged event %1 is lost"_s.arg(it.key())));
            QCOMPARE(stored.value(it.key()), it.value());
        }
        qInfo("acknowledged %lld, stored %lld after kill -9", qint64(acked.size()), qint64(stored.size()));

        std::optional<QList<ChainReport>> reports;
        store.verify(incident, this,
                     [&](const wf::ReadResult&, const QList<ChainReport>& l) { reports = l; });
        QVERIFY(QTest::qWaitFor([&] { return reports.has_value(); }, 10000));
        QVERIFY2(reports->value(0).ok, qPrintable(reports->value(0).message));
    }
};

QTEST_MAIN(TestTimelineCrash)
#include "tst_timeline_crash.moc"
