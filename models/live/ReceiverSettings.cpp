#include "ReceiverSettings.h"

#include <QSettings>

namespace wf::live {

namespace {
const QString kPort = QStringLiteral("otlpReceiver/port");
const QString kAllInterfaces = QStringLiteral("otlpReceiver/listenOnAllInterfaces");
} // namespace

ReceiverSettings ReceiverSettings::load(const QSettings& settings)
{
    ReceiverSettings s;
    bool ok = false;
    const int port = settings.value(kPort).toInt(&ok);
    if (ok && port >= 1 && port <= 65535)
        s.port = quint16(port);
    s.listenOnAllInterfaces = settings.value(kAllInterfaces, false).toBool();
    return s;
}

void ReceiverSettings::save(QSettings& settings) const
{
    settings.setValue(kPort, int(port));
    settings.setValue(kAllInterfaces, listenOnAllInterfaces);
}

} // namespace wf::live
