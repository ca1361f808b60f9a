#pragma once

#include <QObject>
#include <QPointer>

namespace wf {
class SourcesController;
}

namespace wf::ui {
class SourcesDock;
}

namespace wf::app {

// Connects the Sources dock to the sources controller: opens the add/edit dialog, asks before a
// removal, and shows a failed save, so neither side knows about the other.
class SourcesPresenter : public QObject
{
    Q_OBJECT

public:
    SourcesPresenter(ui::SourcesDock* dock, SourcesController* controller, bool interactive,
                     QObject* parent = nullptr);

    // Follows the open workspace: a read-only one cannot be changed.
    void workspaceChanged();

private:
    void add();
    void edit(const QString& name);
    void remove(const QString& name);
    void showError(const QString& message);

    QPointer<ui::SourcesDock> m_dock;
    SourcesController* m_controller;
    bool m_interactive;
};

} // namespace wf::app
