#include "panels/TextPanel.h"

#include <QEvent>
#include <QTextBlock>
#include <QTextCursor>

namespace wf::ui {

TextPanel::TextPanel(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    setReadOnly(true);
    connect(this, &QTextBrowser::anchorClicked, this, &TextPanel::linkClicked);
}

void TextPanel::setMarkdownText(const QString& markdown)
{
    m_blocked.clear();
    // No HTML passes through: raw HTML blocks in the Markdown are shown as text, not interpreted.
    document()->setMarkdown(markdown,
                            QTextDocument::MarkdownFeatures(int(QTextDocument::MarkdownDialectGitHub) |
                                                            int(QTextDocument::MarkdownNoHTML)));
    colourLinks();
}

void TextPanel::colourLinks()
{
    const QColor link = palette().color(QPalette::Link);
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (!f.charFormat().isAnchor())
                continue;
            QTextCursor c(document());
            c.setPosition(f.position());
            c.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
            QTextCharFormat format;
            format.setForeground(link);
            c.mergeCharFormat(format);
        }
    }
}

void TextPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        colourLinks();
    QTextBrowser::changeEvent(event);
}

QVariant TextPanel::loadResource(int type, const QUrl& name)
{
    if (name.scheme() == u"qrc")
        return QTextBrowser::loadResource(type, name);
    m_blocked << name;
    return {};
}

} // namespace wf::ui
