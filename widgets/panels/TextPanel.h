#pragma once
// Grafana's text panel in Markdown. Dashboards come from elsewhere (an imported JSON), so the text is
// not trusted: links are reported, never opened by the panel, and nothing is fetched for images
// (neither remote nor local files); only the embedded resources of the application load.

#include <QTextBrowser>
#include <QUrl>

namespace wf::ui {

class TextPanel : public QTextBrowser
{
    Q_OBJECT
public:
    explicit TextPanel(QWidget* parent = nullptr);

    void setMarkdownText(const QString& markdown);
    // Resources the document asked for and did not get (for tests and a "blocked" hint).
    const QList<QUrl>& blockedResources() const { return m_blocked; }

    QVariant loadResource(int type, const QUrl& name) override;

protected:
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    // The user clicked a link; whoever owns the dashboard decides (e.g. asks before opening).
    void linkClicked(const QUrl& url);

private:
    void colourLinks(); // the Markdown importer takes the application's link colour, not ours

    QList<QUrl> m_blocked;
};

} // namespace wf::ui
