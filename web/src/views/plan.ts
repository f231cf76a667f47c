// The development plan of a closed cycle (GET/POST/PUT/DELETE
// /api/v1/review/cycles/{id}/plan...): the suggested priorities with their reasons,
// the chosen priorities with their actions and progress, and how the previous cycle's
// plan went (its indicators' scores then and now). Coordinators write; analysts and
// viewers read. Every write answers with the whole plan, which is drawn again.
import { api, apiPath, get } from '../api';
import { announce, clear, h } from '../dom';
import { formatNumber, formatPercent, pick, t, type TextKey } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, field, pageTitle, table } from '../ui';
import { score } from './cycles';

const PLAN_WRITERS = ['admin', 'school_coordinator'];
const STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;

type Names = Record<string, string>;

interface Finding {
  reason: 'low_score' | 'flagged_gap' | 'need_more_information';
  group: string;
  other_group: string | null;
  value: number;
  effect_size: number | null;
}

interface Suggestion {
  indicator_id: string;
  title: Names;
  lowest_score: number | null;
  findings: Finding[];
  priority_id: number | null;
}

interface Progress {
  id: number;
  date: string;
  status: string;
  note: string;
}

interface Action {
  id: number;
  what: string;
  responsible_role: string;
  start: string;
  due: string;
  resources: string;
  success_evidence: string;
  status: string;
  progress: Progress[];
}

interface Priority {
  id: number;
  indicator_id: string;
  title: Names;
  reason: string;
  note: string;
  actions: Action[];
  scores?: { group: string; then: number | null; now: number | null }[];
}

interface Plan {
  cycle: { id: number; label: string; state: 'open' | 'closed'; unit: { id: string; name: string } };
  priorities: Priority[];
  previous_plan: { cycle: { id: number; label: string }; priorities: Priority[] } | null;
}

interface Suggestions {
  cycle: { groups: { group: string; label: Names | null }[] };
  low_score_below: number;
  suggestions: Suggestion[];
}

function statusName(status: string): string {
  return t(`plan_status_${status}` as TextKey);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function planView(ctx: ViewContext): Promise<Node> {
  const id = Number(ctx.params.id);
  const base = ['review', 'cycles', id, 'plan'];
  let plan = await get<Plan>(apiPath(base));
  const suggested = await get<Suggestions>(apiPath([...base, 'suggestions']));
  const writer = PLAN_WRITERS.includes(ctx.me.role) && plan.cycle.state === 'closed';
  const groupName = (group: string): string => {
    const found = suggested.cycle.groups.find((g) => g.group === group);
    return found?.label ? pick(found.label) : group;
  };

  // Why the indicator is suggested, one sentence per finding.
  function findingText(finding: Finding): string {
    switch (finding.reason) {
      case 'low_score':
        return t('plan_reason_low_score', groupName(finding.group), formatNumber(finding.value, 0), suggested.low_score_below);
      case 'flagged_gap':
        return t('plan_reason_gap', groupName(finding.group), groupName(finding.other_group ?? ''), formatNumber(Math.abs(finding.value), 0));
      case 'need_more_information':
        return t('plan_reason_need_info', groupName(finding.group), formatPercent(finding.value, 0));
    }
  }

  const message = h('div');
  const followUp = h('div');
  const suggestionsBox = h('section', { class: 'card', 'aria-labelledby': 'suggestions-h' });
  const priorities = h('section', { class: 'card', 'aria-labelledby': 'priorities-h' });

  async function write(method: string, path: (string | number)[], body: unknown, done: string, error: HTMLElement): Promise<void> {
    clear(error);
    try {
      plan = (await api<{ plan: Plan }>(method, apiPath([...base, ...path]), body)).plan;
      for (const suggestion of suggested.suggestions) {
        suggestion.priority_id = plan.priorities.find((p) => p.indicator_id === suggestion.indicator_id)?.id ?? null;
      }
      draw();
      clear(message, h('p', { class: 'ok' }, done));
      announce(done);
    } catch (failure) {
      clear(error, errorBox(failure));
    }
  }

  function drawFollowUp(): void {
    const previous = plan.previous_plan;
    if (!previous) return void clear(followUp);
    clear(
      followUp,
      h(
        'section',
        { class: 'card follow-up', 'aria-labelledby': 'follow-up-h' },
        h('h2', { id: 'follow-up-h' }, t('plan_follow_up', previous.cycle.label)),
        previous.priorities.map((priority) =>
          h(
            'div',
            { class: 'follow-up-priority', 'data-indicator': priority.indicator_id },
            h('h3', null, `${priority.indicator_id} ${pick(priority.title)}`),
            table(
              null,
              [t('cycle_group'), t('plan_score_in', previous.cycle.label), t('plan_score_in', plan.cycle.label), t('plan_change')],
              (priority.scores ?? []).map((s) => [
                groupName(s.group),
                score(s.then),
                score(s.now),
                s.then === null || s.now === null ? '—' : `${s.now - s.then > 0 ? '+' : ''}${formatNumber(s.now - s.then, 0)}`,
              ]),
              'results-table follow-up-table',
            ),
            h('ul', null, priority.actions.map((action) => h('li', null, `${action.what} — ${statusName(action.status)}`))),
          ),
        ),
      ),
    );
  }

  function drawSuggestions(): void {
    const items = suggested.suggestions.map((suggestion) => {
      const error = h('div');
      let choose: HTMLElement | null = null;
      if (suggestion.priority_id !== null) {
        choose = h('p', { class: 'ok' }, t('plan_chosen'));
      } else if (writer) {
        choose = h('button', { type: 'button', class: 'primary' }, t('plan_choose'));
        choose.addEventListener('click', () => {
          const reason = suggestion.findings.map(findingText).join(' ');
          void write('POST', ['priorities'], { indicator_id: suggestion.indicator_id, reason, note: '' }, t('plan_priority_added'), error);
        });
      }
      return h(
        'li',
        { class: 'suggestion', 'data-indicator': suggestion.indicator_id },
        h('h3', null, `${suggestion.indicator_id} ${pick(suggestion.title)}`),
        h('ul', { class: 'findings' }, suggestion.findings.map((finding) => h('li', { class: `finding ${finding.reason}` }, findingText(finding)))),
        choose,
        error,
      );
    });
    clear(
      suggestionsBox,
      h('h2', { id: 'suggestions-h' }, t('plan_suggestions')),
      h('p', { class: 'hint' }, t('plan_suggestions_hint')),
      items.length ? h('ol', { class: 'suggestions' }, items) : h('p', null, t('plan_no_suggestions')),
    );
  }

  // The form of a new action of priority `priorityId`, or of `action` to edit.
  function actionForm(priorityId: number, action: Action | null): HTMLElement {
    const key = action ? `a${action.id}` : `p${priorityId}`;
    const input = (name: string, type = 'text', value = '') => h('input', { id: `${key}-${name}`, name, type, value, required: name !== 'resources', autocomplete: 'off' });
    const what = input('what', 'text', action?.what);
    const role = input('role', 'text', action?.responsible_role);
    const start = input('start', 'date', action?.start ?? today());
    const due = input('due', 'date', action?.due);
    const resources = input('resources', 'text', action?.resources);
    const evidence = input('evidence', 'text', action?.success_evidence);
    const error = h('div');
    const form = h(
      'form',
      { class: 'stack action-form' },
      field(what.id, t('plan_what'), what),
      field(role.id, t('plan_role'), role),
      h('div', { class: 'dates' }, field(start.id, t('plan_start'), start), field(due.id, t('plan_due'), due)),
      field(resources.id, t('plan_resources'), resources),
      field(evidence.id, t('plan_evidence'), evidence),
      error,
      h('button', { type: 'submit', class: 'primary' }, action ? t('plan_save_action') : t('plan_add_action')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = { what: what.value.trim(), responsible_role: role.value.trim(), start: start.value, due: due.value, resources: resources.value.trim(), success_evidence: evidence.value.trim() };
      if (action) void write('PUT', ['actions', action.id], body, t('plan_action_saved'), error);
      else void write('POST', ['priorities', priorityId, 'actions'], body, t('plan_action_added'), error);
    });
    return form;
  }

  function progressForm(action: Action): HTMLElement {
    const key = `a${action.id}-progress`;
    const status = h('select', { id: `${key}-status` }, STATUSES.map((name) => h('option', { value: name, selected: name === action.status }, statusName(name))));
    const date = h('input', { id: `${key}-date`, type: 'date', value: today(), required: true });
    const note = h('input', { id: `${key}-note`, type: 'text', autocomplete: 'off' });
    const error = h('div');
    const form = h(
      'form',
      { class: 'stack progress-form' },
      field(status.id, t('plan_status'), status),
      field(date.id, t('plan_date'), date),
      field(note.id, t('plan_note'), note),
      error,
      h('button', { type: 'submit', class: 'secondary' }, t('plan_add_progress')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void write('POST', ['actions', action.id, 'progress'], { status: status.value, date: date.value, note: note.value.trim() }, t('plan_progress_added'), error);
    });
    return form;
  }

  function removeButton(label: string, path: (string | number)[], error: HTMLElement): HTMLElement {
    const button = h('button', { type: 'button', class: 'danger' }, label);
    button.addEventListener('click', () => {
      if (window.confirm(t('plan_remove_confirm'))) void write('DELETE', path, {}, t('plan_removed'), error);
    });
    return button;
  }

  function actionView(action: Action): HTMLElement {
    const error = h('div');
    const facts: [TextKey, string][] = [
      ['plan_role', action.responsible_role],
      ['plan_start', action.start],
      ['plan_due', action.due],
      ['plan_resources', action.resources || '—'],
      ['plan_evidence', action.success_evidence],
      ['plan_status', statusName(action.status)],
    ];
    return h(
      'li',
      { class: 'action', 'data-action': action.id },
      h('h4', null, action.what),
      h('dl', { class: 'action-facts' }, facts.map(([label, value]) => [h('dt', null, t(label)), h('dd', null, value)]).flat()),
      action.progress.length
        ? h('ol', { class: 'progress-list', 'aria-label': t('plan_progress') }, action.progress.map((p) => h('li', null, `${p.date} · ${statusName(p.status)}${p.note ? ` · ${p.note}` : ''}`)))
        : null,
      writer ? h('details', null, h('summary', null, t('plan_add_progress')), progressForm(action)) : null,
      writer ? h('details', null, h('summary', null, t('plan_edit_action')), actionForm(0, action)) : null,
      writer ? h('div', { class: 'actions' }, removeButton(t('plan_remove_action'), ['actions', action.id], error)) : null,
      error,
    );
  }

  function drawPriorities(): void {
    const items = plan.priorities.map((priority) => {
      const error = h('div');
      return h(
        'li',
        { class: 'priority', 'data-indicator': priority.indicator_id },
        h('h3', null, `${priority.indicator_id} ${pick(priority.title)}`),
        h('p', null, h('strong', null, `${t('plan_why')}: `), priority.reason),
        priority.actions.length ? h('ul', { class: 'plan-actions' }, priority.actions.map(actionView)) : h('p', { class: 'hint' }, t('plan_no_actions')),
        writer ? h('section', { 'aria-label': t('plan_add_action') }, h('h4', null, t('plan_add_action')), actionForm(priority.id, null)) : null,
        writer ? h('div', { class: 'actions' }, removeButton(t('plan_remove_priority'), ['priorities', priority.id], error)) : null,
        error,
      );
    });
    clear(
      priorities,
      h('h2', { id: 'priorities-h' }, t('plan_priorities')),
      items.length ? h('ol', { class: 'priorities' }, items) : h('p', null, t('plan_no_priorities')),
    );
  }

  function draw(): void {
    drawFollowUp();
    drawSuggestions();
    drawPriorities();
  }
  draw();
  return h(
    'div',
    { class: 'plan' },
    h('p', { class: 'no-print' }, h('a', { href: `/cycles/${id}` }, t('plan_back'))),
    pageTitle(`${t('plan_title')} · ${plan.cycle.unit.name} · ${plan.cycle.label}`),
    plan.cycle.state === 'open' ? h('p', { class: 'hint' }, t('plan_after_close')) : null,
    message,
    followUp,
    priorities,
    suggestionsBox,
  );
}
