#include "incident/IncidentPanel.h"

#include "incident/TimelineEvent.h"
#include "items/TimelineModel.h"
#include "theme/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

using incident::EventKind;
using incident::Severity;
using incident::Status;

// Filters on the kind role and on the search text across the whole event.
class TimelineFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    int kind = -1;
    QString text;

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (kind >= 0 && i.data(TimelineModel::KindRole).toInt() != kind)
            return false;
        return text.isEmpty() ||
               i.data(TimelineModel::SearchTextRole).toString().contains(text, Qt::CaseInsensitive);
    }
};

} // namespace

IncidentPanel::IncidentPanel(QWidget* parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("incidentTitle"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);

    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("incidentSeverity"));
    m_severity->setToolTip(tr("Severity; a change is written to the timeline"));
    for (Severity s : {Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4})
        m_severity->addItem(incident::severityName(s), int(s));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("incidentStatus"));
    m_status->setToolTip(tr("Status; a change is written to the timeline"));
    for (Status s : {Status::Investigating, Status::Identified, Status::Mitigated, Status::Resolved})
        m_status->addItem(incident::statusName(s), int(s));
    m_roles = new QLabel(this);
    m_roles->setObjectName(QStringLiteral("incidentRoles"));
    m_roles->setWordWrap(true);

    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("timelineKindFilter"));
    m_kindFilter->setToolTip(tr("Show only one kind of event"));
    m_kindFilter->addItem(tr("All events"), -1);
    for (EventKind k :
         {EventKind::Note, EventKind::StatusChange, EventKind::SeverityChange, EventKind::RoleChange,
          EventKind::AlertFired, EventKind::AlertResolved, EventKind::RunbookStepStarted,
          EventKind::RunbookStepFinished, EventKind::EvidencePinned, EventKind::Annotation,
          EventKind::ExternalLink, EventKind::Correction, EventKind::Declared})
        m_kindFilter->addItem(incident::eventKindName(k), int(k));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("timelineSearch"));
    m_search->setPlaceholderText(tr("Search the timeline"));
    m_search->setClearButtonEnabled(true);
    m_localTime = new QCheckBox(tr("Local time"), this);
    m_localTime->setToolTip(tr("Show times in this computer's time zone instead of UTC"));

    m_proxy = new TimelineFilterProxy(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setModel(m_proxy);
    m_view->setToolTip(tr("Double-click or press Enter on an event to show the dashboards around its time."));
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const qint64 at = index.data(TimelineModel::TimeMsRole).toLongLong();
        const QString what = index.siblingAtColumn(TimelineModel::WhatColumn).data().toString();
        if (at > 0)
            Q_EMIT eventActivated(at, what);
    });
    m_view->header()->setStretchLastSection(true);

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("noteField"));
    m_note->setPlaceholderText(tr("Add a note to the timeline and press Enter"));
    m_note->setToolTip(tr("Notes are saved durably before they show as saved (Ctrl+Shift+N from anywhere)"));
    m_noteState = new QLabel(this);
    m_noteState->setObjectName(QStringLiteral("noteState"));

    auto* header = new QHBoxLayout;
    header->addWidget(m_severity);
    header->addWidget(m_status);
    header->addStretch(1);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_kindFilter);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_localTime);
    auto* noteRow = new QHBoxLayout;
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_noteState);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(header);
    layout->addWidget(m_roles);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(noteRow);

    connect(m_note, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_note->text().trimmed();
        if (text.isEmpty())
            return;
        m_note->setEnabled(false); // until saved: one note at a time, never lost in the field
        m_noteState->setText(tr("Saving…"));
        Q_EMIT noteSubmitted(text);
    });
    connect(m_status, &QComboBox::activated, this, [this](int index) {
        if (!m_updating)
            Q_EMIT statusChangeRequested(Status(m_status->itemData(index).toInt()));
    });
    connect(m_severity, &QComboBox::activated, this, [this](int index) {
        if (!m_updating)
            Q_EMIT severityChangeRequested(Severity(m_severity->itemData(index).toInt()));
    });
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, &IncidentPanel::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &IncidentPanel::applyFilter);
    connect(m_localTime, &QCheckBox::toggled, this, &IncidentPanel::localTimeToggled);
}

void IncidentPanel::setTimelineModel(QAbstractItemModel* model)
{
    m_proxy->setSourceModel(model);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    // Newest at the bottom, where the note field is: follow it as events arrive.
    connect(model, &QAbstractItemModel::rowsInserted, m_view, [this] { m_view->scrollToBottom(); });
}

void IncidentPanel::setIncident(const std::optional<incident::Incident>& inc)
{
    m_updating = true;
    if (inc) {
        m_title->setText(inc->title);
        m_severity->setCurrentIndex(m_severity->findData(int(inc->severity)));
        m_status->setCurrentIndex(m_status->findData(int(inc->status)));
        QStringList roles;
        for (const auto& [role, person] : inc->roles)
            roles << tr("%1: %2").arg(role, person);
        m_roles->setText(roles.isEmpty() ? tr("No roles assigned") : roles.join(QStringLiteral(" · ")));
    }
    m_updating = false;
}

void IncidentPanel::setWritable(bool writable)
{
    m_note->setEnabled(writable);
    m_status->setEnabled(writable);
    m_severity->setEnabled(writable);
    m_noteState->setText(writable ? QString() : tr("Read-only"));
}

void IncidentPanel::focusNote()
{
    m_note->setFocus(Qt::ShortcutFocusReason);
    m_note->selectAll();
}

void IncidentPanel::noteSaved()
{
    m_note->clear();
    m_note->setEnabled(true);
    m_noteState->setText(tr("Saved"));
    m_noteState->setToolTip(QString());
    m_note->setFocus();
}

void IncidentPanel::noteFailed(const QString& message)
{
    // The text stays in the field, so nothing typed is lost.
    m_note->setEnabled(true);
    m_noteState->setText(tr("Not saved"));
    m_noteState->setToolTip(message);
}

void IncidentPanel::applyFilter()
{
    auto* proxy = static_cast<TimelineFilterProxy*>(m_proxy);
    proxy->kind = m_kindFilter->currentData().toInt();
    proxy->text = m_search->text();
    proxy->invalidate();
}

} // namespace wf::ui
