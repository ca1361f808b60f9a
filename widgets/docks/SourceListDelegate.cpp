#include "docks/SourceListDelegate.h"

#include "items/SourceHealthModel.h"
#include "status/SourceHealthChip.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QUrl>

namespace wf::ui {
namespace {
constexpr int kPad = 6;
}

QSize SourceListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics fm(option.font);
    return {fm.horizontalAdvance(QLatin1Char('M')) * 20, fm.height() * 3 + 3 * kPad};
}

void SourceListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto state = HealthState(index.data(SourceHealthModel::StateRole).toInt());
    const bool insecure = index.data(SourceHealthModel::InsecureRole).toBool();
    const QString name = index.data(Qt::DisplayRole).toString();
    const QString kind = index.data(SourceHealthModel::KindRole).toString();
    const QUrl url = index.data(SourceHealthModel::UrlRole).toUrl();
    QString detail = SourceHealthModel::stateText(state);
    if (const QString message = index.data(SourceHealthModel::MessageRole).toString(); !message.isEmpty())
        detail = message;

    const QFontMetrics fm(option.font);
    const int dot = qMax(8, fm.height() / 2);
    const QRect r = option.rect.adjusted(kPad, kPad / 2, -kPad, -kPad / 2);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.7f);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(semanticColor(semanticForHealth(state), option.palette));
    painter->drawEllipse(QRect(r.left(), r.top() + (fm.height() - dot) / 2, dot, dot));

    const int textLeft = r.left() + dot + kPad;
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    QString title = name;
    if (insecure)
        title = tr("%1 (TLS not verified)").arg(name);
    const QRect line1(textLeft, r.top(), r.right() - textLeft, fm.height());
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(title, Qt::ElideRight, line1.width()));

    painter->setFont(option.font);
    painter->setPen(dim);
    const QRect line2(textLeft, r.top() + fm.height() + kPad / 2, r.right() - textLeft, fm.height());
    const QString second = tr("%1 · %2").arg(kind, url.toDisplayString());
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(second, Qt::ElideRight, line2.width()));
    const QRect line3 = line2.translated(0, fm.height());
    painter->drawText(line3, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(detail, Qt::ElideRight, line3.width()));
    painter->restore();
}

} // namespace wf::ui
