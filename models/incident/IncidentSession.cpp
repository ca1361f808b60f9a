#include "IncidentSession.h"

#include "incident/EvidenceStore.h"
#include "items/TimelineModel.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace wf::incident {

IncidentSession::IncidentSession(QObject* parent)
    : QObject(parent)
    , m_timeline(new TimelineModel(this))
{}

IncidentSession::~IncidentSession() = default;

void IncidentSession::setWorkspace(Workspace* workspace)
{
    ++m_generation;
    m_workspace = workspace;
    m_store = workspace ? std::make_unique<TimelineStore>(*workspace) : nullptr;
    m_incidents.clear();
    m_activeId = 0;
    m_lastSeq = 0;
    m_timeline->clear();
    Q_EMIT incidentsChanged();
    Q_EMIT activeIncidentChanged();
    if (!m_store)
        return;
    reloadIncidents();
    const quint64 generation = m_generation;
    m_store->verify(0, this, [this, generation](const ReadResult& r, const QList<ChainReport>& reports) {
        if (generation != m_generation)
            return;
        QStringList problems;
        if (!r.ok)
            problems << r.error;
        for (const ChainReport& c : reports) {
            if (!c.ok)
                problems << c.message;
        }
        Q_EMIT integrityChecked(problems);
    });
}

bool IncidentSession::canWrite() const
{
    return m_workspace && !m_workspace->isReadOnly();
}

std::optional<Incident> IncidentSession::activeIncident() const
{
    for (const Incident& i : m_incidents) {
        if (i.id == m_activeId)
            return i;
    }
    return std::nullopt;
}

void IncidentSession::setActiveIncident(qint64 id)
{
    if (id == m_activeId)
        return;
    m_activeId = id;
    m_lastSeq = 0;
    m_timeline->clear();
    Q_EMIT activeIncidentChanged();
    fetchNewEvents();
}

void IncidentSession::reloadIncidents(qint64 activate)
{
    if (!m_store)
        return;
    const quint64 generation = m_generation;
    m_store->incidents(this, [this, generation, activate](const ReadResult& r, const QList<Incident>& list) {
        if (generation != m_generation)
            return;
        if (!r.ok) {
            Q_EMIT failed(r.error);
            return;
        }
        m_incidents = list;
        Q_EMIT incidentsChanged();
        qint64 next = activate ? activate : m_activeId;
        if (!next) {
            // The newest unresolved incident is the one people are working on.
            for (const Incident& i : list) {
                if (i.status != Status::Resolved)
                    next = i.id;
            }
            // A read-only file (an exported incident) is opened to review what is in it, resolved or not.
            if (!next && !canWrite() && !list.isEmpty())
                next = list.constLast().id;
        }
        if (next != m_activeId)
            setActiveIncident(next);
        else
            Q_EMIT activeIncidentChanged(); // its status, severity or roles may have changed
        fetchNewEvents();
    });
}

void IncidentSession::fetchNewEvents()
{
    if (!m_store || !m_activeId)
        return;
    const quint64 generation = m_generation;
    const qint64 active = m_activeId;
    TimelineFilter f;
    f.incidentId = active;
    f.afterSeq = m_lastSeq;
    m_store->events(f, this,
                    [this, generation, active](const ReadResult& r, const QList<TimelineEvent>& events) {
                        if (generation != m_generation || active != m_activeId)
                            return;
                        if (!r.ok) {
                            Q_EMIT failed(r.error);
                            return;
                        }
                        if (!events.isEmpty())
                            m_lastSeq = qMax(m_lastSeq, events.constLast().seq);
                        m_timeline->append(events);
                    });
}

void IncidentSession::afterWrite(const WriteResult& r)
{
    if (!r.ok) {
        Q_EMIT failed(r.error);
        return;
    }
    reloadIncidents();
}

void IncidentSession::declare(const IncidentDraft& draft)
{
    if (!m_store)
        return;
    const quint64 generation = m_generation;
    m_store->declare(draft, m_author, this, [this, generation](const WriteResult& r, qint64 id) {
        if (generation != m_generation)
            return;
        if (!r.ok) {
            Q_EMIT failed(r.error);
            return;
        }
        reloadIncidents(id);
    });
}

void IncidentSession::addNote(const QString& text)
{
    if (!m_store || !m_activeId || text.trimmed().isEmpty())
        return;
    TimelineEvent ev;
    ev.incidentId = m_activeId;
    ev.kind = EventKind::Note;
    ev.author = m_author;
    ev.payload = QJsonObject{{QStringLiteral("text"), text.trimmed()}};
    const quint64 generation = m_generation;
    m_store->append(ev, this, [this, generation](const WriteResult& r, const TimelineEvent& saved) {
        if (generation != m_generation)
            return;
        afterWrite(r);
        if (r.ok)
            Q_EMIT noteSaved(saved);
    });
}

void IncidentSession::changeStatus(Status to, const QString& reason)
{
    if (!m_store || !m_activeId)
        return;
    const quint64 generation = m_generation;
    m_store->changeStatus(m_activeId, to, m_author, reason, this,
                          [this, generation](const WriteResult& r, const TimelineEvent&) {
                              if (generation == m_generation)
                                  afterWrite(r);
                          });
}

void IncidentSession::changeSeverity(Severity to)
{
    if (!m_store || !m_activeId)
        return;
    const quint64 generation = m_generation;
    m_store->changeSeverity(m_activeId, to, m_author, this,
                            [this, generation](const WriteResult& r, const TimelineEvent&) {
                                if (generation == m_generation)
                                    afterWrite(r);
                            });
}

void IncidentSession::pinEvidence(EvidenceKind kind, const QString& title, const QByteArray& png,
                                  const QJsonObject& data)
{
    if (!m_store || !m_activeId)
        return;
    EvidenceDraft draft;
    draft.incidentId = m_activeId;
    draft.kind = kind;
    draft.title = title;
    draft.png = png;
    draft.data = data;
    draft.author = m_author;
    const quint64 generation = m_generation;
    EvidenceStore(*m_workspace)
        .pin(draft, this,
             [this, generation](const WriteResult& r, const Evidence& saved, const TimelineEvent&) {
                 if (generation != m_generation)
                     return;
                 afterWrite(r);
                 if (r.ok)
                     Q_EMIT evidencePinned(saved);
             });
}

void IncidentSession::pinPanel(const QString& title, const QByteArray& png, const QJsonObject& data)
{
    pinEvidence(EvidenceKind::Panel, title, png, data);
}

} // namespace wf::incident
