#include "PostmortemFiles.h"

#include "incident/postmortem/HtmlWriter.h"
#include "incident/postmortem/MarkdownWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace wf::incident {

QString writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return QCoreApplication::translate("Postmortem", "Could not write “%1”: %2.")
            .arg(QDir::toNativeSeparators(path), f.errorString());
    return {};
}

QString markdownImageDir(const QString& mdPath)
{
    return QFileInfo(mdPath).completeBaseName() + QStringLiteral("-evidence");
}

PostmortemWriteResult writeMarkdownPostmortem(const PostmortemDocument& doc, const QString& path)
{
    PostmortemWriteResult r;
    const QFileInfo info(path);
    const MarkdownExport md = renderMarkdown(doc, markdownImageDir(path));
    const QDir dir = info.absoluteDir();
    if (!md.files.isEmpty() && !dir.mkpath(markdownImageDir(path))) {
        r.error = QCoreApplication::translate("Postmortem", "Could not create the folder “%1”.")
                      .arg(QDir::toNativeSeparators(dir.filePath(markdownImageDir(path))));
        return r;
    }
    r.written << info.absoluteFilePath();
    for (const auto& [rel, bytes] : md.files) {
        const QString file = dir.filePath(rel);
        if (QString e = writeFileAtomically(file, bytes); !e.isEmpty()) {
            r.error = e;
            return r;
        }
        r.written << file;
    }
    // The text last: it is complete only when every picture it names exists.
    if (QString e = writeFileAtomically(info.absoluteFilePath(), md.markdown.toUtf8()); !e.isEmpty()) {
        r.error = e;
        return r;
    }
    r.ok = true;
    return r;
}

PostmortemWriteResult writeHtmlPostmortem(const PostmortemDocument& doc, const QString& path)
{
    PostmortemWriteResult r;
    r.error = writeFileAtomically(path, renderHtml(doc, HtmlImages::DataUri).toUtf8());
    r.ok = r.error.isEmpty();
    if (r.ok)
        r.written << QFileInfo(path).absoluteFilePath();
    return r;
}

} // namespace wf::incident
