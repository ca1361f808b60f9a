#include "patterns/SparklineDelegate.h"

#include "logs/LogPatternModel.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace wf::ui {

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* w = option.widget;
    (w ? w->style() : QApplication::style())->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);

    const auto counts = index.data(logs::LogPatternModel::HistogramRole).value<QList<int>>();
    if (counts.isEmpty())
        return;
    const int peak = std::max(1, *std::max_element(counts.begin(), counts.end()));
    const QRectF r = QRectF(option.rect).adjusted(3, 3, -3, -3);
    const qreal bw = r.width() / counts.size();
    const bool isNew = index.data(logs::LogPatternModel::IsNewRole).toBool();
    const QColor color =
        isNew ? semanticColor(Semantic::Critical, option.palette) : option.palette.color(QPalette::Highlight);
    painter->save();
    for (int i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0)
            continue;
        const qreal h = std::max<qreal>(1, r.height() * counts[i] / peak);
        painter->fillRect(QRectF(r.left() + i * bw, r.bottom() - h, std::max<qreal>(1, bw - 1), h), color);
    }
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(120, 20));
}

} // namespace wf::ui
