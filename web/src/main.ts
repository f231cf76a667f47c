// The application shell: session, header (menu, language, log out) and the router.
// Routes are real paths (/studies/inclusive-education); the server answers every
// extensionless path with index.html.
import './style.css';
import { api, get, setCsrfToken, whenUnauthenticated, type Me } from './api';
import { announce, clear, h } from './dom';
import { LANG_NAMES, LANGS, lang, roleName, setLang, t } from './i18n';
import { errorBox, pageTitle, READ_ROLES } from './ui';
import { auditView } from './views/audit';
import { dashboardView } from './views/dashboard';
import { loginView } from './views/login';
import { PASSWORD_ROLES, passwordView } from './views/password';
import { postView } from './views/post';
import { respondPage } from './views/respond';
import { CYCLE_ROLES, cycleView, cyclesView } from './views/cycles';
import { DISTRICT_ROLES, PEER_ROLES, districtPickView, districtView, peerInvitationsView, peerView } from './views/district';
import { planView } from './views/plan';
import { searchView } from './views/search';
import { studiesView } from './views/studies';
import { usersView } from './views/users';
import { validateView } from './views/validate';

export interface ViewContext {
  params: Record<string, string>;
  query: URLSearchParams;
  me: Me;
  // Runs `cleanup` when the user leaves this screen (timers, key handlers).
  onLeave(cleanup: () => void): void;
  navigate(path: string, replace?: boolean): void;
}

type View = (ctx: ViewContext) => Promise<Node> | Node;

interface Route {
  pattern: RegExp;
  names: string[];
  view: View;
  roles: string[];
}

function route(path: string, view: View, roles: string[]): Route {
  const names: string[] = [];
  const pattern = new RegExp(
    '^' +
      path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      }) +
      '/?$',
  );
  return { pattern, names, view, roles };
}

const ROUTES: Route[] = [
  route('/', studiesView, READ_ROLES),
  route('/studies/{study}', dashboardView, READ_ROLES),
  route('/studies/{study}/queries/{query}/validate', validateView, READ_ROLES),
  route('/search', searchView, READ_ROLES),
  route('/posts/{id}', postView, READ_ROLES),
  route('/users', usersView, ['admin']),
  route('/audit', auditView, ['admin']),
  route('/account/password', passwordView, PASSWORD_ROLES),
  route('/cycles', cyclesView, CYCLE_ROLES),
  route('/cycles/{id}', cycleView, CYCLE_ROLES),
  route('/cycles/{id}/peer', peerView, DISTRICT_ROLES),
  route('/districts', districtPickView, CYCLE_ROLES),
  route('/districts/{district}', districtView, DISTRICT_ROLES),
  route('/peer', peerInvitationsView, PEER_ROLES),
  route('/cycles/{id}/plan', planView, CYCLE_ROLES),
];

let me: Me | null = null;
let leaving: (() => void)[] = [];
let renderCount = 0;
let loginNotice = '';
const header = document.getElementById('top')!;
const main = document.getElementById('main')!;

function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render(true);
}

function menu(): HTMLElement | null {
  if (!me) return null;
  const items: [string, string][] = [];
  if (READ_ROLES.includes(me.role)) items.push(['/', t('nav_studies')], ['/search', t('nav_search')]);
  if (CYCLE_ROLES.includes(me.role)) items.push(['/cycles', t('nav_cycles')]);
  if (CYCLE_ROLES.includes(me.role)) items.push(['/districts', t('nav_district')]);
  // A peer reviewer sees only the reviews it was invited to.
  if (PEER_ROLES.includes(me.role)) items.push(['/peer', t('nav_peer')]);
  if (me.role === 'admin') items.push(['/users', t('nav_users')], ['/audit', t('nav_audit')]);
  const here = location.pathname;
  const isCurrent = (href: string) => (href === '/' ? here === '/' || here.startsWith('/studies') : here.startsWith(href));
  return h(
    'nav',
    { 'aria-label': t('nav_label') },
    h('ul', null, items.map(([href, label]) => h('li', null, h('a', { href, 'aria-current': isCurrent(href) ? 'page' : null }, label)))),
  );
}

function languageSwitcher(): HTMLElement {
  return h(
    'div',
    { class: 'langs', role: 'group', 'aria-label': t('language') },
    LANGS.map((code) =>
      h(
        'button',
        {
          type: 'button',
          lang: code,
          'aria-pressed': code === lang() ? 'true' : 'false',
          title: LANG_NAMES[code],
          onclick: () => {
            setLang(code);
            void render(false);
            announce(LANG_NAMES[code]);
          },
        },
        code.toUpperCase(),
      ),
    ),
  );
}

async function logout(): Promise<void> {
  try {
    await api('DELETE', '/api/v1/session');
  } catch {
    // The session is gone either way: the server ends it, or it had already ended.
  }
  me = null;
  setCsrfToken('');
  loginNotice = t('logged_out');
  navigate('/login');
}

function renderHeader(): void {
  const session = me
    ? h(
        'div',
        { class: 'session' },
        h('span', { class: 'who' }, me.user ? t('signed_in_as', me.user, roleName(me.role)) : roleName(me.role)),
        PASSWORD_ROLES.includes(me.role)
          ? h('a', { class: 'account-link', href: '/account/password', 'aria-current': location.pathname === '/account/password' ? 'page' : null }, t('password_link'))
          : null,
        h('button', { type: 'button', class: 'secondary', onclick: () => void logout() }, t('logout')),
      )
    : null;
  clear(
    header,
    h('div', { class: 'brand' }, h('a', { href: '/' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), t('app_name')), h('span', { class: 'tagline' }, t('app_tagline'))),
    menu(),
    h('div', { class: 'tools' }, languageSwitcher(), session),
  );
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('skip_to_content');
}

function loginContext(): void {
  const next = location.pathname === '/login' ? new URLSearchParams(location.search).get('next') ?? '/' : location.pathname + location.search;
  const view = loginView({
    notice: loginNotice,
    onLogin: (session) => {
      me = session;
      setCsrfToken(session.csrf_token);
      loginNotice = '';
      navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
    },
  });
  if (location.pathname !== '/login') history.replaceState(null, '', `/login?next=${encodeURIComponent(next)}`);
  clear(main, view);
}

async function render(focus: boolean): Promise<void> {
  const count = ++renderCount;
  for (const cleanup of leaving) cleanup();
  leaving = [];
  document.documentElement.lang = lang();
  renderHeader();
  if (!me) {
    loginContext();
    document.title = `${t('login_title')} — ${t('app_name')}`;
    if (focus) main.querySelector<HTMLElement>('h1')?.focus();
    return;
  }
  if (location.pathname === '/login') {
    history.replaceState(null, '', '/');
  }
  // Coordinators' work is the self-review: their start page.
  if (location.pathname === '/' && !READ_ROLES.includes(me.role) && CYCLE_ROLES.includes(me.role)) {
    history.replaceState(null, '', '/cycles');
  }
  if (location.pathname === '/' && PEER_ROLES.includes(me.role)) history.replaceState(null, '', '/peer');
  const found = ROUTES.map((r) => ({ r, m: location.pathname.match(r.pattern) })).find((x) => x.m);
  let content: Node;
  if (!found) {
    content = h('div', null, pageTitle(t('not_found')));
  } else if (!found.r.roles.includes(me.role)) {
    content = h('div', null, pageTitle(t('not_for_role')));
  } else {
    const params: Record<string, string> = {};
    found.r.names.forEach((name, i) => (params[name] = decodeURIComponent(found.m![i + 1])));
    const ctx: ViewContext = {
      params,
      query: new URLSearchParams(location.search),
      me,
      onLeave: (cleanup) => leaving.push(cleanup),
      navigate,
    };
    clear(main, h('p', { class: 'loading', role: 'status' }, t('loading')));
    try {
      content = await found.r.view(ctx);
    } catch (error) {
      content = h('div', null, pageTitle(t('app_name')), errorBox(error));
    }
  }
  if (count !== renderCount) return;  // a newer navigation has taken over
  clear(main, content);
  const title = main.querySelector('h1')?.textContent ?? '';
  document.title = `${title} — ${t('app_name')}`;
  if (focus) main.querySelector<HTMLElement>('h1')?.focus();
}

// Links inside the application navigate without reloading the page.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = link.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('/api/') || link.hasAttribute('download') || link.target) return;
  event.preventDefault();
  navigate(href);
});
window.addEventListener('popstate', () => {
  if (!/^\/r(\/|$)/.test(location.pathname)) void render(true);
});

whenUnauthenticated(() => {
  if (!me) return;
  me = null;
  void render(true);
});

// Respondents answer at /r/CODE without an account: no session, no menu. The service
// worker keeps the application itself on the phone, so that the form reopens offline.
function startRespondent(): void {
  clear(header, h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), t('app_name')));
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('skip_to_content');
  void respondPage(main);
  window.addEventListener('popstate', () => void respondPage(main));
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the form still works online and keeps answers; only an offline
      // reload of the page is lost.
    });
  }
}

async function start(): Promise<void> {
  if (/^\/r(\/|$)/.test(location.pathname)) return startRespondent();
  try {
    me = await get<Me>('/api/v1/me');
    setCsrfToken(me.csrf_token);
  } catch (error) {
    me = null;
    if (!(error instanceof Error && 'status' in error && (error as { status: number }).status === 401)) {
      renderHeader();
      clear(main, pageTitle(t('app_name')), errorBox(error));
      return;
    }
  }
  await render(false);
}

void start();
