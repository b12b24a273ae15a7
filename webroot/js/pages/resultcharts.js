// Charts of one run: latency percentiles, the TTFT and ITL percentile curves, throughput, and
// throughput against concurrency when the run swept concurrency levels.
import { h } from 'preact';
import { Card, Empty } from '../ui.js';
import { BarChart, LineChart } from '../chart.js';

export const LATENCY = /(ttft|inter_token|itl|latency|e2e|tpot)/i;
export const THROUGHPUT = /(tokens?_per_s|throughput|req(uests)?_per_s|tps)/i;
const PCT = /(?:^|_)(p(\d{1,2}(?:\.\d+)?)|avg|mean|min|max)(?:_|$)/i;
const ORDER = ['min', 'p50', 'avg', 'mean', 'p90', 'p95', 'p99', 'max'];

/** Splits "p50_ttft_ms" / "ttft_ms_p50" into {family: "ttft_ms", stat: "p50"}. */
function percentileOf(name) {
  const m = PCT.exec(name);
  if (!m) return null;
  const family = name.replace(m[0], m[0].startsWith('_') && m[0].endsWith('_') ? '_' : '').replace(/^_|_$/g, '');
  return { family, stat: m[1].toLowerCase() };
}

const numeric = b => Object.entries(b.metrics || {}).filter(([, v]) => typeof v === 'number');

export function RunCharts({ benches }) {
  const all = benches.flatMap(b => numeric(b).map(([k, v]) => ({ bench: b.test_name, k, v })));
  // One family per benchmark and metric (ttft, inter-token ...), its statistics by name.
  const families = {};
  all.filter(m => LATENCY.test(m.k)).forEach(m => {
    const p = percentileOf(m.k);
    if (p) (families[`${m.bench}: ${p.family}`] ||= {})[p.stat] = m.v;
  });
  const stats = ORDER.filter(s => Object.values(families).some(f => f[s] !== undefined));
  const throughput = all.filter(m => THROUGHPUT.test(m.k));
  const charts = [
    stats.length > 0 && h(Card, { title: 'Latency percentiles' },
      h(BarChart, { categories: stats, unit: 'ms', series: Object.entries(families).map(([label, f]) => ({ label, values: stats.map(s => f[s] ?? null) })) })),
    h(PercentileCurves, { families }),
    throughput.length > 0 && h(Card, { title: 'Throughput' },
      h(BarChart, { categories: throughput.map(m => `${m.bench}: ${m.k}`), series: [{ label: 'value', values: throughput.map(m => m.v) }] })),
    h(ConcurrencyChart, { benches }),
  ].filter(Boolean);
  return h('div', { class: 'grid' }, charts.length ? charts
    : h(Card, { title: 'Charts' }, h(Empty, { title: 'No latency or throughput metrics to chart' })));
}

/**
 * TTFT and ITL distributions. A run stores percentiles (p50, p90, p99), not every sample, so the
 * chart is the percentile curve through them: x is the percentile, y the latency at it.
 */
function PercentileCurves({ families }) {
  const curves = Object.entries(families).filter(([name]) => /(ttft|itl|inter_token)/i.test(name))
    .map(([label, f]) => ({ label, points: Object.entries(f).filter(([s]) => /^p\d/.test(s)).map(([s, v]) => [Number(s.slice(1)), v]) }))
    .filter(c => c.points.length >= 2);
  if (!curves.length) return null;
  const xs = [...new Set(curves.flatMap(c => c.points.map(p => p[0])))].sort((a, b) => a - b);
  const series = curves.map(c => ({ label: c.label, values: xs.map(x => (c.points.find(p => p[0] === x) || [])[1] ?? null) }));
  return h(Card, { title: 'TTFT and ITL distributions', class: 'chart-card', 'data-testid': 'latency-distribution' },
    h(LineChart, { xLabel: 'percentile', unit: 'ms', xs, series }),
    h('p', { class: 'muted small' }, 'The run stores percentiles, not every request, so this is the percentile curve through ',
      xs.map(x => `p${x}`).join(', '), ': how long the slowest x % of requests waited at most.'));
}

/** Throughput at each concurrency level of a sweep (details.sweep in the run's metrics.json). */
function ConcurrencyChart({ benches }) {
  const sweeps = benches.filter(b => b.details && Array.isArray(b.details.sweep)
    && b.details.sweep.some(p => p.concurrency !== undefined));
  // Repeated runs of a benchmark sweep the same levels: the first run's sweep stands for them.
  const byName = {};
  sweeps.forEach(b => { byName[b.test_name] ||= b.details.sweep.filter(p => p.concurrency !== undefined); });
  const names = Object.keys(byName);
  if (!names.length) return null;
  const xs = [...new Set(names.flatMap(n => byName[n].map(p => p.concurrency)))].sort((a, b) => a - b);
  if (xs.length < 2) return null;
  const series = names.map(n => ({ label: `${n}: output tokens/s`,
    values: xs.map(x => (byName[n].find(p => p.concurrency === x) || {}).output_tokens_per_s ?? null) }));
  return h(Card, { title: 'Throughput against concurrency', class: 'chart-card', 'data-testid': 'throughput-concurrency' },
    h(LineChart, { xLabel: 'concurrency', unit: 'tokens/s', xs, series }));
}
