import { h } from 'preact';
import { Page, Card, Async, Table, Chip, fmt, useApi, link } from '../ui.js';

export function Dashboard() {
  const agents = useApi('/agents?per_page=100');
  const results = useApi('/results?per_page=8');
  const tests = useApi('/quicktests?per_page=8');
  const campaigns = useApi('/campaigns?status=running&per_page=8');
  return h(Page, { title: 'Dashboard' },
    h('div', { class: 'grid' },
      h(Card, { title: 'Fleet', actions: link('#/agents', 'All agents') },
        h(Async, { state: agents, what: 'The agent fleet' }, data => {
          const items = data.items || [];
          const count = s => items.filter(a => a.status === s).length;
          // Probed hosts list their GPUs; test agents say how many they pretend to have.
          const gpus = items.reduce((n, a) => n + (((a.hardware && a.hardware.gpus) || []).length || (a.hardware && a.hardware.gpu_count) || 0), 0);
          return h('div', { class: 'stats' },
            stat('Agents', data.total ?? items.length), stat('Online', count('online')),
            stat('Busy', count('busy')), stat('Offline', count('offline')), stat('GPUs', gpus));
        })),
      h(Card, { title: 'Running tests', actions: link('#/quicktests', 'Quick tests') },
        h(Async, { state: tests, what: 'Quick tests' }, data => h(Table, {
          // Quick tests still on their way, then campaigns in progress (when that list has loaded).
          rows: [...(data.items || []).filter(t => ['queued', 'dispatched', 'running'].includes(t.status))
            .map(t => ({ href: `#/quicktests/${t.id}`, name: t.model || t.id, what: t.engine, status: t.status })),
          ...((campaigns.data && campaigns.data.items) || []).map(c => ({ href: `#/campaigns/${c.id}`, name: c.name, what: 'campaign', status: c.status }))],
          empty: 'No test is running',
          columns: [
            { label: 'Test', render: t => link(t.href, t.name) },
            { label: 'Engine', key: 'what' },
            { label: 'Status', render: t => h(Chip, { status: t.status }) },
          ],
        })))),
    h(Regressions),
    h(Card, { title: 'Recent runs', actions: link('#/results', 'All results') },
      h(Async, { state: results, what: 'Results' }, data => h(Table, {
        rows: data.items, empty: 'No results yet: run a quick test or import a metrics.json',
        columns: [
          { label: 'Model', render: r => link(`#/results/${r.id}`, r.model) },
          { label: 'Engine', key: 'engine' },
          { label: 'Suite', key: 'suite_name' },
          { label: 'Passed', render: r => h(Chip, { status: r.passed ? 'passed' : 'failed' }) },
          { label: 'When', render: r => fmt.time(r.started_at) },
        ],
      }))));
}

const DAYS = 30;

/** Runs that got worse than the previous run of the same model × engine × benchmark (the server judges, as kitt ci does). */
function Regressions() {
  const since = Date.now() - DAYS * 86_400_000;
  const state = useApi(`/results/regressions?since=${Math.floor(since / 60_000) * 60_000}`);
  return h(Card, { title: 'Regressions', class: 'regressions', actions: h('span', { class: 'muted' }, `last ${DAYS} days, beyond 5 %`) },
    h(Async, { state, what: 'Regression tracking' }, data => h(Table, {
      rows: data.items, empty: `No regressions in the last ${DAYS} days`,
      columns: [
        { label: 'Run', render: r => link(`#/results/${r.run_id}`, `${r.model} · ${r.engine}`) },
        { label: 'Benchmark', key: 'benchmark' },
        { label: 'Worse', render: r => h('div', null, r.regressions.slice(0, 3).map(m => h('div', { class: 'regression' },
          m.metric, ' ', h('span', { class: 'delta worse' }, m.change_pct === null ? 'from 0' : fmt.pct(m.change_pct))))) },
        { label: 'Against', render: r => link(`#/results/compare?ids=${r.baseline_id},${r.run_id}`, `run of ${fmt.time(r.baseline_started_at)}`) },
      ],
    })));
}

const stat = (label, value) => h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, value), h('span', { class: 'stat-label' }, label));
