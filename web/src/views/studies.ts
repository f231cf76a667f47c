// The studies list (GET /api/v1/studies).
import { apiPath, get } from '../api';
import { h } from '../dom';
import { formatNumber, formatTime, pick, t } from '../i18n';
import type { ViewContext } from '../main';
import { pageTitle } from '../ui';

export interface StudyRun {
  job: number;
  finished_at: number;
  posts: number;
}

export interface StudySummary {
  id: string;
  name: Record<string, string>;
  queries: number;
  last_run: StudyRun | null;
}

export async function studiesView(_ctx: ViewContext): Promise<Node> {
  const { studies } = await get<{ studies: StudySummary[] }>(apiPath(['studies']));
  const list = studies.length
    ? h(
        'ul',
        { class: 'cards' },
        studies.map((study) =>
          h(
            'li',
            { class: 'card study' },
            h('h2', null, h('a', { href: `/studies/${encodeURIComponent(study.id)}` }, pick(study.name) || study.id)),
            h('p', { class: 'meta' }, t('study_queries', formatNumber(study.queries))),
            h(
              'p',
              { class: 'meta' },
              study.last_run ? t('study_last_run', formatTime(study.last_run.finished_at), formatNumber(study.last_run.posts)) : t('study_never_run'),
            ),
          ),
        ),
      )
    : h('p', null, t('studies_none'));
  return h('div', null, pageTitle(t('studies_title')), list);
}
