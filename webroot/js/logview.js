// A live log: replays the stored lines then follows new ones over SSE; the browser's EventSource
// reconnects by itself and sends Last-Event-ID, so the server resumes without gaps or repeats.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { stream } from './api.js';

export function LogView({ sourceId, height = 360 }) {
  const [lines, setLines] = useState([]);
  const [state, setState] = useState('connecting');
  const box = useRef(null);
  const follow = useRef(true);
  useEffect(() => {
    setLines([]);
    // Batched: one 'lines' event per write (its id the last line's seq), so a fast log costs the
    // page an event per write rather than per line.
    const es = stream(`/logs/${encodeURIComponent(sourceId)}/stream`, { batch: 'true' });
    const buffer = [];
    let scheduled = false;
    es.onopen = () => setState('live');
    es.onerror = () => setState(es.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    es.addEventListener('lines', ev => {
      for (const line of JSON.parse(ev.data)) buffer.push(line);
      if (!scheduled) {
        scheduled = true;
        // Batch renders: a burst of thousands of lines repaints once per frame.
        requestAnimationFrame(() => {
          scheduled = false;
          const add = buffer.splice(0);
          setLines(prev => prev.concat(add).slice(-5000));
        });
      }
    });
    es.addEventListener('lagged', () => setState('catching up'));
    return () => es.close();
  }, [sourceId]);
  useEffect(() => {
    if (follow.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines]);
  const onScroll = () => {
    const b = box.current;
    follow.current = b.scrollTop + b.clientHeight >= b.scrollHeight - 20;
  };
  return h('div', { class: 'logview' },
    h('div', { class: 'logview-head' },
      h('span', { class: `dot dot-${state.replace(' ', '-')}` }), h('span', null, state),
      h('span', { class: 'muted' }, ` · ${lines.length} lines`)),
    h('pre', { class: 'log', ref: box, onScroll, style: `max-height:${height}px`, tabindex: 0, 'aria-live': 'polite', 'data-testid': 'log' },
      lines.length === 0 ? h('span', { class: 'muted' }, 'No log lines yet.')
        : lines.map(l => h('div', { class: 'log-line', key: l.seq }, h('span', { class: 'seq' }, l.seq), l.line))));
}
