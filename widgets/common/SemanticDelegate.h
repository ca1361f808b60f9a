#pragma once

#include "theme/Theme.h"

#include <QStyledItemDelegate>

#include <functional>
#include <optional>

namespace wf::ui {

// Colours a cell's text by meaning (error red, warning amber, ...) in the current theme's tones. The
// models stay QtCore-only and expose what a row means through a role; `meaning` maps that to a colour.
class SemanticDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using Mapping = std::function<std::optional<Semantic>(const QModelIndex&)>;
    SemanticDelegate(Mapping meaning, bool bold, QObject* parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    Mapping m_meaning;
    bool m_bold;
};

} // namespace wf::ui
