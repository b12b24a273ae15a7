// The campaign wizard: basics → agents → engines → models → suite and settings → review (the
// server's plan: POST /campaigns/plan) → create or launch. Server errors name a field; the wizard
// goes back to the step that shows it and puts the message next to it.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Card, Async, FormError, useApi } from '../ui.js';
import { Basics, Agents, Engines, Models, Settings, Review, REF_KEY } from './wizardsteps.js';

const STEPS = ['Basics', 'Agents', 'Engines', 'Models', 'Suite and settings', 'Review'];

const START = { campaign_name: '', description: '', agents: [], engines: {}, models: [], suite: 'quick', timeout_minutes: '30', slo_ttft_ms: '', slo_tpot_ms: '' };

/** The draft as the campaigns API takes it (the campaign file's keys). */
export function definition(d) {
  const chosen = Object.entries(d.engines).filter(([, e]) => e.on);
  const def = {
    campaign_name: d.campaign_name.trim(), agents: d.agents,
    engines: chosen.map(([name, e]) => ({ name, suite: d.suite, ...(e.mode ? { mode: e.mode } : {}), config: e.profile ? { profile: e.profile } : {} })),
    models: d.models.map(m => ({ name: m.name, [REF_KEY[m.format]]: m.ref })),
    timeout_minutes: d.timeout_minutes === '' ? undefined : Number(d.timeout_minutes),
  };
  if (d.description.trim()) def.description = d.description.trim();
  const slos = {};
  if (d.slo_ttft_ms !== '') slos.max_ttft_ms_p99 = Number(d.slo_ttft_ms);
  if (d.slo_tpot_ms !== '') slos.max_tpot_ms_p99 = Number(d.slo_tpot_ms);
  if (Object.keys(slos).length) def.slos = slos;
  return def;
}

/** A server field ("engines[1].mode", "models[0].name", "slos") → [step, the wizard's own field name]. */
function locate(field, d) {
  if (!field) return [null, '_form'];
  const chosen = Object.keys(d.engines).filter(n => d.engines[n].on);
  const eng = /^engines\[(\d+)\]\.(\w+)/.exec(field);
  if (eng) {
    if (eng[2] === 'suite') return [4, 'suite'];
    const name = chosen[Number(eng[1])];
    return eng[2] === 'mode' || eng[2] === 'profile' ? [2, `engines.${name}.${eng[2]}`] : [2, 'engines'];
  }
  if (field.startsWith('engines')) return [2, 'engines'];
  if (field.startsWith('models')) return [3, 'models'];
  if (field === 'agents') return [1, 'agents'];
  if (field === 'campaign_name' || field === 'description') return [0, field];
  if (field.startsWith('slos')) return [4, field.includes('.') ? field : 'slos.max_ttft_ms_p99'];
  if (field === 'timeout_minutes') return [4, field];
  return [null, '_form'];
}

/** Checks the browser can make before asking the server: something chosen on each step. */
function missing(step, d) {
  if (step === 0 && !d.campaign_name.trim()) return { campaign_name: 'Give the campaign a name.' };
  if (step === 1 && !d.agents.length) return { agents: 'Choose at least one agent.' };
  if (step === 2 && !Object.values(d.engines).some(e => e.on)) return { engines: 'Choose at least one engine.' };
  if (step === 3 && !d.models.length) return { models: 'Choose or name at least one model.' };
  return null;
}

export function CampaignWizard({ onCreated }) {
  const agents = useApi('/agents?per_page=100');
  const engines = useApi('/engines');
  const profiles = useApi('/profiles');
  const models = useApi('/models');
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState(START);
  const [errors, setErrors] = useState({});
  const [plan, setPlan] = useState(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef(null);
  const set = patch => setDraft(d => ({ ...d, ...patch }));
  // Each step change moves focus to the step's heading, so keyboard and screen-reader users follow.
  useEffect(() => { if (heading.current) heading.current.focus(); }, [step]);

  const fail = err => {
    const [at, name] = locate(err.field, draft);
    if (at !== null) setStep(at);
    setErrors({ [name]: err.message });
  };
  const go = async to => {
    setErrors({});
    if (to > step) {
      for (let s = step; s < Math.min(to, 5); s++) {
        const gap = missing(s, draft);
        if (gap) { setStep(s); setErrors(gap); return; }
      }
    }
    if (to === 5) {
      setPlan(null); setStep(5);
      try { setPlan(await api('/campaigns/plan', { method: 'POST', body: definition(draft) })); } catch (err) { fail(err); }
      return;
    }
    setStep(to);
  };
  const create = async launch => {
    setErrors({}); setBusy(true);
    try { onCreated(await api('/campaigns', { method: 'POST', body: { ...definition(draft), launch } })); } catch (err) { fail(err); } finally { setBusy(false); }
  };
  const lists = { agents: (agents.data && agents.data.items) || [], engines: (engines.data && engines.data.items) || [],
    profiles: (profiles.data && profiles.data.items) || [], models: (models.data && models.data.items) || [] };
  const body = [
    () => h(Basics, { draft, set, errors }),
    () => h(Async, { state: agents, what: 'The agent list' }, () => h(Agents, { draft, set, errors, agents: lists.agents })),
    () => h(Async, { state: engines, what: 'The engine list' }, () => h(Engines, { draft, set, errors, engines: lists.engines, profiles: lists.profiles })),
    () => h(Models, { draft, set, errors, models: lists.models, engines: lists.engines }),
    () => h(Settings, { draft, set, errors }),
    () => (errors._form ? null : h(Review, { plan, agents: lists.agents })),
  ][step];
  return h(Card, { title: 'New campaign', class: 'wizard' },
    h('ol', { class: 'steps', 'aria-label': 'Steps' }, STEPS.map((s, i) => h('li', null,
      h('button', { type: 'button', class: i === step ? 'current' : '', 'aria-current': i === step ? 'step' : undefined, onClick: () => go(i) }, `${i + 1}. ${s}`)))),
    h('form', { noValidate: true, onSubmit: e => { e.preventDefault(); if (step < 5) go(step + 1); } },
      h('h3', { ref: heading, tabindex: -1, class: 'step-title' }, STEPS[step]),
      h(FormError, { errors }),
      body(),
      h('div', { class: 'form-actions wizard-nav' },
        step > 0 && h('button', { type: 'button', onClick: () => go(step - 1) }, 'Back'),
        step < 5 && h('button', { type: 'submit', class: 'primary' }, 'Next'),
        step === 5 && plan && [
          h('button', { type: 'button', disabled: busy, onClick: () => create(false) }, 'Save as draft'),
          h('button', { type: 'button', class: 'primary', disabled: busy, onClick: () => create(true) }, busy ? 'Creating…' : 'Create and launch')])));
}
