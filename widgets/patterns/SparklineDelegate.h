#pragma once

// Paints LogPatternModel::HistogramRole as a small bar sparkline in the palette's highlight colour
// (the semantic critical colour for rows marked new).

#include <QStyledItemDelegate>

namespace wf::ui {

class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace wf::ui
