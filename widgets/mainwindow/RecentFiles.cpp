#include "mainwindow/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace wf::ui {
namespace {
const auto kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QSettings* settings, int maxCount)
    : m_settings(settings)
    , m_maxCount(maxCount)
{}

QStringList RecentFiles::files() const
{
    return m_settings ? m_settings->value(kKey).toStringList() : QStringList();
}

void RecentFiles::add(const QString& path)
{
    if (!m_settings || path.isEmpty())
        return;
    // Absolute, so the list still works when Watchfloor is started from another directory.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > m_maxCount)
        list.removeLast();
    m_settings->setValue(kKey, list);
}

void RecentFiles::clear()
{
    if (m_settings)
        m_settings->remove(kKey);
}

} // namespace wf::ui
