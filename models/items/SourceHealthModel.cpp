#include "SourceHealthModel.h"

namespace wf {

int SourceHealthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SourceHealthModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceHealth& s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return s.name;
    case Qt::ToolTipRole:
        return toolTip(s);
    case StateRole:
        return int(s.state);
    case InsecureRole:
        return s.insecureTls;
    case KindRole:
        return s.kind;
    case UrlRole:
        return s.url;
    case MessageRole:
        return s.message;
    case LatencyRole:
        return s.latencyMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> SourceHealthModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(StateRole, "state");
    names.insert(InsecureRole, "insecure");
    names.insert(KindRole, "kind");
    names.insert(UrlRole, "url");
    names.insert(MessageRole, "message");
    names.insert(LatencyRole, "latencyMs");
    return names;
}

void SourceHealthModel::setSources(const QList<SourceHealth>& sources)
{
    QList<SourceHealth> next = sources;
    for (SourceHealth& n : next) {
        for (const SourceHealth& old : std::as_const(m_rows)) {
            if (old.name == n.name && old.url == n.url && old.kind == n.kind) {
                n.state = old.state;
                n.message = old.message;
                n.latencyMs = old.latencyMs;
                n.checkedAt = old.checkedAt;
            }
        }
    }
    beginResetModel();
    m_rows = std::move(next);
    endResetModel();
}

void SourceHealthModel::updateHealth(const QString& name, HealthState state, const QString& message,
                                     qint64 latencyMs, const QDateTime& checkedAt)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        SourceHealth& s = m_rows[row];
        if (s.name != name)
            continue;
        s.state = state;
        s.message = message;
        s.latencyMs = latencyMs;
        s.checkedAt = checkedAt;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, {Qt::ToolTipRole, StateRole, MessageRole, LatencyRole});
        return;
    }
}

QString SourceHealthModel::stateText(HealthState state)
{
    switch (state) {
    case HealthState::Up:
        return tr("up");
    case HealthState::Degraded:
        return tr("degraded");
    case HealthState::Down:
        return tr("down");
    case HealthState::Unknown:
        break;
    }
    return tr("not checked yet");
}

QString SourceHealthModel::toolTip(const SourceHealth& s) const
{
    QString tip = tr("%1 (%2) at %3: %4").arg(s.name, s.kind, s.url.toDisplayString(), stateText(s.state));
    if (s.latencyMs >= 0)
        tip += QLatin1Char('\n') + tr("answered in %1 ms").arg(s.latencyMs);
    if (!s.message.isEmpty())
        tip += QLatin1Char('\n') + s.message;
    if (s.checkedAt.isValid())
        tip += QLatin1Char('\n') + tr("checked %1 UTC").arg(s.checkedAt.toUTC().toString(Qt::ISODate));
    if (s.insecureTls)
        tip += QLatin1Char('\n') + tr("TLS verification off: the server's identity is not checked.");
    return tip;
}

} // namespace wf
