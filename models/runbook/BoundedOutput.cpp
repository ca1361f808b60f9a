#include "runbook/BoundedOutput.h"

#include <QCoreApplication>

namespace wf::runbook {

void BoundedOutput::append(QByteArrayView bytes)
{
    const qsizetype room = std::max<qsizetype>(0, m_limit - m_bytes.size());
    const qsizetype keep = std::min(room, bytes.size());
    m_bytes.append(bytes.first(keep));
    m_dropped += bytes.size() - keep;
}

QString BoundedOutput::text() const
{
    QString t = QString::fromUtf8(m_bytes);
    if (truncated())
        t += u'\n' + QCoreApplication::translate("Runbook", "[output truncated: %1 more bytes not kept]")
                         .arg(m_dropped);
    return t;
}

} // namespace wf::runbook
