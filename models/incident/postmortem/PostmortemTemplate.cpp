#include "PostmortemTemplate.h"

#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace wf::incident {
namespace {

const QString kMetaKey = QStringLiteral("postmortem_template");

} // namespace

QStringList postmortemSectionNames()
{
    return {QStringLiteral("impact"),   QStringLiteral("detection"), QStringLiteral("roles"),
            QStringLiteral("timeline"), QStringLiteral("charts"),    QStringLiteral("action_items"),
            QStringLiteral("evidence")};
}

QString defaultPostmortemTemplate()
{
    const auto h = [](const char* text) -> QString {
        return QStringLiteral("## ") + QCoreApplication::translate("Postmortem", text) + QLatin1Char('\n');
    };
    const auto p = [](const char* text) -> QString {
        return QCoreApplication::translate("Postmortem", text) + QStringLiteral("\n\n");
    };
    return h(QT_TRANSLATE_NOOP("Postmortem", "Summary")) +
           p(QT_TRANSLATE_NOOP("Postmortem",
                               "One paragraph: what broke, for whom, for how long, and what ended it.")) +
           h(QT_TRANSLATE_NOOP("Postmortem", "Impact")) + QStringLiteral("{{impact}}\n") +
           p(QT_TRANSLATE_NOOP(
               "Postmortem",
               "Who was affected and how: users, requests, revenue, data. Numbers where you have them.")) +
           h(QT_TRANSLATE_NOOP("Postmortem", "Detection")) + QStringLiteral("{{detection}}\n") +
           p(QT_TRANSLATE_NOOP(
               "Postmortem",
               "How was it noticed? Would an alert or a check have caught it sooner, and what would it have "
               "looked at?")) +
           h(QT_TRANSLATE_NOOP("Postmortem", "Roles")) + QStringLiteral("{{roles}}\n\n") +
           h(QT_TRANSLATE_NOOP("Postmortem", "Timeline")) + QStringLiteral("{{timeline}}\n\n") +
           h(QT_TRANSLATE_NOOP("Postmortem", "Dashboards during the incident")) +
           QStringLiteral("{{charts}}\n\n") + h(QT_TRANSLATE_NOOP("Postmortem", "What happened")) +
           p(QT_TRANSLATE_NOOP(
               "Postmortem",
               "The story of the incident in order: the trigger, how it was noticed, what was tried, what "
               "worked.")) +
           h(QT_TRANSLATE_NOOP("Postmortem", "Contributing factors")) +
           p(QT_TRANSLATE_NOOP(
               "Postmortem",
               "The conditions in systems and processes that made this possible or made it worse. Ask “how”, "
               "not “who”.")) +
           h(QT_TRANSLATE_NOOP("Postmortem", "What went well")) +
           p(QT_TRANSLATE_NOOP("Postmortem",
                               "Detection, tools, decisions and people's work that limited the impact.")) +
           h(QT_TRANSLATE_NOOP("Postmortem", "Action items")) +
           p(QT_TRANSLATE_NOOP(
               "Postmortem",
               "Each item with one owner and a due date; prefer fixes that remove a class of failure.")) +
           QStringLiteral("{{action_items}}\n\n") + h(QT_TRANSLATE_NOOP("Postmortem", "Evidence")) +
           QStringLiteral("{{evidence}}\n");
}

PostmortemTemplate parsePostmortemTemplate(const QString& text)
{
    if (text.trimmed().isEmpty())
        return parsePostmortemTemplate(defaultPostmortemTemplate());
    PostmortemTemplate out;
    if (text.size() > kMaxTemplateChars) {
        out.errors << QCoreApplication::translate("Postmortem", "The template is longer than %1 characters.")
                          .arg(kMaxTemplateChars);
    } else {
        static const QRegularExpression section(QStringLiteral("^\\{\\{\\s*([A-Za-z_]+)\\s*\\}\\}$"));
        const QStringList known = postmortemSectionNames();
        QString prompt;
        const auto flush = [&] {
            if (!prompt.isEmpty())
                out.items.append({PostmortemTemplateItem::Kind::Prompt, 2, prompt});
            prompt.clear();
        };
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype n = 0; n < lines.size(); ++n) {
            const QString line = lines[n].trimmed();
            if (line.isEmpty()) {
                flush();
                continue;
            }
            if (line.startsWith(QLatin1Char('#'))) {
                flush();
                const qsizetype hashes = line.indexOf(QRegularExpression(QStringLiteral("[^#]")));
                const QString title = line.mid(hashes < 0 ? line.size() : hashes).trimmed();
                if (title.isEmpty() || hashes > 3 || hashes < 0)
                    out.errors << QCoreApplication::translate(
                                      "Postmortem", "line %1: a heading needs #, ## or ### and a title.")
                                      .arg(n + 1);
                else
                    out.items.append({PostmortemTemplateItem::Kind::Heading, hashes == 3 ? 3 : 2, title});
                continue;
            }
            if (const QRegularExpressionMatch m = section.match(line); m.hasMatch()) {
                flush();
                const QString name = m.captured(1).toLower();
                if (!known.contains(name))
                    out.errors << QCoreApplication::translate(
                                      "Postmortem", "line %1: there is no section {{%2}}; use one of %3.")
                                      .arg(n + 1)
                                      .arg(name, known.join(QStringLiteral(", ")));
                else
                    out.items.append({PostmortemTemplateItem::Kind::Section, 2, name});
                continue;
            }
            if (line.contains(QLatin1String("{{")))
                out.errors << QCoreApplication::translate(
                                  "Postmortem", "line %1: a {{section}} must stand on a line of its own.")
                                  .arg(n + 1);
            prompt += (prompt.isEmpty() ? QString() : QStringLiteral(" ")) + line;
        }
        flush();
        if (out.items.size() > kMaxTemplateItems)
            out.errors << QCoreApplication::translate("Postmortem", "The template has more than %1 parts.")
                              .arg(kMaxTemplateItems);
    }
    if (!out.errors.isEmpty())
        out.items = parsePostmortemTemplate(defaultPostmortemTemplate()).items;
    return out;
}

QString readPostmortemTemplate(SqliteDb& db)
{
    SqliteStatement s = db.prepare("SELECT value FROM meta WHERE key = ?1");
    s.bind(1, kMetaKey);
    return s.step() ? s.text(0) : QString();
}

void savePostmortemTemplate(Workspace& workspace, const QString& text, QObject* context, TemplateSaved done)
{
    const PostmortemTemplate parsed = parsePostmortemTemplate(text);
    const bool reset = text.trimmed().isEmpty() || text == defaultPostmortemTemplate();
    workspace.write(
        [parsed, reset, text](SqliteDb& db) {
            if (!parsed.ok())
                throw WorkError(parsed.errors.join(QLatin1Char('\n')));
            if (reset)
                db.execute("DELETE FROM meta WHERE key = ?1", kMetaKey);
            else
                db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", kMetaKey, text);
        },
        context, std::move(done));
}

} // namespace wf::incident
