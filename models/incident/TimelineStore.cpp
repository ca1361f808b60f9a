#include "TimelineStore.h"

#include "incident/TimelineSql.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace wf::incident {
namespace {

struct Head
{
    qint64 seq = 0;
    QByteArray hash;
    Status status = Status::Investigating;
};

Head headOf(SqliteDb& db, qint64 incidentId)
{
    SqliteStatement s = db.prepare("SELECT head_seq, head_hash, status FROM incidents WHERE id = ?1");
    s.bind(1, incidentId);
    if (!s.step())
        throw WorkError(QCoreApplication::translate("Timeline", "There is no incident %1 in this workspace.")
                            .arg(incidentId));
    Head h;
    h.seq = s.int64(0);
    h.hash = s.isNull(1) ? timelineGenesis(incidentId) : s.blob(1);
    h.status = statusFromKey(s.text(2)).value_or(Status::Investigating);
    return h;
}

} // namespace

void appendInTransaction(SqliteDb& db, TimelineEvent& ev)
{
    const Head head = headOf(db, ev.incidentId);
    if (ev.author.trimmed().isEmpty())
        throw WorkError(QCoreApplication::translate("Timeline", "A timeline event needs an author."));
    if (ev.atMs == 0)
        ev.atMs = QDateTime::currentMSecsSinceEpoch();
    ev.seq = db.queryInt64("SELECT COALESCE(MAX(seq), 0) + 1 FROM timeline_events").value_or(1);
    ev.prevHash = head.hash;
    const QByteArray payload = payloadJson(ev.payload);
    ev.hash = timelineHash(ev.prevHash, ev, payload);
    SqliteStatement insert = db.prepare("INSERT INTO timeline_events(seq, incident_id, kind, at, author, "
                                        "payload, corrects, prev_hash, hash) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bindAll(ev.seq, ev.incidentId, eventKindKey(ev.kind), ev.atMs, ev.author,
                   QString::fromUtf8(payload));
    if (ev.corrects > 0)
        insert.bind(7, ev.corrects);
    else
        insert.bind(7, nullptr);
    insert.bind(8, ev.prevHash).bind(9, ev.hash);
    while (insert.step()) {
    }
    db.execute("UPDATE incidents SET head_seq = ?1, head_hash = ?2, updated_at = ?3 WHERE id = ?4", ev.seq,
               ev.hash, ev.atMs, ev.incidentId);
}

TimelineEvent readEventRow(const SqliteStatement& s)
{
    TimelineEvent ev;
    ev.seq = s.int64(0);
    ev.incidentId = s.int64(1);
    ev.kind = eventKindFromKey(s.text(2)).value_or(EventKind::Note);
    ev.atMs = s.int64(3);
    ev.author = s.text(4);
    ev.payload = QJsonDocument::fromJson(s.blob(5)).object();
    ev.corrects = s.isNull(6) ? 0 : s.int64(6);
    ev.prevHash = s.blob(7);
    ev.hash = s.blob(8);
    return ev;
}

namespace {

void write(Workspace& ws, Workspace::Work work, std::shared_ptr<TimelineEvent> saved, QObject* context,
           TimelineStore::AppendDone done)
{
    ws.write(
        std::move(work), context,
        [saved, done = std::move(done)](const WriteResult& r) {
            if (done)
                done(r, r.ok ? *saved : TimelineEvent{});
        },
        WriteOptions{.durable = true});
}

} // namespace

QList<Incident> readIncidents(SqliteDb& db, qint64 incidentId)
{
    QList<Incident> out;
    SqliteStatement s = db.prepare("SELECT id, title, severity, status, services, created_at, updated_at, "
                                   "head_seq FROM incidents WHERE ?1 = 0 OR id = ?1 ORDER BY id");
    s.bind(1, incidentId);
    while (s.step()) {
        Incident i;
        i.id = s.int64(0);
        i.title = s.text(1);
        i.severity = Severity(s.int64(2));
        i.status = statusFromKey(s.text(3)).value_or(Status::Investigating);
        i.services = s.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
        i.createdAtMs = s.int64(5);
        i.updatedAtMs = s.int64(6);
        i.headSeq = s.int64(7);
        out.append(i);
    }
    SqliteStatement r = db.prepare("SELECT incident_id, role, person FROM incident_roles "
                                   "WHERE ?1 = 0 OR incident_id = ?1 ORDER BY incident_id, role");
    r.bind(1, incidentId);
    while (r.step()) {
        for (Incident& i : out) {
            if (i.id == r.int64(0))
                i.roles.append({r.text(1), r.text(2)});
        }
    }
    return out;
}

QList<ChainReport> verifyChains(SqliteDb& db, qint64 incidentId)
{
    QList<ChainReport> out;
    SqliteStatement incidents = db.prepare(
        "SELECT id, head_seq, head_hash, title FROM incidents WHERE ?1 = 0 OR id = ?1 ORDER BY id");
    incidents.bind(1, incidentId);
    while (incidents.step()) {
        ChainReport report;
        report.incidentId = incidents.int64(0);
        const qint64 headSeq = incidents.int64(1);
        const QByteArray headHash = incidents.blob(2);
        const QString title = incidents.text(3);
        QByteArray running = timelineGenesis(report.incidentId);
        qint64 lastSeq = 0;
        SqliteStatement s =
            db.prepare("SELECT seq, incident_id, kind, at, author, payload, corrects, prev_hash, hash "
                       "FROM timeline_events WHERE incident_id = ?1 ORDER BY seq");
        s.bind(1, report.incidentId);
        while (s.step() && report.ok) {
            const TimelineEvent ev = readEventRow(s);
            ++report.events;
            const bool linked = ev.prevHash == running;
            const bool intact = timelineHash(ev.prevHash, ev, s.blob(5)) == ev.hash;
            if (!linked || !intact) {
                report.ok = false;
                report.firstBadSeq = ev.seq;
                report.message =
                    (intact
                         ? QCoreApplication::translate(
                               "Timeline", "The timeline of incident “%1” has a gap before event %2: an "
                                           "earlier event was removed or replaced.")
                         : QCoreApplication::translate(
                               "Timeline", "Event %2 in the timeline of incident “%1” was changed after it "
                                           "was saved."))
                        .arg(title)
                        .arg(ev.seq);
            }
            running = ev.hash;
            lastSeq = ev.seq;
        }
        if (report.ok && (lastSeq != headSeq || (headSeq != 0 && running != headHash))) {
            report.ok = false;
            report.firstBadSeq = headSeq;
            report.message = QCoreApplication::translate(
                                 "Timeline", "The timeline of incident “%1” ends early: events after %2 are "
                                             "missing.")
                                 .arg(title)
                                 .arg(lastSeq);
        }
        out.append(report);
    }
    return out;
}

TimelineStore::TimelineStore(Workspace& workspace)
    : m_workspace(workspace)
{}

void TimelineStore::declare(const IncidentDraft& draft, const QString& author, QObject* context,
                            DeclareDone done)
{
    auto id = std::make_shared<qint64>(0);
    m_workspace.write(
        [draft, author, id](SqliteDb& db) {
            if (const QString problem = validateDraft(draft); !problem.isEmpty())
                throw WorkError(problem);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QStringList services;
            for (const QString& s : draft.services)
                services << s.trimmed();
            db.execute("INSERT INTO incidents(title, severity, status, services, created_at, updated_at) "
                       "VALUES (?1, ?2, ?3, COALESCE(?4, ''), ?5, ?5)",
                       draft.title.trimmed(), int(draft.severity), statusKey(Status::Investigating),
                       services.join(QLatin1Char(',')), now);
            *id = db.lastInsertRowId();
            TimelineEvent ev;
            ev.incidentId = *id;
            ev.kind = EventKind::Declared;
            ev.atMs = now;
            ev.author = author;
            ev.payload = QJsonObject{{QStringLiteral("title"), draft.title.trimmed()},
                                     {QStringLiteral("severity"), int(draft.severity)},
                                     {QStringLiteral("services"), QJsonArray::fromStringList(services)}};
            appendInTransaction(db, ev);
            if (!draft.commander.trimmed().isEmpty()) {
                db.execute("INSERT INTO incident_roles(incident_id, role, person) VALUES (?1, ?2, ?3)", *id,
                           roleCommander(), draft.commander.trimmed());
                TimelineEvent role;
                role.incidentId = *id;
                role.kind = EventKind::RoleChange;
                role.atMs = now;
                role.author = author;
                role.payload = QJsonObject{{QStringLiteral("role"), roleCommander()},
                                           {QStringLiteral("person"), draft.commander.trimmed()}};
                appendInTransaction(db, role);
            }
        },
        context,
        [id, done = std::move(done)](const WriteResult& r) {
            if (done)
                done(r, r.ok ? *id : 0);
        },
        WriteOptions{.durable = true});
}

void TimelineStore::append(const TimelineEvent& event, QObject* context, AppendDone done)
{
    auto saved = std::make_shared<TimelineEvent>(event);
    write(
        m_workspace,
        [saved](SqliteDb& db) {
            switch (saved->kind) {
            case EventKind::Declared:
            case EventKind::StatusChange:
            case EventKind::SeverityChange:
            case EventKind::RoleChange:
            case EventKind::Correction:
                throw WorkError(QCoreApplication::translate(
                    "Timeline", "This kind of event changes the incident; use its own action."));
            default:
                break;
            }
            appendInTransaction(db, *saved);
        },
        saved, context, std::move(done));
}

void TimelineStore::changeStatus(qint64 incidentId, Status to, const QString& author, const QString& reason,
                                 QObject* context, AppendDone done)
{
    auto saved = std::make_shared<TimelineEvent>();
    write(
        m_workspace,
        [saved, incidentId, to, author, reason](SqliteDb& db) {
            const Head head = headOf(db, incidentId);
            if (!canTransition(head.status, to))
                throw WorkError(
                    QCoreApplication::translate("Timeline", "An incident in status “%1” cannot move to “%2”.")
                        .arg(statusName(head.status), statusName(to)));
            saved->incidentId = incidentId;
            saved->kind = EventKind::StatusChange;
            saved->author = author;
            saved->payload = QJsonObject{{QStringLiteral("from"), statusKey(head.status)},
                                         {QStringLiteral("to"), statusKey(to)}};
            if (!reason.trimmed().isEmpty())
                saved->payload.insert(QStringLiteral("reason"), reason.trimmed());
            appendInTransaction(db, *saved);
            db.execute("UPDATE incidents SET status = ?1 WHERE id = ?2", statusKey(to), incidentId);
        },
        saved, context, std::move(done));
}

void TimelineStore::changeSeverity(qint64 incidentId, Severity to, const QString& author, QObject* context,
                                   AppendDone done)
{
    auto saved = std::make_shared<TimelineEvent>();
    write(
        m_workspace,
        [saved, incidentId, to, author](SqliteDb& db) {
            const qint64 from =
                db.queryInt64("SELECT severity FROM incidents WHERE id = ?1", incidentId).value_or(0);
            if (from == int(to))
                throw WorkError(QCoreApplication::translate("Timeline", "The incident is already %1.")
                                    .arg(severityName(to)));
            saved->incidentId = incidentId;
            saved->kind = EventKind::SeverityChange;
            saved->author = author;
            saved->payload =
                QJsonObject{{QStringLiteral("from"), int(from)}, {QStringLiteral("to"), int(to)}};
            appendInTransaction(db, *saved);
            db.execute("UPDATE incidents SET severity = ?1 WHERE id = ?2", int(to), incidentId);
        },
        saved, context, std::move(done));
}

void TimelineStore::assignRole(qint64 incidentId, const QString& role, const QString& person,
                               const QString& author, QObject* context, AppendDone done)
{
    auto saved = std::make_shared<TimelineEvent>();
    write(
        m_workspace,
        [saved, incidentId, role = role.trimmed(), person = person.trimmed(), author](SqliteDb& db) {
            if (role.isEmpty())
                throw WorkError(QCoreApplication::translate("Timeline", "A role needs a name."));
            saved->incidentId = incidentId;
            saved->kind = EventKind::RoleChange;
            saved->author = author;
            saved->payload = QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("person"), person}};
            appendInTransaction(db, *saved);
            if (person.isEmpty())
                db.execute("DELETE FROM incident_roles WHERE incident_id = ?1 AND role = ?2", incidentId,
                           role);
            else
                db.execute("INSERT INTO incident_roles(incident_id, role, person) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT(incident_id, role) DO UPDATE SET person = excluded.person",
                           incidentId, role, person);
        },
        saved, context, std::move(done));
}

void TimelineStore::correct(qint64 incidentId, qint64 corrects, const QString& text, const QString& author,
                            QObject* context, AppendDone done)
{
    auto saved = std::make_shared<TimelineEvent>();
    write(
        m_workspace,
        [saved, incidentId, corrects, text, author](SqliteDb& db) {
            const std::optional<qint64> owner =
                db.queryInt64("SELECT incident_id FROM timeline_events WHERE seq = ?1", corrects);
            if (!owner || *owner != incidentId)
                throw WorkError(QCoreApplication::translate(
                                    "Timeline", "Event %1 is not part of this incident's timeline.")
                                    .arg(corrects));
            saved->incidentId = incidentId;
            saved->kind = EventKind::Correction;
            saved->author = author;
            saved->corrects = corrects;
            saved->payload = QJsonObject{{QStringLiteral("text"), text}};
            appendInTransaction(db, *saved);
        },
        saved, context, std::move(done));
}

void TimelineStore::incidents(QObject* context, IncidentsDone done)
{
    auto out = std::make_shared<QList<Incident>>();
    m_workspace.read([out](SqliteDb& db) { *out = readIncidents(db, 0); }, context,
                     [out, done = std::move(done)](const ReadResult& r) {
                         if (done)
                             done(r, r.ok ? *out : QList<Incident>{});
                     });
}

void TimelineStore::events(const TimelineFilter& filter, QObject* context, EventsDone done)
{
    auto out = std::make_shared<QList<TimelineEvent>>();
    m_workspace.read(
        [out, filter](SqliteDb& db) {
            SqliteStatement s = db.prepare(
                "SELECT seq, incident_id, kind, at, author, payload, corrects, prev_hash, hash "
                "FROM timeline_events WHERE incident_id = ?1 AND seq > ?2 "
                "AND (?3 IS NULL OR ?3 = '' OR instr(lower(payload), lower(?3)) > 0) ORDER BY seq LIMIT ?4");
            s.bindAll(filter.incidentId, filter.afterSeq, filter.text, filter.limit);
            while (s.step()) {
                TimelineEvent ev = readEventRow(s);
                if (filter.kinds.isEmpty() || filter.kinds.contains(ev.kind))
                    out->append(std::move(ev));
            }
        },
        context,
        [out, done = std::move(done)](const ReadResult& r) {
            if (done)
                done(r, r.ok ? *out : QList<TimelineEvent>{});
        });
}

void TimelineStore::verify(qint64 incidentId, QObject* context, VerifyDone done)
{
    auto out = std::make_shared<QList<ChainReport>>();
    m_workspace.read([out, incidentId](SqliteDb& db) { *out = verifyChains(db, incidentId); }, context,
                     [out, done = std::move(done)](const ReadResult& r) {
                         if (done)
                             done(r, r.ok ? *out : QList<ChainReport>{});
                     });
}

} // namespace wf::incident
