#pragma once

// Trace and log views as tabs of the central area, beside the dashboards. A tab is found again by its
// object name, so the demo's "Trace" tab is reused for each trace opened from the list, while files
// from the command line get one tab each. Escape in a tab closes it (the find bar's Escape, while it
// is open, closes only the find bar).

#include <QString>

namespace wf::ui {
class LogFileView;
class TraceCompareView;
class TraceLogsView;
class TraceSearchView;
class MainWindow;
class TraceView;
} // namespace wf::ui

namespace wf::app {

ui::TraceView* traceTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                        const QString& toolTip);
ui::TraceSearchView* traceSearchTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                                    const QString& toolTip);
ui::TraceCompareView* traceCompareTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                                      const QString& toolTip);
ui::TraceLogsView* traceLogsTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                                const QString& toolTip);
ui::LogFileView* logFileTab(ui::MainWindow* window, const QString& objectName, const QString& title,
                            const QString& toolTip);

} // namespace wf::app
