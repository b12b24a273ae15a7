// The campaign wizard's steps: each renders its part of the draft and reports changes with set().
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { Field, Empty, Chip, Table, link } from '../ui.js';

/** Which campaign key holds a model's reference, by format (the campaign file's layout). */
export const REF_KEY = { gguf: 'gguf_repo', safetensors: 'safetensors_repo', ollama: 'ollama_tag', exl2: 'exl2_repo', mlx: 'mlx_repo' };

const text = (draft, set, key, type = 'text') => a => h('input', { ...a, type, value: draft[key], onInput: e => set({ [key]: e.target.value }) });

export function Basics({ draft, set, errors }) {
  return h('div', null,
    h(Field, { label: 'Name', name: 'campaign_name', errors, hint: 'For example nightly-small-models' }, text(draft, set, 'campaign_name')),
    h(Field, { label: 'Description (optional)', name: 'description', errors }, text(draft, set, 'description')));
}

export function Agents({ draft, set, errors, agents }) {
  const toggle = id => set({ agents: draft.agents.includes(id) ? draft.agents.filter(a => a !== id) : [...draft.agents, id] });
  if (!agents.length) {
    return h(Empty, { title: 'No agents yet' }, 'Add one, or create a test agent, on the ', link('#/agents', 'Agents page'), '.');
  }
  return h('fieldset', { class: `field ${errors.agents ? 'has-error' : ''}`, id: 'f-agents', 'aria-describedby': errors.agents ? 'f-agents-err' : undefined },
    h('legend', null, 'Agents that may run the tests (each test runs once, on whichever is free first)'),
    agents.map(a => h('label', { class: 'check-row' },
      h('input', { type: 'checkbox', name: 'agent', value: a.id, checked: draft.agents.includes(a.id), onChange: () => toggle(a.id) }),
      ` ${a.name || a.id}`, a.is_test && h('span', { class: 'badge' }, 'test'), ' ', h(Chip, { status: a.status }))),
    errors.agents && h('small', { class: 'field-error', id: 'f-agents-err', role: 'alert' }, errors.agents));
}

export function Engines({ draft, set, errors, engines, profiles }) {
  const put = (name, patch) => set({ engines: { ...draft.engines, [name]: { ...(draft.engines[name] || {}), ...patch } } });
  return h('div', null,
    errors.engines && h('div', { class: 'problem', role: 'alert', id: 'f-engines-err' }, errors.engines),
    h('div', { class: 'engine-rows' }, engines.map(e => {
      const cur = draft.engines[e.name] || {};
      const own = profiles.filter(p => p.engine === e.name);
      const key = `engines.${e.name}`;
      return h('fieldset', { class: `engine-row ${cur.on ? 'on' : ''}` },
        h('legend', null, h('label', { class: 'inline' },
          h('input', { type: 'checkbox', name: 'engine', value: e.name, checked: !!cur.on, onChange: ev => put(e.name, { on: ev.target.checked }) }),
          ` ${e.name}`), h('span', { class: 'muted' }, ` takes ${e.formats.includes('*') ? 'any model' : e.formats.join(', ')}`)),
        cur.on && h('div', { class: 'form-grid' },
          h(Field, { label: 'Mode', name: `${key}.mode`, errors }, a => h('select', { ...a, value: cur.mode || '', onChange: ev => put(e.name, { mode: ev.target.value }) },
            h('option', { value: '' }, 'the agent decides'), ['docker', 'native', 'endpoint'].filter(m => m === 'endpoint' || e.modes.includes(m))
              .map(m => h('option', { value: m }, m)))),
          h(Field, { label: 'Profile', name: `${key}.profile`, errors }, a => h('select', { ...a, value: cur.profile || '', onChange: ev => put(e.name, { profile: ev.target.value }) },
            h('option', { value: '' }, 'none'), own.map(p => h('option', { value: p.name }, p.name))))));
    })));
}

/** Models the chosen engines can load (by format), from the model directory, plus any typed in. */
export function Models({ draft, set, errors, models, engines }) {
  const [custom, setCustom] = useState({ name: '', format: 'gguf', ref: '' });
  const chosen = engines.filter(e => draft.engines[e.name] && draft.engines[e.name].on);
  const fits = m => chosen.some(e => e.formats.includes('*') || e.formats.includes(m.format));
  const offered = models.filter(m => REF_KEY[m.format] && fits(m));
  const has = name => draft.models.some(m => m.name === name);
  const toggle = m => set({ models: has(m.name) ? draft.models.filter(x => x.name !== m.name)
    : [...draft.models, { name: m.name, format: m.format, ref: m.path || m.name }] });
  const add = () => {
    if (!custom.name.trim() || !custom.ref.trim()) return;
    set({ models: [...draft.models.filter(m => m.name !== custom.name.trim()), { name: custom.name.trim(), format: custom.format, ref: custom.ref.trim() }] });
    setCustom({ name: '', format: custom.format, ref: '' });
  };
  return h('div', null,
    errors.models && h('div', { class: 'problem', role: 'alert', id: 'f-models-err' }, errors.models),
    h('fieldset', { class: 'field' }, h('legend', null, `From the model directory, for ${chosen.map(e => e.name).join(', ') || 'the chosen engines'}`),
      offered.length ? offered.map(m => h('label', { class: 'check-row' },
        h('input', { type: 'checkbox', checked: has(m.name), onChange: () => toggle(m) }), ` ${m.name} `, h(Chip, { status: m.format })))
        : h('p', { class: 'muted' }, 'None of the models in the model directory fits these engines; name one below.')),
    h('fieldset', { class: 'field custom-model' }, h('legend', null, 'Or name a model'),
      h('div', { class: 'form-grid' },
        h(Field, { label: 'Model name', name: 'custom_name' }, a => h('input', { ...a, value: custom.name, onInput: e => setCustom({ ...custom, name: e.target.value }) })),
        h(Field, { label: 'Format', name: 'custom_format' }, a => h('select', { ...a, value: custom.format, onChange: e => setCustom({ ...custom, format: e.target.value }) },
          Object.keys(REF_KEY).map(f => h('option', { value: f }, f)))),
        h(Field, { label: custom.format === 'ollama' ? 'Ollama tag' : 'Repository or path', name: 'custom_ref' }, a => h('input', { ...a, value: custom.ref, onInput: e => setCustom({ ...custom, ref: e.target.value }) }))),
      h('button', { type: 'button', onClick: add }, 'Add model')),
    draft.models.length > 0 && h(Table, { rows: draft.models, columns: [
      { label: 'Model', key: 'name' }, { label: 'Format', key: 'format' }, { label: 'Reference', key: 'ref' },
      { label: '', render: m => h('button', { type: 'button', class: 'link', onClick: () => set({ models: draft.models.filter(x => x !== m) }) }, 'Remove') }] }));
}

export function Settings({ draft, set, errors }) {
  return h('div', { class: 'form-grid' },
    h(Field, { label: 'Suite', name: 'suite', errors, hint: 'quick: seconds; standard: performance and quality; performance: load sweeps' },
      a => h('select', { ...a, value: draft.suite, onChange: e => set({ suite: e.target.value }) }, ['quick', 'standard', 'performance'].map(s => h('option', { value: s }, s)))),
    h(Field, { label: 'Timeout per test (minutes)', name: 'timeout_minutes', errors }, text(draft, set, 'timeout_minutes', 'number')),
    h(Field, { label: 'SLO: p99 time to first token at most (ms, optional)', name: 'slos.max_ttft_ms_p99', errors, hint: 'Each run is checked against it; the report shows which met it' }, text(draft, set, 'slo_ttft_ms', 'number')),
    h(Field, { label: 'SLO: p99 time per output token at most (ms, optional)', name: 'slos.max_tpot_ms_p99', errors }, text(draft, set, 'slo_tpot_ms', 'number')));
}

/** The compatibility matrix: model × engine (× profile) cells, with the agents that may run each or why it is skipped. */
export function Review({ plan, agents }) {
  if (!plan) return h('p', { class: 'muted', role: 'status' }, 'Planning…');
  const name = id => (agents.find(a => a.id === id) || {}).name || id;
  const models = [...new Set(plan.runs.map(r => r.model))];
  const columns = [...new Set(plan.runs.map(r => r.profile ? `${r.engine} · ${r.profile}` : r.engine))];
  const cell = (m, c) => plan.runs.filter(r => r.model === m && (r.profile ? `${r.engine} · ${r.profile}` : r.engine) === c);
  return h('div', null,
    h('p', null, h('strong', null, `${plan.planned} test${plan.planned === 1 ? '' : 's'} will run`), plan.skipped ? `, ${plan.skipped} skipped` : '', '.'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'matrix', 'data-testid': 'matrix' },
      h('thead', null, h('tr', null, h('th', null, 'Model'), columns.map(c => h('th', null, c)))),
      h('tbody', null, models.map(m => h('tr', null, h('th', { scope: 'row' }, m),
        columns.map(c => h('td', { 'data-label': c }, cell(m, c).map(r => r.status === 'skipped'
          ? h('div', { class: 'cell skipped' }, h(Chip, { status: 'skipped' }), h('small', null, r.reason))
          : h('div', { class: 'cell planned' }, h(Chip, { status: 'planned' }), h('small', null, `on ${r.agents.map(name).join(' or ')}`)))))))))));
}
