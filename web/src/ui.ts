// Small pieces shared by the screens: headings, error boxes, tables, roles.
import { ApiError } from './api';
import { h, type Child } from './dom';
import { t, type TextKey } from './i18n';

export const READ_ROLES = ['admin', 'analyst', 'viewer'];
export const WRITE_ROLES = ['admin', 'analyst'];

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.code === 'network' ? t('error_network') : error.message || error.code;
  return error instanceof Error ? error.message : String(error);
}

export function errorBox(error: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, errorMessage(error));
}

// The page's heading: focused after each navigation so screen readers hear it.
export function pageTitle(text: string, ...extra: Child[]): HTMLElement {
  return h('h1', { tabindex: -1 }, text, ...extra);
}

// A table with a caption and header row; rows are lists of cells.
export function table(caption: string | null, headers: string[], rows: Child[][], className = ''): HTMLElement {
  return h(
    'div',
    { class: `table-wrap ${className}`, tabindex: 0, role: 'region', 'aria-label': caption ?? headers.join(', ') },
    h(
      'table',
      null,
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, headers.map((text) => h('th', { scope: 'col' }, text)))),
      // Each data cell names its column, for tables stacked on a phone (style.css).
      h('tbody', null, rows.map((cells) => h('tr', null, cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { 'data-label': headers[i] ?? '' }, cell)))))),
    ),
  );
}

// A form field: the label, tied to the input by its id, above the input.
export function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

// A titled card; its heading has the id `${id}-h`.
export function section(title: TextKey, id: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, t(title)), ...children);
}
