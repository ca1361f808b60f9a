#include "common/SemanticDelegate.h"

namespace wf::ui {

SemanticDelegate::SemanticDelegate(Mapping meaning, bool bold, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_meaning(std::move(meaning))
    , m_bold(bold)
{}

void SemanticDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const std::optional<Semantic> meaning = m_meaning(index);
    if (!meaning)
        return;
    const QColor colour = semanticColor(*meaning, option->palette);
    option->palette.setColor(QPalette::Text, colour);
    option->palette.setColor(QPalette::HighlightedText, option->palette.color(QPalette::HighlightedText));
    if (m_bold)
        option->font.setBold(true);
}

} // namespace wf::ui
