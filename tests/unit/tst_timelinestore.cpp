// TimelineStore: declaring, the status machine, roles, corrections, filters, and tamper detection
// (edits made around the append-only triggers are found by the hash chain).

#include "incident/TimelineStore.h"
#include "store/SqliteDb.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;
using wf::StoreResult;

class TestTimelineStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wf::Workspace> m_ws;
    std::unique_ptr<TimelineStore> m_store;

    QString path() const { return m_dir->filePath(u"t.watchfloor"_s); }

    void open()
    {
        wf::OpenResult r = wf::Workspace::open(path(), wf::OpenMode::CreateIfMissing);
        QVERIFY2(r, qPrintable(r.message));
        m_ws = std::move(r.workspace);
        m_store = std::make_unique<TimelineStore>(*m_ws);
    }
    void close()
    {
        m_store.reset();
        m_ws.reset();
    }

    qint64 declare(const QString& title, const QString& commander = u"ana"_s)
    {
        std::optional<std::pair<StoreResult, qint64>> out;
        m_store->declare({title, Severity::Sev2, {u"checkout"_s, u"payments"_s}, commander}, u"ana"_s, this,
                         [&](const StoreResult& r, qint64 id) {
                             out = {r, id};
                         });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->first.ok)
            return 0;
        return out->second;
    }

    template<typename Call>
    std::pair<StoreResult, TimelineEvent> appendWith(Call call)
    {
        std::optional<std::pair<StoreResult, TimelineEvent>> out;
        call([&](const StoreResult& r, const TimelineEvent& e) { out = {r, e}; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return {StoreResult{false, -1, u"timeout"_s}, {}};
        return *out;
    }

    std::pair<StoreResult, TimelineEvent> note(qint64 incident, const QString& text)
    {
        TimelineEvent ev;
        ev.incidentId = incident;
        ev.kind = EventKind::Note;
        ev.author = u"bo"_s;
        ev.payload = QJsonObject{{u"text"_s, text}};
        return appendWith([&](auto done) { m_store->append(ev, this, done); });
    }

    QList<TimelineEvent> events(const TimelineFilter& f)
    {
        std::optional<QList<TimelineEvent>> out;
        m_store->events(f, this, [&](const StoreResult& r, const QList<TimelineEvent>& l) {
            QVERIFY2(r.ok, qPrintable(r.error));
            out = l;
        });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : QList<TimelineEvent>{};
    }

    QList<Incident> incidents()
    {
        std::optional<QList<Incident>> out;
        m_store->incidents(this, [&](const StoreResult&, const QList<Incident>& l) { out = l; });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : QList<Incident>{};
    }

    QList<ChainReport> verify(qint64 incident = 0)
    {
        std::optional<QList<ChainReport>> out;
        m_store->verify(incident, this, [&](const StoreResult& r, const QList<ChainReport>& l) {
            QVERIFY2(r.ok, qPrintable(r.error));
            out = l;
        });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : QList<ChainReport>{};
    }

    // Edits the file the way a tool outside Watchfloor could: triggers dropped first.
    void tamper(const char* sql)
    {
        close();
        wf::SqliteDb db = wf::SqliteDb::open(path(), wf::SqliteDb::Access::ReadWrite);
        db.executeScript("DROP TRIGGER timeline_events_no_update; DROP TRIGGER timeline_events_no_delete;");
        db.executeScript(sql);
        db.close();
        open();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        open();
    }
    void cleanup()
    {
        close();
        m_dir.reset();
    }

    void declareCreatesIncidentWithChainedEvents()
    {
        const qint64 id = declare(u"  Checkout errors  "_s);
        QVERIFY(id > 0);
        const QList<Incident> list = incidents();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].title, u"Checkout errors"_s);
        QCOMPARE(list[0].severity, Severity::Sev2);
        QCOMPARE(list[0].status, Status::Investigating);
        QCOMPARE(list[0].services, (QStringList{u"checkout"_s, u"payments"_s}));
        QCOMPARE(list[0].roles.value(0), std::make_pair(roleCommander(), u"ana"_s));

        const QList<TimelineEvent> evs = events({id});
        QCOMPARE(evs.size(), 2); // declared, commander assigned
        QCOMPARE(evs[0].kind, EventKind::Declared);
        QCOMPARE(evs[0].payload.value(u"title"_s).toString(), u"Checkout errors"_s);
        QCOMPARE(evs[0].prevHash, timelineGenesis(id));
        QCOMPARE(evs[1].kind, EventKind::RoleChange);
        QCOMPARE(evs[1].prevHash, evs[0].hash);
        QCOMPARE(list[0].headSeq, evs[1].seq);
        QCOMPARE(evs[0].hash.size(), 32);

        std::optional<StoreResult> bad;
        m_store->declare({u" "_s, Severity::Sev1, {}, {}}, u"ana"_s, this,
                         [&](const StoreResult& r, qint64) { bad = r; });
        QVERIFY(QTest::qWaitFor([&] { return bad.has_value(); }, 10000));
        QVERIFY(!bad->ok);
        QVERIFY(bad->error.contains(u"title"_s));

        std::optional<StoreResult> bare;
        m_store->declare({u"No services, no commander"_s, Severity::Sev4, {}, {}}, u"ana"_s, this,
                         [&](const StoreResult& r, qint64) { bare = r; });
        QVERIFY(QTest::qWaitFor([&] { return bare.has_value(); }, 10000));
        QVERIFY2(bare->ok, qPrintable(bare->error));
        QCOMPARE(incidents().value(1).services, QStringList());
    }

    void statusMachineIsEnforcedAndRecorded()
    {
        const qint64 id = declare(u"DB pool exhausted"_s);
        auto status = [&](Status to) {
            return appendWith(
                [&](auto done) { m_store->changeStatus(id, to, u"ana"_s, u"why"_s, this, done); });
        };
        QVERIFY(status(Status::Identified).first.ok);
        QVERIFY(status(Status::Mitigated).first.ok);
        QVERIFY(status(Status::Identified).first.ok); // a mitigation can fail
        auto resolved = status(Status::Resolved);
        QVERIFY(resolved.first.ok);
        QCOMPARE(resolved.second.payload.value(u"from"_s).toString(), u"identified"_s);
        QCOMPARE(resolved.second.payload.value(u"to"_s).toString(), u"resolved"_s);

        auto refused = status(Status::Mitigated);
        QVERIFY(!refused.first.ok);
        QVERIFY2(refused.first.error.contains(u"Resolved"_s), qPrintable(refused.first.error));
        QVERIFY(!status(Status::Resolved).first.ok);
        QVERIFY(status(Status::Investigating).first.ok); // reopen
        QCOMPARE(incidents().value(0).status, Status::Investigating);

        const QList<TimelineEvent> changes = events({id, {EventKind::StatusChange}});
        QCOMPARE(changes.size(), 5); // the two refusals left no trace
    }

    void rolesSeverityAndCorrections()
    {
        const qint64 id = declare(u"Kafka lag"_s, {});
        QVERIFY(incidents().value(0).roles.isEmpty());
        auto role = [&](const QString& r, const QString& p) {
            return appendWith([&](auto done) { m_store->assignRole(id, r, p, u"ana"_s, this, done); });
        };
        QVERIFY(role(roleCommunications(), u"cy"_s).first.ok);
        QVERIFY(role(roleCommunications(), u"di"_s).first.ok);
        QVERIFY(role(roleOperations(), u"ed"_s).first.ok);
        QVERIFY(role(roleOperations(), {}).first.ok); // cleared
        QCOMPARE(incidents().value(0).roles,
                 (QList<std::pair<QString, QString>>{{roleCommunications(), u"di"_s}}));

        auto sev =
            appendWith([&](auto done) { m_store->changeSeverity(id, Severity::Sev1, u"ana"_s, this, done); });
        QVERIFY(sev.first.ok);
        QCOMPARE(incidents().value(0).severity, Severity::Sev1);
        QVERIFY(!appendWith([&](auto done) {
                     m_store->changeSeverity(id, Severity::Sev1, u"ana"_s, this, done);
                 }).first.ok);

        const auto original = note(id, u"payments pool at 100%"_s);
        QVERIFY(original.first.ok);
        auto fix = appendWith([&](auto done) {
            m_store->correct(id, original.second.seq, u"payments pool at 95%"_s, u"bo"_s, this, done);
        });
        QVERIFY(fix.first.ok);
        QCOMPARE(fix.second.corrects, original.second.seq);
        // The original stays as it was.
        const QList<TimelineEvent> notes = events({id, {EventKind::Note}});
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0].payload.value(u"text"_s).toString(), u"payments pool at 100%"_s);

        const qint64 other = declare(u"Other"_s);
        QVERIFY(!appendWith([&](auto done) {
                     m_store->correct(other, original.second.seq, u"x"_s, u"bo"_s, this, done);
                 }).first.ok);
        // Changes that have their own action cannot be appended raw (the projection would drift).
        TimelineEvent raw;
        raw.incidentId = id;
        raw.kind = EventKind::StatusChange;
        raw.author = u"bo"_s;
        QVERIFY(!appendWith([&](auto done) { m_store->append(raw, this, done); }).first.ok);
        QVERIFY(!note(9999, u"no such incident"_s).first.ok);
    }

    void filtersByKindTextAndSeq()
    {
        const qint64 id = declare(u"Latency"_s);
        const qint64 other = declare(u"Other"_s);
        QVERIFY(note(id, u"p95 above 2s on Checkout"_s).first.ok);
        QVERIFY(note(other, u"p95 elsewhere"_s).first.ok);
        const auto last = note(id, u"rolled back payments"_s);
        QVERIFY(last.first.ok);

        QCOMPARE(events({id, {}, u"ABOVE 2S ON"_s}).size(), 1);
        QCOMPARE(events({id, {EventKind::Note}}).size(), 2);
        const QList<TimelineEvent> since = events({id, {}, {}, last.second.seq - 1});
        QCOMPARE(since.size(), 1);
        QCOMPARE(since[0].seq, last.second.seq);
        // Hostile search text is a value, never SQL.
        QCOMPARE(events({id, {}, u"'); DROP TABLE timeline_events; --"_s}).size(), 0);
        QCOMPARE(events({id}).size(), 4);
    }

    void untouchedChainsVerify()
    {
        const qint64 a = declare(u"A"_s);
        const qint64 b = declare(u"B"_s);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(note(a, u"a%1"_s.arg(i)).first.ok);
            QVERIFY(note(b, u"b%1"_s.arg(i)).first.ok);
        }
        const QList<ChainReport> reports = verify();
        QCOMPARE(reports.size(), 2);
        for (const ChainReport& r : reports) {
            QVERIFY2(r.ok, qPrintable(r.message));
            QCOMPARE(r.events, 7);
        }
    }

    void sqlRefusesEditsOfHistory()
    {
        const qint64 id = declare(u"A"_s);
        QVERIFY(note(id, u"x"_s).first.ok);
        close();
        wf::SqliteDb db = wf::SqliteDb::open(path(), wf::SqliteDb::Access::ReadWrite);
        QVERIFY_THROWS_EXCEPTION(wf::SqliteError,
                                 db.executeScript("UPDATE timeline_events SET author = 'eve'"));
        QVERIFY_THROWS_EXCEPTION(wf::SqliteError, db.executeScript("DELETE FROM timeline_events"));
        db.close();
        open();
        QVERIFY(verify().value(0).ok);
    }

    void editedPayloadIsDetected()
    {
        const qint64 id = declare(u"A"_s);
        QVERIFY(note(id, u"first"_s).first.ok);
        const auto target = note(id, u"we restarted payments at 10:02"_s);
        QVERIFY(note(id, u"third"_s).first.ok);
        tamper(qPrintable(
            u"UPDATE timeline_events SET payload = '{\"text\":\"we restarted payments at 09:02\"}' "
            "WHERE seq = %1"_s.arg(target.second.seq)));
        const ChainReport r = verify(id).value(0);
        QVERIFY(!r.ok);
        QCOMPARE(r.firstBadSeq, target.second.seq);
        QVERIFY2(r.message.contains(u"changed"_s), qPrintable(r.message));
    }

    void deletedEventIsDetected()
    {
        const qint64 id = declare(u"A"_s);
        const auto gone = note(id, u"embarrassing"_s);
        const auto next = note(id, u"next"_s);
        tamper(qPrintable(u"DELETE FROM timeline_events WHERE seq = %1"_s.arg(gone.second.seq)));
        const ChainReport r = verify(id).value(0);
        QVERIFY(!r.ok);
        QCOMPARE(r.firstBadSeq, next.second.seq);
        QVERIFY2(r.message.contains(u"removed"_s), qPrintable(r.message));
    }

    void truncatedTailIsDetected()
    {
        const qint64 id = declare(u"A"_s);
        QVERIFY(note(id, u"one"_s).first.ok);
        const auto last = note(id, u"last"_s);
        tamper(qPrintable(u"DELETE FROM timeline_events WHERE seq = %1"_s.arg(last.second.seq)));
        const ChainReport r = verify(id).value(0);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"missing"_s), qPrintable(r.message));
    }

    void eventsSurviveReopen()
    {
        const qint64 id = declare(u"A"_s);
        const auto n = note(id, u"ünïcødé ✓ \"quoted\""_s);
        close();
        open();
        const QList<TimelineEvent> evs = events({id, {EventKind::Note}});
        QCOMPARE(evs.size(), 1);
        QCOMPARE(evs[0].payload.value(u"text"_s).toString(), u"ünïcødé ✓ \"quoted\""_s);
        QCOMPARE(evs[0].hash, n.second.hash);
        QVERIFY(verify(id).value(0).ok);
    }
};

QTEST_MAIN(TestTimelineStore)
#include "tst_timelinestore.moc"
