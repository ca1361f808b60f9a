#pragma once
// The stored-log view: search (full text, regular expression or substring) and field filters
// (service, minimum level, attribute) above a volume histogram by level, the lines (virtualised: only
// the visible window is ever read), and the selected line's details with its JSON fields. Its time
// range follows the dashboard's through setTimeRange().
#include "logs/LogLineText.h"
#include "telemetry/Ids.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace wf::logs {
class LogViewModel;
}
namespace wf::signalstore {
class LogBrowser;
struct LogRow;
} // namespace wf::signalstore

namespace wf::ui {

class LogHistogramWidget;
class LogRowsView;

class LogBrowserView : public QWidget
{
    Q_OBJECT
public:
    explicit LogBrowserView(QWidget* parent = nullptr);

    void setBrowser(signalstore::LogBrowser* browser); // not owned
    // The dashboard's time range (0 and kNoLimitNs: everything).
    void setTimeRange(qint64 fromNs, qint64 toNs);
    // Applies the search field now (typing applies it after a short pause).
    void applySearch();
    // Puts `text` in the search field with `mode` and applies it (e.g. a pattern's lines).
    void search(const QString& text, logs::LogSearchMode mode);
    void applyFilters();
    void focusSearch();

    logs::LogViewModel* model() const { return m_model; }
    LogRowsView* rowsView() const { return m_rows; }
    LogHistogramWidget* histogram() const { return m_histogram; }
    QLineEdit* searchField() const { return m_search; }
    QComboBox* modeBox() const { return m_mode; }
    QLineEdit* serviceField() const { return m_services; }
    QComboBox* levelBox() const { return m_level; }
    QLineEdit* attributeField() const { return m_attribute; }
    QToolButton* wrapButton() const { return m_wrap; }
    // Checked: while the newest lines are on screen and the view is shown, new lines come in every
    // kFollowMs (LogViewModel::followNewest); unchecked or scrolled away: paused.
    QToolButton* followButton() const { return m_follow; }
    static constexpr int kFollowMs = 2000;
    QPlainTextEdit* details() const { return m_details; }
    QString statusText() const;

Q_SIGNALS:
    void openTraceRequested(const wf::telemetry::TraceId& traceId);

private:
    void showDetails(const signalstore::LogRow& row);
    void updateStatus();

    logs::LogViewModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_mode;
    QLineEdit* m_services;
    QComboBox* m_level;
    QLineEdit* m_attribute;
    QToolButton* m_wrap;
    QToolButton* m_follow;
    QLabel* m_status;
    LogHistogramWidget* m_histogram;
    LogRowsView* m_rows;
    QPlainTextEdit* m_details;
    QString m_error;
};

} // namespace wf::ui
