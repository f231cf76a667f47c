// Charts drawn as SVG here, from the numbers of results.json. Each chart is a figure
// with a caption, and its numbers are also given as a table (for screen readers and
// for copying). Bars are rows of HTML with an SVG bar, so labels stay readable on a
// phone; the month chart is one SVG that scales with the page.
import { h, s, uniqueId } from './dom';
import { formatNumber, formatPercent, t } from './i18n';
import { table } from './ui';

export interface Bar {
  label: string;
  value: number;  // what the bar's length shows
  text: string;   // the value as written beside the bar
  low?: number;   // a 95 % interval on the same scale as value
  high?: number;
  muted?: boolean;  // thin data: drawn lighter, and `text` says why
}

export function shareBar(label: string, entry: { share: number; low: number; high: number; posts: number }): Bar {
  return {
    label,
    value: entry.share,
    low: entry.low,
    high: entry.high,
    text: `${formatPercent(entry.share)} [${formatPercent(entry.low)}–${formatPercent(entry.high)}] · ${t('posts_n', formatNumber(entry.posts))}`,
  };
}

function figure(id: string, title: string, note: string | null, body: Node, tableHeaders: string[], tableRows: (string | number)[][]): HTMLElement {
  const captionId = `${id}-caption`;
  return h(
    'figure',
    { class: 'chart', id, 'aria-labelledby': captionId },
    h('figcaption', { id: captionId }, h('strong', null, title), note ? h('span', { class: 'note' }, note) : null),
    body,
    h('details', null, h('summary', null, t('data_table')), table(null, tableHeaders, tableRows.map((row) => row.map(String)))),
  );
}

// Horizontal bars, longest first unless `keepOrder`.
export function barChart(id: string, title: string, bars: Bar[], options: { note?: string; valueHeader?: string; keepOrder?: boolean } = {}): HTMLElement {
  const rows = options.keepOrder ? bars : [...bars].sort((a, b) => b.value - a.value);
  const max = Math.max(1e-9, ...rows.map((b) => Math.max(b.value, b.high ?? 0)));
  const scale = (v: number) => Math.max(0, Math.min(100, (v / max) * 100));
  const list = h(
    'ol',
    { class: 'bars', role: 'list' },
    rows.map((bar) =>
      h(
        'li',
        { class: bar.muted ? 'muted' : null },
        h('span', { class: 'bar-label' }, bar.label),
        s(
          'svg',
          { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
          s('rect', { x: 0, y: 1, width: scale(bar.value), height: 8, class: 'bar-fill' }),
          bar.low !== undefined && bar.high !== undefined
            ? s('line', { x1: scale(bar.low), x2: scale(bar.high), y1: 5, y2: 5, class: 'interval', 'vector-effect': 'non-scaling-stroke' })
            : null,
        ),
        h('span', { class: 'bar-value' }, bar.text),
      ),
    ),
  );
  return figure(id, title, options.note ?? null, list, ['', options.valueHeader ?? t('posts')], rows.map((b) => [b.label, b.text]));
}

export interface MonthPoint {
  month: string;
  value: number;
  flag?: boolean;  // a spike
}

// Columns per month, with spikes marked; one SVG scaled to the width of the page.
export function monthChart(id: string, title: string, points: MonthPoint[], note: string): HTMLElement {
  const width = 360;
  const height = 190;
  const left = 40;
  const bottom = 24;
  const top = 10;
  const plotHeight = height - bottom - top;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = (width - left - 4) / Math.max(1, points.length);
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const tickEvery = Math.max(1, Math.ceil(points.length / 5));
  const ticks = [0, max / 2, max].map((v) => Math.round(v));
  const titleId = uniqueId('chart-title');
  const svg = s(
    'svg',
    { class: 'columns', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId },
    s('title', { id: titleId }, t('chart_of', title)),
    ticks.map((v) => [
      s('line', { x1: left, x2: width - 2, y1: y(v), y2: y(v), class: 'grid' }),
      s('text', { x: left - 4, y: y(v) + 3, class: 'axis', 'text-anchor': 'end' }, formatNumber(v)),
    ]),
    points.map((p, i) => {
      const x = left + i * step + step * 0.12;
      return s(
        'g',
        { class: p.flag ? 'column spike' : 'column' },
        s('rect', { x, y: y(p.value), width: step * 0.76, height: Math.max(0, top + plotHeight - y(p.value)) }, s('title', null, `${p.month}: ${formatNumber(p.value)}${p.flag ? ` (${t('spike')})` : ''}`)),
        p.flag ? s('text', { x: x + step * 0.38, y: y(p.value) - 3, class: 'mark', 'text-anchor': 'middle' }, '▲') : null,
        i % tickEvery === 0 ? s('text', { x: x + step * 0.38, y: height - 8, class: 'axis', 'text-anchor': 'middle' }, p.month) : null,
      );
    }),
  );
  return figure(
    id,
    title,
    note,
    h('div', { class: 'svg-wrap' }, svg),
    [t('month'), t('posts')],
    points.map((p) => [p.month, `${formatNumber(p.value)}${p.flag ? ` (${t('spike')})` : ''}`]),
  );
}
