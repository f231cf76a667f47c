// Accounts, for administrators: list, add, change role, remove (GET/POST/PATCH/DELETE
// /api/v1/users).
import { api, apiPath, get } from '../api';
import { announce, clear, h } from '../dom';
import { formatTime, roleName, t } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, pageTitle, table } from '../ui';

interface User {
  name: string;
  role: string;
  created_at: number;
}

const ROLES = ['admin', 'analyst', 'viewer', 'school_coordinator', 'peer_reviewer'];

function roleSelect(id: string, selected: string, label: string | null): HTMLSelectElement {
  return h(
    'select',
    { id, name: 'role', 'aria-label': label },
    ROLES.map((role) => h('option', { value: role, selected: role === selected }, roleName(role))),
  );
}

export async function usersView(ctx: ViewContext): Promise<Node> {
  const listBox = h('div');
  const message = h('div', { class: 'messages' });

  function say(text: string): void {
    clear(message, h('p', { class: 'ok', role: 'status' }, text));
    announce(text);
  }

  async function load(): Promise<void> {
    const { users } = await get<{ users: User[] }>(apiPath(['users']));
    const rows = users.map((user) => {
      const select = roleSelect(`role-${user.name}`, user.role, t('user_role_of', user.name));
      select.addEventListener('change', async () => {
        try {
          await api('PATCH', apiPath(['users', user.name]), { role: select.value });
          say(t('user_role_changed', user.name, roleName(select.value)));
          if (user.name === ctx.me.user) ctx.navigate('/', true);
        } catch (error) {
          select.value = user.role;
          clear(message, errorBox(error));
        }
      });
      const remove = h('button', { type: 'button', class: 'danger' }, t('user_remove', user.name));
      remove.addEventListener('click', async () => {
        if (!window.confirm(t('user_remove_confirm', user.name))) return;
        try {
          await api('DELETE', apiPath(['users', user.name]));
          say(t('user_removed', user.name));
          await load();
        } catch (error) {
          clear(message, errorBox(error));
        }
      });
      return [user.name, select, formatTime(user.created_at), remove];
    });
    clear(listBox, table(null, [t('user_name'), t('user_role'), t('user_created'), t('user_actions')], rows, 'users-table'));
  }

  const name = h('input', { id: 'new-name', name: 'name', required: true, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'new-password', name: 'password', type: 'password', required: true, minlength: 10, autocomplete: 'new-password', 'aria-describedby': 'new-password-hint' });
  const role = roleSelect('new-role', 'viewer', null);
  const addError = h('div');
  const form = h(
    'form',
    { class: 'stack' },
    h('div', { class: 'field' }, h('label', { for: 'new-name' }, t('user_name')), name),
    h('div', { class: 'field' }, h('label', { for: 'new-role' }, t('user_role')), role),
    h('div', { class: 'field' }, h('label', { for: 'new-password' }, t('login_password')), password, h('p', { id: 'new-password-hint', class: 'hint' }, t('user_password_hint'))),
    addError,
    h('button', { type: 'submit', class: 'primary' }, t('user_add')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(addError);
    try {
      await api('POST', apiPath(['users']), { name: name.value.trim(), role: role.value, password: password.value });
      say(t('user_added', name.value.trim()));
      form.reset();
      await load();
    } catch (error) {
      clear(addError, errorBox(error));
    }
  });

  await load();
  return h(
    'div',
    { class: 'users' },
    pageTitle(t('users_title')),
    message,
    listBox,
    h('section', { class: 'card', 'aria-labelledby': 'add-user-h' }, h('h2', { id: 'add-user-h' }, t('user_add_title')), form),
  );
}
