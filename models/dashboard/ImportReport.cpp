#include "ImportReport.h"

#include <QCoreApplication>

namespace wf::dashboard {

bool ImportReport::hasIssuesFor(const QString& panel) const
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [&](const ImportIssue& i) { return i.panel == panel; });
}

QString ImportReport::toText() const
{
    QStringList lines;
    lines << QCoreApplication::translate("ImportReport",
                                         "%1 import: %2 panels imported, %3 not imported, %4 notes.")
                 .arg(format)
                 .arg(panelsImported)
                 .arg(panelsNotImported)
                 .arg(issues.size());
    for (const ImportIssue& i : issues) {
        if (i.panel.isEmpty())
            lines << QCoreApplication::translate("ImportReport", "Dashboard: %1: %2").arg(i.what, i.why);
        else
            lines << QCoreApplication::translate("ImportReport", "Panel “%1”: %2: %3")
                         .arg(i.panel, i.what, i.why);
    }
    return lines.join(u'\n');
}

} // namespace wf::dashboard
