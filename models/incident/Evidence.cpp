#include "Evidence.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

#include <array>

namespace wf::incident {
namespace {

struct KindInfo
{
    EvidenceKind kind;
    const char* key;
    const char* name;
};

const std::array kKinds{
    KindInfo{EvidenceKind::Panel, "panel", QT_TRANSLATE_NOOP("Evidence", "Panel")},
    KindInfo{EvidenceKind::Log, "log", QT_TRANSLATE_NOOP("Evidence", "Log line")},
    KindInfo{EvidenceKind::Trace, "trace", QT_TRANSLATE_NOOP("Evidence", "Trace")},
    KindInfo{EvidenceKind::Selection, "selection", QT_TRANSLATE_NOOP("Evidence", "Graph selection")},
};

const QByteArray kPngSignature("\x89PNG\r\n\x1a\n", 8);

void addField(QCryptographicHash& h, const QByteArray& bytes)
{
    std::array<char, 8> len{};
    qToBigEndian(quint64(bytes.size()), len.data());
    h.addData(QByteArrayView(len.data(), qsizetype(len.size())));
    h.addData(bytes);
}

void addInt(QCryptographicHash& h, qint64 v)
{
    std::array<char, 8> b{};
    qToBigEndian(v, b.data());
    h.addData(QByteArrayView(b.data(), qsizetype(b.size())));
}

} // namespace

QString evidenceKindKey(EvidenceKind kind)
{
    for (const KindInfo& k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    }
    return {};
}

std::optional<EvidenceKind> evidenceKindFromKey(const QString& key)
{
    for (const KindInfo& k : kKinds) {
        if (key == QLatin1String(k.key))
            return k.kind;
    }
    return std::nullopt;
}

QString evidenceKindName(EvidenceKind kind)
{
    for (const KindInfo& k : kKinds) {
        if (k.kind == kind)
            return QCoreApplication::translate("Evidence", k.name);
    }
    return {};
}

QJsonObject Evidence::data() const
{
    return QJsonDocument::fromJson(dataJson).object();
}

QString validateEvidence(const EvidenceDraft& draft)
{
    if (draft.title.trimmed().isEmpty())
        return QCoreApplication::translate("Evidence", "Evidence needs a title.");
    if (!draft.png.isEmpty() && !pngSize(draft.png))
        return QCoreApplication::translate("Evidence", "The picture of “%1” is not a PNG image.")
            .arg(draft.title.trimmed());
    const qint64 bytes = draft.png.size() + QJsonDocument(draft.data).toJson(QJsonDocument::Compact).size();
    if (bytes > kMaxEvidenceBytes)
        return QCoreApplication::translate(
                   "Evidence", "“%1” is %2 MiB; at most %3 MiB can be pinned. Pin a smaller selection "
                               "or a smaller picture.")
            .arg(draft.title.trimmed())
            .arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1)
            .arg(kMaxEvidenceBytes / (1024 * 1024));
    return {};
}

QByteArray evidenceHash(const Evidence& e)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    addField(h, QByteArrayLiteral("watchfloor-evidence-v1"));
    addInt(h, e.incidentId);
    addField(h, evidenceKindKey(e.kind).toUtf8());
    addField(h, e.title.toUtf8());
    addInt(h, e.capturedAtMs);
    addField(h, e.author.toUtf8());
    addField(h, e.png);
    addField(h, e.dataJson);
    return h.result();
}

std::optional<QSize> pngSize(const QByteArray& png)
{
    // Signature, then the IHDR chunk: length (4), "IHDR", width (4), height (4).
    if (png.size() < 24 || !png.startsWith(kPngSignature) || png.mid(12, 4) != "IHDR")
        return std::nullopt;
    const quint32 w = qFromBigEndian<quint32>(png.constData() + 16);
    const quint32 h = qFromBigEndian<quint32>(png.constData() + 20);
    if (w == 0 || h == 0 || w > 100000 || h > 100000)
        return std::nullopt;
    return QSize(int(w), int(h));
}

} // namespace wf::incident
