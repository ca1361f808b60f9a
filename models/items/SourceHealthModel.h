#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QUrl>

namespace wf {

enum class HealthState { Unknown = 0, Up = 1, Degraded = 2, Down = 3 };

struct SourceHealth
{
    QString name;
    QString kind;
    QUrl url;
    bool insecureTls = false;
    HealthState state = HealthState::Unknown;
    QString message;       // last probe's outcome, human readable
    qint64 latencyMs = -1; // -1: never answered
    QDateTime checkedAt;
};

// One row per configured data source with its last known health. The status bar chips and the Sources
// dock bind to it; rows are keyed by source name (names are unique in the workspace).
class SourceHealthModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        StateRole = Qt::UserRole + 1,    // int, HealthState
        InsecureRole = Qt::UserRole + 2, // bool
        KindRole = Qt::UserRole + 3,
        UrlRole = Qt::UserRole + 4,
        MessageRole = Qt::UserRole + 5,
        LatencyRole = Qt::UserRole + 6,
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the set of sources, keeping the health of those that stay (a renamed or re-pointed
    // source starts Unknown again, since its old health says nothing about the new target).
    void setSources(const QList<SourceHealth>& sources);
    void updateHealth(const QString& name, HealthState state, const QString& message, qint64 latencyMs,
                      const QDateTime& checkedAt);
    const QList<SourceHealth>& sources() const { return m_rows; }

    static QString stateText(HealthState state);

private:
    QString toolTip(const SourceHealth& s) const;
    QList<SourceHealth> m_rows;
};

} // namespace wf
