#pragma once

// A log file opened from disk (`watchfloor app.log`): a summary line (or the reason it could not be
// read), the file's message patterns, and its lines, read-only and as plain text. Reading, parsing
// and clustering run on the thread pool; the view stays responsive on multi-gigabyte files.

#include <QWidget>

class QLabel;
class QListView;

namespace wf::ui {

class LogPatternsView;

class LogFileView : public QWidget
{
    Q_OBJECT
public:
    explicit LogFileView(QWidget* parent = nullptr);

    void openFile(const QString& path);

    QString summaryText() const;
    LogPatternsView* patternsView() const { return m_patterns; }
    QListView* linesView() const { return m_lines; }

Q_SIGNALS:
    void loaded();                       // the lines and patterns are shown
    void failed(const QString& message); // translated, names the file

private:
    QLabel* m_summary;
    LogPatternsView* m_patterns;
    QListView* m_lines;
    quint64 m_generation = 0;
};

} // namespace wf::ui
