#pragma once
// The rows of the stored-log view, painted from LogViewModel's window: time, level (coloured),
// service, message with the search's matches highlighted. Text is laid out with QTextLayout as plain
// text (never rich text); messages are cut at 4,000 characters on screen (copy takes the whole line).
// The scroll bar is a position in time (or in the match list), not a row count: dragging it asks the
// model for one screen at that point.
#include "signalstore/SignalQueries.h"
#include "telemetry/Ids.h"

#include <QAbstractScrollArea>
#include <QFont>
#include <QHash>
#include <QList>

#include <array>

class QAction;

namespace wf::logs {
class LogViewModel;
}

namespace wf::ui {

class LogRowsView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LogRowsView(logs::LogViewModel* model, QWidget* parent = nullptr);

    void setWrap(bool wrap);
    bool wraps() const { return m_wrap; }
    int lineHeight() const;

    int currentRow() const { return m_current; }
    void setCurrentRow(int row);
    QString copyText() const; // the current line as copied
    // Where the last paint put each row, and its highlighted parts (for tests and hit testing).
    QRect paintedRowRect(int row) const;
    QList<QRect> paintedHighlights(int row) const;
    int paintedRowCount() const { return int(m_painted.size()); }
    // Where messages start (after time, level and service); follows the font.
    int messageX() const { return columnX(3); }

    QAction* copyAction() const { return m_copy; }
    QAction* openTraceAction() const { return m_openTrace; }

Q_SIGNALS:
    void currentRowChanged(const wf::signalstore::LogRow& row);
    void openTraceRequested(const wf::telemetry::TraceId& traceId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void syncScrollBar();
    void updateActions();
    int columnX(int column) const;
    QString elidedService(const QString& service) const;

    logs::LogViewModel* m_model;
    bool m_wrap = false;
    int m_current = -1;
    bool m_syncing = false;
    struct Painted
    {
        QRect rect;
        QList<QRect> highlights;
    };
    std::vector<Painted> m_painted;
    mutable std::array<int, 4> m_columnX{};
    mutable QFont m_columnsFont;
    mutable QHash<QString, QString> m_elidedServices;
    QAction* m_copy;
    QAction* m_openTrace;
};

} // namespace wf::ui
