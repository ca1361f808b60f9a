#pragma once

// File ▸ Saved dashboards: the dashboards saved in the workspace, newest title order, to open as tabs
// or delete. It only lists and reports choices; the presenter loads and removes through the store.

#include "dashboard/DashboardStore.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace wf::ui {

class SavedDashboardsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SavedDashboardsDialog(const QList<dashboard::DashboardSummary>& dashboards,
                                   QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    QString selectedUid() const;
    void removeUid(const QString& uid); // after the store removed it

Q_SIGNALS:
    void openRequested(const QString& uid);
    void removeRequested(const QString& uid, const QString& title);

private:
    void updateButtons();

    QListWidget* m_list;
    QPushButton* m_open;
    QPushButton* m_remove;
};

} // namespace wf::ui
