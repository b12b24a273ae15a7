import { h } from 'preact';
import { Page, Card, Async, Empty, useApi } from '../ui.js';
import { LogView } from '../logview.js';

export function LogPage({ params }) {
  return h(Page, { title: `Log: ${params.id}` }, h(Card, null, h(LogView, { sourceId: params.id, height: 600 })));
}

export function DevonPage() {
  const state = useApi('/devon/status');
  return h(Page, { title: 'Devon' }, h(Async, { state, what: 'The Devon integration' }, s => {
    if (!s.configured) return h(Empty, { title: 'Devon is not configured' }, 'Set its URL in ', h('a', { href: '#/settings' }, 'Settings'), '.');
    return h('div', null,
      h('p', { class: s.reachable ? 'ok' : 'problem' }, s.reachable ? `Devon is reachable (${s.latency_ms} ms).` : `Devon is not reachable: ${s.problem || 'HTTP ' + s.http_status}`),
      h('iframe', { class: 'devon', src: s.proxy_path, title: 'Devon' }));
  }));
}
