#pragma once

// The row of template variable pickers above a dashboard's panels, one control per visible variable:
// a combo box for single values, a drop-down of check boxes with "All" for multi-value variables, a
// line edit for text boxes, the value itself for constants. It only reports picks; the dashboard view
// applies them (models/dashboard/VariableSelection.h), resolves and re-queries.

#include "dashboard/Variable.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace wf::ui {

class VariableBar : public QWidget
{
    Q_OBJECT

public:
    explicit VariableBar(QWidget* parent = nullptr);

    // Rebuilds the controls; hides the bar when no variable is shown.
    void setVariables(const QList<dashboard::Variable>& variables);
    // While options are being resolved: the controls stay usable, a note says the options may change.
    void setBusy(bool busy);

    // The control of a variable (QComboBox, QToolButton with a menu, QLineEdit or QLabel), for tests
    // and accessibility.
    QWidget* controlFor(const QString& name) const { return m_controls.value(name); }
    // What the control shows now.
    QString shownText(const QString& name) const;

Q_SIGNALS:
    void selectionChanged(const QString& name, const QStringList& values);

private:
    QWidget* makeControl(const dashboard::Variable& variable);
    QWidget* makeMultiControl(const dashboard::Variable& variable);

    QHBoxLayout* m_layout;
    QLabel* m_busy;
    QList<QWidget*> m_owned; // labels and controls of the current variables
    QHash<QString, QPointer<QWidget>> m_controls;
};

} // namespace wf::ui
