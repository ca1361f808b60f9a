// Incident file: one incident exported into a new, self-contained workspace that opens read-only,
// whose chain and evidence verify, whose content equals the source's, and that holds nothing else.

#include "incident/EvidenceStore.h"
#include "incident/IncidentFile.h"
#include "incident/IncidentSession.h"
#include "incident/SnapshotStore.h"
#include "incident/TimelineStore.h"
#include "store/SqliteDb.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;
using wf::StoreResult;

namespace {

QByteArray fakePng()
{
    QByteArray b("\x89PNG\r\n\x1a\n", 8);
    b.append(QByteArray("\x00\x00\x00\x0d", 4)).append("IHDR");
    b.append(QByteArray("\x00\x00\x01\x00\x00\x00\x00\x80", 8));
    return b + QByteArray(5000, 'p');
}

template<typename T, typename Call>
std::optional<T> await(Call call)
{
    std::optional<T> out;
    bool finished = false;
    call([&](const StoreResult& r, const T& v) {
        finished = true;
        if (r.ok)
            out = v;
    });
    return QTest::qWaitFor([&] { return finished; }, 10000) ? out : std::nullopt;
}

} // namespace

class TestIncidentFile : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wf::Workspace> m_ws;
    qint64 m_other = 0;
    qint64 m_incident = 0;

    qint64 declare(wf::Workspace& ws, const QString& title)
    {
        TimelineStore store(ws);
        return await<qint64>([&](auto done) {
                   store.declare({title, Severity::Sev2, {u"checkout"_s}, u"ana"_s}, u"ana"_s, this, done);
               })
            .value_or(0);
    }
    bool ok(const std::function<void(std::function<void(const StoreResult&, const TimelineEvent&)>)>& call)
    {
        return await<TimelineEvent>(call).has_value();
    }
    IncidentFileResult exportTo(const QString& path, qint64 incident, QList<PanelSnapshot> panels = {},
                                wf::Workspace* from = nullptr)
    {
        std::optional<IncidentFileResult> out;
        exportIncidentFile(
            from ? *from : *m_ws, incident, path, this, [&](const IncidentFileResult& r) { out = r; },
            std::move(panels));
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            return IncidentFileResult{false, u"timeout"_s};
        return *out;
    }
    static QList<TimelineEvent> events(wf::Workspace& ws, qint64 incident)
    {
        TimelineStore store(ws);
        TimelineFilter f;
        f.incidentId = incident;
        QObject ctx;
        return await<QList<TimelineEvent>>([&](auto done) { store.events(f, &ctx, done); })
            .value_or(QList<TimelineEvent>{});
    }
    static QList<Evidence> evidence(wf::Workspace& ws, qint64 incident)
    {
        EvidenceStore store(ws);
        QObject ctx;
        return await<QList<Evidence>>([&](auto done) { store.list(incident, &ctx, done); })
            .value_or(QList<Evidence>{});
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        wf::OpenResult r =
            wf::Workspace::open(m_dir->filePath(u"work.watchfloor"_s), wf::OpenMode::CreateIfMissing);
        QVERIFY2(r, qPrintable(r.message));
        m_ws = std::move(r.workspace);
        m_other = declare(*m_ws, u"Other incident, must not leak"_s);
        m_incident = declare(*m_ws, u"Checkout down"_s);
        QVERIFY(m_other && m_incident);
        TimelineStore store(*m_ws);
        TimelineEvent note;
        note.kind = EventKind::Note;
        note.author = u"bo"_s;
        // Interleaved with the other incident's events, so the exported seq numbers have gaps.
        for (int i = 0; i < 3; ++i) {
            note.incidentId = m_incident;
            note.payload = QJsonObject{{u"text"_s, u"note %1 ünïcødé"_s.arg(i)}};
            QVERIFY(ok([&](auto done) { store.append(note, this, done); }));
            note.incidentId = m_other;
            note.payload = QJsonObject{{u"text"_s, u"other secret plan"_s}};
            QVERIFY(ok([&](auto done) { store.append(note, this, done); }));
        }
        QVERIFY(ok([&](auto done) {
            store.correct(m_incident, events(*m_ws, m_incident).at(2).seq, u"fixed"_s, u"bo"_s, this, done);
        }));
        EvidenceStore ev(*m_ws);
        std::optional<bool> pinned;
        ev.pinPanel(m_incident, u"Error rate"_s, fakePng(), QJsonObject{{u"v"_s, 0.25}}, u"bo"_s, this,
                    [&](const StoreResult& r, const Evidence&, const TimelineEvent&) { pinned = r.ok; });
        QVERIFY(QTest::qWaitFor([&] { return pinned.has_value(); }, 10000) && *pinned);
        QVERIFY(ok(
            [&](auto done) { store.changeStatus(m_incident, Status::Resolved, u"ana"_s, {}, this, done); }));
        std::optional<bool> wrote;
        m_ws->write(
            [](wf::SqliteDb& db) {
                db.execute("INSERT INTO datasources(name, kind, url, created_at) VALUES (?1, ?2, ?3, ?4)",
                           u"prom"_s, u"prometheus"_s, u"http://prom.internal:9090"_s, qint64(1));
            },
            this, [&](const StoreResult& r) { wrote = r.ok; });
        QVERIFY(QTest::qWaitFor([&] { return wrote.has_value(); }, 10000) && *wrote);
    }
    void cleanup()
    {
        m_ws.reset();
        m_dir.reset();
    }

    void exportedFileIsTheIncidentAndOnlyIt()
    {
        const QString path = m_dir->filePath(u"checkout.watchfloor"_s);
        const IncidentFileResult r = exportTo(path, m_incident);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.events, events(*m_ws, m_incident).size());
        QCOMPARE(r.evidence, 1);
        QVERIFY(isIncidentFile(path));
        QVERIFY(!isIncidentFile(m_ws->path()));
        QVERIFY(!isIncidentFile(m_dir->filePath(u"nothing-here"_s)));
        const QStringList beside = QDir(m_dir->path()).entryList({u"checkout*"_s}, QDir::Files);
        QCOMPARE(beside, QStringList{u"checkout.watchfloor"_s}); // no .part, -journal, -wal or -shm

        wf::OpenResult opened = wf::Workspace::open(path, wf::OpenMode::ReadOnly);
        QVERIFY2(opened, qPrintable(opened.message));
        wf::Workspace& copy = *opened.workspace;
        TimelineStore store(copy);
        const auto chains = await<QList<ChainReport>>([&](auto done) { store.verify(0, this, done); });
        QVERIFY(chains.has_value());
        QCOMPARE(chains->size(), 1);
        QVERIFY2(chains->at(0).ok, qPrintable(chains->at(0).message));
        QCOMPARE(chains->at(0).incidentId, m_incident);

        // Content equal: every event with its original seq, bytes and hashes; the evidence as pinned.
        const QList<TimelineEvent> a = events(*m_ws, m_incident);
        const QList<TimelineEvent> b = events(copy, m_incident);
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].seq, a[i].seq);
            QCOMPARE(b[i].hash, a[i].hash);
            QCOMPARE(b[i].prevHash, a[i].prevHash);
            QCOMPARE(b[i].payload, a[i].payload);
            QCOMPARE(b[i].corrects, a[i].corrects);
        }
        const QList<Evidence> ea = evidence(*m_ws, m_incident);
        const QList<Evidence> eb = evidence(copy, 0);
        QCOMPARE(eb.size(), 1);
        QCOMPARE(eb[0].png, ea[0].png);
        QCOMPARE(eb[0].sha256, ea[0].sha256);
        EvidenceStore evStore(copy);
        QCOMPARE(await<QStringList>([&](auto done) { evStore.verify(0, this, done); }),
                 std::optional(QStringList{}));

        // Nothing else: one incident, no data sources, no UI state, no trace of the other incident.
        const auto incidents = await<QList<Incident>>([&](auto done) { store.incidents(this, done); });
        QCOMPARE(incidents->size(), 1);
        QCOMPARE(incidents->at(0).title, u"Checkout down"_s);
        QCOMPARE(incidents->at(0).status, Status::Resolved);
        QCOMPARE(incidents->at(0).roles.size(), 1);
        opened.workspace.reset();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("Other incident"));
        QVERIFY(!bytes.contains("other secret plan"));
        QVERIFY(!bytes.contains("prom.internal"));
        QVERIFY(bytes.contains("Checkout down"));
    }

    static PanelSnapshot panel(const QString& title, int series, int points)
    {
        PanelSnapshot p;
        p.title = title;
        p.unit = u"req/s"_s;
        p.scale = 1000.0;
        p.decimals = 2;
        p.fromMs = 1'700'000'000'000;
        p.toMs = p.fromMs + 600'000;
        for (int s = 0; s < series; ++s) {
            wf::signalstore::SeriesSet set;
            set.labels = {{u"service.name"_s, u"svc-%1"_s.arg(s)}};
            for (int i = 0; i < points; ++i) {
                set.timesNs.push_back((p.fromMs + i * 2000) * 1'000'000);
                set.values.push_back(i == 7 ? std::numeric_limits<double>::quiet_NaN() : s * 10.0 + i * 0.5);
            }
            p.series.push_back(std::move(set));
        }
        return p;
    }
    static SnapshotRead snapshotsIn(const QString& path, qint64 incident)
    {
        wf::SqliteDb db = wf::SqliteDb::open(path, wf::SqliteDb::Access::ReadOnly);
        return readSnapshots(db, incident);
    }

    // The dashboards' data over the incident window travels in the file, verified, and is carried on
    // when a review exports the file again.
    void panelSnapshotsTravelWithTheFile()
    {
        const QString path = m_dir->filePath(u"with-panels.watchfloor"_s);
        const IncidentFileResult r =
            exportTo(path, m_incident, {panel(u"Request rate"_s, 3, 300), panel(u"p95 latency"_s, 2, 10)});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.snapshots, 2);
        const SnapshotRead read = snapshotsIn(path, m_incident);
        QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(u'\n')));
        QCOMPARE(read.snapshots.size(), 2);
        const PanelSnapshot& rate = read.snapshots[0];
        const PanelSnapshot expected = panel(u"Request rate"_s, 3, 300);
        QCOMPARE(rate.title, expected.title);
        QCOMPARE(rate.unit, expected.unit);
        QCOMPARE(rate.scale, expected.scale);
        QCOMPARE(rate.decimals, expected.decimals);
        QCOMPARE(rate.fromMs, expected.fromMs);
        QCOMPARE(rate.series.size(), expected.series.size());
        QCOMPARE(rate.series[2].labels, expected.series[2].labels);
        QCOMPARE(rate.series[2].timesNs, expected.series[2].timesNs);
        QCOMPARE(rate.series[2].values[299], expected.series[2].values[299]);
        QVERIFY(std::isnan(rate.series[2].values[7]));
        QCOMPARE(snapshotsIn(m_ws->path(), m_incident).snapshots.size(), 0); // the workspace keeps none

        // A review exports the file again (e.g. to hand on): the snapshots come along.
        wf::OpenResult opened = wf::Workspace::open(path, wf::OpenMode::ReadOnly);
        QVERIFY(opened);
        const QString again = m_dir->filePath(u"again.watchfloor"_s);
        const IncidentFileResult r2 = exportTo(again, m_incident, {}, opened.workspace.get());
        QVERIFY2(r2.ok, qPrintable(r2.error));
        QCOMPARE(r2.snapshots, 2);
        QCOMPARE(snapshotsIn(again, m_incident).snapshots.size(), 2);
    }

    void oversizedOrTamperedSnapshotsAreRefused()
    {
        // Over the bound: nothing is written, and the message says why.
        const QString big = m_dir->filePath(u"big.watchfloor"_s);
        const IncidentFileResult r =
            exportTo(big, m_incident, {panel(u"Huge"_s, 1, int(kMaxSnapshotPoints) + 1)});
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(u"Huge"_s), qPrintable(r.error));
        QVERIFY(!QFile::exists(big));

        const QString path = m_dir->filePath(u"tampered.watchfloor"_s);
        QVERIFY(exportTo(path, m_incident, {panel(u"Error rate"_s, 2, 50)}).ok);
        {
            wf::SqliteDb db = wf::SqliteDb::open(path, wf::SqliteDb::Access::ReadWrite);
            db.executeScript("DROP TRIGGER snapshots_no_update;"
                             "UPDATE snapshots SET title = 'Error rate (looks fine)'");
        }
        SnapshotRead read = snapshotsIn(path, m_incident);
        QCOMPARE(read.snapshots.size(), 0);
        QCOMPARE(read.problems.size(), 1);
        QVERIFY2(read.problems[0].contains(u"checksum"_s), qPrintable(read.problems[0]));
    }

    void exportedFileRefusesWrites()
    {
        const QString path = m_dir->filePath(u"ro.watchfloor"_s);
        QVERIFY(exportTo(path, m_incident).ok);
        const QByteArray before = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        {
            wf::OpenResult opened = wf::Workspace::open(path, wf::OpenMode::ReadOnly);
            QVERIFY(opened);
            QVERIFY(opened.workspace->isReadOnly());
            IncidentSession session;
            session.setWorkspace(opened.workspace.get());
            QVERIFY(!session.canWrite());
            // The resolved incident is still the one shown: a file is opened to review it.
            QTRY_VERIFY(session.activeIncident().has_value());
            QCOMPARE(session.activeIncident()->id, m_incident);
            QSignalSpy failed(&session, &IncidentSession::failed);
            TimelineStore store(*opened.workspace);
            TimelineEvent note;
            note.incidentId = m_incident;
            note.author = u"mallory"_s;
            note.payload = QJsonObject{{u"text"_s, u"late edit"_s}};
            std::optional<StoreResult> res;
            store.append(note, this, [&](const StoreResult& r, const TimelineEvent&) { res = r; });
            QVERIFY(QTest::qWaitFor([&] { return res.has_value(); }, 10000));
            QVERIFY(!res->ok);
            QVERIFY2(res->error.contains(u"read-only"_s), qPrintable(res->error));
            session.setWorkspace(nullptr);
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void replacesAnExistingTargetAndRefusesTheOpenWorkspace()
    {
        const QString path = m_dir->filePath(u"again.watchfloor"_s);
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("old contents");
        junk.close();
        QVERIFY(exportTo(path, m_incident).ok);
        QVERIFY(isIncidentFile(path));

        const IncidentFileResult self = exportTo(m_ws->path(), m_incident);
        QVERIFY(!self.ok);
        QVERIFY2(self.error.contains(u"open workspace"_s), qPrintable(self.error));
        QVERIFY(!exportTo(m_dir->filePath(u"nope.watchfloor"_s), 12345).ok);
        QVERIFY(!QFile::exists(m_dir->filePath(u"nope.watchfloor"_s)));
        QVERIFY(!QFile::exists(m_dir->filePath(u"nope.watchfloor.part"_s)));
    }

    void brokenChainIsNotExported()
    {
        const QString source = m_ws->path();
        m_ws.reset();
        {
            wf::SqliteDb db = wf::SqliteDb::open(source, wf::SqliteDb::Access::ReadWrite);
            db.executeScript("DROP TRIGGER timeline_events_no_update;"
                             "UPDATE timeline_events SET author = 'someone else' WHERE kind = 'note'");
        }
        wf::OpenResult r = wf::Workspace::open(source, wf::OpenMode::ReadWrite);
        QVERIFY(r);
        m_ws = std::move(r.workspace);
        const IncidentFileResult res = exportTo(m_dir->filePath(u"broken.watchfloor"_s), m_incident);
        QVERIFY(!res.ok);
        QVERIFY2(res.error.contains(u"changed after it was saved"_s), qPrintable(res.error));
        QVERIFY(!QFile::exists(m_dir->filePath(u"broken.watchfloor"_s)));
    }
};

QTEST_GUILESS_MAIN(TestIncidentFile)
#include "tst_incidentfile.moc"
