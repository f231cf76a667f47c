// One stored post (GET posts/{id}): pseudonymised and masked, never a link to it.
import { apiPath, get } from '../api';
import { h } from '../dom';
import { formatNumber, formatTime, t, type TextKey } from '../i18n';
import type { ViewContext } from '../main';
import { pageTitle } from '../ui';

interface Post {
  id: number;
  corpus: string;
  platform: string;
  channel: string;
  author_key: string;
  author_type: string;
  published_at: number;
  lang: string;
  text: string;
  region: string | null;
  engagement: number | null;
  reply_to: number | null;
  url?: string | null;
}

export async function postView(ctx: ViewContext): Promise<Node> {
  const post = await get<Post>(apiPath(['posts', ctx.params.id]));
  const fact = (key: TextKey, value: Node | string | null) =>
    value === null || value === '' ? null : h('div', null, h('dt', null, t(key)), h('dd', null, value));
  const textLang = ['kk', 'ru', 'en'].includes(post.lang) ? post.lang : null;
  return h(
    'article',
    { class: 'post' },
    h('p', { class: 'crumbs' }, h('a', { href: '/search', onclick: (e: Event) => (history.length > 1 ? (e.preventDefault(), history.back()) : undefined) }, t('back'))),
    pageTitle(t('post_title', post.id)),
    h('section', { class: 'card', 'aria-labelledby': 'post-text-h' }, h('h2', { id: 'post-text-h', class: 'small' }, t('post_text')), h('blockquote', { class: 'post-text', lang: textLang }, post.text)),
    h(
      'dl',
      { class: 'facts' },
      fact('post_published', formatTime(post.published_at)),
      fact('post_corpus', post.corpus),
      fact('post_platform', post.platform),
      fact('post_channel', post.channel),
      fact('post_author', post.author_key),
      fact('post_author_type', post.author_type),
      fact('post_lang', post.lang),
      fact('post_region', post.region),
      fact('post_engagement', post.engagement === null ? null : formatNumber(post.engagement)),
      fact('post_reply_to', post.reply_to === null ? null : h('a', { href: `/posts/${post.reply_to}` }, String(post.reply_to))),
      // Only organisations' and media posts have an address (people's are never given).
      fact('post_url', post.author_type !== 'person' && post.url && /^https?:\/\//.test(post.url) ? h('a', { href: post.url, rel: 'noopener noreferrer', target: '_blank' }, post.url) : null),
    ),
  );
}
