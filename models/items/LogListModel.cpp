#include "LogListModel.h"

#include "NewestFirst.h"

#include <QCoreApplication>
#include <QDateTime>

namespace wf::items {

LogLevel logLevelOf(int severityNumber)
{
    if (severityNumber <= 0 || severityNumber > 24)
        return LogLevel::Unspecified;
    return LogLevel(1 + (severityNumber - 1) / 4);
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return QStringLiteral("TRACE");
    case LogLevel::Debug:
        return QStringLiteral("DEBUG");
    case LogLevel::Info:
        return QStringLiteral("INFO");
    case LogLevel::Warn:
        return QStringLiteral("WARN");
    case LogLevel::Error:
        return QStringLiteral("ERROR");
    case LogLevel::Fatal:
        return QStringLiteral("FATAL");
    case LogLevel::Unspecified:
        break;
    }
    return {};
}

namespace {

QString firstLine(const QString& text)
{
    const qsizetype nl = text.indexOf(QLatin1Char('\n'));
    return nl < 0 ? text : text.left(nl) + QStringLiteral(" …");
}

QString levelText(const signalstore::LogRow& r)
{
    // The sender's own spelling wins ("Warning", "E"); the number is the fallback.
    return r.severityText.isEmpty() ? logLevelName(logLevelOf(r.severityNumber)) : r.severityText;
}

} // namespace

int LogListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const signalstore::LogRow& r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(r.timeNs / 1'000'000)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelText(r);
        case ServiceColumn:
            return r.service;
        case BodyColumn:
            return firstLine(r.body);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(r.timeNs / 1'000'000).toString(Qt::ISODateWithMs);
        if (index.column() == BodyColumn) {
            QString tip = r.body;
            if (r.traceId.isValid())
                tip += QLatin1Char('\n') +
                       QCoreApplication::translate("LogListModel", "Trace: %1").arg(r.traceId.toHex());
            return tip;
        }
        return {};
    case LevelRole:
        return int(logLevelOf(r.severityNumber));
    case TimeNsRole:
        return r.timeNs;
    case TraceIdRole:
        return r.traceId.isValid() ? r.traceId.toHex() : QString();
    case RowIdRole:
        return r.id;
    default:
        return {};
    }
}

QVariant LogListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return QCoreApplication::translate("LogListModel", "Time");
    case LevelColumn:
        return QCoreApplication::translate("LogListModel", "Level");
    case ServiceColumn:
        return QCoreApplication::translate("LogListModel", "Service");
    case BodyColumn:
        return QCoreApplication::translate("LogListModel", "Message");
    }
    return {};
}

void LogListModel::setRows(std::vector<signalstore::LogRow> rows)
{
    // Log records never change once stored: fresh ones on top and the tail cut is all there is.
    replaceNewestFirst(rows, [](const signalstore::LogRow& r) { return r.id; });
}

void LogListModel::clear()
{
    setRows({});
}

} // namespace wf::items
