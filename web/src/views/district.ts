// A district's side of the self-review: its schools' results side by side (small groups
// stay "fewer than 5, not shown", and no total is given), and the peer review of a
// district cycle: the district invites reviewers from other districts, a reviewer reads
// the district's results and writes comments and challenges per indicator, and the
// district replies. A peer reviewer sees only the reviews it was invited to.
import { api, apiPath, get } from '../api';
import { announce, clear, h } from '../dom';
import { formatNumber, formatTime, pick, t, type TextKey } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, field, pageTitle, table } from '../ui';
import { CYCLE_ROLES, groupName, score, type Cycle } from './cycles';

export const PEER_ROLES = ['peer_reviewer'];
// Who reads a district's overview and peer review: its readers, and invited reviewers
// (the server refuses a reviewer everything it was not invited to).
export const DISTRICT_ROLES = [...CYCLE_ROLES, ...PEER_ROLES];
const DISTRICT_WRITERS = ['admin', 'school_coordinator'];

type Names = Record<string, string>;

interface Cell {
  group: string;
  suppressed: boolean;
  score?: number | null;
  respondents?: number;
}

interface ResultNode {
  level: 'dimension' | 'section' | 'indicator';
  id: string;
  title: Names;
  groups: Cell[];
}

interface Results {
  cycle: Cycle;
  minimum_group_size: number;
  nodes: ResultNode[];
}

interface Note {
  id: number;
  node_id: string;
  kind: 'comment' | 'challenge';
  text: string;
  author: string;
  created_at: number;
  reply: string | null;
  replied_at: number | null;
}

interface Reviewer {
  account: string;
  district_id: string;
  invited_at: number;
}

function cellText(cell: Cell, min: number): HTMLElement | string {
  if (cell.suppressed) return h('span', { class: 'suppressed' }, t('district_not_shown', min));
  return score(cell.score);
}

// /districts: the district to look at.
export function districtPickView(ctx: ViewContext): Node {
  const district = h('input', { id: 'district-id', required: true, autocomplete: 'off' });
  const form = h('form', { class: 'stack' }, field('district-id', t('district_code'), district), h('button', { type: 'submit', class: 'primary' }, t('district_show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`/districts/${encodeURIComponent(district.value.trim())}`);
  });
  return h('div', { class: 'district' }, pageTitle(t('nav_district')), h('section', { class: 'card' }, form));
}

// /districts/{district}[?instrument=school&label=2026]: each school's latest closed cycle
// naming the district (or the one labelled), one table per dimension: a row per school,
// a column per group.
export async function districtView(ctx: ViewContext): Promise<Node> {
  const district = ctx.params.district;
  const query: Record<string, string> = { instrument: ctx.query.get('instrument') || 'school' };
  const label = ctx.query.get('label');
  if (label) query.label = label;
  const overview = await get<{ schools: Results[] }>(apiPath(['review', 'districts', district, 'overview'], query));
  const parts: Node[] = [pageTitle(t('district_title', district))];
  if (!overview.schools.length) {
    parts.push(h('p', null, t('district_none')));
    return h('div', { class: 'district' }, parts);
  }
  const first = overview.schools[0];
  const min = first.minimum_group_size;
  parts.push(h('p', { class: 'hint' }, t('district_hint', min)));
  const groups = first.cycle.groups.map((g) => g.group);
  const dimensions = first.nodes.filter((node) => node.level === 'dimension');
  for (const dimension of dimensions) {
    const rows = overview.schools.map((school) => {
      const node = school.nodes.find((n) => n.id === dimension.id);
      const cells = groups.map((group) => {
        const cell = node?.groups.find((c) => c.group === group);
        return cell ? cellText(cell, min) : '—';
      });
      return [`${school.cycle.unit.name} · ${school.cycle.label}`, ...cells];
    });
    parts.push(
      h(
        'section',
        { class: 'card district-dimension' },
        h('h2', null, `${dimension.id} ${pick(dimension.title)}`),
        table(null, [t('district_school'), ...groups.map((g) => groupName(first.cycle, g))], rows, 'district-table'),
      ),
    );
  }
  return h('div', { class: 'district' }, parts);
}

// /peer: the district reviews a peer reviewer was invited to.
export async function peerInvitationsView(): Promise<Node> {
  const { cycles } = await get<{ cycles: Cycle[] }>(apiPath(['review', 'peer', 'invitations']));
  const list = cycles.length
    ? h(
        'ul',
        { class: 'peer-invitations' },
        cycles.map((cycle) => h('li', null, h('a', { href: `/cycles/${cycle.id}/peer` }, `${cycle.unit.name} · ${cycle.label}`), ` (${t(`cycle_state_${cycle.state}` as TextKey)})`)),
      )
    : h('p', null, t('peer_invitations_none'));
  const privacy = cycles.length ? h('p', { class: 'hint' }, t('peer_privacy', cycles[0].minimum_group_size)) : null;
  return h('div', { class: 'peer' }, pageTitle(t('peer_invitations_title')), privacy, list);
}

function noteItem(note: Note, writer: boolean, onReply: (note: Note, text: string) => Promise<void>): HTMLElement {
  const kind = note.kind === 'challenge' ? t('peer_kind_challenge') : t('peer_kind_comment');
  const reply = note.reply
    ? h('div', { class: 'peer-reply' }, h('p', { class: 'peer-meta' }, `${t('peer_replied')} · ${formatTime(note.replied_at ?? 0)}`), h('p', null, note.reply))
    : h('p', { class: 'hint' }, t('peer_no_reply'));
  let replyForm: HTMLElement | null = null;
  if (writer) {
    const id = `reply-${note.id}`;
    const text = h('textarea', { id, rows: 2, required: true, maxlength: 4000 }, note.reply ?? '');
    const error = h('div');
    replyForm = h('form', { class: 'stack peer-reply-form' }, field(id, t('peer_reply'), text), error, h('button', { type: 'submit', class: 'secondary' }, t('peer_reply_button')));
    replyForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(error);
      try {
        await onReply(note, text.value.trim());
      } catch (failure) {
        clear(error, errorBox(failure));
      }
    });
  }
  return h(
    'li',
    { class: `peer-note ${note.kind}`, 'data-note': note.id },
    h('p', { class: 'peer-meta' }, h('strong', null, kind), ` · ${note.author} · ${formatTime(note.created_at)}`),
    h('p', { class: 'peer-text' }, note.text),
    reply,
    replyForm,
  );
}

// /cycles/{id}/peer: the peer review of a district cycle.
export async function peerView(ctx: ViewContext): Promise<Node> {
  const id = Number(ctx.params.id);
  const writer = DISTRICT_WRITERS.includes(ctx.me.role);
  const reviewer = PEER_ROLES.includes(ctx.me.role);
  const results = await get<Results>(apiPath(['review', 'cycles', id, 'peer', 'results']));
  const cycle = results.cycle;
  const min = results.minimum_group_size;
  const message = h('div', { role: 'status' });
  const threads = new Map<string, HTMLElement>();
  const thread = (nodeId: string) => {
    let list = threads.get(nodeId);
    if (!list) threads.set(nodeId, (list = h('ul', { class: 'peer-thread', 'data-node': nodeId })));
    return list;
  };

  async function loadNotes(): Promise<void> {
    const { notes } = await get<{ notes: Note[] }>(apiPath(['review', 'cycles', id, 'peer', 'notes']));
    for (const list of threads.values()) list.replaceChildren();
    for (const note of notes) thread(note.node_id).append(noteItem(note, writer, reply));
  }
  async function reply(note: Note, text: string): Promise<void> {
    await api('PUT', apiPath(['review', 'cycles', id, 'peer', 'notes', note.id, 'reply']), { reply: text });
    await loadNotes();
    clear(message, h('p', { class: 'ok' }, t('peer_reply_sent')));
    announce(t('peer_reply_sent'));
  }

  const parts: Node[] = [
    h('p', { class: 'no-print' }, h('a', { href: reviewer ? '/peer' : `/cycles/${id}` }, t('back'))),
    pageTitle(t('peer_title', `${cycle.unit.name} · ${cycle.label}`)),
    h('p', { class: 'hint' }, t('peer_privacy', min)),
    h('p', null, h('a', { href: `/districts/${encodeURIComponent(cycle.unit.id)}` }, t('peer_overview_link'))),
    message,
  ];
  if (writer) parts.push(await reviewersCard(id, cycle));
  if (reviewer) parts.push(noteForm(id, results.nodes, message, loadNotes));

  const whole = h('section', { class: 'card peer-node', 'aria-labelledby': 'peer-whole-h' }, h('h2', { id: 'peer-whole-h' }, t('peer_whole')), thread(''));
  const evidence = results.nodes
    .filter((node) => node.level !== 'section')
    .map((node) => {
      const Heading = node.level === 'dimension' ? 'h3' : 'h4';
      const rows = node.groups.map((cell) => [groupName(cycle, cell.group), cellText(cell, min), cell.suppressed ? '' : formatNumber(cell.respondents ?? 0)]);
      return h(
        'div',
        { class: `result-node peer-node level-${node.level}`, 'data-node': node.id },
        h(Heading, null, `${node.id} ${pick(node.title)}`),
        table(null, [t('cycle_group'), t('cycle_score'), t('cycle_respondents')], rows, 'results-table'),
        thread(node.id),
      );
    });
  parts.push(whole, h('section', { class: 'card', 'aria-labelledby': 'peer-evidence-h' }, h('h2', { id: 'peer-evidence-h' }, t('peer_evidence')), evidence));
  await loadNotes();
  return h('div', { class: 'peer' }, parts);
}

function noteForm(id: number, nodes: ResultNode[], message: HTMLElement, reload: () => Promise<void>): HTMLElement {
  const node = h(
    'select',
    { id: 'peer-node' },
    h('option', { value: '' }, t('peer_whole')),
    nodes.filter((n) => n.level !== 'section').map((n) => h('option', { value: n.id }, `${n.id} ${pick(n.title)}`)),
  );
  const kind = h('select', { id: 'peer-kind' }, h('option', { value: 'challenge' }, t('peer_kind_challenge')), h('option', { value: 'comment' }, t('peer_kind_comment')));
  const text = h('textarea', { id: 'peer-text', rows: 4, required: true, maxlength: 4000 });
  const error = h('div');
  const form = h(
    'form',
    { class: 'stack' },
    field('peer-node', t('peer_node'), node),
    field('peer-kind', t('peer_kind'), kind),
    field('peer-text', t('peer_text'), text),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('peer_send')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(error);
    try {
      await api('POST', apiPath(['review', 'cycles', id, 'peer', 'notes']), { node_id: node.value, kind: kind.value, text: text.value.trim() });
      text.value = '';
      await reload();
      clear(message, h('p', { class: 'ok' }, t('peer_sent')));
      announce(t('peer_sent'));
    } catch (failure) {
      clear(error, errorBox(failure));
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'peer-write-h' }, h('h2', { id: 'peer-write-h' }, t('peer_write')), form);
}

async function reviewersCard(id: number, cycle: Cycle): Promise<HTMLElement> {
  const list = h('div');
  async function load(): Promise<void> {
    const { reviewers } = await get<{ reviewers: Reviewer[] }>(apiPath(['review', 'cycles', id, 'peer', 'reviewers']));
    clear(
      list,
      reviewers.length
        ? table(null, [t('peer_account'), t('peer_reviewer_district'), t('peer_invited_at')], reviewers.map((r) => [r.account, r.district_id, formatTime(r.invited_at)]), 'reviewers-table')
        : h('p', null, t('peer_reviewers_none')),
    );
  }
  const account = h('input', { id: 'peer-account', required: true, autocomplete: 'off' });
  const district = h('input', { id: 'peer-district', required: true, autocomplete: 'off' });
  const error = h('div');
  const form = h(
    'form',
    { class: 'stack' },
    h('h3', null, t('peer_invite')),
    field('peer-account', t('peer_account'), account),
    field('peer-district', t('peer_reviewer_district'), district),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('peer_invite_button')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(error);
    try {
      await api('POST', apiPath(['review', 'cycles', id, 'peer', 'reviewers']), { account: account.value.trim(), district_id: district.value.trim() });
      account.value = '';
      district.value = '';
      await load();
      clear(error, h('p', { class: 'ok', role: 'status' }, t('peer_invited')));
    } catch (failure) {
      clear(error, errorBox(failure));
    }
  });
  await load();
  return h('section', { class: 'card', 'aria-labelledby': 'peer-reviewers-h' }, h('h2', { id: 'peer-reviewers-h' }, t('peer_reviewers', cycle.unit.name)), list, cycle.unit.kind === 'district' ? form : null);
}
