#pragma once

// Log patterns of the lines in view: a table (count, sparkline of the pattern's volume over time, a
// "new" marker for patterns first seen after the incident started, the template), and below it the
// stack traces grouped by their top frames. Feed it with a finished LogPatterns (built off the UI
// thread by the caller).

#include "logs/LogPatterns.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTableWidget;

namespace wf::logs {
class LogPatternModel;
}

namespace wf::ui {

class LogPatternsView : public QWidget
{
    Q_OBJECT
public:
    explicit LogPatternsView(QWidget* parent = nullptr);

    void setPatterns(const logs::LogPatterns& patterns);

    QTableView* table() const { return m_table; }
    QTableWidget* stackTable() const { return m_stacks; }
    logs::LogPatternModel* model() const { return m_model; }

Q_SIGNALS:
    // Double-click on a pattern: the caller filters the log view to it.
    void patternActivated(const QString& patternText);

private:
    logs::LogPatternModel* m_model;
    QLabel* m_summary;
    QTableView* m_table;
    QTableWidget* m_stacks;
};

} // namespace wf::ui
