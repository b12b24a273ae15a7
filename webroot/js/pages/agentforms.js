// The two ways to add an agent: an enrollment token for a real GPU server (with its install
// command) and a test agent with chosen hardware. Bad input comes back next to its field.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Card, Field, FormError, formErrors, fmt } from '../ui.js';

const HW = [['gpu', 'GPU', 'text'], ['gpu_count', 'GPUs', 'number'], ['vram_gb', 'VRAM per GPU (GB)', 'number'],
  ['cpu', 'CPU (optional)', 'text'], ['cores', 'CPU cores', 'number'], ['ram_gb', 'RAM (GB)', 'number']];

export function TestAgentForm({ onCreated }) {
  const [form, setForm] = useState({ name: `test-agent-${Date.now().toString(36)}`, gpu: 'Simulated GPU', gpu_count: '1', vram_gb: '24', cpu: '', cores: '8', ram_gb: '64' });
  const [errors, setErrors] = useState({});
  const submit = async e => {
    e.preventDefault(); setErrors({});
    const hardware = {};
    // Numbers go as typed (the server checks ranges); empty optional fields are left out.
    HW.forEach(([k, , type]) => { if (form[k] !== '') hardware[k] = type === 'number' ? Number(form[k]) : form[k]; });
    try { onCreated(await api('/agents/test', { method: 'POST', body: { name: form.name, hardware } })); }
    catch (err) { setErrors(formErrors(err, ['name', ...HW.map(([k]) => `hardware.${k}`)])); }
  };
  const input = (k, type) => a => h('input', { ...a, type, value: form[k], onInput: e => setForm({ ...form, [k]: e.target.value }) });
  return h(Card, { title: 'New test agent', class: 'highlight' },
    h('p', { class: 'muted' }, 'A test agent runs its tests on the simulated engine inside this server: try KITT without a GPU server.'),
    h('form', { class: 'form-grid test-agent-form', onSubmit: submit, noValidate: true },
      h(FormError, { errors }),
      h(Field, { label: 'Name', name: 'name', errors }, input('name', 'text')),
      HW.map(([k, label, type]) => h(Field, { label, name: `hardware.${k}`, errors }, input(k, type))),
      h('div', { class: 'form-actions' }, h('button', { class: 'primary', type: 'submit' }, 'Create test agent'))));
}

export function EnrollForm() {
  const [ttl, setTtl] = useState('60');
  const [token, setToken] = useState(null);
  const [errors, setErrors] = useState({});
  const submit = async e => {
    e.preventDefault(); setErrors({});
    try { setToken(await api('/enrollment-tokens', { method: 'POST', body: { ttl_minutes: ttl === '' ? undefined : Number(ttl) } })); }
    catch (err) { setErrors(formErrors(err, ['ttl_minutes'])); }
  };
  return h(Card, { title: 'Install an agent', class: 'highlight' },
    h('form', { class: 'form-grid enroll-form', onSubmit: submit, noValidate: true },
      h(FormError, { errors }),
      h(Field, { label: 'Token valid for (minutes)', name: 'ttl_minutes', errors, hint: 'The token works once.' },
        a => h('input', { ...a, type: 'number', value: ttl, onInput: e => setTtl(e.target.value) })),
      h('div', { class: 'form-actions' }, h('button', { class: 'primary', type: 'submit' }, 'Create enrollment token'))),
    token && [h('p', null, 'Run this on the GPU server before ', fmt.time(Date.parse(token.expires_at) || token.expires_at), ':'),
      // The server builds the line: over TLS it checks KITT's CA by fingerprint before installing.
      h(CopyLine, { text: token.install_command || `curl -fsSL ${location.origin}/api/v1/agent/install.sh | KITT_ENROLL_TOKEN=${token.token} sh` })]);
}

function CopyLine({ text }) {
  const [copied, setCopied] = useState(false);
  return h('div', { class: 'copyline' }, h('code', { 'data-testid': 'install-command' }, text),
    h('button', { type: 'button', onClick: () => navigator.clipboard && navigator.clipboard.writeText(text).then(() => setCopied(true)) }, copied ? 'Copied' : 'Copy'));
}
