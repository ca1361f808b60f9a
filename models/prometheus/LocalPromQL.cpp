#include "LocalPromQL.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>

namespace wf::prometheus {

namespace {

using signalstore::SeriesQuery;

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char(':');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char(':') || c == QLatin1Char('.');
}

// A recursive-descent reader over the expression; errors carry the 1-based column like Prometheus.
class Parser
{
public:
    explicit Parser(const QString& text)
        : m_text(text)
    {}

    LocalQueryPlan parse()
    {
        LocalQueryPlan plan;
        plan.query.groupBy.clear();
        if (!expression(plan) || !expectEnd())
            plan.error = m_error;
        return plan;
    }

private:
    bool expression(LocalQueryPlan& plan)
    {
        skipSpace();
        const qsizetype start = m_pos;
        const QString word = name();
        if (word == QLatin1String("sum"))
            return sum(plan);
        if (word == QLatin1String("histogram_quantile"))
            return quantile(plan);
        if (word == QLatin1String("rate") || peekIs(QLatin1Char('{')) ||
            (!word.isEmpty() && !peekIs(QLatin1Char('('))))
            return unsupported(
                start, QCoreApplication::translate("LocalPromQL",
                                                   "The local store answers aggregations only: wrap the "
                                                   "selector in sum by (labels) (...)."));
        if (word.isEmpty())
            return syntax(start, QCoreApplication::translate("LocalPromQL",
                                                             "expected sum(...) or histogram_quantile(...)"));
        return unsupported(start, QCoreApplication::translate("LocalPromQL",
                                                              "%1() is not supported by the local store; "
                                                              "supported: sum, rate, histogram_quantile.")
                                      .arg(word));
    }

    // after "sum": [by (...)] ( inner ) [by (...)]
    bool sum(LocalQueryPlan& plan)
    {
        bool grouped = false;
        if (!groupClause(plan, grouped))
            return false;
        if (!expect(QLatin1Char('(')) || !inner(plan) || !expect(QLatin1Char(')')))
            return false;
        if (!grouped && !groupClause(plan, grouped))
            return false;
        return true;
    }

    bool groupClause(LocalQueryPlan& plan, bool& grouped)
    {
        skipSpace();
        const qsizetype start = m_pos;
        const QString word = peekName();
        if (word == QLatin1String("without"))
            return unsupported(start, QCoreApplication::translate("LocalPromQL",
                                                                  "sum without (...) is not supported by the "
                                                                  "local store; use sum by (...)."));
        if (word != QLatin1String("by"))
            return true;
        name();
        if (!expect(QLatin1Char('(')))
            return false;
        skipSpace();
        while (!peekIs(QLatin1Char(')'))) {
            const qsizetype at = m_pos;
            const QString label = name();
            if (label.isEmpty())
                return syntax(at, QCoreApplication::translate("LocalPromQL", "expected a label name"));
            plan.query.groupBy.append(label);
            skipSpace();
            if (peekIs(QLatin1Char(',')))
                ++m_pos, skipSpace();
            else if (!peekIs(QLatin1Char(')')))
                return syntax(m_pos, QCoreApplication::translate("LocalPromQL", "expected \",\" or \")\""));
        }
        ++m_pos;
        grouped = true;
        return true;
    }

    // selector | rate(selector[range])
    bool inner(LocalQueryPlan& plan)
    {
        skipSpace();
        const qsizetype start = m_pos;
        if (peekName() == QLatin1String("rate")) {
            name();
            plan.query.function = SeriesQuery::Function::Rate;
            if (!expect(QLatin1Char('(')) || !selector(plan) || !range(plan) || !expect(QLatin1Char(')')))
                return false;
            return true;
        }
        const QString word = peekName();
        skipSpace();
        if (!word.isEmpty() && m_text.mid(m_pos + word.size()).trimmed().startsWith(QLatin1Char('(')))
            return unsupported(start, QCoreApplication::translate("LocalPromQL",
                                                                  "%1() is not supported by the local store; "
                                                                  "supported: sum, rate, histogram_quantile.")
                                          .arg(word));
        return selector(plan);
    }

    // metric{a="b", ...} or {__name__="metric", ...}
    bool selector(LocalQueryPlan& plan)
    {
        skipSpace();
        plan.query.metric = name();
        skipSpace();
        if (peekIs(QLatin1Char('{'))) {
            ++m_pos;
            skipSpace();
            while (!peekIs(QLatin1Char('}'))) {
                const qsizetype at = m_pos;
                const QString label = name();
                if (label.isEmpty())
                    return syntax(at, QCoreApplication::translate("LocalPromQL", "expected a label name"));
                skipSpace();
                const QStringView op = QStringView(m_text).mid(m_pos, 2);
                std::optional<signalstore::LabelMatcher::Op> other;
                if (op == QLatin1String("=~"))
                    other = signalstore::LabelMatcher::Op::Regex;
                else if (op == QLatin1String("!~"))
                    other = signalstore::LabelMatcher::Op::NotRegex;
                else if (op == QLatin1String("!="))
                    other = signalstore::LabelMatcher::Op::NotEqual;
                if (other)
                    m_pos += 2;
                else if (!expect(QLatin1Char('=')))
                    return false;
                const qsizetype valueAt = m_pos;
                QString value;
                if (!string(value))
                    return false;
                if (other && label == QLatin1String("__name__"))
                    return unsupported(at, QCoreApplication::translate("LocalPromQL",
                                                                       "the local store matches the metric "
                                                                       "name with = only"));
                if (other && *other != signalstore::LabelMatcher::Op::NotEqual &&
                    !QRegularExpression(QRegularExpression::anchoredPattern(value)).isValid())
                    return syntax(valueAt,
                                  QCoreApplication::translate("LocalPromQL", "invalid regular expression: %1")
                                      .arg(QRegularExpression(value).errorString()));
                if (other)
                    plan.query.matchers.append({label, *other, value});
                else if (label == QLatin1String("__name__"))
                    plan.query.metric = value;
                else
                    plan.query.match.append({label, value});
                skipSpace();
                if (peekIs(QLatin1Char(',')))
                    ++m_pos, skipSpace();
                else if (!peekIs(QLatin1Char('}')))
                    return syntax(m_pos,
                                  QCoreApplication::translate("LocalPromQL", "expected \",\" or \"}\""));
            }
            ++m_pos;
        }
        if (plan.query.metric.isEmpty())
            return syntax(m_pos, QCoreApplication::translate("LocalPromQL", "expected a metric name"));
        return true;
    }

    // [5m], [30s], [1h30m]
    bool range(LocalQueryPlan& plan)
    {
        if (!expect(QLatin1Char('[')))
            return false;
        skipSpace();
        const qsizetype start = m_pos;
        qint64 total = 0;
        while (m_pos < m_text.size() && m_text[m_pos].isDigit()) {
            qint64 n = 0;
            while (m_pos < m_text.size() && m_text[m_pos].isDigit() && n < 1'000'000'000)
                n = n * 10 + m_text[m_pos++].digitValue();
            qint64 unit = 0;
            if (m_text.mid(m_pos, 2) == QLatin1String("ms"))
                unit = 1'000'000, m_pos += 2;
            else if (m_pos < m_text.size()) {
                switch (m_text[m_pos].toLatin1()) {
                case 's':
                    unit = 1'000'000'000;
                    break;
                case 'm':
                    unit = 60'000'000'000;
                    break;
                case 'h':
                    unit = 3'600'000'000'000;
                    break;
                case 'd':
                    unit = 86'400'000'000'000;
                    break;
                case 'w':
                    unit = 7 * 86'400'000'000'000;
                    break;
                default:
                    break;
                }
                if (unit)
                    ++m_pos;
            }
            if (!unit)
                return syntax(m_pos, QCoreApplication::translate(
                                         "LocalPromQL", "expected a duration unit (ms, s, m, h, d, w)"));
            total += n * unit;
        }
        if (m_pos == start || total <= 0)
            return syntax(start,
                          QCoreApplication::translate("LocalPromQL", "expected a duration such as 5m"));
        plan.rangeNs = total;
        return expect(QLatin1Char(']'));
    }

    // after "histogram_quantile": (q, sum by (le, ...) (rate(m_bucket[...])))
    bool quantile(LocalQueryPlan& plan)
    {
        if (!expect(QLatin1Char('(')))
            return false;
        skipSpace();
        const qsizetype at = m_pos;
        qsizetype end = m_pos;
        while (end < m_text.size() && (m_text[end].isDigit() || m_text[end] == QLatin1Char('.')))
            ++end;
        bool ok = false;
        const double q = m_text.mid(m_pos, end - m_pos).toDouble(&ok);
        if (!ok)
            return syntax(at,
                          QCoreApplication::translate("LocalPromQL", "expected a number between 0 and 1"));
        m_pos = end;
        if (!expect(QLatin1Char(',')))
            return false;
        skipSpace();
        const qsizetype sumAt = m_pos;
        if (name() != QLatin1String("sum"))
            return unsupported(sumAt,
                               QCoreApplication::translate(
                                   "LocalPromQL",
                                   "the local store needs "
                                   "histogram_quantile(q, sum by (le, ...) (rate(metric_bucket[range])))"));
        if (!sum(plan) || !expect(QLatin1Char(')')))
            return false;
        if (plan.query.function != SeriesQuery::Function::Rate ||
            !plan.query.groupBy.removeAll(QStringLiteral("le")) ||
            !plan.query.metric.endsWith(QLatin1String("_bucket")))
            return unsupported(sumAt,
                               QCoreApplication::translate(
                                   "LocalPromQL",
                                   "the local store needs "
                                   "histogram_quantile(q, sum by (le, ...) (rate(metric_bucket[range])))"));
        plan.query.metric.chop(int(qstrlen("_bucket")));
        if (plan.query.metric.isEmpty())
            return syntax(
                sumAt, QCoreApplication::translate("LocalPromQL", "expected a metric name before _bucket"));
        plan.query.function = SeriesQuery::Function::Quantile;
        plan.query.quantile = q;
        return true;
    }

    bool string(QString& out)
    {
        skipSpace();
        if (!peekIs(QLatin1Char('"')) && !peekIs(QLatin1Char('\'')))
            return syntax(m_pos, QCoreApplication::translate("LocalPromQL", "expected a quoted string"));
        const QChar quote = m_text[m_pos++];
        while (m_pos < m_text.size() && m_text[m_pos] != quote) {
            if (m_text[m_pos] == QLatin1Char('\\') && m_pos + 1 < m_text.size())
                ++m_pos;
            out.append(m_text[m_pos++]);
        }
        if (m_pos >= m_text.size())
            return syntax(m_pos, QCoreApplication::translate("LocalPromQL", "unterminated quoted string"));
        ++m_pos;
        return true;
    }

    QString name()
    {
        skipSpace();
        const qsizetype start = m_pos;
        if (m_pos < m_text.size() && isNameStart(m_text[m_pos]))
            while (m_pos < m_text.size() && isNameChar(m_text[m_pos]))
                ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    QString peekName()
    {
        const qsizetype saved = m_pos;
        const QString n = name();
        m_pos = saved;
        return n;
    }

    bool peekIs(QChar c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
    }

    bool expect(QChar c)
    {
        skipSpace();
        if (peekIs(c)) {
            ++m_pos;
            return true;
        }
        return syntax(m_pos, QCoreApplication::translate("LocalPromQL", "expected \"%1\"").arg(c));
    }

    bool expectEnd()
    {
        skipSpace();
        if (m_pos == m_text.size())
            return true;
        return unsupported(m_pos, QCoreApplication::translate("LocalPromQL",
                                                              "the local store cannot evaluate "
                                                              "what follows here (operators, offsets)"));
    }

    bool syntax(qsizetype pos, const QString& what)
    {
        return failAt(
            MetricsErrorKind::BadQuery, pos,
            QCoreApplication::translate("LocalPromQL", "1:%1: parse error: %2").arg(pos + 1).arg(what));
    }

    bool unsupported(qsizetype pos, const QString& what)
    {
        return failAt(MetricsErrorKind::Unsupported, pos,
                      QCoreApplication::translate("LocalPromQL",
                                                  "Not supported by the local metrics store at "
                                                  "column %1: %2")
                          .arg(pos + 1)
                          .arg(what));
    }

    bool failAt(MetricsErrorKind kind, qsizetype pos, const QString& message)
    {
        if (!m_error.isError()) {
            m_error.kind = kind;
            m_error.message = message;
            m_error.line = 1;
            m_error.column = int(pos + 1);
        }
        return false;
    }

    const QString& m_text;
    qsizetype m_pos = 0;
    MetricsError m_error;
};

} // namespace

LocalQueryPlan planLocalQuery(const QString& expr)
{
    return Parser(expr).parse();
}

} // namespace wf::prometheus
