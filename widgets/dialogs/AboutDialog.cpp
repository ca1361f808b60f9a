#include "dialogs/AboutDialog.h"

#include "core/Versions.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace wf::ui {

QString AboutDialog::aboutHtml()
{
    const LibraryVersions v = libraryVersions();
    const QString homepage = QStringLiteral(WATCHFLOOR_HOMEPAGE);
    const auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QString curl =
        v.curlSsl.isEmpty() ? tr("%1 (no TLS backend)").arg(v.curl) : tr("%1 with %2").arg(v.curl, v.curlSsl);
    return QStringLiteral("<h2>%1</h2><p>%2</p><table>%3%4%5%6</table><p>%7</p><p><a href=\"%8\">%9</a></p>")
        .arg(tr("Watchfloor %1").arg(v.watchfloor).toHtmlEscaped(),
             tr("An incident-command dashboard: live signals, blast radius, runbooks and a timeline, in "
                "one window.")
                 .toHtmlEscaped(),
             row(tr("Qt"), tr("%1 (built with %2)").arg(v.qt, QStringLiteral(QT_VERSION_STR))),
             row(tr("SQLite"), v.sqlite), row(tr("libcurl"), curl),
             row(tr("Platform"), QGuiApplication::platformName()),
             tr("Licensed under the %1 licence.").arg(QStringLiteral(WATCHFLOOR_LICENSE)).toHtmlEscaped(),
             homepage.toHtmlEscaped(), homepage.toHtmlEscaped());
}

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Watchfloor"));

    auto* icon = new QLabel(this);
    const QIcon appIcon = QGuiApplication::windowIcon();
    if (!appIcon.isNull())
        icon->setPixmap(appIcon.pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto* text = new QLabel(aboutHtml(), this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

} // namespace wf::ui
