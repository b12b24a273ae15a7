// KITT web app: hash routes, a navigation shell, and one module per page. No build step.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, auth } from './js/api.js';
import { Login } from './js/pages/login.js';
import { Dashboard } from './js/pages/dashboard.js';
import { ResultsList, ResultDetail, ResultsCompare } from './js/pages/results.js';
import { SettingsPage } from './js/pages/settings.js';
import { ModelsPage, EnginesPage } from './js/pages/catalog.js';
import { AgentsList, AgentDetail } from './js/pages/agents.js';
import { QuickTests, QuickTestDetail } from './js/pages/quicktests.js';
import { Campaigns, CampaignDetail } from './js/pages/campaigns.js';
import { LogPage, DevonPage } from './js/pages/misc.js';

const ROUTES = [
  ['/', Dashboard],
  ['/agents', AgentsList],
  ['/agents/:id', AgentDetail],
  ['/quicktests', QuickTests],
  ['/quicktests/:id', QuickTestDetail],
  ['/campaigns', Campaigns],
  ['/campaigns/:id', CampaignDetail],
  ['/results', ResultsList],
  ['/results/compare', ResultsCompare],
  ['/results/:id', ResultDetail],
  ['/models', ModelsPage],
  ['/engines', EnginesPage],
  ['/settings', SettingsPage],
  ['/logs/:id', LogPage],
  ['/devon', DevonPage],
];

const NAV = [
  ['/', 'Dashboard'], ['/agents', 'Agents'], ['/quicktests', 'Quick test'], ['/campaigns', 'Campaigns'],
  ['/results', 'Results'], ['/models', 'Models'], ['/engines', 'Engines'], ['/settings', 'Settings'],
];

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  return { path, query: new URLSearchParams(query || '') };
}

function match(path) {
  for (const [pattern, component] of ROUTES) {
    const names = [];
    const re = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
    const m = re.exec(path);
    if (m) return { component, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

function NotFound() {
  return h('section', { class: 'page' }, h('h1', null, 'Page not found'),
    h('p', null, 'No page lives at this address. ', h('a', { href: '#/' }, 'Go to the dashboard')));
}

function Shell({ route, children }) {
  const [open, setOpen] = useState(false);
  const [devon, setDevon] = useState(false);
  useEffect(() => { api('/devon/status').then(s => setDevon(s.tab_visible), () => setDevon(false)); }, []);
  const nav = devon ? [...NAV.slice(0, 7), ['/devon', 'Devon'], NAV[7]] : NAV;
  const current = '/' + (route.path.split('/')[1] || '');
  return h('div', { class: 'shell' },
    h('a', { class: 'skip', href: '#main' , onClick: e => { e.preventDefault(); document.getElementById('main').focus(); } }, 'Skip to content'),
    h('header', { class: 'topbar' },
      h('a', { class: 'brand', href: '#/' }, h('span', { class: 'logo' }, 'K'), 'KITT'),
      h('button', { class: 'menu-toggle', 'aria-expanded': open, 'aria-controls': 'nav', onClick: () => setOpen(!open) }, open ? 'Close' : 'Menu'),
      h('nav', { id: 'nav', class: open ? 'open' : '', 'aria-label': 'Main' },
        nav.map(([href, label]) => h('a', {
          href: `#${href}`, class: current === href ? 'active' : '', 'aria-current': current === href ? 'page' : undefined,
          onClick: () => setOpen(false),
        }, label)),
        h('button', { class: 'link logout', onClick: () => { auth.clear(); location.hash = '#/login'; } }, 'Log out'))),
    h('main', { id: 'main', tabindex: -1 }, children));
}

function App() {
  const [route, setRoute] = useState(parseHash());
  useEffect(() => {
    const on = () => { setRoute(parseHash()); window.scrollTo(0, 0); };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  if (!auth.token() || route.path === '/login') {
    return h(Login, { onLogin: () => { location.hash = '#/'; setRoute(parseHash()); } });
  }
  const found = match(route.path);
  const Page = found ? found.component : NotFound;
  return h(Shell, { route }, h(Page, { key: route.path, params: found ? found.params : {}, query: route.query }));
}

render(h(App), document.getElementById('app'));
