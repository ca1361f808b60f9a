#pragma once

#include <QStyledItemDelegate>

namespace wf::ui {

// One data source per row: a dot in its health colour, the name, and below it the kind, the address
// and the last probe's outcome, so the dock answers "which source is broken and why" at a glance.
class SourceListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace wf::ui
