#pragma once

#include <QtGlobal>

class QSettings;

namespace wf::live {

// The normal app's OTLP receiver, as the user set it in Settings. Remembered in QSettings; the
// bearer token for all-interfaces listening is a secret and never stored here.
struct ReceiverSettings
{
    quint16 port = 4318;
    bool listenOnAllInterfaces = false;

    bool operator==(const ReceiverSettings&) const = default;

    // Out-of-range or missing values fall back to the defaults.
    static ReceiverSettings load(const QSettings& settings);
    void save(QSettings& settings) const;
};

} // namespace wf::live
