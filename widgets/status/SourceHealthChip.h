#pragma once

#include "items/SourceHealthModel.h"
#include "theme/Theme.h"

#include <QWidget>

namespace wf::ui {

using wf::HealthState;

// The colour meaning of a health state, shared by the status bar chips and the Sources dock.
Semantic semanticForHealth(HealthState state);

// One source in the status bar: a dot in the health colour, the name, and a warning triangle when TLS
// verification is off. Painted rather than composed of labels, so a hundred sources stay cheap and
// the colours follow the theme at paint time.
class SourceHealthChip : public QWidget
{
    Q_OBJECT

public:
    explicit SourceHealthChip(QWidget* parent = nullptr);

    void setSource(const QString& name, const QString& detail, HealthState state, bool insecureTls);
    QString name() const { return m_name; }
    HealthState state() const { return m_state; }
    bool insecureTls() const { return m_insecure; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_name;
    HealthState m_state = HealthState::Unknown;
    bool m_insecure = false;
};

} // namespace wf::ui
