#include "common/EmptyState.h"

#include <QEvent>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace wf::ui {
namespace {
constexpr int kMinMargin = 20;
constexpr int kMaxTextWidth = 560;
} // namespace

EmptyState::EmptyState(const QString& title, const QString& explanation, const QString& hint, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_explanation(new QLabel(explanation, this))
    , m_hint(new QLabel(hint, this))
{
    // Panels sit on Base, the chrome around them on Window: the empty panel still reads as a panel.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    for (QLabel* label : {m_title, m_explanation, m_hint}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Wrapped labels must not force the dock wider than the user made it, nor grow taller than
        // their text (the stretches, not the labels, take the spare height).
        // setSizePolicy replaces the height-for-width flag that setWordWrap set: set it again.
        QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        label->setSizePolicy(policy);
        label->setMinimumWidth(120);
    }
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_explanation->setObjectName(QStringLiteral("emptyStateExplanation"));
    m_hint->setObjectName(QStringLiteral("emptyStateHint"));
    m_explanation->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setVisible(!hint.isEmpty());
    updateFonts();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kMinMargin, kMinMargin, kMinMargin, kMinMargin);
    layout->setSpacing(8);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_explanation);
    layout->addSpacing(4);
    layout->addWidget(m_hint);
    layout->addStretch(2); // a little above centre, where the eye lands first

    setAccessibleName(title);
    setAccessibleDescription(explanation);
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::explanation() const
{
    return m_explanation->text();
}

QString EmptyState::hint() const
{
    return m_hint->text();
}

void EmptyState::setHint(const QString& hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

void EmptyState::resizeEvent(QResizeEvent* event)
{
    // Lines of more than ~80 characters are hard to read: keep the text in a centred column.
    const int side = qMax(kMinMargin, (event->size().width() - kMaxTextWidth) / 2);
    layout()->setContentsMargins(side, kMinMargin, side, kMinMargin);
    QWidget::resizeEvent(event);
}

void EmptyState::changeEvent(QEvent* event)
{
    // Kiosk mode and the user's font settings change the base font: keep the title proportionate.
    if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void EmptyState::updateFonts()
{
    QFont titleFont = font();
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    else
        titleFont.setPixelSize(titleFont.pixelSize() * 5 / 4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont hintFont = font();
    hintFont.setItalic(true);
    m_hint->setFont(hintFont);
}

} // namespace wf::ui
