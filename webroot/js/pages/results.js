import { h } from 'preact';
import { useState } from 'preact/hooks';
import { Page, Card, Async, Table, Chip, Empty, fmt, useApi, link } from '../ui.js';
import { BarChart } from '../chart.js';
import { RunCharts, LATENCY, THROUGHPUT } from './resultcharts.js';

const FILTERS = ['model', 'engine', 'suite', 'passed'];

export function ResultsList({ query }) {
  const [filters, setFilters] = useState(Object.fromEntries(FILTERS.map(f => [f, query.get(f) || ''])));
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState([]);
  const q = new URLSearchParams({ page, per_page: 25 });
  FILTERS.forEach(f => filters[f] && q.set(f, filters[f]));
  const state = useApi(`/results?${q}`);
  const toggle = id => setSelected(s => s.includes(id) ? s.filter(x => x !== id) : [...s, id]);
  const compare = selected.length >= 2 && h('a', { class: 'button primary', href: `#/results/compare?ids=${selected.join(',')}` },
    `Compare ${selected.length} runs`);
  return h(Page, { title: 'Results', actions: compare },
    h('form', { class: 'filters', onSubmit: e => e.preventDefault(), role: 'search' },
      ['model', 'engine', 'suite'].map(f => h('label', null, f[0].toUpperCase() + f.slice(1),
        h('input', { value: filters[f], placeholder: 'any', onChange: e => { setPage(1); setFilters({ ...filters, [f]: e.target.value.trim() }); } }))),
      h('label', null, 'Outcome', h('select', { value: filters.passed, onChange: e => setFilters({ ...filters, passed: e.target.value }) },
        h('option', { value: '' }, 'any'), h('option', { value: 'true' }, 'passed'), h('option', { value: 'false' }, 'failed')))),
    h(Card, null, h(Async, { state, what: 'Results' }, data => h('div', null,
      h(Table, {
        rows: data.items, rowKey: r => r.id, empty: 'No results match these filters',
        columns: [
          { label: 'Compare', render: r => h('input', { type: 'checkbox', 'aria-label': `select ${r.model} ${r.engine}`, checked: selected.includes(r.id), onChange: () => toggle(r.id) }) },
          { label: 'Model', render: r => link(`#/results/${r.id}`, r.model, { class: 'result-link' }) },
          { label: 'Engine', key: 'engine' },
          { label: 'Suite', key: 'suite_name' },
          { label: 'Benchmarks', num: true, render: r => `${r.passed_count}/${r.total_benchmarks}` },
          { label: 'Outcome', render: r => h(Chip, { status: r.passed ? 'passed' : 'failed' }) },
          { label: 'Started', render: r => fmt.time(r.started_at) },
        ],
      }),
      h(Pager, { page, perPage: data.per_page, total: data.total, onPage: setPage })))));
}

function Pager({ page, perPage, total, onPage }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { disabled: page <= 1, onClick: () => onPage(page - 1) }, 'Previous'),
    h('span', null, `Page ${page} of ${pages}`),
    h('button', { disabled: page >= pages, onClick: () => onPage(page + 1) }, 'Next'));
}

export function ResultDetail({ params }) {
  const state = useApi(`/results/${encodeURIComponent(params.id)}`);
  return h(Async, { state, what: 'This result' }, run => {
    const doc = run.document || {};
    const benches = doc.results || [];
    return h(Page, { title: `${run.model} · ${run.engine}`, actions: h(Chip, { status: run.passed ? 'passed' : 'failed' }) },
      h(Card, { title: 'Run' }, h('dl', { class: 'facts' },
        fact('Suite', run.suite_name), fact('Benchmarks', `${run.passed_count} passed of ${run.total_benchmarks}`),
        fact('Duration', `${fmt.num(run.total_time_seconds)} s`), fact('Started', fmt.time(run.started_at)),
        fact('KITT', run.kitt_version), fact('Hardware', run.hardware_fingerprint || '—'), fact('Source', run.source))),
      h(RunCharts, { benches }),
      benches.length === 0 ? h(Empty, { title: 'This run has no benchmark results' })
        : benches.map(b => h(Card, { title: `${b.test_name} #${b.run_number ?? 1}`, actions: h(Chip, { status: b.passed ? 'passed' : 'failed' }) },
          h(Table, {
            rows: Object.entries(b.metrics || {}).filter(([, v]) => typeof v === 'number'),
            empty: 'No metrics recorded',
            columns: [{ label: 'Metric', render: ([k]) => k }, { label: 'Value', num: true, render: ([, v]) => fmt.num(v) }],
          }),
          (b.errors || []).length > 0 && h('ul', { class: 'errors' }, b.errors.map(e => h('li', null, String(e)))))));
  });
}

const fact = (k, v) => [h('dt', null, k), h('dd', null, v ?? '—')];

export function ResultsCompare({ query }) {
  const ids = (query.get('ids') || '').split(',').filter(Boolean);
  const state = useApi(ids.length >= 2 ? `/results/compare?ids=${ids.map(encodeURIComponent).join(',')}` : null);
  if (ids.length < 2) {
    return h(Page, { title: 'Compare runs' }, h(Empty, { title: 'Pick two or more runs' }, 'Select runs in the ', link('#/results', 'results list'), ' and press Compare.'));
  }
  return h(Page, { title: `Compare ${ids.length} runs` }, h(Async, { state, what: 'Comparison' }, data => {
    const runs = data.runs;
    const label = (r, i) => `#${i + 1} ${r.model} · ${r.engine}`;
    const tput = data.metrics.filter(m => THROUGHPUT.test(m.metric));
    return h('div', null,
      h(Card, { title: 'Runs' }, h(Table, {
        rows: runs.map((r, i) => ({ ...r, i })),
        columns: [
          { label: 'Run', render: r => link(`#/results/${r.id}`, label(r, r.i)) },
          { label: 'Suite', key: 'suite_name' }, { label: 'Started', render: r => fmt.time(r.started_at) },
          { label: 'Outcome', render: r => h(Chip, { status: r.passed ? 'passed' : 'failed' }) },
        ],
      })),
      tput.length > 0 && h(Card, { title: 'Throughput' }, h(BarChart, {
        categories: tput.map(m => `${m.benchmark}: ${m.metric}`),
        series: runs.map((r, i) => ({ label: label(r, i), values: tput.map(m => m.values[i]) })),
      })),
      h(Card, { title: 'Metrics (delta against run #1)' }, h(Table, {
        rows: data.metrics, empty: 'These runs share no metrics',
        columns: [
          { label: 'Benchmark', key: 'benchmark' }, { label: 'Metric', key: 'metric' },
          ...runs.map((r, i) => ({
            label: `#${i + 1}`, num: true, render: m => h('span', null, fmt.num(m.values[i]),
              i > 0 && m.delta_pct[i] !== null && h('span', { class: `delta ${deltaClass(m.metric, m.delta_pct[i])}` }, ` ${fmt.pct(m.delta_pct[i])}`)),
          })),
        ],
      })));
  }));
}

/** Higher throughput is better; higher latency is worse. */
function deltaClass(metric, d) {
  if (Math.abs(d) < 0.05) return 'same';
  const better = THROUGHPUT.test(metric) ? d > 0 : LATENCY.test(metric) ? d < 0 : null;
  return better === null ? 'same' : better ? 'better' : 'worse';
}
