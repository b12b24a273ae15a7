import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api, auth } from '../api.js';
import { Field, FormError, formErrors } from '../ui.js';

export function Login({ onLogin }) {
  const [form, setForm] = useState({ username: 'admin', password: '' });
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const submit = async e => {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await api('/auth/login', { method: 'POST', body: form });
      auth.set(res.token);
      onLogin();
    } catch (err) {
      setErrors(err.field ? formErrors(err) : { password: err.message });
    } finally { setBusy(false); }
  };
  const input = (name, type) => attrs => h('input', {
    ...attrs, type, value: form[name], autocomplete: name === 'password' ? 'current-password' : 'username',
    onInput: e => setForm({ ...form, [name]: e.target.value }),
  });
  return h('main', { class: 'login' },
    h('form', { class: 'card login-card', onSubmit: submit, noValidate: true },
      h('div', { class: 'brand big' }, h('span', { class: 'logo' }, 'K'), 'KITT'),
      h('p', { class: 'muted' }, 'Benchmarks for LLM inference engines'),
      h(FormError, { errors }),
      h(Field, { label: 'Username', name: 'username', errors }, input('username', 'text')),
      h(Field, { label: 'Password', name: 'password', errors }, input('password', 'password')),
      h('button', { type: 'submit', class: 'primary', disabled: busy }, busy ? 'Signing in…' : 'Sign in')));
}
