#include "SignalWriter.h"

#include "AttributeCodec.h"

#include <QStringEncoder>
#include <QStringList>

#include <algorithm>

namespace wf::signalstore {

using namespace wf::telemetry;

namespace {

QByteArray idBlob(const SpanId& id)
{
    return id.isValid() ? id.toByteArray() : QByteArray();
}

// What one batch adds to a trace's summary; merged into the stored row by m_upsertTrace.
struct TraceDelta
{
    qint64 startNs = std::numeric_limits<qint64>::max();
    qint64 endNs = std::numeric_limits<qint64>::min();
    qint64 spans = 0;
    qint64 errors = 0;
    bool hasRoot = false;
    qint64 rootStartNs = std::numeric_limits<qint64>::max();
    QString rootService;
    QString rootName;
    QStringList services;

    void add(const Span& span, const QString& service)
    {
        startNs = std::min(startNs, span.startNs);
        // A span that ends before it starts (clock skew) extends the trace to its start only.
        endNs = std::max(endNs, std::max(span.startNs, span.endNs));
        ++spans;
        if (span.statusCode == StatusCode::Error)
            ++errors;
        // The earliest root span names the trace; until one arrives, the earliest span does.
        const bool root = span.isRoot();
        if ((root && !hasRoot) || (root == hasRoot && span.startNs < rootStartNs)) {
            hasRoot = root;
            rootStartNs = span.startNs;
            rootService = service;
            rootName = span.name;
        }
        if (!services.contains(service))
            services.append(service);
    }
};

qint64 retentionSlack(qint64 max)
{
    // Delete in chunks: going a little below the limit means the next rounds insert without deleting.
    return std::clamp<qint64>(max / 20, 1, 20'000);
}

} // namespace

SignalWriter::SignalWriter(SqliteDb& db, const SignalStoreLimits& limits)
    : m_db(db)
    , m_limits(limits)
    , m_insertResource(db.prepare("INSERT OR IGNORE INTO resources (service, attrs) VALUES (?1, ?2)"))
    , m_selectResource(db.prepare("SELECT id FROM resources WHERE attrs IS ?1"))
    , m_insertSpan(db.prepare(
          "INSERT OR IGNORE INTO spans (trace_id, span_id, parent_id, service, name, kind, status, "
          "status_message, start_ns, end_ns, resource_id, attrs) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"))
    , m_upsertTrace(db.prepare(
          "INSERT INTO traces (trace_id, start_ns, end_ns, span_count, error_count, root_service, "
          "root_name, root_start_ns, has_root) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
          "ON CONFLICT (trace_id) DO UPDATE SET "
          "start_ns = min(start_ns, excluded.start_ns), end_ns = max(end_ns, excluded.end_ns), "
          "span_count = span_count + excluded.span_count, "
          "error_count = error_count + excluded.error_count, "
          "root_service = CASE WHEN excluded.has_root > has_root OR (excluded.has_root = has_root AND "
          "excluded.root_start_ns < root_start_ns) THEN excluded.root_service ELSE root_service END, "
          "root_name = CASE WHEN excluded.has_root > has_root OR (excluded.has_root = has_root AND "
          "excluded.root_start_ns < root_start_ns) THEN excluded.root_name ELSE root_name END, "
          "root_start_ns = CASE WHEN excluded.has_root > has_root OR (excluded.has_root = has_root AND "
          "excluded.root_start_ns < root_start_ns) THEN excluded.root_start_ns ELSE root_start_ns END, "
          "has_root = max(has_root, excluded.has_root)"))
    , m_insertTraceService(
          db.prepare("INSERT OR IGNORE INTO trace_services (trace_id, service) VALUES (?1, ?2)"))
    , m_insertLog(db.prepare("INSERT INTO logs (time_ns, severity, severity_text, service, body, trace_id, "
                             "span_id, resource_id, attrs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"))
    , m_insertLogText(db.prepare("INSERT INTO logs_fts (rowid, body) VALUES (?1, ?2)"))
{
    m_spanCount = db.queryInt64("SELECT count(*) FROM spans").value_or(0);
    m_logCount = db.queryInt64("SELECT count(*) FROM logs").value_or(0);
}

RoundResult SignalWriter::writeRound(const std::vector<QueuedBatch>& batches)
{
    RoundResult result;
    m_db.executeScript("BEGIN IMMEDIATE");
    try {
        for (const QueuedBatch& queued : batches) {
            if (const auto* spans = std::get_if<std::shared_ptr<const SpanBatch>>(&queued))
                result.spansAdded += writeSpans(**spans);
            else
                result.logRecordsAdded +=
                    writeLogs(*std::get<std::shared_ptr<const PreparedLogBatch>>(queued));
        }
        m_spanCount += result.spansAdded;
        m_logCount += result.logRecordsAdded;
        applyRetention();
        m_db.executeScript("COMMIT");
    } catch (...) {
        if (m_db.inTransaction())
            m_db.executeScript("ROLLBACK");
        // Resource ids of the rolled-back round may be gone; the counts are re-read.
        m_resourceIds.clear();
        m_spanCount = m_db.queryInt64("SELECT count(*) FROM spans").value_or(0);
        m_logCount = m_db.queryInt64("SELECT count(*) FROM logs").value_or(0);
        throw;
    }
    return result;
}

qint64 SignalWriter::resourceId(const Resource& resource)
{
    return resourceId(resource.serviceName(), encodeAttributes(resource.attributes()));
}

qint64 SignalWriter::resourceId(const QString& service, const QByteArray& attrs)
{
    if (const auto it = m_resourceIds.constFind(attrs); it != m_resourceIds.constEnd())
        return it.value();
    m_insertResource.bindAll(service, attrs);
    while (m_insertResource.step()) {
    }
    m_insertResource.reset();
    m_selectResource.bindAll(attrs);
    const qint64 id = m_selectResource.step() ? m_selectResource.int64(0) : 0;
    m_selectResource.reset();
    m_resourceIds.insert(attrs, id);
    return id;
}

qint64 SignalWriter::writeSpans(const SpanBatch& batch)
{
    std::vector<qint64> resourceIds;
    resourceIds.reserve(batch.resources().size());
    for (const Resource& r : batch.resources())
        resourceIds.push_back(resourceId(r));
    const qint64 noResource = resourceId(Resource());

    QHash<TraceId, TraceDelta> traces;
    qint64 added = 0;
    for (const Span& span : batch.spans()) {
        const Resource& resource = batch.resourceOf(span);
        const qint64 rid = span.resourceIndex >= 0 && std::size_t(span.resourceIndex) < resourceIds.size()
                               ? resourceIds[std::size_t(span.resourceIndex)]
                               : noResource;
        m_insertSpan.bindAll(span.traceId.toByteArray(), span.spanId.toByteArray(), idBlob(span.parentSpanId),
                             resource.serviceName(), span.name, int(span.kind), int(span.statusCode),
                             span.statusMessage, span.startNs, span.endNs, rid,
                             encodeAttributes(span.attributes));
        while (m_insertSpan.step()) {
        }
        m_insertSpan.reset();
        if (m_db.changes() == 0)
            continue; // the same trace and span id is already stored: keep the first copy
        ++added;
        traces[span.traceId].add(span, resource.serviceName());
    }

    for (auto it = traces.cbegin(); it != traces.cend(); ++it) {
        const TraceDelta& t = it.value();
        const QByteArray traceId = it.key().toByteArray();
        m_upsertTrace.bindAll(traceId, t.startNs, t.endNs, t.spans, t.errors, t.rootService, t.rootName,
                              t.rootStartNs, t.hasRoot);
        while (m_upsertTrace.step()) {
        }
        m_upsertTrace.reset();
        for (const QString& service : t.services) {
            m_insertTraceService.bindAll(traceId, service);
            while (m_insertTraceService.step()) {
            }
            m_insertTraceService.reset();
        }
    }
    return added;
}

qint64 SignalWriter::writeLogs(const PreparedLogBatch& batch)
{
    std::vector<qint64> resourceIds;
    resourceIds.reserve(batch.resources().size());
    for (const PreparedLogBatch::Resource& r : batch.resources())
        resourceIds.push_back(resourceId(r.service, r.attrs));

    const char* text = batch.text().constData();
    auto bindText = [text](SqliteStatement& s, int index, PreparedLogBatch::Text t) {
        if (t.offset < 0)
            s.bind(index, nullptr);
        else
            s.bindTextNoCopy(index, text + t.offset, t.size);
    };
    for (const PreparedLogBatch::Record& record : batch.records()) {
        const PreparedLogBatch::Resource& resource = batch.resources()[std::size_t(record.resource)];
        m_insertLog.bind(1, record.timeNs).bind(2, int(record.severity));
        bindText(m_insertLog, 3, record.severityText);
        bindText(m_insertLog, 4, resource.serviceUtf8);
        bindText(m_insertLog, 5, record.body);
        if (record.hasTraceId)
            m_insertLog.bindBlobNoCopy(6, record.traceId.data(), qsizetype(record.traceId.size()));
        if (record.hasSpanId)
            m_insertLog.bindBlobNoCopy(7, record.spanId.data(), qsizetype(record.spanId.size()));
        m_insertLog.bind(8, resourceIds[std::size_t(record.resource)]);
        if (record.attrs.offset >= 0)
            m_insertLog.bindBlobNoCopy(9, text + record.attrs.offset, record.attrs.size);
        while (m_insertLog.step()) {
        }
        m_insertLog.reset(); // also clears the bindings: unbound ids and attributes are NULL
        m_insertLogText.bind(1, m_db.lastInsertRowId());
        bindText(m_insertLogText, 2, record.body);
        while (m_insertLogText.step()) {
        }
        m_insertLogText.reset();
    }
    return batch.size();
}

PreparedLogBatch::PreparedLogBatch(const LogBatch& batch)
{
    qsizetype chars = 0;
    for (const LogRecord& r : batch.records())
        chars += r.bodyText.size() + r.severityText.size() + 8;
    // Mostly ASCII: one byte per character; append() grows it for the rest.
    m_text.reserve(chars + chars / 8);
    m_resources.reserve(batch.resources().size() + 1);
    auto addResource = [this](const telemetry::Resource& r) {
        Resource prepared{r.serviceName(), encodeAttributes(r.attributes()), {}};
        prepared.serviceUtf8 = append(prepared.service, false);
        m_resources.push_back(std::move(prepared));
    };
    for (const telemetry::Resource& r : batch.resources())
        addResource(r);
    addResource(telemetry::Resource());
    const auto noResource = qint32(m_resources.size() - 1);

    m_records.reserve(batch.records().size());
    for (const LogRecord& r : batch.records()) {
        Record out;
        out.timeNs = r.effectiveTimeNs();
        out.severity = r.severityNumber;
        out.resource = r.resourceIndex >= 0 && r.resourceIndex < noResource ? r.resourceIndex : noResource;
        out.severityText = append(r.severityText, r.severityText.isNull());
        out.body = append(r.bodyText, r.bodyText.isNull());
        if (!r.attributes.isEmpty())
            out.attrs = append(encodeAttributes(r.attributes));
        out.hasTraceId = r.traceId.isValid();
        if (out.hasTraceId)
            out.traceId = r.traceId.bytes();
        out.hasSpanId = r.spanId.isValid();
        if (out.hasSpanId)
            out.spanId = r.spanId.bytes();
        m_records.push_back(out);
    }
}

PreparedLogBatch::Text PreparedLogBatch::append(QStringView s, bool null)
{
    if (null)
        return {};
    const qsizetype at = m_text.size();
    const qsizetype worst = at + s.size() * 3;
    if (worst > m_text.capacity())
        m_text.reserve(std::max(worst, m_text.capacity() * 2));
    m_text.resize(worst);
    QStringEncoder encoder(QStringEncoder::Utf8);
    char* end = encoder.appendToBuffer(m_text.data() + at, s);
    m_text.resize(end - m_text.constData());
    return {at, m_text.size() - at};
}

PreparedLogBatch::Text PreparedLogBatch::append(const QByteArray& bytes)
{
    const qsizetype at = m_text.size();
    if (at + bytes.size() > m_text.capacity())
        m_text.reserve(std::max(at + bytes.size(), m_text.capacity() * 2));
    m_text.append(bytes);
    return {at, bytes.size()};
}

void SignalWriter::applyRetention()
{
    if (m_logCount > m_limits.maxLogRecords) {
        const qint64 excess = m_logCount - m_limits.maxLogRecords + retentionSlack(m_limits.maxLogRecords);
        const qint64 n = std::min(excess, m_logCount);
        // External-content FTS5 needs the old values to remove a row's tokens.
        m_db.execute("INSERT INTO logs_fts (logs_fts, rowid, body) "
                     "SELECT 'delete', id, body FROM logs ORDER BY id LIMIT ?1",
                     n);
        m_logCount -=
            m_db.execute("DELETE FROM logs WHERE id IN (SELECT id FROM logs ORDER BY id LIMIT ?1)", n);
    }
    if (m_spanCount > m_limits.maxSpans) {
        // Whole traces go, oldest first, so a summary never describes spans that are gone.
        const qint64 excess = m_spanCount - m_limits.maxSpans + retentionSlack(m_limits.maxSpans);
        std::vector<QByteArray> doomed;
        qint64 covered = 0;
        SqliteStatement oldest = m_db.prepare("SELECT trace_id, span_count FROM traces ORDER BY id");
        while (covered < excess && oldest.step()) {
            doomed.push_back(oldest.blob(0));
            covered += oldest.int64(1);
        }
        oldest.reset();
        SqliteStatement deleteSpans = m_db.prepare("DELETE FROM spans WHERE trace_id = ?1");
        SqliteStatement deleteServices = m_db.prepare("DELETE FROM trace_services WHERE trace_id = ?1");
        SqliteStatement deleteTrace = m_db.prepare("DELETE FROM traces WHERE trace_id = ?1");
        for (const QByteArray& traceId : doomed) {
            deleteSpans.bindAll(traceId);
            while (deleteSpans.step()) {
            }
            m_spanCount -= m_db.changes();
            deleteSpans.reset();
            for (SqliteStatement* s : {&deleteServices, &deleteTrace}) {
                s->bindAll(traceId);
                while (s->step()) {
                }
                s->reset();
            }
        }
    }
}

} // namespace wf::signalstore
