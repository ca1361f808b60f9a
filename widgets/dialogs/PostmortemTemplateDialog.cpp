#include "dialogs/PostmortemTemplateDialog.h"

#include "incident/postmortem/PostmortemTemplate.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf::ui {

PostmortemTemplateDialog::PostmortemTemplateDialog(const QString& text, QWidget* parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_errors(new QLabel(this))
{
    setWindowTitle(tr("Postmortem template"));
    setObjectName(QStringLiteral("postmortemTemplateDialog"));
    auto* help = new QLabel(
        tr("“## Heading” starts a section; a line that is only {{name}} is filled in by Watchfloor (%1); "
           "any other paragraph is a prompt for the team, shown in italics. Stored in this workspace.")
            .arg(incident::postmortemSectionNames().join(QStringLiteral(", "))),
        this);
    help->setWordWrap(true);
    help->setTextFormat(Qt::PlainText);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(text.trimmed().isEmpty() ? incident::defaultPostmortemTemplate() : text);
    m_editor->setTabChangesFocus(true);
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setObjectName(QStringLiteral("templateErrors"));
    QPalette p = m_errors->palette();
    p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_errors->setPalette(p);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    QPushButton* reset = buttons->addButton(tr("Reset to default"), QDialogButtonBox::ResetRole);
    reset->setToolTip(tr("Replace the text with Watchfloor's built-in template"));
    connect(reset, &QPushButton::clicked, this,
            [this] { m_editor->setPlainText(incident::defaultPostmortemTemplate()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &PostmortemTemplateDialog::validate);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);
    resize(720, 640);
    validate();
}

QString PostmortemTemplateDialog::text() const
{
    const QString t = m_editor->toPlainText();
    return t == incident::defaultPostmortemTemplate() ? QString() : t;
}

QString PostmortemTemplateDialog::errorText() const
{
    return m_errors->text();
}

void PostmortemTemplateDialog::validate()
{
    const incident::PostmortemTemplate parsed = incident::parsePostmortemTemplate(m_editor->toPlainText());
    m_errors->setText(parsed.errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!parsed.ok());
    m_save->setEnabled(parsed.ok());
}

} // namespace wf::ui
