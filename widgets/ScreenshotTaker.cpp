#include "ScreenshotTaker.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QWidget>

namespace wf::ui {

ScreenshotResult ScreenshotTaker::capture(QWidget* widget, const QString& path)
{
    ScreenshotResult r;
    r.path = QFileInfo(path).absoluteFilePath();
    if (!widget) {
        r.error = tr("There is no window to capture.");
        return r;
    }
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull()) {
        r.error = tr("The window could not be rendered.");
        return r;
    }
    QImageWriter writer(r.path, "png");
    if (!writer.write(pixmap.toImage())) {
        r.error = tr("Could not save the screenshot to %1: %2")
                      .arg(QDir::toNativeSeparators(r.path), writer.errorString());
        return r;
    }
    r.ok = true;
    r.size = pixmap.size();
    return r;
}

ScreenshotTaker::ScreenshotTaker(QWidget* widget, const QString& path, std::chrono::milliseconds delay,
                                 QObject* parent)
    : QObject(parent)
    , m_widget(widget)
    , m_path(path)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delay);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotTaker::takeNow);
}

void ScreenshotTaker::start()
{
    m_timer.start();
}

void ScreenshotTaker::takeNow()
{
    Q_EMIT finished(capture(m_widget, m_path));
}

} // namespace wf::ui
