#include "CentralTabs.h"

#include "dashboards/DashboardArea.h"
#include "logs/LogFileView.h"
#include "mainwindow/MainWindow.h"
#include "traces/TraceCompareView.h"
#include "traces/TraceLogsView.h"
#include "traces/TraceSearchView.h"
#include "waterfall/TraceView.h"

#include <QKeyEvent>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>

namespace wf::app {
namespace {

// Sees the Escape presses no child used (key events travel up to the page) and closes the page's tab
// once the event is over.
class EscapeClosesTab : public QObject
{
public:
    EscapeClosesTab(QWidget* page, ui::DashboardArea* area)
        : QObject(page)
        , m_page(page)
        , m_area(area)
    {
        page->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_page && event->type() == QEvent::KeyPress &&
            static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape &&
            static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
            QTimer::singleShot(0, m_area, [page = QPointer<QWidget>(m_page), area = m_area] {
                if (page && area)
                    area->removeDashboard(page);
            });
            return true;
        }
        return false;
    }

private:
    QWidget* m_page;
    QPointer<ui::DashboardArea> m_area;
};

template<typename View>
View* centralTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                 const QString& toolTip)
{
    ui::DashboardArea* area = window->dashboards();
    QTabWidget* tabs = area->tabs();
    View* view = nullptr;
    for (int i = 0; i < tabs->count() && !view; ++i) {
        if (tabs->widget(i)->objectName() == objectName)
            view = qobject_cast<View*>(tabs->widget(i));
    }
    if (!view) {
        view = new View;
        view->setObjectName(objectName);
        new EscapeClosesTab(view, area);
        area->addDashboard(view, title);
    }
    const int index = tabs->indexOf(view);
    tabs->setTabText(index, title);
    tabs->setTabToolTip(index, toolTip);
    tabs->setCurrentIndex(index);
    return view;
}

} // namespace

ui::TraceView* traceTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                        const QString& toolTip)
{
    return centralTab<ui::TraceView>(window, objectName, title, toolTip);
}

ui::TraceSearchView* traceSearchTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                                    const QString& toolTip)
{
    return centralTab<ui::TraceSearchView>(window, objectName, title, toolTip);
}

ui::TraceCompareView* traceCompareTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                                      const QString& toolTip)
{
    return centralTab<ui::TraceCompareView>(window, objectName, title, toolTip);
}

ui::TraceLogsView* traceLogsTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                                const QString& toolTip)
{
    return centralTab<ui::TraceLogsView>(window, objectName, title, toolTip);
}

ui::LogFileView* logFileTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                            const QString& toolTip)
{
    return centralTab<ui::LogFileView>(window, objectName, title, toolTip);
}

} // namespace wf::app
