#pragma once
// The team's postmortem template, stored in the workspace (meta key "postmortem_template") and
// edited in the app. A small Markdown-like text: "## Heading" and "### Heading" lines, a line that is
// exactly {{name}} for a part Watchfloor generates (impact, detection, roles, timeline, charts,
// action_items, evidence), and any other paragraph as a prompt for the team (rendered in italics).
// The document's title, the blameless note and the integrity statement always come first.
#include "store/Workspace.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace wf {
class SqliteDb;
}

namespace wf::incident {

inline constexpr qsizetype kMaxTemplateChars = 64 * 1024;
inline constexpr int kMaxTemplateItems = 200;

struct PostmortemTemplateItem
{
    enum class Kind { Heading, Prompt, Section };
    Kind kind = Kind::Prompt;
    int level = 2;
    QString text; // heading text, prompt text, or section name
};

struct PostmortemTemplate
{
    QList<PostmortemTemplateItem> items;
    QStringList errors; // translated, "line 4: ..."; with errors, items are the default template's
    bool ok() const { return errors.isEmpty(); }
};

QStringList postmortemSectionNames();
QString defaultPostmortemTemplate(); // in the UI language
// Empty text: the default template.
PostmortemTemplate parsePostmortemTemplate(const QString& text);

// The workspace's template, or an empty string when the team never changed the default.
QString readPostmortemTemplate(SqliteDb& db);
using TemplateSaved = std::function<void(const WriteResult&)>;
// Refuses (WriteResult.error) a template that does not parse; empty text restores the default.
void savePostmortemTemplate(Workspace& workspace, const QString& text, QObject* context, TemplateSaved done);

} // namespace wf::incident
