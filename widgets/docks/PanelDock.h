#pragma once

#include <QDockWidget>

namespace wf::ui {

class EmptyState;

// Common ground of the main window's docks: a stable objectName (QMainWindow::saveState keys on it,
// so renaming one loses users' layouts), a translated title, and an empty state until the feature
// that fills the dock arrives. Each dock is its own subclass so features grow in their own files.
class PanelDock : public QDockWidget
{
    Q_OBJECT

public:
    EmptyState* emptyState() const { return m_emptyState; }
    // Replaces what the dock shows (the empty state, at first); null brings the empty state back.
    void setContent(QWidget* content);

protected:
    PanelDock(const QString& objectName, const QString& title, EmptyState* emptyState, QWidget* parent);

private:
    EmptyState* m_emptyState;
};

} // namespace wf::ui
