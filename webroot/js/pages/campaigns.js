import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Page, Card, Async, Table, Chip, Empty, fmt, useApi, link } from '../ui.js';
import { LogView } from '../logview.js';
import { CampaignWizard } from './wizard.js';

const DONE = ['completed', 'failed', 'cancelled'];

export function Campaigns() {
  const state = useApi('/campaigns?per_page=50');
  const [creating, setCreating] = useState(false);
  return h(Page, { title: 'Campaigns', actions: h('button', { class: 'primary', onClick: () => setCreating(!creating) }, creating ? 'Close' : 'New campaign') },
    creating && h(CampaignWizard, { onCreated: c => { location.hash = `#/campaigns/${c.id}`; } }),
    h(Card, null, h(Async, { state, what: 'Campaigns' }, data => h(Table, {
      rows: data.items, rowKey: c => c.id, empty: 'No campaigns yet: press New campaign',
      columns: [
        { label: 'Campaign', render: c => link(`#/campaigns/${c.id}`, c.name || c.id) },
        { label: 'Status', render: c => h(Chip, { status: c.status }) },
        { label: 'Created', render: c => fmt.time(c.created_at) },
        { label: 'Finished', render: c => fmt.time(c.finished_at) },
      ],
    }))));
}

export function CampaignDetail({ params }) {
  const id = encodeURIComponent(params.id);
  const state = useApi(`/campaigns/${id}`);
  const agents = useApi('/agents?per_page=100');
  const agentName = aid => ((agents.data && agents.data.items) || []).find(a => a.id === aid)?.name || aid.slice(0, 8);
  const [problem, setProblem] = useState(null);
  const status = state.data && state.data.status;
  // While the campaign runs, re-read it so per-test progress moves without a manual refresh.
  useEffect(() => {
    if (!status || status === 'draft' || DONE.includes(status)) return undefined;
    const timer = setInterval(state.reload, 2000);
    return () => clearInterval(timer);
  }, [status]);
  const control = action => async () => {
    setProblem(null);
    try { await api(`/campaigns/${id}/${action}`, { method: 'POST', body: {} }); state.reload(); } catch (e) { setProblem(e.message); }
  };
  const actions = state.data && [h(Chip, { status }),
    status === 'draft' && h('button', { class: 'primary', onClick: control('launch') }, 'Launch'),
    status === 'running' && h('button', { class: 'danger', onClick: control('cancel') }, 'Cancel'),
    ['failed', 'cancelled'].includes(status) && h('button', { onClick: control('resume') }, 'Resume')];
  return h(Page, { title: state.data ? state.data.name || params.id : `Campaign ${params.id}`, actions },
    problem && h('div', { class: 'problem', role: 'alert' }, problem),
    h(Async, { state, what: 'This campaign' }, c => h(Card, { title: 'Tests', actions: h(Progress, { counts: c.counts || {} }) }, h(Table, {
      rows: c.runs || [], rowKey: r => r.seq, empty: 'No tests planned',
      columns: [
        { label: '#', num: true, key: 'seq' },
        { label: 'Model', key: 'model' },
        { label: 'Engine', render: r => r.profile ? `${r.engine} · ${r.profile}` : r.engine },
        { label: 'Agent', render: r => r.agent_id ? link(`#/agents/${r.agent_id}`, agentName(r.agent_id)) : '—' },
        { label: 'Status', render: r => h('span', { 'data-testid': 'run-status' }, h(Chip, { status: r.status })) },
        { label: 'Detail', render: r => r.reason || r.error || (r.started_at ? `${fmt.num(((r.finished_at || Date.now()) - r.started_at) / 1000, 1)} s` : '—') },
        { label: 'Result', render: r => r.result_id ? link(`#/results/${r.result_id}`, 'result')
          : r.started_at ? link(`#/logs/campaign:${params.id}:${r.seq}`, 'log') : '—' },
      ],
    }))),
    h(Card, { title: 'Campaign log' }, h(LogView, { sourceId: params.id })));
}

/** Done of planned (skipped runs do not count), as a bar and in words. */
function Progress({ counts }) {
  const planned = (counts.planned || 0) - (counts.skipped || 0);
  const done = (counts.succeeded || 0) + (counts.failed || 0) + (counts.cancelled || 0);
  if (!planned) return h(Empty, { title: 'Nothing to run' });
  return h('div', { class: 'progress', 'data-testid': 'progress' },
    h('progress', { max: planned, value: done, 'aria-label': 'tests finished' }),
    h('span', null, `${done} of ${planned} finished`, counts.failed ? ` · ${counts.failed} failed` : '', counts.running ? ` · ${counts.running} running` : ''));
}
