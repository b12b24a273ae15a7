import { h } from 'preact';
import { useState, useEffect } from 'preact/hooks';
import { api } from '../api.js';
import { Page, Card, Async, Table, Chip, Field, FormError, formErrors, fmt, useApi, link } from '../ui.js';
import { LogView } from '../logview.js';

const SUITES = ['quick', 'standard', 'performance'];
const BENCHMARKS = ['throughput', 'latency', 'streaming_latency', 'memory', 'warmup_analysis', 'mmlu', 'gsm8k', 'truthfulqa', 'hellaswag'];
const ARCH = { aarch64: 'arm64', armv8: 'arm64', amd64: 'x86_64', x64: 'x86_64' };
// Normalised as the server's planning does, so the engine list matches what it accepts.
const archOf = a => { const raw = (a && a.hardware && (a.hardware.cpu && a.hardware.cpu.architecture || a.hardware.arch)) || null; return raw && (ARCH[raw.toLowerCase()] || raw.toLowerCase()); };

export function QuickTests() {
  const history = useApi('/quicktests?per_page=50');
  return h(Page, { title: 'Quick test' },
    h(QuickTestForm, { onLaunched: t => { location.hash = `#/quicktests/${t.id}`; } }),
    h(Card, { title: 'History' }, h(Async, { state: history, what: 'Quick tests' }, data => h(Table, {
      rows: data.items, rowKey: t => t.id, empty: 'No quick tests yet',
      columns: [
        { label: 'Test', render: t => link(`#/quicktests/${t.id}`, t.model || t.id) },
        { label: 'Engine', key: 'engine' }, { label: 'Agent', render: t => t.agent_name || t.agent_id },
        { label: 'Status', render: t => h(Chip, { status: t.status }) },
        { label: 'Created', render: t => fmt.time(t.created_at) },
      ],
    }))));
}

function QuickTestForm({ onLaunched }) {
  const agents = useApi('/agents?per_page=100');
  const models = useApi('/models');
  const engines = useApi('/engines');
  const profiles = useApi('/profiles');
  const [form, setForm] = useState({ agent_id: '', model: '', engine: '', kind: 'benchmark', benchmark: 'throughput', suite: 'quick', profile: '' });
  const [override, setOverride] = useState(false);
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const set = (k, v) => setForm({ ...form, [k]: v });
  const agent = agents.data && (agents.data.items || []).find(a => a.id === form.agent_id);
  const model = models.data && (models.data.items || []).find(m => (m.path || m.name) === form.model);
  const engineList = (engines.data && (engines.data.items || engines.data)) || [];
  // Only engines that load the model's format and run on the agent's architecture, unless overridden.
  // "*" takes any model; no architectures listed means any CPU.
  const fit = engineList.filter(e => override || ((!model || !e.formats || e.formats.includes('*') || e.formats.includes(model.format))
    && (!archOf(agent) || !(e.architectures || []).length || e.architectures.includes(archOf(agent)))));
  const names = fit.length ? fit.map(e => e.name) : (model ? model.engines : ['sim', 'vllm', 'llama_cpp', 'ollama', 'exllamav2', 'mlx']);
  const submit = async e => {
    e.preventDefault(); setErrors({}); setBusy(true);
    const body = { agent_id: form.agent_id, model: form.model, engine: form.engine };
    body[form.kind] = form[form.kind];
    if (form.profile) body.profile = form.profile;
    try { onLaunched(await api('/quicktests', { method: 'POST', body })); }
    catch (err) { setErrors(err.missing ? { _form: 'Quick tests are not available on this server yet (404).' } : formErrors(err, ['agent_id', 'model', 'engine', 'profile', form.kind])); }
    finally { setBusy(false); }
  };
  return h(Card, { title: 'Launch' }, h('form', { class: 'form-grid', onSubmit: submit, noValidate: true },
    h(FormError, { errors }),
    h(Field, { label: 'Agent', name: 'agent_id', errors }, a => h('select', { ...a, value: form.agent_id, onChange: e => set('agent_id', e.target.value) },
      h('option', { value: '' }, agents.error ? 'agents unavailable' : 'Choose an agent'),
      ((agents.data && agents.data.items) || []).map(ag => h('option', { value: ag.id }, `${ag.name || ag.id}${ag.is_test ? ' (test)' : ''} · ${ag.status}`)))),
    h(Field, { label: 'Model', name: 'model', errors, hint: 'Pick from the model directory or type a path' }, a => h('div', null,
      h('input', { ...a, list: 'model-options', value: form.model, onInput: e => set('model', e.target.value) }),
      h('datalist', { id: 'model-options' }, ((models.data && models.data.items) || []).map(m => h('option', { value: m.path || m.name }, `${m.name} (${m.format})`))))),
    h(Field, { label: 'Engine', name: 'engine', errors }, a => h('div', null,
      h('select', { ...a, value: form.engine, onChange: e => set('engine', e.target.value) },
        h('option', { value: '' }, 'Choose an engine'), names.map(n => h('option', { value: n }, n))),
      h('label', { class: 'inline' }, h('input', { type: 'checkbox', checked: override, onChange: e => setOverride(e.target.checked) }), ' show all engines'))),
    h(Field, { label: 'Profile (optional)', name: 'profile', errors }, a => h('select', { ...a, value: form.profile, onChange: e => set('profile', e.target.value) },
      h('option', { value: '' }, 'none'), ((profiles.data && profiles.data.items) || []).filter(p => p.engine === form.engine)
        .map(p => h('option', { value: p.name }, p.description ? `${p.name}: ${p.description}` : p.name)))),
    h('fieldset', { class: 'field' }, h('legend', null, 'What to run'),
      h('label', { class: 'inline' }, h('input', { type: 'radio', name: 'kind', checked: form.kind === 'benchmark', onChange: () => set('kind', 'benchmark') }), ' Benchmark'),
      h('label', { class: 'inline' }, h('input', { type: 'radio', name: 'kind', checked: form.kind === 'suite', onChange: () => set('kind', 'suite') }), ' Suite')),
    h(Field, { label: form.kind === 'suite' ? 'Suite' : 'Benchmark', name: form.kind, errors }, a => h('select', { ...a, value: form[form.kind], onChange: e => set(form.kind, e.target.value) },
      (form.kind === 'suite' ? SUITES : BENCHMARKS).map(n => h('option', { value: n }, n)))),
    h('div', { class: 'form-actions' }, h('button', { class: 'primary', type: 'submit', disabled: busy }, busy ? 'Launching…' : 'Launch quick test'))));
}

export function QuickTestDetail({ params }) {
  const id = encodeURIComponent(params.id);
  const state = useApi(`/quicktests/${id}`);
  const status = state.data && state.data.status;
  // While the test runs, re-read its status so the result link appears without a manual refresh.
  useEffect(() => {
    if (!status || ['completed', 'failed', 'cancelled'].includes(status)) return undefined;
    const timer = setInterval(state.reload, 2000);
    return () => clearInterval(timer);
  }, [status]);
  return h(Page, { title: `Quick test ${params.id}`, actions: state.data && h(Chip, { status: state.data.status }) },
    h(Async, { state, what: 'This quick test' }, t => h('div', { class: 'grid' },
      h(Card, { title: 'Test' }, h('dl', { class: 'facts' },
        h('dt', null, 'Agent'), h('dd', null, link(`#/agents/${t.agent_id}`, t.agent_name || t.agent_id)),
        h('dt', null, 'Model'), h('dd', null, t.model), h('dt', null, 'Engine'), h('dd', null, t.engine),
        h('dt', null, 'Runs'), h('dd', null, t.benchmark || t.suite),
        h('dt', null, 'Result'), h('dd', null, t.result_id ? link(`#/results/${t.result_id}`, 'Open the result') : h('span', { class: 'muted' }, 'when finished')),
        t.error && [h('dt', null, 'Error'), h('dd', { class: 'problem' }, t.error)]),
        h('button', { onClick: state.reload }, 'Refresh')))),
    h(Card, { title: 'Live log' }, h(LogView, { sourceId: params.id })));
}
