// Shared building blocks: loading/empty/error states, fields with server errors, tables, chips.
import { h } from 'preact';
import { useEffect, useState, useCallback } from 'preact/hooks';
import { api } from './api.js';

/** Loads a GET endpoint; {data, error, loading, reload}. */
export function useApi(path, deps = []) {
  const [state, set] = useState({ loading: true });
  const load = useCallback(() => {
    if (!path) { set({ loading: false }); return; }
    set(s => ({ ...s, loading: true }));
    api(path).then(data => set({ data, loading: false }), error => set({ error, loading: false }));
  }, [path, ...deps]);
  useEffect(load, [load]);
  return { ...state, reload: load };
}

export const Page = ({ title, actions, children }) => h('section', { class: 'page' },
  h('header', { class: 'page-head' }, h('h1', null, title), actions && h('div', { class: 'actions' }, actions)),
  children);

export const Card = ({ title, actions, children, class: cls, ...rest }) => h('div', { ...rest, class: `card ${cls || ''}` },
  (title || actions) && h('div', { class: 'card-head' }, title && h('h2', null, title), actions),
  children);

export const Loading = () => h('p', { class: 'muted', role: 'status' }, 'Loading…');

export const Empty = ({ title, children }) => h('div', { class: 'empty' },
  h('strong', null, title), children && h('p', null, children));

/** Shows why something failed; a missing endpoint says the feature is not installed on this server. */
export function Problem({ error, what }) {
  if (error.missing) {
    return h(Empty, { title: `${what || 'This feature'}: not available on this server yet` },
      'The server answered 404 for this feature. It appears once the server version that provides it is deployed.');
  }
  return h('div', { class: 'problem', role: 'alert' }, h('strong', null, 'Something went wrong: '), error.message);
}

/** Renders loading, error or content for a useApi state. */
export function Async({ state, what, children }) {
  if (state.error) return h(Problem, { error: state.error, what });
  if (state.loading && !state.data) return h(Loading);
  return children(state.data);
}

export function Field({ label, name, errors, hint, children }) {
  const err = errors && errors[name];
  const id = `f-${name}`;
  return h('div', { class: `field ${err ? 'has-error' : ''}` },
    h('label', { for: id }, label),
    children({ id, name, 'aria-invalid': err ? 'true' : undefined, 'aria-describedby': err ? `${id}-err` : undefined }),
    hint && !err && h('small', { class: 'hint' }, hint),
    err && h('small', { class: 'field-error', id: `${id}-err`, role: 'alert' }, err));
}

/**
 * Turns a failed submit into {field: message}, or {_form: message} when the server names no field
 * or one this form does not show (pass the names it shows, so no message is ever lost).
 */
export function formErrors(error, shown) {
  const onField = error.field && (!shown || shown.includes(error.field));
  return onField ? { [error.field]: error.message } : { _form: error.message };
}

export const FormError = ({ errors }) => errors && errors._form
  ? h('div', { class: 'problem', role: 'alert' }, errors._form) : null;

export const Chip = ({ status }) => h('span', { class: `chip chip-${String(status || 'unknown').toLowerCase()}` }, status || 'unknown');

export function Table({ columns, rows, empty, rowKey }) {
  if (!rows || rows.length === 0) return h(Empty, { title: empty || 'Nothing here yet' });
  return h('div', { class: 'table-wrap' }, h('table', null,
    h('thead', null, h('tr', null, columns.map(c => h('th', { class: c.num ? 'num' : '' }, c.label)))),
    h('tbody', null, rows.map((r, i) => h('tr', { key: rowKey ? rowKey(r) : i },
      columns.map(c => h('td', { class: c.num ? 'num' : '', 'data-label': c.label }, c.render ? c.render(r) : r[c.key])))))));
}

export const fmt = {
  num(v, digits = 2) {
    if (v === null || v === undefined || Number.isNaN(v)) return '—';
    const abs = Math.abs(v);
    return abs >= 1000 ? Math.round(v).toLocaleString() : Number(v).toFixed(abs >= 100 ? 1 : digits);
  },
  time(ms) { return ms ? new Date(ms).toLocaleString() : '—'; },
  ago(ms) {
    if (!ms) return 'never';
    const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)}m ago` : `${Math.round(s / 3600)}h ago`;
  },
  bytes(n) {
    if (n === null || n === undefined || n < 0) return '—';
    const u = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0; while (n >= 1024 && i < u.length - 1) { n /= 1024; i++; }
    return `${n.toFixed(i ? 1 : 0)} ${u[i]}`;
  },
  pct(v) { return v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)}%`; },
};

export const link = (href, text, attrs = {}) => h('a', { href, ...attrs }, text);
