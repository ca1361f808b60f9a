#include "PostmortemPresenter.h"

#include "dashboards/DashboardArea.h"
#include "dialogs/PostmortemTemplateDialog.h"
#include "export/PostmortemExport.h"
#include "incident/IncidentFile.h"
#include "incident/IncidentSession.h"
#include "incident/postmortem/PostmortemData.h"
#include "incident/postmortem/PostmortemTemplate.h"
#include "mainwindow/MainWindow.h"
#include "store/SqliteDb.h"

#include <QAction>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

namespace wf::app {

PostmortemPresenter::PostmortemPresenter(ui::MainWindow* window, incident::IncidentSession* session,
                                         bool interactive, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session)
    , m_pin(window->findChild<QAction*>(QStringLiteral("actionPinDashboards")))
    , m_exportPostmortem(window->findChild<QAction*>(QStringLiteral("actionExportPostmortem")))
    , m_exportIncidentFile(window->findChild<QAction*>(QStringLiteral("actionExportIncidentFile")))
    , m_editTemplate(window->findChild<QAction*>(QStringLiteral("actionEditPostmortemTemplate")))
    , m_interactive(interactive)
{
    connect(m_pin, &QAction::triggered, this, &PostmortemPresenter::pinDashboards);
    connect(m_exportPostmortem, &QAction::triggered, this, &PostmortemPresenter::chooseAndExportPostmortem);
    connect(m_exportIncidentFile, &QAction::triggered, this,
            &PostmortemPresenter::chooseAndExportIncidentFile);
    connect(m_editTemplate, &QAction::triggered, this, &PostmortemPresenter::editTemplate);
    connect(session, &incident::IncidentSession::activeIncidentChanged, this, &PostmortemPresenter::refresh);
    connect(session, &incident::IncidentSession::evidencePinned, this, [this](const incident::Evidence& e) {
        report(true, tr("Pinned “%1” to the incident").arg(e.title));
    });
    refresh();
}

void PostmortemPresenter::refresh()
{
    const bool active = m_session->activeIncident().has_value();
    // Exporting only reads, so it works on a read-only incident file too; pinning writes.
    m_exportPostmortem->setEnabled(active);
    m_exportIncidentFile->setEnabled(active);
    m_pin->setEnabled(active && m_session->canWrite());
    m_editTemplate->setEnabled(m_session->workspace() && m_session->canWrite());
}

QString PostmortemPresenter::suggestedName(const QString& suffix) const
{
    const std::optional<incident::Incident> active = m_session->activeIncident();
    QString slug = active ? active->title.toLower() : QString();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    slug = slug.left(40);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    const QString date = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd"));
    const QString name =
        slug.isEmpty() ? QStringLiteral("incident-%1").arg(date) : QStringLiteral("%1-%2").arg(date, slug);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(dir).filePath(name + suffix);
}

void PostmortemPresenter::chooseAndExportPostmortem()
{
    const QString markdown = tr("Markdown (*.md)");
    const QString html = tr("HTML page (*.html)");
    const QString pdf = tr("PDF document (*.pdf)");
    QString filter = pdf;
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export postmortem"), suggestedName(QStringLiteral("-postmortem.pdf")),
        QStringList{pdf, html, markdown}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    if (ui::postmortemFormatFor(path) == ui::PostmortemFormat::Unknown)
        path += filter == markdown ? QStringLiteral(".md")
                : filter == html   ? QStringLiteral(".html")
                                   : QStringLiteral(".pdf");
    exportPostmortemTo(path);
}

void PostmortemPresenter::chooseAndExportIncidentFile()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export incident file"),
                                                suggestedName(QStringLiteral(".watchfloor")),
                                                tr("Watchfloor incident files (*.watchfloor)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".watchfloor"), Qt::CaseInsensitive))
        path += QLatin1String(".watchfloor");
    exportIncidentFileTo(path);
}

void PostmortemPresenter::exportPostmortemTo(const QString& path)
{
    const std::optional<incident::Incident> active = m_session->activeIncident();
    if (!active || !m_session->workspace())
        return;
    if (m_window)
        m_window->statusBar()->showMessage(tr("Exporting the postmortem…"));
    const auto [from, to] = incidentWindow(*active);
    incident::loadPostmortemData(
        *m_session->workspace(), active->id, this,
        [this, path, from, to](const ReadResult& r, const incident::PostmortemData& data) {
            if (!r.ok) {
                report(false, tr("The postmortem was not exported: %1").arg(r.error));
                return;
            }
            auto write = [this, path](const incident::PostmortemData& complete) {
                const incident::PostmortemWriteResult w = ui::writePostmortem(complete, path);
                if (!w.ok)
                    report(false, tr("The postmortem was not exported: %1").arg(w.error));
                else
                    report(
                        true,
                        tr("Postmortem saved to %1").arg(QDir::toNativeSeparators(w.written.constFirst())));
            };
            // An incident file brings its own snapshots; a live workspace asks its dashboards.
            if (!data.snapshots.isEmpty() || !m_capture) {
                write(data);
                return;
            }
            auto* watcher = new QFutureWatcher<QList<incident::PanelSnapshot>>(this);
            connect(watcher, &QFutureWatcherBase::finished, this, [watcher, write, data] {
                incident::PostmortemData complete = data;
                complete.snapshots = watcher->result();
                write(complete);
                watcher->deleteLater();
            });
            watcher->setFuture(QtConcurrent::run(m_capture, from, to));
        });
}

std::pair<qint64, qint64> PostmortemPresenter::incidentWindow(const incident::Incident& incident)
{
    // The window the review will want to see: impact usually starts before anyone declares.
    constexpr qint64 kLeadInMs = 15 * 60 * 1000;
    constexpr qint64 kTailMs = 5 * 60 * 1000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 to =
        incident.status == incident::Status::Resolved ? std::min(now, incident.updatedAtMs + kTailMs) : now;
    return {incident.createdAtMs - kLeadInMs, to};
}

void PostmortemPresenter::exportIncidentFileTo(const QString& path)
{
    const std::optional<incident::Incident> active = m_session->activeIncident();
    if (!active || !m_session->workspace())
        return;
    if (m_window)
        m_window->statusBar()->showMessage(tr("Exporting the incident file…"));
    const auto [from, to] = incidentWindow(*active);
    const qint64 id = active->id;
    auto write = [this, path, id](QList<incident::PanelSnapshot> panels) {
        if (!m_session->workspace())
            return;
        incident::exportIncidentFile(
            *m_session->workspace(), id, path, this,
            [this](const incident::IncidentFileResult& r) {
                if (!r.ok)
                    report(false, tr("The incident file was not written: %1").arg(r.error));
                else
                    report(true, tr("Incident file saved to %1 (%2 events, %3 evidence, %4 panel snapshots, "
                                    "verified)")
                                     .arg(QDir::toNativeSeparators(r.path))
                                     .arg(r.events)
                                     .arg(r.evidence)
                                     .arg(r.snapshots));
            },
            std::move(panels));
    };
    if (!m_capture) {
        write({});
        return;
    }
    // The stores' queries run on a worker: a long incident over many series must not stall the UI.
    auto* watcher = new QFutureWatcher<QList<incident::PanelSnapshot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, write] {
        write(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(m_capture, from, to));
}

void PostmortemPresenter::pinDashboards()
{
    if (!m_window || !m_session->canWrite() || !m_session->activeIncident())
        return;
    ui::DashboardArea* area = m_window->dashboards();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!area->grab().toImage().save(&buffer, "PNG")) {
        report(false, tr("The dashboards could not be captured."));
        return;
    }
    QJsonArray tabs;
    for (int i = 0; i < area->tabs()->count(); ++i)
        tabs.append(area->tabs()->tabText(i));
    QJsonObject data{{QStringLiteral("source"), QStringLiteral("dashboards")},
                     {QStringLiteral("tabs"), tabs},
                     {QStringLiteral("current"), area->dashboardCount() > 0
                                                     ? area->tabs()->tabText(area->tabs()->currentIndex())
                                                     : QString()}};
    const QString title =
        tr("Dashboards at %1 UTC").arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss")));
    if (!m_capture) {
        m_session->pinPanel(title, png, data);
        return;
    }
    // The picture is taken now; the panels' data (the last 15 minutes, as they show it) is read from the
    // stores on a worker and pinned with it, so the evidence holds numbers, not just pixels.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto* watcher = new QFutureWatcher<QList<incident::PanelSnapshot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, title, png, data]() mutable {
        QJsonArray panels;
        for (const incident::PanelSnapshot& s : watcher->result())
            panels.append(incident::snapshotToJson(s));
        data.insert(QStringLiteral("panels"), panels);
        watcher->deleteLater();
        if (m_session->activeIncident())
            m_session->pinPanel(title, png, data);
    });
    watcher->setFuture(QtConcurrent::run(m_capture, now - 15 * 60 * 1000, now));
}

void PostmortemPresenter::editTemplate()
{
    if (!m_window || !m_session->workspace() || !m_session->canWrite())
        return;
    auto text = std::make_shared<QString>();
    m_session->workspace()->read(
        [text](SqliteDb& db) { *text = incident::readPostmortemTemplate(db); }, this,
        [this, text](const ReadResult& r) {
            if (!r.ok) {
                report(false, tr("The postmortem template could not be read: %1").arg(r.error));
                return;
            }
            auto* dialog = new ui::PostmortemTemplateDialog(*text, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog] { saveTemplate(dialog->text()); });
            dialog->open();
        });
}

void PostmortemPresenter::saveTemplate(const QString& text)
{
    if (!m_session->workspace())
        return;
    incident::savePostmortemTemplate(*m_session->workspace(), text, this, [this](const WriteResult& r) {
        if (r.ok)
            report(true, tr("Postmortem template saved in this workspace"));
        else
            report(false, tr("The postmortem template was not saved: %1").arg(r.error));
    });
}

void PostmortemPresenter::report(bool ok, const QString& message)
{
    Q_EMIT finished(ok, message);
    if (!m_interactive) {
        std::fprintf(ok ? stdout : stderr, "watchfloor: %s\n", qUtf8Printable(message));
        return;
    }
    if (m_window)
        m_window->statusBar()->showMessage(message, ok ? 8000 : 0);
    if (!ok) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export"), message, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

} // namespace wf::app
