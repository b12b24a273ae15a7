import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Page, Card, Async, Table, Chip, Field, FormError, formErrors, fmt, useApi, link } from '../ui.js';
import { LogView } from '../logview.js';

export function Campaigns() {
  const state = useApi('/campaigns?per_page=50');
  const [creating, setCreating] = useState(false);
  return h(Page, { title: 'Campaigns', actions: h('button', { class: 'primary', onClick: () => setCreating(!creating) }, creating ? 'Close' : 'New campaign') },
    creating && h(CampaignForm, { onCreated: c => { location.hash = `#/campaigns/${c.id}`; } }),
    h(Card, null, h(Async, { state, what: 'Campaigns' }, data => h(Table, {
      rows: data.items, rowKey: c => c.id, empty: 'No campaigns yet',
      columns: [
        { label: 'Campaign', render: c => link(`#/campaigns/${c.id}`, c.name || c.id) },
        { label: 'Status', render: c => h(Chip, { status: c.status }) },
        { label: 'Progress', render: c => c.total ? `${c.done || 0}/${c.total}` : '—' },
        { label: 'Created', render: c => fmt.time(c.created_at) },
      ],
    }))));
}

function CampaignForm({ onCreated }) {
  const agents = useApi('/agents?per_page=100');
  const [form, setForm] = useState({ name: '', agent_id: '', engines: 'sim', models: '', suite: 'quick' });
  const [errors, setErrors] = useState({});
  const set = (k, v) => setForm({ ...form, [k]: v });
  const list = s => s.split(',').map(x => x.trim()).filter(Boolean);
  const submit = async e => {
    e.preventDefault(); setErrors({});
    try {
      onCreated(await api('/campaigns', { method: 'POST', body: {
        name: form.name, agent_id: form.agent_id, suite: form.suite,
        engines: list(form.engines).map(n => ({ name: n })), models: list(form.models),
      } }));
    } catch (err) { setErrors(err.missing ? { _form: 'Campaigns are not available on this server yet (404).' } : formErrors(err)); }
  };
  const text = (k) => a => h('input', { ...a, value: form[k], onInput: e => set(k, e.target.value) });
  return h(Card, { title: 'New campaign' }, h('form', { class: 'form-grid', onSubmit: submit, noValidate: true },
    h(FormError, { errors }),
    h(Field, { label: 'Name', name: 'name', errors }, text('name')),
    h(Field, { label: 'Agent', name: 'agent_id', errors }, a => h('select', { ...a, value: form.agent_id, onChange: e => set('agent_id', e.target.value) },
      h('option', { value: '' }, 'Choose an agent'), ((agents.data && agents.data.items) || []).map(ag => h('option', { value: ag.id }, ag.name || ag.id)))),
    h(Field, { label: 'Engines', name: 'engines', errors, hint: 'Comma-separated, e.g. vllm, llama_cpp' }, text('engines')),
    h(Field, { label: 'Models', name: 'models', errors, hint: 'Comma-separated names or paths' }, text('models')),
    h(Field, { label: 'Suite', name: 'suite', errors }, text('suite')),
    h('div', { class: 'form-actions' }, h('button', { class: 'primary', type: 'submit' }, 'Create campaign'))));
}

export function CampaignDetail({ params }) {
  const id = encodeURIComponent(params.id);
  const state = useApi(`/campaigns/${id}`);
  const launch = async () => { try { await api(`/campaigns/${id}/launch`, { method: 'POST', body: {} }); state.reload(); } catch (e) { alert(e.message); } };
  return h(Page, { title: state.data ? state.data.name || params.id : `Campaign ${params.id}`,
    actions: state.data && [h(Chip, { status: state.data.status }), h('button', { onClick: launch }, 'Launch')] },
  h(Async, { state, what: 'This campaign' }, c => h(Card, { title: 'Tests' }, h(Table, {
    rows: c.tests || c.items || [], empty: 'No tests planned yet',
    columns: [
      { label: 'Engine', key: 'engine' }, { label: 'Model', key: 'model' },
      { label: 'Status', render: t => h(Chip, { status: t.status }) },
      { label: 'Result', render: t => t.result_id ? link(`#/results/${t.result_id}`, 'result') : '—' },
    ],
  }))),
  h(Card, { title: 'Live log' }, h(LogView, { sourceId: params.id })));
}
