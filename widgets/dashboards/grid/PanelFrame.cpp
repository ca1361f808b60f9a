#include "PanelFrame.h"

#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

PanelFrame::PanelFrame(int panelId, const QString& title, const QString& description, QWidget* content,
                       QWidget* parent)
    : QFrame(parent)
    , m_panelId(panelId)
    , m_content(content)
    , m_title(new QLabel(this))
    , m_edit(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    // Titles come from dashboard files: plain text, never rich text.
    m_title->setTextFormat(Qt::PlainText);
    m_title->setText(title);
    m_title->setFixedHeight(kTitleHeight);
    m_title->setIndent(6);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setCursor(Qt::OpenHandCursor);
    m_title->setToolTip(
        description.isEmpty()
            ? tr("Drag to move; Ctrl+arrows move, Ctrl+Shift+arrows resize; E or double-click edits")
            : description.toHtmlEscaped() + QStringLiteral("<br><br>") +
                  tr("Drag to move; Ctrl+arrows move, Ctrl+Shift+arrows resize; E or double-click edits"));
    m_title->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 0, 1, kGripSize / 2);
    layout->setSpacing(0);
    m_edit->setObjectName(QStringLiteral("editPanel"));
    m_edit->setText(tr("Edit"));
    m_edit->setAutoRaise(true);
    m_edit->setFixedHeight(kTitleHeight - 2);
    m_edit->setToolTip(tr("Edit the panel's queries, legend, unit and thresholds (E, or double-click the "
                          "title)"));
    m_edit->setFocusPolicy(Qt::NoFocus);
    connect(m_edit, &QToolButton::clicked, this, [this] { emit editRequested(m_panelId); });
    auto* strip = new QHBoxLayout;
    strip->setContentsMargins(0, 0, 2, 0);
    strip->addWidget(m_title, 1);
    strip->addWidget(m_edit);
    layout->addLayout(strip);
    if (m_content) {
        m_content->setParent(this);
        layout->addWidget(m_content, 1);
    }
    setAccessibleName(title);
}

bool PanelFrame::inGrip(QPoint pos) const
{
    return pos.x() >= width() - kGripSize && pos.y() >= height() - kGripSize;
}

void PanelFrame::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QFrame::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    if (inGrip(pos))
        m_gesture = Gesture::Resize;
    else if (pos.y() < kTitleHeight)
        m_gesture = Gesture::Move;
    else
        return QFrame::mousePressEvent(event);
    m_pressOffset = pos;
    setFocus(Qt::MouseFocusReason);
    event->accept();
}

void PanelFrame::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint inParent = mapToParent(event->position().toPoint());
    if (m_gesture == Gesture::Move)
        emit dragMoved(m_panelId, inParent - m_pressOffset);
    else if (m_gesture == Gesture::Resize)
        emit resizeMoved(m_panelId, inParent);
    else
        setCursor(inGrip(event->position().toPoint()) ? Qt::SizeFDiagCursor : Qt::ArrowCursor);
}

void PanelFrame::mouseReleaseEvent(QMouseEvent* event)
{
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    if (gesture == Gesture::Move)
        emit dragFinished(m_panelId);
    else if (gesture == Gesture::Resize)
        emit resizeFinished(m_panelId);
    else
        QFrame::mouseReleaseEvent(event);
}

void PanelFrame::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && event->position().y() < kTitleHeight) {
        m_gesture = Gesture::None;
        emit editRequested(m_panelId);
        event->accept();
        return;
    }
    QFrame::mouseDoubleClickEvent(event);
}

void PanelFrame::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    QAction* edit = menu.addAction(tr("&Edit panel…"));
    edit->setShortcut(QKeySequence(Qt::Key_E));
    edit->setToolTip(tr("Edit the panel's queries, legend, unit and thresholds"));
    connect(edit, &QAction::triggered, this, [this] { emit editRequested(m_panelId); });
    menu.exec(event->globalPos());
}

void PanelFrame::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_E && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        emit editRequested(m_panelId);
        event->accept();
        return;
    }
    if (!(event->modifiers() & Qt::ControlModifier))
        return QFrame::keyPressEvent(event);
    const bool resize = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        emit stepRequested(m_panelId, -1, 0, resize);
        break;
    case Qt::Key_Right:
        emit stepRequested(m_panelId, 1, 0, resize);
        break;
    case Qt::Key_Up:
        emit stepRequested(m_panelId, 0, -1, resize);
        break;
    case Qt::Key_Down:
        emit stepRequested(m_panelId, 0, 1, resize);
        break;
    default:
        return QFrame::keyPressEvent(event);
    }
    event->accept();
}

void PanelFrame::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    const QColor ink = palette().color(hasFocus() ? QPalette::Highlight : QPalette::Mid);
    p.setPen(QPen(ink, 1));
    // Three diagonal strokes: the usual resize grip.
    const int r = width() - 3;
    const int b = height() - 3;
    for (int i = 1; i <= 3; ++i)
        p.drawLine(r - i * 3, b, r, b - i * 3);
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

} // namespace wf::ui
