#include "logs/LogFileView.h"

#include "charts/ChartOptions.h"
#include "logs/LogFile.h"
#include "logs/PatternSources.h"
#include "patterns/LogPatternsView.h"
#include "theme/Theme.h"

#include <QAbstractListModel>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <climits>
#include <memory>

namespace wf::ui {
namespace {

struct Loaded
{
    logs::LogFileResult file;
    logs::LogPatterns patterns;
};

// The lines as the file has them, one row per message; the list never copies them.
class LogLinesModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    void setLines(std::shared_ptr<const Loaded> loaded)
    {
        beginResetModel();
        m_loaded = std::move(loaded);
        endResetModel();
    }

    int rowCount(const QModelIndex& parent) const override
    {
        return parent.isValid() || !m_loaded ? 0 : int(m_loaded->file.lines.size());
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!m_loaded || !index.isValid() || index.row() >= int(m_loaded->file.lines.size()))
            return {};
        const logs::LogFileLine& line = m_loaded->file.lines[std::size_t(index.row())];
        if (role == Qt::DisplayRole) {
            // The first physical line only: a joined stack trace stays one row; the tooltip has it all.
            const qsizetype nl = line.message.indexOf(QLatin1Char('\n'));
            QString text = nl < 0 ? line.message : line.message.left(nl) + QStringLiteral(" …");
            if (m_loaded->file.jsonLines && line.timeNs != 0)
                text.prepend(QDateTime::fromMSecsSinceEpoch(line.timeNs / 1'000'000, Qt::UTC)
                                 .toString(Qt::ISODateWithMs) +
                             QLatin1Char(' ') + logs::levelName(line.level) + QLatin1Char(' '));
            return text;
        }
        if (role == Qt::ToolTipRole)
            // Escaped: a log line holding "<b>" must not be rendered as rich text.
            return plainToolTip(QCoreApplication::translate("LogFileView", "Line %1").arg(line.lineNumber) +
                                QLatin1Char('\n') + line.message.left(4000));
        if (role == Qt::ForegroundRole) {
            if (line.level >= logs::LogLevel::Error)
                return semanticColor(Semantic::Critical);
            if (line.level == logs::LogLevel::Warn)
                return semanticColor(Semantic::Warning);
        }
        return {};
    }

private:
    std::shared_ptr<const Loaded> m_loaded;
};

} // namespace

LogFileView::LogFileView(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_patterns(new LogPatternsView(this))
    , m_lines(new QListView(this))
{
    setObjectName(QStringLiteral("logFileView"));
    m_summary->setObjectName(QStringLiteral("logFileSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_lines->setObjectName(QStringLiteral("logFileLines"));
    m_lines->setModel(new LogLinesModel(m_lines));
    m_lines->setUniformItemSizes(true); // millions of rows: no per-row size queries
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_lines->setToolTip(tr("The file's messages; continuation lines (stack traces) are joined to theirs"));
    m_patterns->setObjectName(QStringLiteral("logFilePatterns"));

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_patterns);
    split->addWidget(m_lines);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
}

QString LogFileView::summaryText() const
{
    return m_summary->text();
}

void LogFileView::openFile(const QString& path)
{
    const quint64 generation = ++m_generation;
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    m_summary->setText(tr("Reading %1…").arg(shown));
    m_summary->setPalette(QPalette());
    auto* watcher = new QFutureWatcher<std::shared_ptr<const Loaded>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, shown] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another file was opened meanwhile
        const std::shared_ptr<const Loaded> result = watcher->result();
        const logs::LogFileResult& file = result->file;
        if (!file.ok()) {
            const QString message = tr("Cannot read %1: %2").arg(shown, file.error);
            QPalette p = m_summary->palette();
            p.setColor(QPalette::WindowText, semanticColor(Semantic::Critical));
            m_summary->setPalette(p);
            m_summary->setText(message);
            Q_EMIT failed(message);
            return;
        }
        QString text =
            tr("%1: %n message(s)", nullptr, int(std::min<qint64>(file.lines.size(), INT_MAX))).arg(shown);
        if (file.gzip)
            text += tr(", gzip");
        if (file.jsonLines)
            text += tr(", JSON lines");
        text += tr(", %n pattern(s)", nullptr, result->patterns.size());
        if (file.truncatedLines > 0)
            text += tr("; %n over-long line(s) cut", nullptr, int(file.truncatedLines));
        if (file.droppedLines > 0 || file.stoppedAtMaxBytes)
            text += tr("; the file is larger than Watchfloor reads at once, the rest was not read");
        m_summary->setText(text);
        m_patterns->setPatterns(result->patterns);
        static_cast<LogLinesModel*>(m_lines->model())->setLines(result);
        Q_EMIT loaded();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        auto loaded = std::make_shared<Loaded>();
        loaded->file = logs::readLogFile(path);
        if (loaded->file.ok())
            loaded->patterns = logs::patternsOfLogFile(loaded->file.lines);
        return std::shared_ptr<const Loaded>(std::move(loaded));
    }));
}

} // namespace wf::ui
