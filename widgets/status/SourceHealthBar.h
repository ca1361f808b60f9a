#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;

namespace wf::ui {

class SourceHealthChip;

// The status bar's per-source health: one chip per row, or "No data sources" when there are none.
// Binds to any flat model with the roles of wf::SourceHealthModel (so tests can use a
// QStandardItemModel): DisplayRole name, ToolTipRole detail, UserRole + 1 HealthState as int,
// UserRole + 2 insecure TLS as bool. It only reads; the model decides when health changes.
class SourceHealthBar : public QWidget
{
    Q_OBJECT

public:
    explicit SourceHealthBar(QWidget* parent = nullptr);

    // The bar does not own the model; it lets go of it when the model is destroyed.
    void setModel(QAbstractItemModel* model);
    QAbstractItemModel* model() const { return m_model; }

    QList<SourceHealthChip*> chips() const { return m_chips; }
    bool showsEmptyText() const;

private:
    void rebuild();
    void updateRows(int first, int last);

    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    QHBoxLayout* m_layout;
    QLabel* m_empty;
    QList<SourceHealthChip*> m_chips;
};

} // namespace wf::ui
