// Answering a self-review questionnaire with an access code, on a phone: /r/CODE (the
// QR codes point here) or /r with a box for the code. No account and no session: the
// code travels in the body of POST /api/v1/respond/open, PUT .../draft and POST
// .../submit. Every answer is kept on the phone at once (respond_store.ts) and sent
// when there is a connection; a submit made offline waits for it, and a submit whose
// reply was lost is recognised by the "code used" answer of its retry.
import { api, ApiError } from '../api';
import { announce, clear, h, uniqueId } from '../dom';
import { LANG_NAMES, LANGS, lang, pick, setLang, t } from '../i18n';
import { loadRecord, normaliseCode, saveRecord, unsent, type RespondForm, type RespondRecord } from '../respond_store';
import { errorBox, errorMessage } from '../ui';

const RETRY_MS = 4000;

function languageSwitch(onChange: () => void): HTMLElement {
  return h(
    'div',
    { class: 'langs respond-langs', role: 'group', 'aria-label': t('language') },
    LANGS.map((code) =>
      h(
        'button',
        {
          type: 'button',
          lang: code,
          'aria-pressed': code === lang() ? 'true' : 'false',
          onclick: () => {
            setLang(code);
            onChange();
            announce(LANG_NAMES[code]);
          },
        },
        LANG_NAMES[code],
      ),
    ),
  );
}

// The page of /r: a code box.
function codeEntry(root: HTMLElement, notice: string | null): void {
  const input = h('input', { id: 'respond-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'text', 'aria-describedby': 'respond-code-hint', required: true });
  const form = h(
    'form',
    { class: 'stack respond-code' },
    h('div', { class: 'field' }, h('label', { for: 'respond-code' }, t('respond_code_label')), input, h('p', { id: 'respond-code-hint', class: 'hint' }, t('respond_code_hint'))),
    h('button', { type: 'submit', class: 'primary big' }, t('respond_open')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = normaliseCode(input.value);
    if (!code) return;
    history.pushState(null, '', `/r/${code}`);
    void respondPage(root);
  });
  clear(
    root,
    languageSwitch(() => codeEntry(root, notice)),
    h('h1', { tabindex: -1 }, t('respond_title')),
    notice ? h('p', { class: 'error', role: 'alert' }, notice) : null,
    form,
  );
}

function outcomeText(record: RespondRecord): string {
  return record.outcome === 'received' ? t('respond_received') : t('respond_closed');
}

function outcomePage(root: HTMLElement, record: RespondRecord): void {
  clear(
    root,
    languageSwitch(() => outcomePage(root, record)),
    h('h1', { tabindex: -1 }, t('respond_title')),
    h('p', { class: record.outcome === 'received' ? 'ok big-note' : 'error big-note', role: 'status' }, outcomeText(record)),
  );
}

// Renders the questionnaire of `code` into `root` and keeps it in step with the server.
function questionnaire(root: HTMLElement, code: string, record: RespondRecord): void {
  const form = record.form as RespondForm;
  const total = form.questions.length;
  const status = h('p', { class: 'respond-status', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'respond-body' });
  let syncing = false;
  let again = false;
  let timer = 0;

  function setStatus(text: string): void {
    status.textContent = text;
  }

  function persist(): void {
    saveRecord(code, record);
  }

  function finish(outcome: 'received' | 'closed'): void {
    record.outcome = outcome;
    record.submitting = false;
    persist();
    window.removeEventListener('online', onOnline);
    window.clearInterval(timer);
    render();
    announce(outcomeText(record));
  }

  // Sends what the server lacks: the submit when one waits, else the unsent answers
  // as the draft. Network failures leave everything on the phone for the next try.
  async function sync(): Promise<void> {
    if (record.outcome) return;
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    try {
      if (record.submitting) {
        setStatus(t('respond_sending'));
        await api('POST', '/api/v1/respond/submit', { code, answers: record.answers });
        finish('received');
        return;
      }
      const changed = unsent(record);
      if (Object.keys(changed).length === 0) return;
      await api('PUT', '/api/v1/respond/draft', { code, answers: changed });
      Object.assign(record.sent, changed);
      persist();
      setStatus(Object.keys(unsent(record)).length === 0 ? t('respond_saved_sent') : t('respond_saved_here'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'code_used') return finish('received');
      if (error instanceof ApiError && error.code === 'cycle_closed') return finish('closed');
      setStatus(record.submitting ? t('respond_queued') : t('respond_saved_here'));
    } finally {
      syncing = false;
      if (again && !record.outcome) {
        again = false;
        void sync();
      }
    }
  }

  function onOnline(): void {
    void sync();
  }
  window.addEventListener('online', onOnline);
  // Also retried on a timer: "online" does not fire when a connection comes back
  // without the browser noticing it was lost.
  timer = window.setInterval(() => {
    if (record.submitting || Object.keys(unsent(record)).length > 0) void sync();
  }, RETRY_MS);

  function choose(question: string, answer: string): void {
    record.answers[question] = answer;
    persist();
    setStatus(t('respond_saved_here'));
    void sync();
  }

  function questionFieldset(index: number): HTMLElement {
    const question = form.questions[index];
    const name = uniqueId('q');
    return h(
      'fieldset',
      { class: 'question', 'data-question': question.id },
      h('legend', null, h('span', { class: 'question-number' }, `${index + 1}. `), pick(question.text)),
      h(
        'div',
        { class: 'options' },
        form.scale.map((option) => {
          const id = uniqueId('a');
          const input = h('input', { type: 'radio', id, name, value: option.name, checked: record.answers[question.id] === option.name });
          input.addEventListener('change', () => choose(question.id, option.name));
          return h('div', { class: 'option' }, input, h('label', { for: id }, pick(option.label)));
        }),
      ),
    );
  }

  function answeredCount(): number {
    return form.questions.filter((q) => record.answers[q.id]).length;
  }

  function sendBlock(): HTMLElement {
    const missing = total - answeredCount();
    const error = h('div');
    const button = h('button', { type: 'button', class: 'primary big' }, t('respond_send'));
    button.addEventListener('click', () => {
      if (answeredCount() === 0) {
        clear(error, h('p', { class: 'error', role: 'alert' }, t('respond_nothing')));
        return;
      }
      record.submitting = true;
      persist();
      render();
      void sync();
    });
    return h(
      'section',
      { class: 'card respond-send', 'aria-labelledby': 'respond-send-h' },
      h('h2', { id: 'respond-send-h' }, t('respond_send')),
      h('p', null, t('respond_answered', answeredCount(), total)),
      missing > 0 ? h('p', null, t('respond_unanswered', missing)) : null,
      h('p', { class: 'hint' }, t('respond_send_hint')),
      error,
      button,
    );
  }

  function modeSwitch(): HTMLElement {
    const name = uniqueId('mode');
    return h(
      'fieldset',
      { class: 'respond-mode' },
      h('legend', null, t('respond_mode')),
      (['one', 'all'] as const).map((mode) => {
        const id = uniqueId('mode');
        const input = h('input', { type: 'radio', id, name, value: mode, checked: record.mode === mode });
        input.addEventListener('change', () => {
          record.mode = mode;
          persist();
          render();
        });
        return h('div', { class: 'option' }, input, h('label', { for: id }, mode === 'one' ? t('respond_mode_one') : t('respond_mode_all')));
      }),
    );
  }

  function oneByOne(): HTMLElement[] {
    const position = Math.min(Math.max(record.position, 0), total);
    if (position === total) {
      const back = h('button', { type: 'button', class: 'secondary big' }, t('respond_previous'));
      back.addEventListener('click', () => move(total - 1));
      return [sendBlock(), h('div', { class: 'respond-nav' }, back)];
    }
    const previous = h('button', { type: 'button', class: 'secondary big', disabled: position === 0 }, t('respond_previous'));
    previous.addEventListener('click', () => move(position - 1));
    const next = h('button', { type: 'button', class: 'primary big' }, position === total - 1 ? t('respond_to_send') : t('respond_next'));
    next.addEventListener('click', () => move(position + 1));
    return [
      h('p', { class: 'respond-progress' }, t('respond_progress', position + 1, total)),
      h('progress', { max: total, value: position + 1, 'aria-hidden': 'true' }),
      questionFieldset(position),
      h('div', { class: 'respond-nav' }, previous, next),
    ];
  }

  function move(position: number): void {
    record.position = position;
    persist();
    render();
    (body.querySelector('legend, h2') as HTMLElement | null)?.setAttribute('tabindex', '-1');
    (body.querySelector('legend, h2') as HTMLElement | null)?.focus();
  }

  function render(): void {
    const header = [
      languageSwitch(render),
      h('h1', { tabindex: -1 }, pick(form.instrument.title)),
      h('p', { class: 'respond-for' }, t('respond_for', form.cycle.unit_name, form.cycle.label, pick(form.group_label))),
    ];
    if (record.outcome) {
      clear(root, header, h('p', { class: record.outcome === 'received' ? 'ok big-note' : 'error big-note', role: 'status' }, outcomeText(record)));
      return;
    }
    if (record.submitting) {
      clear(root, header, h('p', { class: 'ok big-note', role: 'status' }, t('respond_queued')), status);
      return;
    }
    clear(
      body,
      record.mode === 'one' ? oneByOne() : [form.questions.map((_, i) => questionFieldset(i)), sendBlock()],
    );
    clear(root, header, h('p', { class: 'hint' }, t('respond_anonymous')), modeSwitch(), status, body);
  }

  render();
  void sync();
}

// Opens the questionnaire of the code in the path: from the phone when it was opened
// here before (so it opens without a connection), refreshed from the server when
// there is one.
export async function respondPage(root: HTMLElement): Promise<void> {
  const match = location.pathname.match(/^\/r\/([^/]+)\/?$/);
  if (!match) return codeEntry(root, null);
  const code = normaliseCode(decodeURIComponent(match[1]));
  const record = loadRecord(code);
  if (record.outcome) return outcomePage(root, record);
  if (record.form && record.submitting) return questionnaire(root, code, record);
  if (!record.form) clear(root, h('p', { class: 'loading', role: 'status' }, t('loading')));
  try {
    const form = await api<RespondForm>('POST', '/api/v1/respond/open', { code });
    // The server's draft under what this phone chose since.
    const local = unsent(record);
    record.form = form;
    record.sent = { ...form.draft };
    record.answers = { ...form.draft, ...record.answers, ...local };
    saveRecord(code, record);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'code_used' || error.code === 'cycle_closed')) {
      record.outcome = error.code === 'code_used' ? 'received' : 'closed';
      record.submitting = false;
      saveRecord(code, record);
    } else if (error instanceof ApiError && error.code === 'code_not_found') {
      return codeEntry(root, t('respond_unknown_code'));
    } else if (!record.form) {
      const offline = error instanceof ApiError && error.code === 'network';
      clear(root, h('h1', { tabindex: -1 }, t('respond_title')), offline ? h('p', { class: 'error', role: 'alert' }, t('respond_offline_first')) : errorBox(error));
      if (!offline) return;
      window.addEventListener('online', () => void respondPage(root), { once: true });
      return;
    } else if (!(error instanceof ApiError && error.code === 'network')) {
      // A stored form is still usable; say what went wrong without losing it.
      announce(errorMessage(error));
    }
  }
  if (record.outcome) return outcomePage(root, record);
  questionnaire(root, code, record);
}
