#include "logs/LogPatternModel.h"

#include <QDateTime>

#include <algorithm>

namespace wf::logs {

LogPatternModel::LogPatternModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void LogPatternModel::setPatterns(std::vector<LogPattern> patterns)
{
    std::stable_sort(patterns.begin(), patterns.end(),
                     [](const LogPattern& a, const LogPattern& b) { return a.count > b.count; });
    beginResetModel();
    m_patterns = std::move(patterns);
    endResetModel();
}

int LogPatternModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_patterns.size());
}

int LogPatternModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogPatternModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogPattern& p = m_patterns[std::size_t(index.row())];
    switch (role) {
    case HistogramRole: {
        QList<int> h;
        h.reserve(qsizetype(p.histogram.size()));
        for (quint32 c : p.histogram)
            h.append(int(std::min<quint32>(c, INT_MAX)));
        return QVariant::fromValue(h);
    }
    case IsNewRole:
        return p.isNew;
    case CountRole:
        return p.count;
    case Qt::DisplayRole:
        switch (index.column()) {
        case CountColumn:
            return QString::number(p.count);
        case NewColumn:
            return p.isNew ? tr("new") : QString();
        case PatternColumn:
            return p.text();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == NewColumn && p.isNew)
            return tr("First seen after the incident started");
        if (index.column() == PatternColumn)
            // Views show tooltips as rich text when they look like it: escape the log text so it is
            // always shown as written.
            return QString(QStringLiteral("<p style='white-space:pre'>") +
                           tr("Example: %1").arg(p.sample.left(300).toHtmlEscaped()) +
                           QStringLiteral("</p>"));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant LogPatternModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CountColumn:
        return tr("Count");
    case TrendColumn:
        return tr("Trend");
    case NewColumn:
        return tr("New");
    case PatternColumn:
        return tr("Pattern");
    default:
        return {};
    }
}

} // namespace wf::logs
