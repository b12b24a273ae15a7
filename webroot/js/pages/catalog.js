import { h } from 'preact';
import { Page, Card, Async, Table, Chip, Empty, fmt, useApi } from '../ui.js';

export function ModelsPage() {
  const state = useApi('/models');
  return h(Page, { title: 'Models' }, h(Async, { state, what: 'The model list' }, data => h('div', null,
    h('p', { class: 'muted' }, 'Model directory: ', h('code', null, data.model_dir), ' (change it in ', h('a', { href: '#/settings' }, 'Settings'), ')'),
    (data.problems || []).map(p => h('div', { class: 'problem' }, p)),
    h(Card, null, h(Table, {
      rows: data.items, empty: 'No models found: put .gguf files or Hugging Face model folders in the model directory, or a Devon manifest.json',
      columns: [
        { label: 'Model', key: 'name' },
        { label: 'Format', render: m => h(Chip, { status: m.format }) },
        { label: 'Engines', render: m => m.engines.join(', ') },
        { label: 'Size', num: true, render: m => fmt.bytes(m.size_bytes) },
        { label: 'From', key: 'source' },
      ],
    })))));
}

export function EnginesPage() {
  const engines = useApi('/engines');
  const profiles = useApi('/profiles');
  return h(Page, { title: 'Engines & profiles' },
    h(Card, { title: 'Engines' }, h(Async, { state: engines, what: 'The engine registry' }, data => h(Table, {
      rows: data.items || data, empty: 'No engines registered',
      columns: [
        { label: 'Engine', key: 'name' }, { label: 'Image', render: e => h('code', null, e.image || e.default_image || '—') },
        { label: 'Port', num: true, render: e => e.port ?? e.default_port ?? '—' },
        { label: 'Formats', render: e => (e.formats || e.model_formats || []).join(', ') },
        { label: 'Modes', render: e => (e.modes || []).join(', ') },
      ],
    }))),
    h(Card, { title: 'Profiles' }, h(Async, { state: profiles, what: 'Engine profiles' }, data => h(Table, {
      rows: data.items || data, empty: 'No profiles yet',
      columns: [{ label: 'Name', key: 'name' }, { label: 'Engine', key: 'engine' }, { label: 'Args', render: p => h('code', null, JSON.stringify(p.args || [])) }],
    }))));
}
