#pragma once

#include "signalstore/SignalQueries.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace wf::items {
class LogListModel;
}
namespace wf::live {
class LiveLogFeed;
}

namespace wf::ui {

// The live log list: a search field (full-text, through the store's index), a Pause toggle that
// holds the rows still for reading, and a table of records, newest on top, one line each.
class LogListView : public QWidget
{
    Q_OBJECT
public:
    LogListView(items::LogListModel* model, live::LiveLogFeed* feed, QWidget* parent = nullptr);

    void focusSearch();
    QLineEdit* searchField() const { return m_search; }
    QToolButton* pauseButton() const { return m_pause; }
    QTableView* table() const { return m_table; }
    QAction* pinAction() const { return m_pin; }

Q_SIGNALS:
    // The selected line, to be pinned to the active incident as evidence.
    void pinRequested(const wf::signalstore::LogRow& row);

private:
    void updateStatus();

    items::LogListModel* m_model;
    live::LiveLogFeed* m_feed;
    QLineEdit* m_search;
    QToolButton* m_pause;
    QLabel* m_status;
    QTableView* m_table;
    QAction* m_pin;
    QString m_error;
};

} // namespace wf::ui
