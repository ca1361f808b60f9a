#include "runbook/Template.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace wf::runbook {

namespace {

const QRegularExpression& placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"));
    return re;
}

} // namespace

TemplateScan scanTemplate(const QString& text)
{
    TemplateScan scan;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(QStringLiteral("{{"), from);
        if (open < 0)
            break;
        const QRegularExpressionMatch m = placeholder().match(text, open, QRegularExpression::NormalMatch,
                                                              QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch()) {
            scan.error = QCoreApplication::translate("Runbook", "\"{{\" at column %1 does not start a "
                                                                "placeholder such as {{service}}")
                             .arg(open + 1);
            return scan;
        }
        scan.names.append(m.captured(1));
        from = m.capturedEnd();
    }
    return scan;
}

bool hasPlaceholder(const QString& text)
{
    return text.contains(QStringLiteral("{{"));
}

QString substitute(const QString& text, const std::function<QString(const QString& name)>& encode)
{
    QString out;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).sliced(from, m.capturedStart() - from);
        out += encode(m.captured(1));
        from = m.capturedEnd();
    }
    out += QStringView(text).sliced(from);
    return out;
}

} // namespace wf::runbook
