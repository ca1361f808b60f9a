#include "ReceiverSettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wf::app {

ReceiverSettingsDialog::ReceiverSettingsDialog(const live::ReceiverSettings& current, QWidget* parent)
    : QDialog(parent)
    , m_port(new QSpinBox)
    , m_allInterfaces(new QCheckBox(tr("Listen on all interfaces")))
{
    setObjectName(QStringLiteral("receiverSettingsDialog"));
    setWindowTitle(tr("OTLP receiver"));
    auto* intro = new QLabel(tr("Watchfloor receives OTLP/HTTP itself (POST /v1/traces, /v1/logs, "
                                "/v1/metrics), so a workstation with no backend still works. Changes apply "
                                "now, to the open workspace."));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_port->setObjectName(QStringLiteral("receiverPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(current.port);
    m_port->setToolTip(tr("The TCP port senders use; 4318 is the OTLP/HTTP default"));

    m_allInterfaces->setObjectName(QStringLiteral("receiverAllInterfaces"));
    m_allInterfaces->setChecked(current.listenOnAllInterfaces);
    m_allInterfaces->setToolTip(
        tr("Warning: other machines on the network can then reach the receiver. Each start makes a new "
           "bearer token that senders must present (shown in the Sources dock). Leave off to listen on "
           "127.0.0.1 only."));

    // The tooltip says it before; this says it again, visibly, once it is chosen.
    auto* warning = new QLabel(tr("⚠ Other machines on the network can reach the receiver. Senders need "
                                  "the bearer token shown in the Sources dock."));
    warning->setObjectName(QStringLiteral("receiverWarning"));
    warning->setWordWrap(true);
    warning->setTextFormat(Qt::PlainText);
    warning->setVisible(current.listenOnAllInterfaces);
    connect(m_allInterfaces, &QCheckBox::toggled, warning, &QWidget::setVisible);

    auto* form = new QFormLayout;
    form->addRow(tr("&Port:"), m_port);
    form->addRow(QString(), m_allInterfaces);
    form->addRow(QString(), warning);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

live::ReceiverSettings ReceiverSettingsDialog::settings() const
{
    live::ReceiverSettings s;
    s.port = quint16(m_port->value());
    s.listenOnAllInterfaces = m_allInterfaces->isChecked();
    return s;
}

} // namespace wf::app
