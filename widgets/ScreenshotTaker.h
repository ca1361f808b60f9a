#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QTimer>

#include <chrono>

class QWidget;

namespace wf::ui {

struct ScreenshotResult
{
    bool ok = false;
    QString path;  // absolute path written (or attempted)
    QSize size;    // pixels of the saved image
    QString error; // translated, when !ok
};

// Renders a widget (usually the main window) to a PNG. Used by --screenshot, File → Save screenshot
// and the tests. The widget is rendered with QWidget::grab(), which works on the offscreen platform
// and needs no window manager.
class ScreenshotTaker : public QObject
{
    Q_OBJECT

public:
    // Captures now.
    static ScreenshotResult capture(QWidget* widget, const QString& path);

    // Captures once, delay after start(), from the event loop (no nested loop), then emits finished.
    ScreenshotTaker(QWidget* widget, const QString& path, std::chrono::milliseconds delay,
                    QObject* parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(const wf::ui::ScreenshotResult& result);

private:
    void takeNow();

    QPointer<QWidget> m_widget;
    QString m_path;
    QTimer m_timer;
};

} // namespace wf::ui
