// uPlot charts as Preact components. uPlot draws on canvas; we size it to the container.
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

const PALETTE = ['#3b6fd8', '#e0793a', '#2f9e6e', '#b04fc2', '#d04a5a', '#7a8799'];

function usePlot(build, deps) {
  const el = useRef(null);
  useEffect(() => {
    if (!el.current) return undefined;
    const width = Math.max(280, el.current.clientWidth || 600);
    const plot = build(width, el.current);
    const onResize = () => plot && plot.setSize({ width: Math.max(280, el.current.clientWidth), height: plot.height });
    window.addEventListener('resize', onResize);
    return () => { window.removeEventListener('resize', onResize); plot && plot.destroy(); };
  }, deps);
  return el;
}

/** Horizontal grouped bars in HTML: one group per category, one bar per series ({label, values}). */
export function BarChart({ title, categories, series, unit }) {
  const max = Math.max(0, ...series.flatMap(s => s.values.filter(v => v !== null && v !== undefined)));
  return h('figure', { class: 'bars', 'aria-label': title },
    title && h('figcaption', null, title, unit && h('span', { class: 'muted' }, ` (${unit})`)),
    series.length > 1 && h('div', { class: 'legend' }, series.map((s, i) =>
      h('span', null, h('i', { style: `background:${PALETTE[i % PALETTE.length]}` }), s.label))),
    categories.map((c, ci) => h('div', { class: 'bar-group' },
      h('div', { class: 'bar-label', title: c }, c),
      h('div', { class: 'bar-stack' }, series.map((s, si) => {
        const v = s.values[ci];
        const w = max > 0 && v ? Math.max(1, (v / max) * 100) : 0;
        return h('div', { class: 'bar-row' },
          h('div', { class: 'bar', style: `width:${w}%;background:${PALETTE[si % PALETTE.length]}` }),
          h('span', { class: 'bar-value' }, v === null || v === undefined ? '—' : Number(v).toLocaleString(undefined, { maximumFractionDigits: 2 })));
      })))));
}

/** Lines over a numeric x ({label, values} per series). */
export function LineChart({ title, xs, series, xLabel, unit, height = 240, time = false }) {
  const el = usePlot((width, node) => new uPlot({
    width, height, title,
    scales: { x: { time } },
    axes: [{ label: xLabel }, { label: unit, size: 60 }],
    series: [{ label: xLabel }, ...series.map((s, i) => ({ label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2, points: { size: 6 } }))],
  }, [xs, ...series.map(s => s.values)], node), [JSON.stringify([xs, series])]);
  // data-series: how many series have data, for a reader (or a test) that cannot see the canvas.
  const drawn = series.filter(s => s.values.some(v => v !== null && v !== undefined)).length;
  return h('div', { class: 'chart', ref: el, role: 'img', 'aria-label': title || `${unit || ''} by ${xLabel}`, 'data-series': drawn });
}

/** A live time series fed by push(); keeps the last `keep` points. */
export function useLiveSeries(keep = 120) {
  const data = useRef({ xs: [], ys: {} });
  return {
    push(t, values) {
      const d = data.current;
      d.xs.push(t);
      Object.entries(values).forEach(([k, v]) => { (d.ys[k] ||= new Array(d.xs.length - 1).fill(null)).push(v); });
      Object.values(d.ys).forEach(arr => { while (arr.length < d.xs.length) arr.push(null); });
      while (d.xs.length > keep) { d.xs.shift(); Object.values(d.ys).forEach(a => a.shift()); }
      return { xs: [...d.xs], series: Object.entries(d.ys).map(([label, values]) => ({ label, values: [...values] })) };
    },
  };
}
