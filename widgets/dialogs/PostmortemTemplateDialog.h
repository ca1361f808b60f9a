#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace wf::ui {

// Edits the workspace's postmortem template as text; says what is wrong, line by line, as the user
// types, and offers Save only for a template that parses. "Reset to default" brings back the
// built-in one (in the UI language).
class PostmortemTemplateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PostmortemTemplateDialog(const QString& text, QWidget* parent = nullptr);

    QString text() const; // what to store; empty when it equals the default
    QPlainTextEdit* editor() const { return m_editor; }
    QPushButton* saveButton() const { return m_save; }
    QString errorText() const;

private:
    void validate();

    QPlainTextEdit* m_editor;
    QLabel* m_errors;
    QPushButton* m_save;
};

} // namespace wf::ui
