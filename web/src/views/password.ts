// Change one's own password (PUT /api/v1/me/password): the current password, the new
// one twice. The server's errors are shown by the field they name; this session stays,
// the user's other sessions end.
import { api, ApiError } from '../api';
import { announce, clear, h } from '../dom';
import { t, type TextKey } from '../i18n';
import type { ViewContext } from '../main';
import { errorMessage, pageTitle } from '../ui';

// The roles that have a password (a respondent logs in with a code).
export const PASSWORD_ROLES = ['admin', 'analyst', 'viewer', 'school_coordinator', 'peer_reviewer'];

interface Field {
  input: HTMLInputElement;
  error: HTMLElement;
  element: HTMLElement;
}

function passwordField(id: string, label: TextKey, autocomplete: string, hint: TextKey | null): Field {
  const error = h('p', { id: `${id}-error`, class: 'error field-error', hidden: true });
  const hintId = hint ? `${id}-hint` : null;
  const input = h('input', {
    id,
    name: id,
    type: 'password',
    autocomplete,
    required: true,
    minlength: hint ? 10 : null,
    'aria-describedby': [hintId, `${id}-error`].filter(Boolean).join(' '),
  }) as HTMLInputElement;
  const element = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, t(label)),
    input,
    hint ? h('p', { id: hintId, class: 'hint' }, t(hint)) : null,
    error,
  );
  return { input, error, element };
}

function showError(field: Field, text: string | null): void {
  field.error.textContent = text ?? '';
  field.error.hidden = !text;
  if (text) field.input.setAttribute('aria-invalid', 'true');
  else field.input.removeAttribute('aria-invalid');
}

export function passwordView(ctx: ViewContext): Node {
  const current = passwordField('current-password', 'password_current', 'current-password', null);
  const fresh = passwordField('new-password', 'password_new', 'new-password', 'user_password_hint');
  const again = passwordField('new-password-again', 'password_again', 'new-password', null);
  const fields: Record<string, Field> = { current, new: fresh };
  const general = h('div');
  const done = h('div', { class: 'messages' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('password_submit'));
  const form = h('form', { class: 'stack', novalidate: true }, current.element, fresh.element, again.element, general, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const field of [current, fresh, again]) showError(field, null);
    clear(general);
    clear(done);
    if (!current.input.value) return showError(current, t('password_required')), current.input.focus();
    if (fresh.input.value !== again.input.value) return showError(again, t('password_mismatch')), again.input.focus();
    submit.disabled = true;
    try {
      await api('PUT', '/api/v1/me/password', { current: current.input.value, new: fresh.input.value });
      form.reset();
      const text = t('password_changed');
      clear(done, h('p', { class: 'ok', role: 'status' }, text));
      announce(text);
    } catch (error) {
      const field = error instanceof ApiError && error.field ? fields[error.field] : undefined;
      if (field) {
        showError(field, errorMessage(error));
        field.input.value = '';
        field.input.focus();
      } else {
        clear(general, h('p', { class: 'error', role: 'alert' }, errorMessage(error)));
      }
    } finally {
      submit.disabled = false;
    }
  });

  return h(
    'div',
    { class: 'password card' },
    pageTitle(t('password_title')),
    h('p', { class: 'intro' }, ctx.me.user ? t('password_intro', ctx.me.user) : null),
    done,
    form,
  );
}
