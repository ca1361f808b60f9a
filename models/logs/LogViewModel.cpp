#include "LogViewModel.h"

#include <algorithm>
#include <limits>

namespace wf::logs {

using namespace wf::signalstore;

namespace {

constexpr int kHistogramBuckets = 120;
constexpr qint64 kMaxKeyId = std::numeric_limits<qint64>::max();

} // namespace

LogViewModel::LogViewModel(QObject* parent)
    : QObject(parent)
{}

LogViewModel::~LogViewModel()
{
    if (m_browser)
        m_browser->cancelScan();
}

void LogViewModel::setBrowser(LogBrowser* browser)
{
    if (m_browser)
        m_browser->cancelScan();
    m_browser = browser;
    m_rows.clear();
    m_scanRows.clear();
    m_extent = {};
    m_histogram = {};
    Q_EMIT rowsChanged();
    refresh();
}

void LogViewModel::setVisibleRows(int rows)
{
    rows = std::max(rows, 1);
    if (rows == m_visibleRows)
        return;
    const bool grew = rows > m_visibleRows;
    m_visibleRows = rows;
    if (m_searchMode != LogSearchMode::FullText && searching()) {
        showScanWindow();
    } else if (grew && !m_rows.empty()) {
        // Same top row, more rows below it.
        const LogRow& top = m_rows.front();
        if (searching())
            requestMatches(top.id + 1, 0);
        else
            requestBrowse({top.timeNs, top.id + 1}, PageDirection::Older, m_visibleRows, 0);
    }
}

void LogViewModel::setFilter(const LogFilter& filter)
{
    m_filter = filter;
    refresh();
}

void LogViewModel::setTimeRange(qint64 fromNs, qint64 toNs)
{
    m_fromNs = fromNs;
    m_toNs = toNs > fromNs ? toNs : kNoLimitNs;
    refresh();
}

void LogViewModel::setSearch(const QString& text, LogSearchMode mode)
{
    QString error;
    if (!LogHighlighter::validate(text, mode, &error)) {
        m_searchError = error;
        Q_EMIT scanStateChanged();
        return;
    }
    m_searchError.clear();
    m_searchText = text.trimmed().isEmpty() ? QString() : text;
    m_searchMode = mode;
    m_highlighter = m_searchText.isEmpty() ? LogHighlighter() : LogHighlighter(m_searchText, mode);
    refresh();
}

qint64 LogViewModel::timeFromNs() const
{
    return std::max(m_fromNs, m_extent.minTimeNs);
}

qint64 LogViewModel::timeToNs() const
{
    // Exclusive end.
    return m_extent.isEmpty() ? m_toNs : std::min(m_toNs, m_extent.maxTimeNs + 1);
}

LogFilter LogViewModel::effectiveFilter() const
{
    LogFilter f = m_filter;
    f.fromNs = m_fromNs;
    f.toNs = m_toNs;
    return f;
}

void LogViewModel::refresh()
{
    if (!m_browser)
        return;
    m_browser->cancelScan();
    m_scanning = false;
    m_matchTops.clear();
    m_matchesAtNewest = true;
    m_browser->extent(this, [this](QueryResult<LogExtent> r) {
        if (!r.ok) {
            if (!r.error.isEmpty())
                Q_EMIT failed(r.error);
            return;
        }
        m_extent = r.value;
        Q_EMIT extentChanged();
        // The first screen first: the histogram takes longer and may arrive after it.
        if (searching() && m_searchMode != LogSearchMode::FullText)
            startScan();
        else
            jumpToTime(timeToNs() - 1);
        requestHistogram();
    });
}

void LogViewModel::requestHistogram()
{
    if (!m_browser || m_extent.isEmpty())
        return;
    m_browser->histogram(timeFromNs(), timeToNs(), kHistogramBuckets, this,
                         [this](QueryResult<LogHistogram> r) {
                             if (!r.ok) {
                                 if (!r.error.isEmpty())
                                     Q_EMIT failed(r.error);
                                 return;
                             }
                             m_histogram = std::move(r.value);
                             Q_EMIT histogramChanged();
                         });
}

void LogViewModel::acceptPage(QueryResult<LogPage> result, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (!result.ok) {
        if (!result.error.isEmpty())
            Q_EMIT failed(result.error);
        return;
    }
    m_rows = std::move(result.value.rows);
    Q_EMIT rowsChanged();
}

void LogViewModel::requestBrowse(LogKey key, PageDirection direction, int count, int)
{
    if (!m_browser)
        return;
    const quint64 generation = ++m_generation;
    if (direction == PageDirection::Older) {
        m_browser->page(effectiveFilter(), key, direction, count, this,
                        [this, generation](QueryResult<LogPage> r) { acceptPage(std::move(r), generation); });
        return;
    }
    // Newer rows come oldest first: they go on top, newest first, above what is shown.
    m_browser->page(effectiveFilter(), key, direction, count, this,
                    [this, generation](QueryResult<LogPage> r) {
                        if (generation != m_generation || !r.ok || r.value.rows.empty())
                            return;
                        std::vector<LogRow> rows(std::make_move_iterator(r.value.rows.rbegin()),
                                                 std::make_move_iterator(r.value.rows.rend()));
                        for (LogRow& row : m_rows) {
                            if (int(rows.size()) >= m_visibleRows)
                                break;
                            rows.push_back(std::move(row));
                        }
                        m_rows = std::move(rows);
                        Q_EMIT rowsChanged();
                    });
}

void LogViewModel::requestMatches(qint64 beforeId, qint64 atTimeNs)
{
    if (!m_browser)
        return;
    const quint64 generation = ++m_generation;
    auto done = [this, generation](QueryResult<LogPage> r) { acceptPage(std::move(r), generation); };
    if (atTimeNs != 0)
        m_browser->matchesAtTime(effectiveFilter(), m_searchText, atTimeNs, m_visibleRows, this, done);
    else
        m_browser->matches(effectiveFilter(), m_searchText, beforeId, m_visibleRows, this, done);
}

void LogViewModel::jumpToTime(qint64 timeNs)
{
    m_matchTops.clear();
    m_matchesAtNewest = timeNs >= timeToNs() - 1;
    if (searching() && m_searchMode != LogSearchMode::FullText) {
        // Scan results are in memory: the first one at or before the time.
        const auto it = std::find_if(m_scanRows.begin(), m_scanRows.end(),
                                     [timeNs](const LogRow& r) { return r.timeNs <= timeNs; });
        m_scanOffset = int(it - m_scanRows.begin());
        showScanWindow();
        return;
    }
    if (searching())
        requestMatches(0, std::max<qint64>(timeNs, 1));
    else
        requestBrowse({timeNs, kMaxKeyId}, PageDirection::Older, m_visibleRows, 0);
}

void LogViewModel::scrollRows(int delta)
{
    if (delta == 0)
        return;
    if (searching() && m_searchMode != LogSearchMode::FullText) {
        m_scanOffset = std::clamp(m_scanOffset + delta, 0, std::max(0, int(m_scanRows.size()) - 1));
        showScanWindow();
        return;
    }
    if (m_rows.empty())
        return;
    if (delta > 0) {
        const LogRow& newTop = m_rows[std::size_t(std::min<int>(delta, int(m_rows.size()) - 1))];
        if (searching()) {
            m_matchesAtNewest = false;
            m_matchTops.push_back(m_rows.front().id + 1);
            requestMatches(newTop.id + 1, 0);
        } else {
            requestBrowse({newTop.timeNs, newTop.id + 1}, PageDirection::Older, m_visibleRows, 0);
        }
        return;
    }
    if (searching()) {
        // Full-text results page backwards by id only; going up returns to an earlier screen.
        if (m_matchTops.empty())
            return;
        const qint64 before = m_matchTops.back();
        m_matchTops.pop_back();
        m_matchesAtNewest = m_matchTops.empty();
        requestMatches(before, 0);
        return;
    }
    const LogRow& top = m_rows.front();
    requestBrowse({top.timeNs, top.id}, PageDirection::Newer, -delta, 0);
}

void LogViewModel::scrollToFraction(double fraction)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (searching() && m_searchMode != LogSearchMode::FullText) {
        m_scanOffset = int(fraction * std::max(0, int(m_scanRows.size()) - m_visibleRows));
        showScanWindow();
        return;
    }
    if (m_extent.isEmpty())
        return;
    const qint64 hi = timeToNs() - 1;
    const qint64 lo = timeFromNs();
    jumpToTime(hi - qint64(fraction * double(std::max<qint64>(hi - lo, 0))));
}

bool LogViewModel::isAtNewest() const
{
    if (searching() && m_searchMode != LogSearchMode::FullText)
        return m_scanOffset == 0;
    return searching() ? m_matchesAtNewest : positionFraction() == 0.0;
}

bool LogViewModel::followNewest()
{
    if (!m_browser || m_toNs != kNoLimitNs || m_scanning ||
        (searching() && m_searchMode != LogSearchMode::FullText) || !isAtNewest())
        return false;
    refresh();
    return true;
}

double LogViewModel::positionFraction() const
{
    if (searching() && m_searchMode != LogSearchMode::FullText) {
        const int span = int(m_scanRows.size()) - m_visibleRows;
        return span > 0 ? double(m_scanOffset) / span : 0.0;
    }
    if (m_rows.empty() || m_extent.isEmpty())
        return 0.0;
    const qint64 hi = timeToNs() - 1;
    const qint64 lo = timeFromNs();
    if (hi <= lo)
        return 0.0;
    return std::clamp(double(hi - m_rows.front().timeNs) / double(hi - lo), 0.0, 1.0);
}

void LogViewModel::startScan()
{
    m_scanRows.clear();
    m_scanOffset = 0;
    m_rows.clear();
    m_scanning = true;
    Q_EMIT rowsChanged();
    Q_EMIT scanStateChanged();
    LogPattern pattern;
    if (m_searchMode == LogSearchMode::Regex)
        pattern.regex = QRegularExpression(m_searchText, QRegularExpression::UseUnicodePropertiesOption);
    else
        pattern.substring = m_searchText;
    const quint64 generation = ++m_generation;
    m_browser->scan(effectiveFilter(), pattern, m_extent.maxId + 1, kMaxScanMatches, this,
                    [this, generation](QueryResult<LogScanProgress> r) {
                        if (generation != m_generation)
                            return;
                        if (!r.ok && !r.error.isEmpty())
                            Q_EMIT failed(r.error);
                        for (LogRow& row : r.value.rows)
                            m_scanRows.push_back(std::move(row));
                        if (r.value.finished || !r.ok)
                            m_scanning = false;
                        // Only the first screen's worth changes what is shown; later chunks move the
                        // scroll range.
                        if (int(m_rows.size()) < m_visibleRows)
                            showScanWindow();
                        Q_EMIT scanStateChanged();
                    });
}

void LogViewModel::showScanWindow()
{
    m_scanOffset = std::clamp(m_scanOffset, 0, std::max(0, int(m_scanRows.size()) - 1));
    const auto first = m_scanRows.begin() + std::min<qsizetype>(m_scanOffset, qsizetype(m_scanRows.size()));
    const auto last = first + std::min<qsizetype>(m_visibleRows, m_scanRows.end() - first);
    m_rows.assign(first, last);
    Q_EMIT rowsChanged();
}

} // namespace wf::logs
