#pragma once
// The captured output of a step: at most a fixed number of bytes are kept, so a chatty command or a
// large response cannot grow memory or the timeline; what was dropped is counted and said.
#include <QByteArray>
#include <QString>

namespace wf::runbook {

constexpr qsizetype kMaxStepOutputBytes = 64 * 1024;

class BoundedOutput
{
public:
    explicit BoundedOutput(qsizetype limit = kMaxStepOutputBytes)
        : m_limit(limit)
    {}
    void append(QByteArrayView bytes);
    bool truncated() const { return m_dropped > 0; }
    qint64 droppedBytes() const { return m_dropped; }
    const QByteArray& bytes() const { return m_bytes; }
    // The kept bytes as text (invalid UTF-8 replaced), with a translated note when some were dropped.
    QString text() const;

private:
    qsizetype m_limit;
    QByteArray m_bytes;
    qint64 m_dropped = 0;
};

} // namespace wf::runbook
