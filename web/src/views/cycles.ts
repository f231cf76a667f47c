// Self-review cycles for school coordinators (and administrators; analysts and viewers
// read): the list with progress, opening a cycle, the printable sheet of access codes
// with their QR codes, more codes, closing, and the results per indicator and group
// (GET/POST /api/v1/review/...). Codes exist outside their holders only in the reply
// that issued them: the sheet is shown from that reply and never fetched again.
import { api, apiPath, get } from '../api';
import { announce, clear, h, s } from '../dom';
import { formatNumber, formatPercent, formatTime, lang, pick, t, type TextKey } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, field, pageTitle, table } from '../ui';

export const CYCLE_ROLES = ['admin', 'school_coordinator', 'analyst', 'viewer'];
const CYCLE_WRITERS = ['admin', 'school_coordinator'];

type Names = Record<string, string>;

interface GroupProgress {
  group: string;
  label: Names | null;
  codes_issued: number;
  responses: number | null;
}

export interface Cycle {
  id: number;
  unit: { id: string; name: string; region: string; kind: string };
  instrument: { id: string; version: number };
  label: string;
  state: 'open' | 'closed';
  opened_at: number;
  closed_at: number | null;
  minimum_group_size: number;
  groups: GroupProgress[];
}

interface IssuedCode {
  group: string;
  code: string;
  url: string;
  qr_svg: string;
}

interface Instrument {
  id: string;
  version: number;
  kind: string;
  title: Names;
  groups: { group: string; label: Names }[];
}

// Codes just issued, by cycle id, for the sheet of the next screen.
const freshCodes = new Map<number, IssuedCode[]>();

// The group's label in the interface language (its name when it has none).
export function groupName(cycle: Cycle, group: string): string {
  const found = cycle.groups.find((g) => g.group === group);
  return found?.label ? pick(found.label) : group;
}

function progressText(cycle: Cycle): string {
  return cycle.groups
    .map((g) => t('cycle_group_progress', pick(g.label), g.responses === null ? t('cycle_few', cycle.minimum_group_size) : formatNumber(g.responses), formatNumber(g.codes_issued)))
    .join('; ');
}

// The QR code as inline SVG, rebuilt from the server's document: only its viewBox and
// the path of dark modules are taken over, so nothing else can reach the page.
function qrCode(svgText: string, label: string): SVGElement {
  const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const viewBox = parsed.documentElement.getAttribute('viewBox') ?? '0 0 1 1';
  const path = parsed.querySelector('path')?.getAttribute('d') ?? '';
  return s('svg', { viewBox, class: 'qr', role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges' }, s('rect', { width: '100%', height: '100%', fill: '#fff' }), s('path', { d: path, fill: '#000' }));
}

// "ABCDE-FGHJK", however the code came.
function dashed(code: string): string {
  const plain = code.replace(/-/g, '');
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

function codeSheet(cycle: Cycle, codes: IssuedCode[]): HTMLElement {
  const print = h('button', { type: 'button', class: 'primary' }, t('cycle_print'));
  print.addEventListener('click', () => window.print());
  return h(
    'section',
    { class: 'card code-sheet', 'aria-labelledby': 'code-sheet-h' },
    h('h2', { id: 'code-sheet-h' }, t('cycle_sheet')),
    h('p', { class: 'ok', role: 'status' }, t('cycle_opened')),
    print,
    h(
      'ul',
      { class: 'code-cards' },
      codes.map((code) =>
        h(
          'li',
          { class: 'code-card', 'data-group': code.group },
          h('p', { class: 'code-unit' }, `${cycle.unit.name} · ${cycle.label} · ${groupName(cycle, code.group)}`),
          qrCode(code.qr_svg, t('cycle_qr_of', dashed(code.code))),
          h('p', { class: 'code-text' }, dashed(code.code)),
          h('p', { class: 'code-link' }, code.url),
          h('p', { class: 'hint' }, t('cycle_sheet_hint')),
        ),
      ),
    ),
  );
}

export async function cyclesView(ctx: ViewContext): Promise<Node> {
  const { cycles } = await get<{ cycles: Cycle[] }>(apiPath(['review', 'cycles']));
  const list = cycles.length
    ? table(
        null,
        [t('cycle_label'), t('cycle_unit'), t('cycle_state'), t('cycle_progress')],
        cycles.map((cycle) => [
          h('a', { href: `/cycles/${cycle.id}` }, cycle.label),
          `${cycle.unit.name} (${cycle.unit.region})`,
          t(`cycle_state_${cycle.state}` as TextKey),
          progressText(cycle),
        ]),
        'cycles-table',
      )
    : h('p', null, t('cycles_none'));
  const parts: Node[] = [pageTitle(t('cycles_title')), list];
  if (CYCLE_WRITERS.includes(ctx.me.role)) parts.push(await openForm(ctx));
  return h('div', { class: 'cycles' }, parts);
}

async function openForm(ctx: ViewContext): Promise<HTMLElement> {
  const { instruments } = await get<{ instruments: Instrument[] }>(apiPath(['review', 'instruments']));
  // The latest version of each instrument that can run as a cycle.
  const latest = new Map<string, Instrument>();
  for (const instrument of instruments) if (instrument.groups.length) latest.set(instrument.id, instrument);
  const unitId = h('input', { id: 'cycle-unit-id', required: true, autocomplete: 'off' });
  const unitName = h('input', { id: 'cycle-unit-name', required: true, autocomplete: 'off' });
  const region = h('input', { id: 'cycle-region', required: true, autocomplete: 'off', value: 'KZ-', pattern: 'KZ-[A-Za-z0-9]{2,3}' });
  const district = h('input', { id: 'cycle-district', autocomplete: 'off' });
  const label = h('input', { id: 'cycle-label', required: true, autocomplete: 'off', value: String(new Date().getFullYear()) });
  const instrument = h('select', { id: 'cycle-instrument' }, [...latest.values()].map((i) => h('option', { value: i.id }, pick(i.title))));
  const counts = h('div', { class: 'stack' });
  const countInputs = new Map<string, HTMLInputElement>();
  function showCounts(): void {
    countInputs.clear();
    const chosen = latest.get(instrument.value);
    clear(
      counts,
      (chosen?.groups ?? []).map((g) => {
        const input = h('input', { id: `cycle-codes-${g.group}`, type: 'number', min: 0, max: 2000, value: 0, inputmode: 'numeric' });
        countInputs.set(g.group, input);
        return field(input.id, t('cycle_codes_for', pick(g.label)), input);
      }),
    );
  }
  instrument.addEventListener('change', showCounts);
  showCounts();
  const error = h('div');
  const form = h(
    'form',
    { class: 'stack' },
    field('cycle-unit-id', t('cycle_unit_id'), unitId),
    field('cycle-unit-name', t('cycle_unit_name'), unitName),
    field('cycle-region', t('cycle_region'), region),
    field('cycle-instrument', t('cycle_instrument'), instrument),
    field('cycle-label', t('cycle_label_field'), label),
    field('cycle-district', t('cycle_district_id'), district),
    counts,
    error,
    h('button', { type: 'submit', class: 'primary' }, t('cycle_open_button')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(error);
    const codes: Record<string, number> = {};
    for (const [group, input] of countInputs) codes[group] = Number(input.value) || 0;
    try {
      const opened = await api<{ cycle: Cycle; codes: IssuedCode[] }>('POST', apiPath(['review', 'cycles']), {
        unit: { id: unitId.value.trim(), name: unitName.value.trim(), region: region.value.trim().toUpperCase() },
        instrument: instrument.value,
        label: label.value.trim(),
        ...(district.value.trim() ? { district_id: district.value.trim() } : {}),
        codes,
        base_url: location.origin,
      });
      freshCodes.set(opened.cycle.id, opened.codes);
      ctx.navigate(`/cycles/${opened.cycle.id}`);
    } catch (failure) {
      clear(error, errorBox(failure));
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'cycle-new-h' }, h('h2', { id: 'cycle-new-h' }, t('cycle_new')), form);
}

// A 0-100 score as a whole number, "—" when there is none.
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(value, 0);
}

// "+12", "−5", "—": a score's change since the previous cycle.
function change(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value > 0 ? '+' : ''}${formatNumber(value, 0)}`;
}

function resultsView(cycle: Cycle, results: any): HTMLElement {
  const min = results.minimum_group_size as number;
  const previous = results.previous_cycle as { id: number; label: string } | null;
  const blocks = (results.nodes as any[]).map((node) => {
    const Heading = node.level === 'dimension' ? 'h3' : 'h4';
    const rows = (node.groups as any[]).map((cell) =>
      cell.suppressed
        ? [groupName(cycle, cell.group), h('span', { class: 'suppressed' }, t('cycle_suppressed', min)), '', '', ...(previous ? [''] : [])]
        : [groupName(cycle, cell.group), score(cell.score), formatPercent(cell.need_more_information_share, 0), formatNumber(cell.respondents), ...(previous ? [change(cell.change)] : [])],
    );
    const headers = [t('cycle_group'), t('cycle_score'), t('cycle_need_info'), t('cycle_respondents'), ...(previous ? [t('cycle_change', previous.label)] : [])];
    const gaps = (node.gaps as any[]).map((gap) =>
      h(
        'li',
        { class: gap.flagged ? 'gap flagged' : 'gap' },
        gap.flagged ? h('strong', null, `${t('cycle_gap_flagged')}: `) : null,
        t('cycle_gap', groupName(cycle, gap.group_a), groupName(cycle, gap.group_b), formatNumber(gap.difference, 0), gap.effect_size === null ? '—' : formatNumber(gap.effect_size, 2)),
      ),
    );
    return h(
      'div',
      { class: `result-node level-${node.level}` },
      h(Heading, null, `${node.id} ${pick(node.title)}`),
      table(null, headers, rows, 'results-table'),
      gaps.length ? h('ul', { class: 'gaps' }, gaps) : null,
    );
  });
  const exports = (['csv', 'xlsx', 'html'] as const).map((format) =>
    h('li', null, h('a', { href: apiPath(['review', 'cycles', cycle.id, 'export'], { format, lang: lang() }), download: '' }, `${t('cycle_export')} ${format.toUpperCase()}`)),
  );
  const plan = h('p', { class: 'no-print' }, h('a', { href: `/cycles/${cycle.id}/plan`, class: 'button' }, t('plan_title')));
  return h('div', { class: 'results' }, cycle.state === 'closed' ? plan : null, h('ul', { class: 'exports' }, exports), blocks);
}

export async function cycleView(ctx: ViewContext): Promise<Node> {
  const id = Number(ctx.params.id);
  let { cycle } = await get<{ cycle: Cycle }>(apiPath(['review', 'cycles', id]));
  const writer = CYCLE_WRITERS.includes(ctx.me.role);
  const root = h('div', { class: 'cycle' });
  const sheet = h('div');
  const results = h('section', { class: 'card', 'aria-labelledby': 'results-h' }, h('h2', { id: 'results-h' }, t('cycle_results')));
  const message = h('div');

  async function showResults(): Promise<void> {
    const data = await get(apiPath(['review', 'cycles', id, 'results']));
    clear(results, h('h2', { id: 'results-h' }, t('cycle_results')), resultsView(cycle, data));
  }

  function moreCodesForm(): HTMLElement {
    const group = h('select', { id: 'more-group' }, cycle.groups.map((g) => h('option', { value: g.group }, pick(g.label))));
    const count = h('input', { id: 'more-count', type: 'number', min: 1, max: 2000, value: 10, inputmode: 'numeric' });
    const error = h('div');
    const form = h(
      'form',
      { class: 'stack' },
      h('div', { class: 'field' }, h('label', { for: 'more-group' }, t('cycle_group')), group),
      h('div', { class: 'field' }, h('label', { for: 'more-count' }, t('cycle_count')), count),
      error,
      h('button', { type: 'submit', class: 'primary' }, t('cycle_issue')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(error);
      try {
        const issued = await api<{ cycle: Cycle; codes: IssuedCode[] }>('POST', apiPath(['review', 'cycles', id, 'codes']), { group: group.value, count: Number(count.value), base_url: location.origin });
        cycle = issued.cycle;
        draw();
        clear(sheet, codeSheet(cycle, issued.codes));
        announce(t('cycle_opened'));
      } catch (failure) {
        clear(error, errorBox(failure));
      }
    });
    return h('section', { class: 'card no-print', 'aria-labelledby': 'more-h' }, h('h2', { id: 'more-h' }, t('cycle_more_codes')), form);
  }

  function closeButton(): HTMLElement {
    const button = h('button', { type: 'button', class: 'danger' }, t('cycle_close'));
    button.addEventListener('click', async () => {
      if (!window.confirm(t('cycle_close_confirm'))) return;
      try {
        cycle = (await api<{ cycle: Cycle }>('POST', apiPath(['review', 'cycles', id, 'close']), {})).cycle;
        draw();
        clear(message, h('p', { class: 'ok', role: 'status' }, t('cycle_closed_now')));
        announce(t('cycle_closed_now'));
        await showResults();
      } catch (failure) {
        clear(message, errorBox(failure));
      }
    });
    return button;
  }

  const details = h('div');
  function draw(): void {
    clear(
      details,
      h('p', null, `${cycle.unit.name} (${cycle.unit.id}, ${cycle.unit.region}) · ${t(`cycle_state_${cycle.state}` as TextKey)} · ${formatTime(cycle.opened_at)}`),
      cycle.unit.kind === 'district' ? h('p', { class: 'no-print' }, h('a', { href: `/cycles/${cycle.id}/peer` }, t('cycle_peer_link'))) : null,
      table(null, [t('cycle_group'), t('cycle_progress')], cycle.groups.map((g) => [pick(g.label), `${g.responses === null ? t('cycle_few', cycle.minimum_group_size) : formatNumber(g.responses)} (${formatNumber(g.codes_issued)})`]), 'progress-table'),
      writer && cycle.state === 'open' ? h('div', { class: 'no-print actions' }, closeButton()) : null,
    );
    if (cycle.state === 'closed') more.replaceChildren();
  }
  const more = h('div');
  draw();
  if (writer && cycle.state === 'open') more.append(moreCodesForm());
  const fresh = freshCodes.get(id);
  if (fresh) {
    freshCodes.delete(id);
    clear(sheet, codeSheet(cycle, fresh));
  }
  if (cycle.state === 'closed') {
    await showResults();
  } else {
    const show = h('button', { type: 'button', class: 'secondary' }, t('cycle_show_results'));
    show.addEventListener('click', () => void showResults().catch((failure) => clear(message, errorBox(failure))));
    results.append(show);
  }
  root.append(h('p', { class: 'no-print' }, h('a', { href: '/cycles' }, t('cycle_back'))), pageTitle(`${t('cycle_label')} ${cycle.label}`), message, details, sheet, more, results);
  return root;
}
