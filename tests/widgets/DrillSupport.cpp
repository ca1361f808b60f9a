#include "DrillSupport.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QProcess>
#include <QSet>
#include <QTimer>

#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::drill {

namespace {

// Polls rather than hooking the dialog's creation: QInputDialog::getText() builds and execs its
// dialog in one call, so the only way in is from a timer while its own loop runs.
void poll(std::shared_ptr<std::function<void(QInputDialog*)>> answer, QString* label, QDeadlineTimer deadline)
{
    if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
        *label = dialog->labelText();
        (*answer)(dialog);
        return;
    }
    if (deadline.hasExpired())
        return;
    QTimer::singleShot(20, qApp, [answer, label, deadline] { poll(answer, label, deadline); });
}

QSet<QString> socketInodes()
{
    QSet<QString> inodes;
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString& name : fds.entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
        char target[256] = {};
        const QByteArray path = fds.filePath(name).toLocal8Bit();
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        const QByteArray link(target, n > 0 ? n : 0);
        if (link.startsWith("socket:["))
            inodes.insert(QString::fromLatin1(link.mid(8, link.size() - 9)));
    }
    return inodes;
}

} // namespace

void answerNextInputDialog(std::function<void(QInputDialog*)> answer, QString* label, int timeoutMs)
{
    label->clear();
    poll(std::make_shared<std::function<void(QInputDialog*)>>(std::move(answer)), label,
         QDeadlineTimer(timeoutMs));
}

QStringList tcpSocketsOfThisProcess()
{
    const QSet<QString> inodes = socketInodes();
    QStringList found;
    for (const QString& table : {u"/proc/self/net/tcp"_s, u"/proc/self/net/tcp6"_s}) {
        QFile f(table);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine(); // header
        while (!f.atEnd()) {
            const QStringList cols = QString::fromLatin1(f.readLine()).simplified().split(u' ');
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (cols.size() > 9 && inodes.contains(cols[9]))
                found << u"%1 -> %2 (state %3)"_s.arg(cols[1], cols[2], cols[3]);
        }
    }
    return found;
}

bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) == "Z";
}

QString runTool(const QString& tool, const QStringList& args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString renderFirstPdfPage(const QString& pdf, const QString& pngPath)
{
    // -singlefile writes exactly <prefix>.png, without pdftoppm's page-number suffix.
    const QFileInfo png(pngPath);
    const QString prefix = png.dir().filePath(png.completeBaseName());
    QProcess p;
    p.start(u"pdftoppm"_s,
            {u"-png"_s, u"-r"_s, u"80"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-singlefile"_s, pdf, prefix});
    if (!p.waitForFinished(30000))
        return u"pdftoppm did not finish"_s;
    if (p.exitCode() != 0)
        return u"pdftoppm failed: %1"_s.arg(QString::fromUtf8(p.readAllStandardError()));
    return QFile::exists(pngPath) ? QString() : u"pdftoppm wrote no %1"_s.arg(pngPath);
}

} // namespace wf::drill
