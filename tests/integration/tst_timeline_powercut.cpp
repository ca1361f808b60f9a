// An acknowledged timeline event survives a power cut. A child process appends notes under PowerCutVfs,
// which keeps unsynced writes in memory and, at a seeded random write/sync (mostly mid-commit), leaves
// on the disk only what a disk could hold after losing power (nothing unsynced, or a random prefix or
// subset with a torn write) and _exits. We "reboot": open the file with the plain default VFS and check
// that every acknowledged note is there with its text, the hash chain verifies, integrity_check is ok
// and the workspace takes new writes.
//
// The control: the same loop committing with synchronous=NORMAL must lose acknowledged notes in at
// least one cut, or this test could not catch a loss at all.
//
// WATCHFLOOR_POWERCUT_RUNS (default 40) and WATCHFLOOR_POWERCUT_SEED (default fixed) make a longer or
// different loop: tests/integration/powercut_soak.sh.

#include "incident/TimelineStore.h"
#include "store/SqliteDb.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator64>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;

namespace {

struct RunOutcome
{
    qint64 acked = 0;
    qint64 found = 0; // acknowledged notes present after the reboot
    qint64 stored = 0;
    QByteArray cutLine;
};

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

class TestTimelinePowerCut : public QObject
{
    Q_OBJECT

private:
    // Runs one child to its power cut and checks the rebooted file. Fails the test (and returns
    // nullopt) on anything but a lost acknowledged note, which it counts.
    std::optional<RunOutcome> runOnce(quint64 seed, bool durable)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"powercut.watchfloor"_s);
        QRandomGenerator64 rng{quint32(seed)};
        // ~9 I/O calls per commit, ~4 WAL frames: up to ~550 commits, so some runs cross the checkpoint at
        // 1000 frames.
        const qint64 ops = 1 + qint64(rng.bounded(5000));
        const char* mode = (rng.generate() & 1) ? "torn" : "drop";
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(WF_POWERCUT_WRITER),
                    {path, QString::number(seed), QString::number(ops), QString::fromLatin1(mode),
                     durable ? u"durable"_s : u"normal"_s});
        // Generous: on a loaded 2-core CI machine a run of 5,000 VFS calls has taken over 30 s.
        bool finished = child.waitForFinished(120000);
        if (!finished)
            child.kill();
        [&] {
            QVERIFY2(finished, "the writer did not reach its power cut");
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
        }();
        if (QTest::currentTestFailed())
            return std::nullopt;

        RunOutcome out;
        qint64 incident = 0;
        QHash<qint64, QString> acked;
        for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
            if (line.startsWith("incident "))
                incident = line.mid(9).toLongLong();
            else if (line.startsWith("cut "))
                out.cutLine = line;
            else if (line.startsWith("ack ")) {
                // A line cut short by the _exit was never fully shown, so it is not an acknowledgement.
                const qsizetype space = line.indexOf(' ', 4);
                if (space > 0)
                    acked.insert(line.mid(4, space - 4).toLongLong(), QString::fromUtf8(line.mid(space + 1)));
            }
        }
        [&] {
            QVERIFY2(incident > 0, "the writer did not declare its incident");
            QVERIFY2(!out.cutLine.isEmpty(), "the writer exited without a power cut");
        }();
        if (QTest::currentTestFailed())
            return std::nullopt;
        out.acked = acked.size();

        // Reboot: this process never installs PowerCutVfs, so this is the plain default VFS.
        wf::OpenResult opened = wf::Workspace::open(path, wf::OpenMode::ReadWrite);
        [&] { QVERIFY2(opened, qPrintable(u"seed %1: %2"_s.arg(seed).arg(opened.message))); }();
        if (QTest::currentTestFailed())
            return std::nullopt;
        TimelineStore store(*opened.workspace);

        std::optional<QList<TimelineEvent>> events;
        QString readError;
        store.events({incident, {EventKind::Note}}, this,
                     [&](const wf::ReadResult& r, const QList<TimelineEvent>& l) {
                         readError = r.error;
                         events = l;
                     });
        std::optional<QList<ChainReport>> chains;
        store.verify(incident, this, [&](const wf::ReadResult&, const QList<ChainReport>& l) { chains = l; });
        auto integrity = std::make_shared<QString>();
        std::optional<wf::ReadResult> checked;
        opened.workspace->read(
            [integrity](wf::SqliteDb& db) {
                wf::SqliteStatement s = db.prepare("PRAGMA integrity_check");
                while (s.step())
                    *integrity += s.text(0);
            },
            this, [&](const wf::ReadResult& r) { checked = r; });
        std::optional<wf::WriteResult> after;
        TimelineEvent more;
        more.incidentId = incident;
        more.kind = EventKind::Note;
        more.author = u"after reboot"_s;
        more.payload = QJsonObject{{u"text"_s, u"written after the reboot"_s}};
        store.append(more, this, [&](const wf::WriteResult& r, const TimelineEvent&) { after = r; });
        const bool answered = QTest::qWaitFor([&] { return events && chains && checked && after; }, 20000);

        [&] {
            QVERIFY(answered);
            QVERIFY2(readError.isEmpty(), qPrintable(readError));
            QVERIFY2(checked->ok, qPrintable(checked->error));
            QCOMPARE(*integrity, u"ok"_s);
            QCOMPARE(chains->size(), 1);
            QVERIFY2(chains->first().ok, qPrintable(u"seed %1: %2"_s.arg(seed).arg(chains->first().message)));
            QVERIFY2(after->ok, qPrintable(after->error));
        }();
        if (QTest::currentTestFailed())
            return std::nullopt;

        QHash<qint64, QString> stored;
        // The event written after the reboot is not one of the acknowledged ones: where the cut lost
        // acknowledged events (non-durable mode), it takes the first lost sequence number.
        for (const TimelineEvent& e : *events)
            if (e.author != more.author)
                stored.insert(e.seq, e.payload.value(u"text"_s).toString());
        out.stored = stored.size();
        for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
            if (!stored.contains(it.key()))
                continue; // counted as lost by the caller
            [&] { QCOMPARE(stored.value(it.key()), it.value()); }();
            if (QTest::currentTestFailed())
                return std::nullopt;
            ++out.found;
        }
        return out;
    }

    struct Totals
    {
        int runs = 0;
        int runsWithLoss = 0;
        qint64 acked = 0;
        qint64 found = 0;
        qint64 checkpointsCrossed = 0;
        qint64 torn = 0;
        qint64 unsyncedAtCut = 0; // cuts that found unsynced writes to lose: mid-commit or mid-checkpoint
    };

    Totals loop(bool durable, int runs, quint64 baseSeed)
    {
        Totals t;
        for (int i = 0; i < runs && !QTest::currentTestFailed(); ++i) {
            const quint64 seed = baseSeed + quint64(i);
            const std::optional<RunOutcome> r = runOnce(seed, durable);
            if (!r)
                break;
            ++t.runs;
            t.acked += r->acked;
            t.found += r->found;
            if (r->found < r->acked)
                ++t.runsWithLoss;
            if (!r->cutLine.contains(" checkpoints=0 "))
                ++t.checkpointsCrossed;
            if (!r->cutLine.contains(" torn=0"))
                ++t.torn;
            if (!r->cutLine.contains(" pending=0 "))
                ++t.unsyncedAtCut;
            if (durable && r->found < r->acked)
                qWarning("seed %llu: %lld of %lld acknowledged notes lost (%s)", seed, r->acked - r->found,
                         r->acked, r->cutLine.constData());
        }
        return t;
    }

    quint64 baseSeed() const
    {
        bool ok = false;
        const qulonglong s = qEnvironmentVariable("WATCHFLOOR_POWERCUT_SEED").toULongLong(&ok);
        return ok ? s : 20261201;
    }

private Q_SLOTS:
    void acknowledgedEventsSurvivePowerCuts()
    {
        const int runs = envInt("WATCHFLOOR_POWERCUT_RUNS", 40);
        QElapsedTimer clock;
        clock.start();
        const Totals t = loop(true, runs, baseSeed());
        qInfo(
            "durable: %d cuts (seeds %llu..%llu), %lld notes acknowledged, %lld found, %d cuts lost any, "
            "%lld after a checkpoint, %lld with unsynced writes at the cut, %lld with a torn write, %lld ms",
            t.runs, baseSeed(), baseSeed() + quint64(runs) - 1, t.acked, t.found, t.runsWithLoss,
            t.checkpointsCrossed, t.unsyncedAtCut, t.torn, qint64(clock.elapsed()));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(t.runs, runs);
        QCOMPARE(t.found, t.acked);
        QVERIFY2(t.acked > 0, "no note was acknowledged before any cut: the loop proves nothing");
    }

    // Proves the test above can fail: without a sync per commit, acknowledged notes die with the power.
    void normalSynchronousLosesAcknowledgedEvents()
    {
        const int runs = 10;
        QElapsedTimer clock;
        clock.start();
        const Totals t = loop(false, runs, baseSeed());
        qInfo("synchronous=NORMAL: %d cuts, %lld notes acknowledged, %lld found, %d cuts lost "
              "acknowledged notes, %lld ms",
              t.runs, t.acked, t.found, t.runsWithLoss, qint64(clock.elapsed()));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(t.runs, runs);
        QVERIFY2(t.runsWithLoss > 0, "no cut lost an acknowledged note without durable commits: the power "
                                     "cut test cannot tell durable from not durable");
    }
};

QTEST_MAIN(TestTimelinePowerCut)
#include "tst_timeline_powercut.moc"
