// kill -9 of the app itself while a runbook writes timeline events: `watchfloor --run-runbook`
// (the real binary, headless) runs a 100-step runbook five times (1,000 events) and prints "saved
// <seq> <kind>" after each commit; we SIGKILL it at a random point, reopen the workspace, and every
// event it printed must be there with its kind, the hash chain intact. One round also runs to the
// end and must have written exactly 1,000 events.
//
// CI runs 3 kill rounds; `tests/integration/app_kill9_soak.sh N` runs N (WF_KILL9_ROUNDS) with the
// seed printed, so a failure can be replayed with WF_KILL9_SEED.

#include "incident/TimelineStore.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;

namespace {

constexpr int kSteps = 100;
constexpr int kRepeats = 5;
constexpr int kEvents = kSteps * kRepeats * 2; // started + finished per step

QByteArray runbookText(const QString& program)
{
    QByteArray md = "---\nid: soak\ntitle: Probe many times\n---\n\n# Probe\n\nEach step runs a harmless "
                    "program; the point is the timeline writes.\n\n";
    for (int i = 1; i <= kSteps; ++i)
        md += "```step\nid: probe-" + QByteArray::number(i) + "\ntitle: Probe " + QByteArray::number(i) +
              "\naction: command\nprogram: " + program.toUtf8() + "\ntimeout: 10s\n```\n\n";
    return md;
}

template<typename T, typename Call>
std::optional<T> await(Call call)
{
    std::optional<T> out;
    call([&](const wf::StoreResult& r, const T& v) {
        if (r.ok)
            out = v;
    });
    return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? out : std::nullopt;
}

} // namespace

class TestAppKill9 : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_runbook;

    struct Run
    {
        QHash<qint64, QByteArray> acked; // seq -> kind key
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::NormalExit;
    };

    // Starts the app on `workspace`; kills it once `killAfter` events were acknowledged (0: never).
    Run run(const QString& workspace, int killAfter)
    {
        Run out;
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(WF_WATCHFLOOR), {u"--workspace"_s, workspace, u"--run-runbook"_s, m_runbook,
                                                  u"--repeat"_s, QString::number(kRepeats)});
        if (!app.waitForStarted())
            return out;
        QByteArray pending;
        auto take = [&] {
            pending += app.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QList<QByteArray> parts = pending.left(nl).split(' ');
                pending.remove(0, nl + 1);
                if (parts.value(0) == "saved")
                    out.acked.insert(parts.value(1).toLongLong(), parts.value(2));
            }
        };
        QElapsedTimer clock;
        clock.start();
        while (app.state() == QProcess::Running && clock.elapsed() < 120000) {
            if (killAfter > 0 && out.acked.size() >= killAfter) {
                app.kill(); // SIGKILL: no handler, no flush, no cleanup
                break;
            }
            app.waitForReadyRead(200);
            take();
        }
        app.waitForFinished(10000);
        take(); // lines printed before the kill landed are acknowledged too
        out.exitCode = app.exitCode();
        out.status = app.exitStatus();
        return out;
    }

    static QHash<qint64, QByteArray> stored(const QString& path, qint64 incident, QString* chainProblem)
    {
        wf::OpenResult opened = wf::Workspace::open(path, wf::OpenMode::ReadWrite);
        if (!opened) {
            *chainProblem = opened.message;
            return {};
        }
        TimelineStore store(*opened.workspace);
        QObject ctx;
        TimelineFilter f;
        f.incidentId = incident;
        QHash<qint64, QByteArray> out;
        const auto events = await<QList<TimelineEvent>>([&](auto done) {
                                store.events(f, &ctx, done);
                            }).value_or(QList<TimelineEvent>{});
        for (const TimelineEvent& e : events)
            out.insert(e.seq, eventKindKey(e.kind).toUtf8());
        const auto chains = await<QList<ChainReport>>([&](auto done) { store.verify(incident, &ctx, done); });
        if (!chains || chains->isEmpty() || !chains->at(0).ok)
            *chainProblem = chains && !chains->isEmpty() ? chains->at(0).message : u"no chain report"_s;
        return out;
    }

    qint64 newWorkspace(const QString& path)
    {
        wf::OpenResult r = wf::Workspace::open(path, wf::OpenMode::CreateIfMissing);
        if (!r)
            return 0;
        TimelineStore store(*r.workspace);
        return await<qint64>([&](auto done) {
                   store.declare({u"Soak"_s, Severity::Sev3, {u"payments"_s}, u"ana"_s}, u"ana"_s, this,
                                 done);
               })
            .value_or(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString program = QStandardPaths::findExecutable(u"true"_s);
        QVERIFY2(!program.isEmpty(), "no `true` program on PATH");
        m_runbook = m_dir.filePath(u"soak.md"_s);
        QFile f(m_runbook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(runbookText(program));
    }

    void runsToTheEndWithEveryEvent()
    {
        const QString path = m_dir.filePath(u"full.watchfloor"_s);
        const qint64 incident = newWorkspace(path);
        QVERIFY(incident > 0);
        QElapsedTimer clock;
        clock.start();
        const Run r = run(path, 0);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.acked.size(), kEvents);
        QString problem;
        const QHash<qint64, QByteArray> db = stored(path, incident, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        int fromRunbook = 0;
        for (const QByteArray& kind : db)
            fromRunbook += kind.startsWith("runbook_step_");
        QCOMPARE(fromRunbook, kEvents); // beside them: the declaration and the commander's role
        qInfo("%d events from a headless runbook in %lld ms", kEvents, clock.elapsed());
    }

    void acknowledgedEventsSurviveKill9()
    {
        const int total = qEnvironmentVariableIsSet("WF_KILL9_ROUNDS")
                              ? qMax(1, qEnvironmentVariableIntValue("WF_KILL9_ROUNDS"))
                              : 3;
        const quint32 seed = qEnvironmentVariableIsSet("WF_KILL9_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("WF_KILL9_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("seed %u, %d rounds (WF_KILL9_SEED, WF_KILL9_ROUNDS)", seed, total);
        QRandomGenerator random(seed);
        qint64 ackedTotal = 0;
        for (int round = 0; round < total; ++round) {
            const QString path = m_dir.filePath(u"kill-%1.watchfloor"_s.arg(round));
            const qint64 incident = newWorkspace(path);
            QVERIFY(incident > 0);
            const int killAfter = 1 + int(random.bounded(kEvents - 20));
            const Run r = run(path, killAfter);
            QCOMPARE(r.status, QProcess::CrashExit);
            QVERIFY2(r.acked.size() >= killAfter,
                     qPrintable(u"round %1: only %2 acks"_s.arg(round).arg(r.acked.size())));
            QString problem;
            const QHash<qint64, QByteArray> db = stored(path, incident, &problem);
            QVERIFY2(problem.isEmpty(), qPrintable(u"round %1: %2"_s.arg(round).arg(problem)));
            for (auto it = r.acked.cbegin(); it != r.acked.cend(); ++it) {
                QVERIFY2(db.contains(it.key()),
                         qPrintable(u"round %1: acknowledged event %2 is lost"_s.arg(round).arg(it.key())));
                QCOMPARE(db.value(it.key()), it.value());
            }
            ackedTotal += r.acked.size();
            qInfo("round %d: killed after %lld acknowledged events; %lld stored", round,
                  qint64(r.acked.size()), qint64(db.size()));
        }
        qInfo("all %lld acknowledged events survived", ackedTotal);
    }
};

QTEST_MAIN(TestAppKill9)
#include "tst_app_kill9.moc"
