#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace wf::receiver {
class ReceiverStatsModel;
}

namespace wf::ui {

// Watchfloor's own OTLP receiver at a glance: where it listens, and its counters (accepted per
// signal, rejected by reason, bytes, items per service) from a ReceiverStatsModel.
class ReceiverStatsView : public QWidget
{
    Q_OBJECT
public:
    explicit ReceiverStatsView(receiver::ReceiverStatsModel* model, QWidget* parent = nullptr);

    void setEndpoint(const QString& text, const QString& tooltip);
    QString endpointText() const;
    QTableView* table() const { return m_table; }

private:
    QLabel* m_endpoint;
    QTableView* m_table;
};

} // namespace wf::ui
