#include "EvidenceStore.h"

#include "incident/SecretRedaction.h"
#include "incident/TimelineSql.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

#include <memory>

namespace wf::incident {
namespace {

Evidence readRow(const SqliteStatement& s)
{
    Evidence e;
    e.id = s.int64(0);
    e.incidentId = s.int64(1);
    e.kind = evidenceKindFromKey(s.text(2)).value_or(EvidenceKind::Panel);
    e.title = s.text(3);
    e.capturedAtMs = s.int64(4);
    e.author = s.text(5);
    e.png = s.isNull(6) ? QByteArray() : s.blob(6);
    e.dataJson = s.blob(7);
    e.sha256 = s.blob(8);
    return e;
}

} // namespace

EvidenceStore::EvidenceStore(Workspace& workspace)
    : m_workspace(workspace)
{}

void EvidenceStore::pin(const EvidenceDraft& draft, QObject* context, PinDone done)
{
    auto saved = std::make_shared<std::pair<Evidence, TimelineEvent>>();
    m_workspace.write(
        [draft, saved](SqliteDb& db) {
            if (const QString problem = validateEvidence(draft); !problem.isEmpty())
                throw WorkError(problem);
            if (draft.author.trimmed().isEmpty())
                throw WorkError(QCoreApplication::translate("Timeline", "A timeline event needs an author."));
            Evidence& e = saved->first;
            e.incidentId = draft.incidentId;
            e.kind = draft.kind;
            e.title = draft.title.trimmed();
            e.capturedAtMs = draft.capturedAtMs ? draft.capturedAtMs : QDateTime::currentMSecsSinceEpoch();
            e.author = draft.author.trimmed();
            e.png = draft.png;
            e.dataJson = QJsonDocument(redactSecrets(draft.data)).toJson(QJsonDocument::Compact);
            e.sha256 = evidenceHash(e);
            db.execute(
                "INSERT INTO evidence(incident_id, kind, title, captured_at, author, png, data, sha256) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                e.incidentId, evidenceKindKey(e.kind), e.title, e.capturedAtMs, e.author, e.png,
                QString::fromUtf8(e.dataJson), e.sha256);
            e.id = db.lastInsertRowId();
            TimelineEvent& ev = saved->second;
            ev.incidentId = e.incidentId;
            ev.kind = EventKind::EvidencePinned;
            ev.author = e.author;
            ev.payload = QJsonObject{{QStringLiteral("evidence_id"), e.id},
                                     {QStringLiteral("sha256"), QString::fromLatin1(e.sha256.toHex())},
                                     {QStringLiteral("evidence_kind"), evidenceKindKey(e.kind)},
                                     {QStringLiteral("title"), e.title}};
            appendInTransaction(db, ev); // throws for an unknown incident: the evidence row rolls back
        },
        context,
        [saved, done = std::move(done)](const WriteResult& r) {
            if (done)
                done(r, r.ok ? saved->first : Evidence{}, r.ok ? saved->second : TimelineEvent{});
        },
        WriteOptions{.durable = true});
}

void EvidenceStore::pinPanel(qint64 incidentId, const QString& title, const QByteArray& png,
                             const QJsonObject& data, const QString& author, QObject* context, PinDone done)
{
    EvidenceDraft draft;
    draft.incidentId = incidentId;
    draft.kind = EvidenceKind::Panel;
    draft.title = title;
    draft.png = png;
    draft.data = data;
    draft.author = author;
    pin(draft, context, std::move(done));
}

void EvidenceStore::list(qint64 incidentId, QObject* context, ListDone done)
{
    auto out = std::make_shared<QList<Evidence>>();
    m_workspace.read([out, incidentId](SqliteDb& db) { *out = readEvidence(db, incidentId); }, context,
                     [out, done = std::move(done)](const ReadResult& r) {
                         if (done)
                             done(r, r.ok ? *out : QList<Evidence>{});
                     });
}

void EvidenceStore::verify(qint64 incidentId, QObject* context, VerifyDone done)
{
    auto out = std::make_shared<QStringList>();
    m_workspace.read([out, incidentId](SqliteDb& db) { *out = verifyEvidence(db, incidentId); }, context,
                     [out, done = std::move(done)](const ReadResult& r) {
                         if (done)
                             done(r, r.ok ? *out : QStringList{});
                     });
}

QList<Evidence> readEvidence(SqliteDb& db, qint64 incidentId)
{
    QList<Evidence> out;
    SqliteStatement s =
        db.prepare("SELECT id, incident_id, kind, title, captured_at, author, png, data, sha256 "
                   "FROM evidence WHERE ?1 = 0 OR incident_id = ?1 ORDER BY id");
    s.bind(1, incidentId);
    while (s.step())
        out.append(readRow(s));
    return out;
}

QStringList verifyEvidence(SqliteDb& db, qint64 incidentId)
{
    QStringList problems;
    // What the (hash-chained) pinning events say each evidence row must be.
    QHash<qint64, QByteArray> pinned;
    SqliteStatement events = db.prepare("SELECT seq, incident_id, kind, at, author, payload, corrects, "
                                        "prev_hash, hash FROM timeline_events "
                                        "WHERE (?1 = 0 OR incident_id = ?1) AND kind = 'evidence_pinned'");
    events.bind(1, incidentId);
    while (events.step()) {
        const TimelineEvent ev = readEventRow(events);
        pinned.insert(qint64(ev.payload.value(QLatin1String("evidence_id")).toDouble()),
                      QByteArray::fromHex(ev.payload.value(QLatin1String("sha256")).toString().toLatin1()));
    }
    for (const Evidence& e : readEvidence(db, incidentId)) {
        const auto it = pinned.constFind(e.id);
        if (evidenceHash(e) != e.sha256 || it == pinned.constEnd() || *it != e.sha256)
            problems << QCoreApplication::translate("Evidence",
                                                    "Evidence %1 (“%2”) was changed after it was pinned.")
                            .arg(e.id)
                            .arg(e.title);
        pinned.remove(e.id);
    }
    for (auto it = pinned.constBegin(); it != pinned.constEnd(); ++it)
        problems << QCoreApplication::translate("Evidence", "Evidence %1 was removed after it was pinned.")
                        .arg(it.key());
    return problems;
}

} // namespace wf::incident
