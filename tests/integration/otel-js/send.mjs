// Sends a known set of traces, logs and metrics through the real OpenTelemetry JS SDK (OTLP/HTTP,
// JSON encoding) and prints, as one JSON line on stdout, a manifest of exactly what was sent, so the
// C++ test can compare it with what the Watchfloor receiver stored.
//
// Logs are sent gzip-compressed, traces and metrics plain, so both paths of the receiver are used.
// usage: node send.mjs http://127.0.0.1:PORT [runId] [slowMs]
// slowMs: the failing third checkout's database span lasts at least this long (default 0), so a search
// by minimum duration has one slow trace to find.
import { context, trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { PeriodicExportingMetricReader, AggregationTemporality } from '@opentelemetry/sdk-metrics';
import { resourceFromAttributes } from '@opentelemetry/resources';

const endpoint = process.argv[2];
const runId = process.argv[3] ?? 'run-1';
const slowMs = Number(process.argv[4] ?? 0);
if (!endpoint) {
  console.error('usage: node send.mjs http://127.0.0.1:PORT [runId]');
  process.exit(2);
}

const resourceFor = (service) =>
  resourceFromAttributes({
    'service.name': service,
    'service.version': '1.4.2',
    'deployment.environment': 'integration-test',
    'watchfloor.run_id': runId,
  });

// The entry service uses NodeSDK, the way applications are instrumented; the downstream service gets
// its own provider, as a second process would, so its spans arrive in a separate request.
const sdk = new NodeSDK({
  resource: resourceFor('checkout'),
  traceExporter: new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }),
  spanProcessors: undefined,
  logRecordProcessors: [new SimpleLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${endpoint}/v1/logs`, compression: "gzip" }) })],
  metricReader: new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({
      url: `${endpoint}/v1/metrics`,
      temporalityPreference: AggregationTemporality.CUMULATIVE,
    }),
    exportIntervalMillis: 60000,
  }),
  instrumentations: [],
  autoDetectResources: false,
});
sdk.start();

const payments = new BasicTracerProvider({
  resource: resourceFor('payments'),
  spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }))],
});

const manifest = { runId, spans: [], logs: [], metrics: [] };
const record = (span, service, parentSpanId) => {
  const c = span.spanContext();
  manifest.spans.push({ traceId: c.traceId, spanId: c.spanId, parentSpanId: parentSpanId ?? '', service,
                        name: span.name, attributes: span.attributes, status: span.status.code });
};

const tracer = trace.getTracer('watchfloor-it', '1.0.0');
const paymentsTracer = payments.getTracer('payments-lib', '2.0.0');
const { logs } = await import('@opentelemetry/api-logs');
const logger = logs.getLogger('watchfloor-it');

for (let i = 0; i < 3; i++) {
  const root = tracer.startSpan('POST /checkout', {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': 'POST', 'http.route': '/checkout', 'http.response.status_code': 200,
                  'order.items': i + 1, 'order.total': 12.5 * (i + 1), 'order.express': i === 1,
                  'order.tags': ['web', `batch-${i}`] },
  });
  const rootCtx = trace.setSpan(context.active(), root);
  const charge = paymentsTracer.startSpan('charge card', { kind: SpanKind.SERVER,
    attributes: { 'payment.provider': 'acme', 'payment.attempt': 1 } }, rootCtx);
  const chargeCtx = trace.setSpan(rootCtx, charge);
  const db = paymentsTracer.startSpan('SELECT payments', { kind: SpanKind.CLIENT,
    attributes: { 'db.system': 'postgresql', 'db.statement': 'SELECT * FROM payments WHERE id = $1' } }, chargeCtx);
  if (i === 2) {
    db.recordException(new Error('connection pool exhausted'));
    db.setStatus({ code: SpanStatusCode.ERROR, message: 'pool exhausted' });
    if (slowMs > 0) await new Promise((resolve) => setTimeout(resolve, slowMs));
  }
  db.end();
  charge.end();
  context.with(rootCtx, () => {
    logger.emit({ severityNumber: i === 2 ? SeverityNumber.ERROR : SeverityNumber.INFO,
                  severityText: i === 2 ? 'ERROR' : 'INFO',
                  body: `checkout ${i} for run ${runId} finished`,
                  attributes: { 'order.index': i, 'log.source': 'send.mjs' } });
  });
  root.end();
  record(root, 'checkout', '');
  record(charge, 'payments', root.spanContext().spanId);
  record(db, 'payments', charge.spanContext().spanId);
  manifest.logs.push({ body: `checkout ${i} for run ${runId} finished`, severityNumber: i === 2 ? 17 : 9,
                       traceId: root.spanContext().traceId, spanId: root.spanContext().spanId,
                       attributes: { 'order.index': i, 'log.source': 'send.mjs' } });
}

const meter = sdk ? (await import('@opentelemetry/api')).metrics.getMeter('watchfloor-it') : null;
const orders = meter.createCounter('orders_total', { description: 'Orders placed', unit: '{order}' });
orders.add(5, { region: 'eu-west' });
orders.add(2, { region: 'us-east' });
orders.add(1, { region: 'eu-west' });
const latency = meter.createHistogram('checkout.duration', { unit: 'ms' });
for (const v of [3, 7, 12, 40, 250]) latency.record(v, { route: '/checkout' });
const queue = meter.createObservableGauge('queue.depth');
queue.addCallback((r) => r.observe(42, { queue: 'orders' }));
manifest.metrics.push({ name: 'orders_total', type: 'sum', monotonic: true,
                        points: [{ attributes: { region: 'eu-west' }, value: 6 }, { attributes: { region: 'us-east' }, value: 2 }] });
manifest.metrics.push({ name: 'checkout.duration', type: 'histogram', points: [{ attributes: { route: '/checkout' }, count: 5, sum: 312 }] });
manifest.metrics.push({ name: 'queue.depth', type: 'gauge', points: [{ attributes: { queue: 'orders' }, value: 42 }] });

await payments.forceFlush();
await payments.shutdown();
await sdk.shutdown(); // flushes spans, logs and metrics
process.stdout.write(JSON.stringify(manifest) + '\n');
