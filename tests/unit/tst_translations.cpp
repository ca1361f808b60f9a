// Fails when a user-visible string is missing from, or left unfinished in, the German translation.
// It runs lupdate over the sources into a copy of the .ts file, so a new tr() string that nobody added
// to translations/ is caught here, not by a German user.

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
    bool numerus = false;
};

QList<Message> readTs(const QString& path, QString* error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context"))
                context.clear();
            else if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message")) {
                m = Message{};
                m.context = context;
                m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source"))
                m.source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                m.unfinished = type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                               type == QLatin1String("obsolete");
                if (m.numerus) {
                    // Plural forms: concatenate them; all must be present.
                    QString forms;
                    while (xml.readNextStartElement())
                        forms += xml.readElementText();
                    m.translation = forms;
                } else {
                    m.translation = xml.readElementText();
                }
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.append(m);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d+|%n"));
    QSet<QString> found;
    for (auto it = re.globalMatch(s); it.hasNext();)
        found.insert(it.next().captured().remove(QLatin1Char('L')));
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanIsCompleteForEveryStringInTheSources()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("watchfloor_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(WF_TS_FILE), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(WF_SOURCE_DIR));
        lupdate.start(QStringLiteral(WF_LUPDATE),
                      {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                       QStringLiteral("models"), QStringLiteral("widgets"), QStringLiteral("app"),
                       QStringLiteral("-ts"), ts});
        QVERIFY2(lupdate.waitForFinished(480000), "lupdate did not finish");
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QString error;
        const QList<Message> messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 20, "lupdate found almost no strings: is tr() used?");

        QStringList missing;
        QStringList badPlaceholders;
        for (const Message& m : messages) {
            if (m.unfinished || m.translation.trimmed().isEmpty())
                missing << m.context + QStringLiteral(": ") + m.source;
            else if (!m.numerus && placeholders(m.source) != placeholders(m.translation))
                badPlaceholders << m.context + QStringLiteral(": ") + m.source;
        }
        if (!missing.isEmpty())
            qWarning().noquote() << "Untranslated in translations/watchfloor_de.ts (run `cmake --build "
                                    "--preset default --target update_translations`, then translate):\n  "
                                 << missing.join(QStringLiteral("\n  "));
        QCOMPARE(missing.size(), 0);
        if (!badPlaceholders.isEmpty())
            qWarning().noquote() << "Placeholders differ between source and translation:\n  "
                                 << badPlaceholders.join(QStringLiteral("\n  "));
        QCOMPARE(badPlaceholders.size(), 0);
    }

    void compiledCatalogueLoadsAndTranslates()
    {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral("watchfloor_de"), QStringLiteral(WF_QM_DIR)),
                 "watchfloor_de.qm was not built next to the binaries");
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), QStringLiteral("de_DE"));
        const QString t = translator.translate("CommandLine", "Show this help and exit.");
        QVERIFY2(!t.isEmpty() && t != QStringLiteral("Show this help and exit."), qPrintable(t));
        // Contexts given by QCoreApplication::translate() in free functions must be the ones the
        // catalogue files them under.
        QVERIFY(translator.translate("Timeline", "Note") == QStringLiteral("Notiz"));
        QVERIFY(translator.translate("SeriesStore", "A quantile must lie between 0 and 1.")
                    .startsWith(u"Ein Quantil"));
    }

    // A `QString tr(const char*)` helper in a namespace compiles and runs, but lupdate files its
    // strings under the namespace while the helper looks them up under its own literal context, so
    // the German text never shows. Free functions use QCoreApplication::translate("Context", ...).
    void noTranslationHelpersThatHideTheContext()
    {
        static const QRegularExpression helper(
            QStringLiteral(R"(^\s*(static\s+)?QString\s+tr\s*\(\s*const\s+char\s*\*)"),
            QRegularExpression::MultilineOption);
        QStringList offenders;
        for (const char* folder : {"models", "widgets", "app"}) {
            QDirIterator it(QStringLiteral(WF_SOURCE_DIR "/") + QLatin1String(folder),
                            {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly) && helper.match(QString::fromUtf8(f.readAll())).hasMatch())
                    offenders << f.fileName();
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
