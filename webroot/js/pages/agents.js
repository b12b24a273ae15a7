import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, stream } from '../api.js';
import { Page, Card, Async, Table, Chip, Empty, Field, FormError, formErrors, fmt, useApi, link } from '../ui.js';
import { LineChart, useLiveSeries } from '../chart.js';

const gpusOf = a => (a.hardware && (a.hardware.gpus || (a.hardware.gpu && a.hardware.gpu.devices))) || [];

export function AgentsList() {
  const state = useApi('/agents?per_page=100');
  const [enrollment, setEnrollment] = useState(null);
  const [problem, setProblem] = useState(null);
  const act = async (fn) => { setProblem(null); try { await fn(); } catch (e) { setProblem(e); } };
  const createToken = () => act(async () => setEnrollment(await api('/enrollment-tokens', { method: 'POST', body: {} })));
  // A test agent with a plausible single-GPU host; its name and hardware can be edited afterwards.
  const createTest = () => act(async () => {
    await api('/agents/test', { method: 'POST', body: {
      name: `test-agent-${Date.now().toString(36)}`,
      hardware: { gpu: 'Simulated GPU', gpu_count: 1, vram_gb: 24, cores: 8, ram_gb: 64 },
    } });
    state.reload();
  });
  return h(Page, {
    title: 'Agents',
    actions: [h('button', { onClick: createTest }, 'Create test agent'), h('button', { class: 'primary', onClick: createToken }, 'Add an agent')],
  },
  problem && h('div', { class: 'problem', role: 'alert' }, problem.missing ? 'This server does not offer that yet (404).' : problem.message),
  enrollment && h(Card, { title: 'Install an agent', class: 'highlight' },
    h('p', null, 'Run this on the GPU server. The token works once and expires ', fmt.time(Date.parse(enrollment.expires_at) || enrollment.expires_at), '.'),
    // The server builds the line: over TLS it checks KITT's CA by fingerprint before installing.
    h(CopyLine, { text: enrollment.install_command || `curl -fsSL ${location.origin}/api/v1/agent/install.sh | KITT_ENROLL_TOKEN=${enrollment.token} sh` })),
  h(Card, null, h(Async, { state, what: 'The agent fleet' }, data => h(Table, {
    rows: data.items, rowKey: a => a.id, empty: 'No agents yet: add one, or create a test agent to try KITT without a GPU server',
    columns: [
      { label: 'Agent', render: a => [link(`#/agents/${a.id}`, a.name || a.id), a.is_test && h('span', { class: 'badge' }, 'test')] },
      { label: 'Status', render: a => h(Chip, { status: a.status }) },
      { label: 'GPUs', render: a => summariseGpus(gpusOf(a)) },
      { label: 'Heartbeat', render: a => fmt.ago(a.last_heartbeat_at) },
    ],
  }))));
}

function summariseGpus(gpus) {
  if (!gpus.length) return h('span', { class: 'muted' }, 'none');
  const byName = {};
  gpus.forEach(g => { const n = g.name || g.model || 'GPU'; byName[n] = (byName[n] || 0) + 1; });
  return Object.entries(byName).map(([n, c]) => `${c}× ${n}`).join(', ');
}

function CopyLine({ text }) {
  const [copied, setCopied] = useState(false);
  return h('div', { class: 'copyline' }, h('code', { 'data-testid': 'install-command' }, text),
    h('button', { onClick: () => navigator.clipboard && navigator.clipboard.writeText(text).then(() => setCopied(true)) }, copied ? 'Copied' : 'Copy'));
}

export function AgentDetail({ params }) {
  const id = encodeURIComponent(params.id);
  const state = useApi(`/agents/${id}`);
  return h(Async, { state, what: 'This agent' }, a => h(Page, {
    title: [a.name || a.id, a.is_test && h('span', { class: 'badge' }, 'test')],
    actions: h(Chip, { status: a.status }),
  },
  h('div', { class: 'grid' },
    h(Card, { title: 'Hardware' }, h(Hardware, { hw: a.hardware })),
    h(Card, { title: 'GPU load (live)' }, h(GpuChart, { agentId: a.id }))),
  h('div', { class: 'grid' },
    h(StorageCard, { agent: a, id }),
    h(TokenCard, { id })),
  h(AgentSettings, { id })));
}

function Hardware({ hw }) {
  if (!hw) return h(Empty, { title: 'No hardware report yet' });
  const gpus = gpusOf({ hardware: hw });
  return h('dl', { class: 'facts' },
    h('dt', null, 'CPU'), h('dd', null, (hw.cpu && (hw.cpu.model || hw.cpu.name)) || '—'),
    h('dt', null, 'Memory'), h('dd', null, hw.memory ? fmt.bytes(hw.memory.total_bytes ?? hw.memory.totalBytes) : '—'),
    h('dt', null, 'OS'), h('dd', null, (hw.os && (hw.os.name || hw.os.pretty_name)) || '—'),
    h('dt', null, 'GPUs'), h('dd', null, gpus.length ? gpus.map(g => h('div', null, `${g.name || g.model} (${fmt.bytes(g.memory_bytes ?? g.memory_total_bytes ?? (g.memory_mb || 0) * 1048576)})`)) : 'none'));
}

function GpuChart({ agentId }) {
  const live = useLiveSeries(120);
  const [data, setData] = useState(null);
  useEffect(() => {
    const es = stream('/events/stream', { source: agentId });
    es.addEventListener('heartbeat', ev => {
      const beat = JSON.parse(ev.data);
      const gpus = beat.gpus || beat.samples || [];
      const values = {};
      gpus.forEach((g, i) => {
        values[`GPU${g.index ?? i} util %`] = g.utilization_pct ?? g.util ?? g.utilization ?? null;
        const used = g.memory_used_mb ?? g.memory_used, total = g.memory_total_mb ?? g.memory_total;
        values[`GPU${g.index ?? i} mem %`] = used != null && total ? (100 * used) / total : null;
      });
      setData(live.push((beat.at || Date.now()) / 1000, values));
    });
    return () => es.close();
  }, [agentId]);
  if (!data || data.xs.length < 2) return h(Empty, { title: 'Waiting for heartbeats' }, 'The chart fills in as the agent reports GPU load.');
  return h(LineChart, { time: true, xLabel: 'time', unit: '%', xs: data.xs, series: data.series, height: 220 });
}

function StorageCard({ agent, id }) {
  const [msg, setMsg] = useState(null);
  const storage = (agent.hardware && agent.hardware.storage) || agent.storage || [];
  const clean = async () => {
    try { const r = await api(`/agents/${id}/cleanup`, { method: 'POST', body: {} }); setMsg(`Clean-up requested (command ${r.id || 'queued'}).`); }
    catch (e) { setMsg(e.missing ? 'Clean-up is not available on this server yet.' : e.message); }
  };
  return h(Card, { title: 'Storage', actions: h('button', { onClick: clean }, 'Clean storage') },
    (Array.isArray(storage) ? storage : [storage]).length && storage.length !== 0
      ? h(Table, { rows: Array.isArray(storage) ? storage : [storage], columns: [
        { label: 'Mount', render: s => s.mount || s.path || '—' },
        { label: 'Free', num: true, render: s => fmt.bytes(s.free_bytes ?? s.freeBytes) },
        { label: 'Total', num: true, render: s => fmt.bytes(s.total_bytes ?? s.totalBytes) }] })
      : h(Empty, { title: 'No storage report yet' }),
    msg && h('p', { role: 'status' }, msg));
}

function TokenCard({ id }) {
  const [msg, setMsg] = useState(null);
  const rotate = async () => {
    try { const r = await api(`/agents/${id}/rotate-token`, { method: 'POST', body: {} }); setMsg(`New agent token: ${r.token || 'sent to the agent'}`); }
    catch (e) { setMsg(e.missing ? 'Token rotation is not available on this server yet.' : e.message); }
  };
  const revoke = async () => {
    if (!confirm('Revoke this agent\'s token and remove it from the fleet?')) return;
    try { await api(`/agents/${id}`, { method: 'DELETE' }); location.hash = '#/agents'; }
    catch (e) { setMsg(e.message); }
  };
  return h(Card, { title: 'Agent token' },
    h('p', { class: 'muted' }, 'Rotate if a token may have leaked; revoke to cut the agent off.'),
    h('div', { class: 'actions' }, h('button', { onClick: rotate }, 'Rotate token'), h('button', { class: 'danger', onClick: revoke }, 'Revoke')),
    msg && h('p', { role: 'status', class: 'wrap' }, msg));
}

function AgentSettings({ id }) {
  const state = useApi(`/agents/${id}/settings`);
  const [form, setForm] = useState(null);
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState(false);
  return h(Card, { title: 'Agent settings' }, h(Async, { state, what: 'Per-agent settings' }, s => {
    const values = form || s.settings || s;
    const save = async e => {
      e.preventDefault(); setErrors({}); setSaved(false);
      try { await api(`/agents/${id}/settings`, { method: 'PUT', body: values }); setSaved(true); }
      catch (err) { setErrors(formErrors(err)); }
    };
    const keys = Object.keys(values).filter(k => typeof values[k] !== 'object');
    if (!keys.length) return h(Empty, { title: 'This agent has no settings' });
    return h('form', { onSubmit: save, noValidate: true }, h(FormError, { errors }),
      keys.map(k => h(Field, { label: k.replace(/_/g, ' '), name: k, errors }, a => typeof values[k] === 'boolean'
        ? h('input', { ...a, type: 'checkbox', checked: values[k], onChange: e => setForm({ ...values, [k]: e.target.checked }) })
        : h('input', { ...a, value: values[k] ?? '', onInput: e => setForm({ ...values, [k]: typeof values[k] === 'number' ? Number(e.target.value) : e.target.value }) }))),
      h('div', { class: 'form-actions' }, h('button', { class: 'primary', type: 'submit' }, 'Save'), saved && h('span', { class: 'ok' }, 'Saved.')));
  }));
}
