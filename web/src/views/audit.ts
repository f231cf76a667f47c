// The audit log, newest first, a page at a time (GET /api/v1/audit).
import { apiPath, get } from '../api';
import { h } from '../dom';
import { formatTime, t } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, pageTitle } from '../ui';

interface Entry {
  id: string;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: string;
  client: string;
}

export async function auditView(_ctx: ViewContext): Promise<Node> {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary' }, t('audit_more'));
  const status = h('div');
  let before: string | null = null;

  async function page(): Promise<void> {
    const query: Record<string, string | number> = { limit: 100 };
    if (before) query.before = before;
    const result = await get<{ entries: Entry[]; next_before: string | null }>(apiPath(['audit'], query));
    for (const e of result.entries) {
      body.appendChild(
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, formatTime(e.at)),
          h('td', null, e.actor || t('audit_anonymous')),
          h('td', null, h('code', null, e.action)),
          h('td', null, e.target),
          h('td', null, e.detail),
          h('td', null, e.client),
        ),
      );
    }
    before = result.next_before;
    more.hidden = !before;
  }
  more.addEventListener('click', () => page().catch((error) => status.replaceChildren(errorBox(error))));
  await page();
  const headers = [t('audit_at'), t('audit_actor'), t('audit_action'), t('audit_target'), t('audit_detail'), t('audit_client')];
  return h(
    'div',
    { class: 'audit' },
    pageTitle(t('audit_title')),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('audit_title') }, h('table', null, h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))), body)),
    status,
    more,
  );
}
