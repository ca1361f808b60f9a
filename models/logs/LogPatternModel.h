#pragma once

// Log patterns as a table: count, trend (the per-pattern histogram, for a sparkline delegate), a "new"
// marker and the template. Fed with a snapshot (setPatterns), most frequent first; sorting and
// filtering belong in a proxy.

#include "logs/LogPatterns.h"

#include <QAbstractTableModel>

#include <vector>

namespace wf::logs {

class LogPatternModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CountColumn, TrendColumn, NewColumn, PatternColumn, ColumnCount };
    enum Role {
        HistogramRole = Qt::UserRole + 1, // QList<int>: counts per bucket
        IsNewRole,                        // bool
        CountRole,                        // qint64, for sorting
    };

    explicit LogPatternModel(QObject* parent = nullptr);

    void setPatterns(std::vector<LogPattern> patterns); // any order; shown by count
    const LogPattern& patternAt(int row) const { return m_patterns[std::size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<LogPattern> m_patterns;
};

} // namespace wf::logs
