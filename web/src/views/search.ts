// Search: a query editor checked as you type (GET query/check, debounced) with the
// error's character marked, and results in keyword-in-context (GET search), each
// opening the post.
import { ApiError, apiPath, get } from '../api';
import { clear, h, type Child } from '../dom';
import { formatNumber, pick, t, type Lang } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, pageTitle } from '../ui';

interface Hit {
  post_id: number;
  author_key: string;
  date: string;
  platform: string;
  corpus: string;
  before: string;
  hit: string;
  after: string;
}

// Why a query does not parse (the `detail` of invalid_query): where, what was expected,
// what was found, and the sentence saying so in each language.
interface QueryErrorDetail {
  column: number;
  reason: string;
  expected: string;
  found: { kind: 'text' | 'space' | 'end'; text?: string };
  token?: string;
  message: Record<Lang, string>;
}

type Check =
  | { valid: true; explain: string; hits: number; estimated: boolean }
  | { valid: false; column: number; message: string; detail?: QueryErrorDetail };

const LIMIT = 50;

// The query with the character at `column` (1-based, in characters) marked.
function marked(query: string, column: number): HTMLElement {
  const chars = Array.from(query);
  const index = Math.max(0, Math.min(column - 1, chars.length));
  const at = chars[index] ?? ' ';
  return h(
    'code',
    { class: 'query-marked', 'aria-hidden': 'true' },
    chars.slice(0, index).join(''),
    h('mark', { class: index >= chars.length ? 'end' : null }, at),
    chars.slice(index + 1).join(''),
  );
}

// The server marks cut text with "…" itself.
export function keywordInContext(item: { before: string; hit: string; after: string }): Child[] {
  return [item.before, h('mark', null, item.hit), item.after];
}

export function searchView(ctx: ViewContext): Node {
  const input = h('input', {
    id: 'q',
    name: 'q',
    type: 'search',
    class: 'query-input',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'none',
    'aria-describedby': 'q-help q-status',
  });
  const status = h('div', { id: 'q-status', class: 'check', role: 'status' });
  const results = h('div', { class: 'hits-wrap', 'aria-live': 'polite' });
  let checkSeq = 0;
  let timer = 0;
  ctx.onLeave(() => window.clearTimeout(timer));

  // What stood where reading stopped, as the detail says.
  function foundText(detail: QueryErrorDetail): string {
    if (detail.found.kind === 'end') return t('search_found_end');
    if (detail.found.kind === 'space') return t('search_found_space');
    return t('search_found', detail.found.text ?? '');
  }

  function showInvalid(query: string, column: number, message: string, detail?: QueryErrorDetail): void {
    input.setAttribute('aria-invalid', 'true');
    // The detail names the column and what was expected in every language: shown in the
    // page's, which the server's own message may not be in after a language switch.
    const text = (detail && pick(detail.message)) || message || t('search_invalid_at', column, '');
    clear(
      status,
      h('p', { class: 'error', id: 'q-error' }, text),
      detail ? h('p', { class: 'meta found' }, foundText(detail)) : null,
      marked(query, column),
    );
  }

  async function check(): Promise<void> {
    const query = input.value;
    const seq = ++checkSeq;
    if (!query.trim()) {
      input.removeAttribute('aria-invalid');
      clear(status);
      return;
    }
    try {
      const result = await get<Check>(apiPath(['query', 'check'], { q: query }));
      if (seq !== checkSeq) return;
      if (result.valid) {
        input.setAttribute('aria-invalid', 'false');
        clear(status, h('p', { class: 'ok' }, t(result.estimated ? 'search_valid_estimated' : 'search_valid', formatNumber(result.hits))));
      } else {
        showInvalid(query, result.column, result.message, result.detail);
      }
    } catch (error) {
      if (seq === checkSeq) clear(status, errorBox(error));
    }
  }

  async function search(query: string): Promise<void> {
    if (!query.trim()) return;
    history.replaceState(null, '', `/search?q=${encodeURIComponent(query)}`);
    clear(results, h('p', { class: 'loading' }, t('loading')));
    try {
      const { hits } = await get<{ hits: Hit[] }>(apiPath(['search'], { q: query, limit: LIMIT }));
      const heading = h('h2', { id: 'hits-h' }, t('search_results', formatNumber(hits.length)), hits.length >= LIMIT ? ` (${t('search_showing', LIMIT)})` : '');
      if (!hits.length) return clear(results, heading, h('p', null, t('search_no_results')));
      clear(
        results,
        heading,
        h(
          'ol',
          { class: 'hits', 'aria-labelledby': 'hits-h' },
          hits.map((hit) =>
            h(
              'li',
              null,
              h(
                'a',
                { href: `/posts/${hit.post_id}`, class: 'hit' },
                h('span', { class: 'meta' }, [hit.date, hit.platform, hit.corpus].filter(Boolean).join(' · ')),
                h('span', { class: 'kwic' }, keywordInContext(hit)),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      const column = error instanceof ApiError ? error.body?.error?.column : undefined;
      if (error instanceof ApiError && error.code === 'invalid_query' && typeof column === 'number') {
        showInvalid(query, column, error.message, error.body?.error?.detail);
        clear(results);
        input.focus();
      } else {
        clear(results, errorBox(error));
      }
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    clear(status, h('p', { class: 'meta' }, t('search_checking')));
    timer = window.setTimeout(() => void check(), 300);
  });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', onsubmit: (event: Event) => (event.preventDefault(), void search(input.value)) },
    h('label', { for: 'q' }, t('search_query')),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'primary' }, t('search_submit'))),
    h('p', { id: 'q-help', class: 'hint' }, t('search_help')),
    status,
  );
  const initial = ctx.query.get('q');
  if (initial) {
    input.value = initial;
    void check();
    void search(initial);
  }
  return h('div', { class: 'search' }, pageTitle(t('search_title')), form, results);
}
