#pragma once

// The chrome around one panel on the DashboardGrid: a title strip to drag it by, the panel's own
// widget, and a resize grip in the bottom-right corner. It only reports the gestures; the grid turns
// them into grid operations of the model.

#include <QFrame>
#include <QPoint>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace wf::ui {

class PanelFrame : public QFrame
{
    Q_OBJECT

public:
    static constexpr int kTitleHeight = 24;
    static constexpr int kGripSize = 12;

    PanelFrame(int panelId, const QString& title, const QString& description, QWidget* content,
               QWidget* parent = nullptr);

    int panelId() const { return m_panelId; }
    QWidget* content() const { return m_content; }
    QToolButton* editButton() const { return m_edit; }

Q_SIGNALS:
    // Positions in the parent's (the grid's) coordinates.
    void dragMoved(int panelId, QPoint topLeft);
    void dragFinished(int panelId);
    void resizeMoved(int panelId, QPoint bottomRight);
    void resizeFinished(int panelId);
    // Keyboard: Ctrl+arrows move by one grid cell, Ctrl+Shift+arrows resize.
    void stepRequested(int panelId, int dx, int dy, bool resize);
    // E, a double-click on the title, the title's edit button or the context menu: open the editor.
    void editRequested(int panelId);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    enum class Gesture { None, Move, Resize };
    bool inGrip(QPoint pos) const;

    int m_panelId;
    QWidget* m_content;
    QLabel* m_title;
    QToolButton* m_edit;
    Gesture m_gesture = Gesture::None;
    QPoint m_pressOffset;
};

} // namespace wf::ui
