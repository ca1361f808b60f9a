#pragma once

#include "live/ReceiverSettings.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace wf::app {

// File ▸ OTLP receiver…: the port Watchfloor's own OTLP/HTTP receiver listens on, and the opt-in
// to listen on every interface instead of loopback only.
class ReceiverSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReceiverSettingsDialog(const live::ReceiverSettings& current, QWidget* parent = nullptr);
    live::ReceiverSettings settings() const;

private:
    QSpinBox* m_port;
    QCheckBox* m_allInterfaces;
};

} // namespace wf::app
