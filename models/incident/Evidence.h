#pragma once
// Evidence pinned to an incident: what a panel, a log line, a trace or a graph selection showed at the
// moment it was pinned: its picture (PNG) and its data (JSON), stored in the workspace so the
// postmortem does not depend on links that are dead tomorrow.
#include <QByteArray>
#include <QJsonObject>
#include <QSize>
#include <QString>

#include <optional>

namespace wf::incident {

enum class EvidenceKind { Panel, Log, Trace, Selection };

QString evidenceKindKey(EvidenceKind kind); // "panel", ...: what the database stores
std::optional<EvidenceKind> evidenceKindFromKey(const QString& key);
QString evidenceKindName(EvidenceKind kind); // translated

// The picture and the data together; a bigger pin is refused with a message, because one runaway
// selection would otherwise bloat every incident file and postmortem made from this workspace.
inline constexpr qint64 kMaxEvidenceBytes = 8 * 1024 * 1024;

struct EvidenceDraft
{
    qint64 incidentId = 0;
    EvidenceKind kind = EvidenceKind::Panel;
    QString title;
    QByteArray png;          // may be empty (a log line has no picture)
    QJsonObject data;        // what was shown, as data
    qint64 capturedAtMs = 0; // 0: now
    QString author;
};

struct Evidence
{
    qint64 id = 0;
    qint64 incidentId = 0;
    EvidenceKind kind = EvidenceKind::Panel;
    QString title;
    qint64 capturedAtMs = 0;
    QString author;
    QByteArray png;
    QByteArray dataJson; // compact JSON exactly as stored (the hash covers these bytes)
    QByteArray sha256;

    QJsonObject data() const;
};

// Empty when the draft may be pinned, else a translated sentence saying what is wrong.
QString validateEvidence(const EvidenceDraft& draft);

// SHA-256 over an unambiguous (length-prefixed) encoding of every stored field but the id.
QByteArray evidenceHash(const Evidence& e);

// Width and height from a PNG's IHDR chunk; nullopt when the bytes are not a PNG.
std::optional<QSize> pngSize(const QByteArray& png);

} // namespace wf::incident
