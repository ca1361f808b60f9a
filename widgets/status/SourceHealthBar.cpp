#include "status/SourceHealthBar.h"

#include "status/SourceHealthChip.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QLabel>

namespace wf::ui {

SourceHealthBar::SourceHealthBar(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_empty(new QLabel(tr("No data sources"), this))
{
    setObjectName(QStringLiteral("sourceHealthBar"));
    setAccessibleName(tr("Data source health"));
    // Many sources must not widen the window: the bar clips instead.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_empty->setObjectName(QStringLiteral("sourceHealthEmpty"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setToolTip(tr("Add data sources in the Sources panel (Alt+5); their health shows here."));
    m_layout->setContentsMargins(2, 0, 2, 0);
    m_layout->setSpacing(2);
    m_layout->addWidget(m_empty);
    m_layout->addStretch(1);
}

void SourceHealthBar::setModel(QAbstractItemModel* model)
{
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = model;
    if (model) {
        // Sources are few and chips are cheap: structural changes rebuild, data changes repaint rows.
        m_connections = {
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex& tl, const QModelIndex& br) {
                        if (!tl.parent().isValid())
                            updateRows(tl.row(), br.row());
                    }),
            connect(model, &QAbstractItemModel::rowsInserted, this, &SourceHealthBar::rebuild),
            connect(model, &QAbstractItemModel::rowsRemoved, this, &SourceHealthBar::rebuild),
            connect(model, &QAbstractItemModel::rowsMoved, this, &SourceHealthBar::rebuild),
            connect(model, &QAbstractItemModel::modelReset, this, &SourceHealthBar::rebuild),
            connect(model, &QAbstractItemModel::layoutChanged, this, &SourceHealthBar::rebuild),
            connect(model, &QObject::destroyed, this, [this] { setModel(nullptr); }),
        };
    }
    rebuild();
}

bool SourceHealthBar::showsEmptyText() const
{
    return !m_empty->isHidden();
}

void SourceHealthBar::rebuild()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    while (m_chips.size() > rows)
        delete m_chips.takeLast();
    while (m_chips.size() < rows) {
        auto* chip = new SourceHealthChip(this);
        chip->setObjectName(QStringLiteral("sourceHealthChip"));
        m_layout->insertWidget(m_layout->count() - 1, chip); // before the trailing stretch
        m_chips.append(chip);
    }
    m_empty->setVisible(rows == 0);
    if (rows > 0)
        updateRows(0, rows - 1);
}

void SourceHealthBar::updateRows(int first, int last)
{
    if (!m_model)
        return;
    last = qMin(last, int(m_chips.size()) - 1);
    for (int row = qMax(0, first); row <= last; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const int state = index.data(SourceHealthModel::StateRole).toInt();
        const auto health = state >= 0 && state <= 3 ? HealthState(state) : HealthState::Unknown;
        m_chips[row]->setSource(index.data(Qt::DisplayRole).toString(),
                                index.data(Qt::ToolTipRole).toString(), health,
                                index.data(SourceHealthModel::InsecureRole).toBool());
    }
}

} // namespace wf::ui
