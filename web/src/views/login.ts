// Log in with a user name and password (POST /api/v1/session).
import { api, type Me } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { errorMessage, pageTitle } from '../ui';

export function loginView(options: { notice: string; onLogin: (me: Me) => void }): HTMLElement {
  const user = h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit' }, t('login_submit'));
  const form = h(
    'form',
    { class: 'stack', novalidate: false },
    h('div', { class: 'field' }, h('label', { for: 'login-user' }, t('login_user')), user),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login_password')), password),
    message,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.hidden = true;
    try {
      const me = await api<Me>('POST', '/api/v1/session', { user: user.value.trim(), password: password.value });
      options.onLogin(me);
    } catch (error) {
      message.textContent = errorMessage(error);
      message.hidden = false;
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return h(
    'div',
    { class: 'login card' },
    pageTitle(t('login_title')),
    options.notice ? h('p', { class: 'notice', role: 'status' }, options.notice) : null,
    h('p', { class: 'intro' }, t('login_intro')),
    form,
  );
}
