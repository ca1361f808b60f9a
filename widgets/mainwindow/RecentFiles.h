#pragma once

#include <QStringList>

class QSettings;

namespace wf::ui {

// Most recently opened files first, kept in QSettings, at most maxCount, without duplicates.
class RecentFiles
{
public:
    explicit RecentFiles(QSettings* settings, int maxCount = 10);

    QStringList files() const;
    void add(const QString& path);
    void clear();

private:
    QSettings* m_settings;
    int m_maxCount;
};

} // namespace wf::ui
