#pragma once

#include "docks/PanelDock.h"

class QAbstractItemModel;
class QAction;
class QListView;
class QStackedWidget;

namespace wf::ui {

// The workspace's data sources with their health: a list (or, with none, an explanation) and the
// actions to add, edit, remove and re-check them. The dock only asks; the controller that owns the
// sources decides and saves.
class SourcesDock : public PanelDock
{
    Q_OBJECT

public:
    explicit SourcesDock(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model);
    // A read-only workspace shows its sources but offers no changes.
    void setEditable(bool editable);
    QString selectedSource() const;

    QAction* addAction() const { return m_add; }

Q_SIGNALS:
    void addRequested();
    void editRequested(const QString& name);
    void removeRequested(const QString& name);
    void checkNowRequested();

private:
    void updateState();

    QStackedWidget* m_stack;
    QListView* m_list;
    QAbstractItemModel* m_model = nullptr;
    QAction* m_add;
    QAction* m_edit;
    QAction* m_remove;
    QAction* m_check;
    bool m_editable = true;
};

} // namespace wf::ui
