#pragma once
// Pinning evidence: the evidence row and its evidence_pinned timeline event are written in one
// durable transaction, and the event's payload carries the row's id and SHA-256, so the timeline's
// hash chain vouches for the evidence's bytes. Data is stored with secrets redacted.
#include "incident/Evidence.h"
#include "incident/TimelineEvent.h"
#include "store/Workspace.h"

#include <QList>
#include <QStringList>

#include <functional>

class QObject;

namespace wf {
class SqliteDb;
}

namespace wf::incident {

class EvidenceStore
{
public:
    explicit EvidenceStore(Workspace& workspace);

    using PinDone =
        std::function<void(const WriteResult&, const Evidence& saved, const TimelineEvent& event)>;
    using ListDone = std::function<void(const ReadResult&, const QList<Evidence>&)>;
    using VerifyDone = std::function<void(const ReadResult&, const QStringList& problems)>;

    void pin(const EvidenceDraft& draft, QObject* context, PinDone done);
    // A panel as it looked: its picture (PNG bytes; widgets turn a QImage into these) and its data.
    void pinPanel(qint64 incidentId, const QString& title, const QByteArray& png, const QJsonObject& data,
                  const QString& author, QObject* context, PinDone done);

    void list(qint64 incidentId, QObject* context, ListDone done);
    // Empty problems: every evidence row matches its hash and its pinning event, and every pinning
    // event still has its evidence.
    void verify(qint64 incidentId, QObject* context, VerifyDone done);

private:
    Workspace& m_workspace;
};

// The same, inside a transaction the caller holds (exports). incidentId 0: every incident.
QList<Evidence> readEvidence(SqliteDb& db, qint64 incidentId);
QStringList verifyEvidence(SqliteDb& db, qint64 incidentId);

} // namespace wf::incident
