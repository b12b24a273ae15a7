import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Page, Card, Async, Field, FormError, formErrors, useApi } from '../ui.js';

const TEXT_FIELDS = [
  ['model_dir', 'Model directory', 'Where agents and the server look for models (absolute path).'],
  ['results_dir', 'Results directory', 'Where metrics.json files are written (absolute path).'],
  ['devon_url', 'Devon URL', 'For example https://devon.example:8080. Leave empty to disable.'],
];

export function SettingsPage() {
  const state = useApi('/settings');
  return h(Page, { title: 'Settings' }, h(Async, { state, what: 'Settings' }, s => h(SettingsForm, { initial: s, onSaved: state.reload })));
}

function SettingsForm({ initial }) {
  const [form, setForm] = useState({});
  const [current, setCurrent] = useState(initial);
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm({
    model_dir: initial.model_dir.value || '', results_dir: initial.results_dir.value || '',
    devon_url: initial.devon_url.value || '', devon_tab_visible: initial.devon_tab_visible.value, devon_api_key: '',
  }), [initial]);
  const submit = async e => {
    e.preventDefault();
    setErrors({}); setSaved(false);
    // Read the submitted form itself: the DOM always holds what the user typed last.
    const el = e.target.elements;
    const body = {
      model_dir: el.model_dir.value, results_dir: el.results_dir.value, devon_url: el.devon_url.value,
      devon_tab_visible: el.devon_tab_visible.checked,
    };
    if (el.devon_api_key.value) body.devon_api_key = el.devon_api_key.value;
    try {
      setCurrent(await api('/settings', { method: 'PUT', body }));
      setSaved(true);
      setForm(f => ({ ...f, devon_api_key: '' }));
    } catch (err) { setErrors(formErrors(err, ['model_dir', 'results_dir', 'devon_url', 'devon_api_key'])); }
  };
  const origin = key => current[key] && h('span', { class: `origin origin-${current[key].source}` },
    current[key].source === 'env' ? `from ${current[key].env}` : current[key].source === 'ui' ? 'set here' : 'default');
  return h('form', { onSubmit: submit, noValidate: true, class: 'settings' },
    h(FormError, { errors }),
    h(Card, { title: 'Storage' }, TEXT_FIELDS.slice(0, 2).map(([key, label, hint]) =>
      h(Field, { label: [label, ' ', origin(key)], name: key, errors, hint }, a => h('input', { ...a, value: form[key] || '', onInput: e => setForm({ ...form, [key]: e.target.value }) })))),
    h(Card, { title: 'Integrations: Devon' },
      h(Field, { label: ['Devon URL ', origin('devon_url')], name: 'devon_url', errors, hint: TEXT_FIELDS[2][2] },
        a => h('input', { ...a, type: 'url', value: form.devon_url || '', onInput: e => setForm({ ...form, devon_url: e.target.value }) })),
      h(Field, { label: ['Devon API key ', origin('devon_api_key')], name: 'devon_api_key', errors,
        hint: current.devon_api_key.set ? 'A key is stored; type a new one to replace it. It never leaves the server.' : 'Stored on the server; the browser never sees it.' },
        a => h('input', { ...a, type: 'password', autocomplete: 'off', value: form.devon_api_key || '', onInput: e => setForm({ ...form, devon_api_key: e.target.value }) })),
      h('div', { class: 'field check' }, h('label', null,
        h('input', { type: 'checkbox', name: 'devon_tab_visible', checked: !!form.devon_tab_visible, onChange: e => setForm({ ...form, devon_tab_visible: e.target.checked }) }),
        ' Show the Devon tab'))),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Save settings'),
      saved && h('span', { class: 'ok', role: 'status' }, 'Saved.')));
}
