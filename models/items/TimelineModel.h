#pragma once
// The active incident's timeline as a table (time, kind, author, what happened), oldest first, for the
// Incident dock; events only ever arrive at the end, as the timeline only ever grows.
#include "incident/TimelineEvent.h"

#include <QAbstractTableModel>
#include <QList>

namespace wf {

class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, KindColumn, AuthorColumn, WhatColumn, ColumnCount };
    enum Role {
        SeqRole = Qt::UserRole + 1,
        KindRole,       // int, incident::EventKind
        TimeMsRole,     // qint64, UTC ms
        SearchTextRole, // everything a search may match, in one string
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    // Events with a seq not above the last one held are ignored (a refresh may overlap).
    void append(const QList<incident::TimelineEvent>& events);
    const QList<incident::TimelineEvent>& events() const { return m_events; }

    // Times are shown in UTC (what everyone on the call shares) unless local is asked for.
    void setShowLocalTime(bool local);
    bool showLocalTime() const { return m_local; }

private:
    QList<incident::TimelineEvent> m_events;
    QList<QString> m_text; // describeEvent, computed once per event
    bool m_local = false;
};

} // namespace wf
