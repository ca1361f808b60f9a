#pragma once
// The incidents of the open workspace and the one being worked on (the active incident): what the
// Incident dock shows and the actions it offers. Writes go through TimelineStore; the view follows
// only after the commit, so nothing is shown as saved that is not.
#include "incident/Evidence.h"
#include "incident/TimelineStore.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

namespace wf {
class TimelineModel;
}

namespace wf::incident {

class IncidentSession : public QObject
{
    Q_OBJECT

public:
    explicit IncidentSession(QObject* parent = nullptr);
    ~IncidentSession() override;

    // Null detaches. On attach, incidents are loaded, the newest unresolved one becomes active (in a
    // read-only workspace, the newest one if none is unresolved), and every timeline is verified
    // (integrityChecked).
    void setWorkspace(Workspace* workspace);
    bool canWrite() const;
    Workspace* workspace() const { return m_workspace; }

    // Who the timeline names as the author of what is done here.
    void setAuthor(const QString& author) { m_author = author; }
    const QString& author() const { return m_author; }

    const QList<Incident>& incidents() const { return m_incidents; }
    std::optional<Incident> activeIncident() const;
    void setActiveIncident(qint64 id);

    TimelineModel* timeline() const { return m_timeline; }
    // For writers beside the session (runbook runners); null without a workspace.
    TimelineStore* store() const { return m_store.get(); }

    void declare(const IncidentDraft& draft);
    void addNote(const QString& text);
    void changeStatus(Status to, const QString& reason = {});
    void changeSeverity(Severity to);
    // Pins evidence (a log line, a trace, a graph selection: its picture as PNG bytes, may be empty,
    // and its data) to the active incident; pinPanel is the same for a panel as it looks now.
    void pinEvidence(EvidenceKind kind, const QString& title, const QByteArray& png, const QJsonObject& data);
    void pinPanel(const QString& title, const QByteArray& png, const QJsonObject& data);
    // Reads what writers beside the session (runbook runners) committed to the active incident since
    // the last read, so the timeline shows it without waiting for the session's own next write.
    void fetchNewEvents();

Q_SIGNALS:
    void incidentsChanged();
    void activeIncidentChanged();
    void noteSaved(const wf::incident::TimelineEvent& event);
    void evidencePinned(const wf::incident::Evidence& evidence);
    // A write was refused or failed; nothing changed. The message is for the user.
    void failed(const QString& message);
    // After attaching: empty when every timeline is intact, else one message per broken chain.
    void integrityChecked(const QStringList& problems);

private:
    void reloadIncidents(qint64 activate = 0);
    void afterWrite(const WriteResult& r);

    std::unique_ptr<TimelineStore> m_store;
    Workspace* m_workspace = nullptr;
    QString m_author;
    QList<Incident> m_incidents;
    qint64 m_activeId = 0;
    qint64 m_lastSeq = 0;
    quint64 m_generation = 0;
    TimelineModel* m_timeline;
};

} // namespace wf::incident
