#pragma once
// {{name}} placeholders in step fields. Substitution takes an encoder chosen by the caller for the
// place the value lands in (a URL, a header, an argv element), so a value is never interpreted as
// structure there.
#include <QString>
#include <QStringList>

#include <functional>

namespace wf::runbook {

struct TemplateScan
{
    QStringList names; // in order of appearance, with repeats
    QString error;     // a "{{" that does not open a valid placeholder
    bool ok() const { return error.isEmpty(); }
};

TemplateScan scanTemplate(const QString& text);
bool hasPlaceholder(const QString& text);

// Every placeholder replaced by encode(name). Assumes scanTemplate(text).ok().
QString substitute(const QString& text, const std::function<QString(const QString& name)>& encode);

} // namespace wf::runbook
