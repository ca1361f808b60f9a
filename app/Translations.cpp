#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace wf::app {

void installTranslations(QCoreApplication& app, const QString& lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    if (!lang.isEmpty())
        QLocale::setDefault(locale); // numbers and dates follow --lang too

    const QDir appDir(QCoreApplication::applicationDirPath());
    const QStringList ourDirs{appDir.filePath(QStringLiteral("../translations")),
                              appDir.filePath(QStringLiteral("../share/watchfloor/translations"))};
    auto* ours = new QTranslator(&app);
    for (const QString& dir : ourDirs) {
        if (ours->load(locale, QStringLiteral("watchfloor"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(ours);
            break;
        }
    }

    // Qt's own strings: standard buttons, file dialogs, shortcut key names.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace wf::app
