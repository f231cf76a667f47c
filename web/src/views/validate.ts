// Labelling a query's sample, from the keyboard: R relevant, N not relevant,
// S skip, B back. Each answer is stored at once (PUT labels/{post_id}) and the
// precision shown is the server's, over every label stored for this query text.
import { api, apiPath, get } from '../api';
import { announce, clear, h } from '../dom';
import { formatNumber, t, type TextKey } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, pageTitle, WRITE_ROLES } from '../ui';
import { precisionText, type Validation } from './dashboard';
import { keywordInContext } from './search';

type Label = 'relevant' | 'not_relevant' | null;

interface Item {
  post_id: number;
  lang: string;
  date: string;
  platform: string;
  before: string;
  hit: string;
  after: string;
  label: Label;
}

interface Sample {
  query_id: string;
  query_hash: string;
  expression: string;
  hits: number;
  seed: number;
  items: Item[];
  validation: Validation | null;
}

const KEYS: { code: string; key: string; action: 'relevant' | 'not_relevant' | 'skip' | 'back'; text: TextKey }[] = [
  { code: 'KeyR', key: 'R', action: 'relevant', text: 'label_relevant' },
  { code: 'KeyN', key: 'N', action: 'not_relevant', text: 'label_not_relevant' },
  { code: 'KeyS', key: 'S', action: 'skip', text: 'label_skip' },
  { code: 'KeyB', key: 'B', action: 'back', text: 'label_back' },
];

function labelText(label: Label): string {
  return label === 'relevant' ? t('label_relevant') : label === 'not_relevant' ? t('label_not_relevant') : t('label_none');
}

export async function validateView(ctx: ViewContext): Promise<Node> {
  const { study, query } = ctx.params;
  const seed = Number(ctx.query.get('seed') ?? '1') || 1;
  const sample = await get<Sample>(apiPath(['studies', study, 'queries', query, 'sample'], { size: 100, seed }));
  const canLabel = WRITE_ROLES.includes(ctx.me.role);
  let validation = sample.validation;
  let index = Math.max(0, sample.items.findIndex((item) => item.label === null));
  if (sample.items.every((item) => item.label !== null)) index = sample.items.length;
  let busy = false;

  const progress = h('p', { class: 'label-progress', role: 'status' });
  const precision = h('p', { class: 'precision' });
  const bar = h('progress', { max: Math.max(1, sample.items.length), 'aria-label': t('progress_label') });
  const card = h('div', { class: 'label-card card', tabindex: -1 });
  const message = h('div');
  const buttons = new Map<string, HTMLButtonElement>();

  const labelledCount = () => sample.items.filter((item) => item.label !== null).length;

  function update(): void {
    const labelled = labelledCount();
    progress.textContent = t('label_progress', Math.min(index + 1, sample.items.length), sample.items.length, labelled);
    bar.value = labelled;
    precision.textContent = validation && validation.labelled > 0 ? t('label_precision', `${precisionText(validation)} · ${t('labelled_n', formatNumber(validation.labelled))}`) : t('label_precision', '—');
    const item = sample.items[index];
    if (!sample.items.length) {
      clear(card, h('p', null, t('label_empty')));
    } else if (!item) {
      clear(card, h('p', { class: 'ok' }, t('label_done')));
    } else {
      clear(
        card,
        h('p', { class: 'meta' }, [item.date, item.platform, item.lang].filter(Boolean).join(' · ')),
        h('p', { class: 'kwic large', lang: ['kk', 'ru', 'en'].includes(item.lang) ? item.lang : null }, keywordInContext(item)),
        h('p', { class: 'meta' }, t('label_current', labelText(item.label)), ' · ', h('a', { href: `/posts/${item.post_id}`, target: '_blank', rel: 'noopener' }, t('post_title', item.post_id))),
      );
    }
    const atEnd = index >= sample.items.length;
    buttons.get('relevant')!.disabled = !canLabel || atEnd || busy;
    buttons.get('not_relevant')!.disabled = !canLabel || atEnd || busy;
    buttons.get('skip')!.disabled = atEnd || busy;
    buttons.get('back')!.disabled = index === 0 || busy;
  }

  async function answer(label: Label): Promise<void> {
    const item = sample.items[index];
    if (!item || busy || !canLabel) return;
    busy = true;
    clear(message);
    try {
      const result = await api<{ validation: Validation }>('PUT', apiPath(['studies', study, 'queries', query, 'labels', item.post_id]), { label, seed });
      item.label = label;
      validation = result.validation;
      index += 1;
      announce(t('label_saved', labelText(label)));
    } catch (error) {
      clear(message, errorBox(error));
    } finally {
      busy = false;
      update();
    }
  }

  function act(action: string): void {
    if (action === 'relevant' || action === 'not_relevant') void answer(action);
    else if (action === 'skip' && index < sample.items.length) {
      index += 1;
      update();
    } else if (action === 'back' && index > 0) {
      index -= 1;
      update();
    }
  }

  for (const { action, key, text } of KEYS) {
    buttons.set(
      action,
      h('button', { type: 'button', class: `label-button ${action}`, 'aria-keyshortcuts': key, onclick: () => act(action) }, t(text), ' ', h('kbd', { 'aria-hidden': 'true' }, key)),
    );
  }

  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && target.closest('input, textarea, select, [contenteditable]')) return;
    // By physical key, so the shortcuts work with a Kazakh or Russian layout too.
    const entry = KEYS.find((k) => k.code === event.code);
    if (!entry) return;
    event.preventDefault();
    act(entry.action);
  };
  document.addEventListener('keydown', onKey);
  ctx.onLeave(() => document.removeEventListener('keydown', onKey));

  update();
  return h(
    'div',
    { class: 'validate' },
    h('p', { class: 'crumbs' }, h('a', { href: `/studies/${encodeURIComponent(study)}` }, t('back'))),
    pageTitle(t('label_title', sample.query_id)),
    h('p', null, t('label_intro')),
    h('code', { class: 'expression' }, sample.expression),
    h('p', { class: 'meta' }, t('label_hits', formatNumber(sample.hits), formatNumber(sample.items.length))),
    canLabel ? null : h('p', { class: 'note' }, t('label_read_only')),
    progress,
    bar,
    precision,
    card,
    message,
    h('div', { class: 'label-buttons', role: 'group', 'aria-label': t('label_shortcuts') }, [...buttons.values()]),
    h(
      'details',
      { class: 'shortcuts', open: true },
      h('summary', null, t('label_shortcuts')),
      h('ul', null, KEYS.map(({ key, text }) => h('li', null, h('kbd', null, key), ' ', t(text)))),
    ),
  );
}
