#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace wf::ui {

class EmptyState;

// The central area: dashboards as tabs, an empty state while there are none, and a notice banner
// above them for workspace-wide messages (demo mode, read-only incident files).
class DashboardArea : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardArea(QWidget* parent = nullptr);

    // Takes ownership of page; the empty state gives way to the tabs while there is at least one.
    int addDashboard(QWidget* page, const QString& title);
    int dashboardCount() const;
    void removeDashboard(QWidget* page); // deletes it; the empty state returns after the last one
    QTabWidget* tabs() const { return m_tabs; }
    EmptyState* emptyState() const { return m_empty; }

    // The tab to show first (--tab): the first one, open now or opened later, whose title starts with
    // `titlePrefix` (case-insensitive) becomes current once; later the user's choice stands.
    void setPreferredTab(const QString& titlePrefix);

    void showNotice(const QString& text); // empty text hides the banner
    QString notice() const;

private:
    void closeTab(int index);
    void updatePage();

    QLabel* m_banner;
    QStackedWidget* m_stack;
    EmptyState* m_empty;
    QTabWidget* m_tabs;
    QString m_preferredTab;
};

} // namespace wf::ui
