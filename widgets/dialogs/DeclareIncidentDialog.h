#pragma once

#include "incident/Incident.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace wf::ui {

// Declares an incident: title, severity, affected services, commander. Validation is the store's, run
// as the user types, so Declare is offered only for what will be saved.
class DeclareIncidentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DeclareIncidentDialog(const QString& commander, QWidget* parent = nullptr);

    incident::IncidentDraft draft() const;

private:
    void revalidate();

    QLineEdit* m_title;
    QComboBox* m_severity;
    QLineEdit* m_services;
    QLineEdit* m_commander;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace wf::ui
