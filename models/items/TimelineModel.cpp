#include "TimelineModel.h"

#include "incident/TimelineText.h"

#include <QDateTime>

namespace wf {

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const incident::TimelineEvent& e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC);
            // The header says which zone; the full date is in the tooltip.
            return (m_local ? t.toLocalTime() : t).toString(QStringLiteral("MM-dd HH:mm:ss"));
        }
        case KindColumn:
            return incident::eventKindName(e.kind);
        case AuthorColumn:
            return e.author;
        case WhatColumn:
            return m_text.at(index.row());
        }
        return {};
    case Qt::ToolTipRole:
        return tr("Event %1 by %2 at %3\n%4\nSHA-256 %5…")
            .arg(e.seq)
            .arg(e.author, QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC).toString(Qt::ISODateWithMs),
                 m_text.at(index.row()), QString::fromLatin1(e.hash.toHex().left(16)));
    case SeqRole:
        return e.seq;
    case KindRole:
        return int(e.kind);
    case TimeMsRole:
        return e.atMs;
    case SearchTextRole:
        return QString(e.author + QLatin1Char(' ') + incident::eventKindName(e.kind) + QLatin1Char(' ') +
                       m_text.at(index.row()));
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return m_local ? tr("Time (local)") : tr("Time (UTC)");
    case KindColumn:
        return tr("Kind");
    case AuthorColumn:
        return tr("Who");
    case WhatColumn:
        return tr("What happened");
    }
    return {};
}

void TimelineModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_text.clear();
    endResetModel();
}

void TimelineModel::append(const QList<incident::TimelineEvent>& events)
{
    const qint64 last = m_events.isEmpty() ? 0 : m_events.constLast().seq;
    QList<incident::TimelineEvent> fresh;
    for (const incident::TimelineEvent& e : events) {
        if (e.seq > last && (fresh.isEmpty() || e.seq > fresh.constLast().seq))
            fresh << e;
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_events.size()), int(m_events.size() + fresh.size() - 1));
    for (const incident::TimelineEvent& e : fresh) {
        m_events << e;
        m_text << incident::describeEvent(e);
    }
    endInsertRows();
}

void TimelineModel::setShowLocalTime(bool local)
{
    if (local == m_local)
        return;
    m_local = local;
    Q_EMIT headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
}

} // namespace wf
