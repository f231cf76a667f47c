// The results of a study run (its results.json, src/listen/study_report.cpp) as
// charts and tables: volume per month, subtopics, regions per capita with thin data
// flagged, barriers, programmes, children with disabilities, groups at risk, girls
// and boys, stigmatising wording, sentiment, topics and hashtags; and, when the run
// was compared with the previous one, each share beside that run's.
import { barChart, monthChart, shareBar, type Bar } from '../charts';
import { h } from '../dom';
import { formatNumber, formatPercent, lang, pick, t, type TextKey } from '../i18n';
import { categoryLabel } from '../labels';
import { section, table } from '../ui';
import type { Study } from './dashboard';

interface ShareEntry {
  key: string;
  posts: number;
  share: number;
  low: number;
  high: number;
}

interface LexiconFamily {
  categories: ShareEntry[];
  subcategories: ShareEntry[];
  denominator: number;
}

function lexiconChart(id: string, title: string, family: LexiconFamily | undefined, level: 'categories' | 'subcategories'): HTMLElement | null {
  const entries = family?.[level] ?? [];
  if (!entries.length) return null;
  return barChart(
    id,
    title,
    entries.map((e) => shareBar(categoryLabel(e.key), e)),
    { valueHeader: t('share') },
  );
}

function kpis(results: any): HTMLElement {
  const posts = results.posts ?? {};
  const regions = results.regions ?? {};
  const item = (value: number, label: string) => h('div', { class: 'kpi' }, h('dd', null, formatNumber(value ?? 0)), h('dt', null, label));
  return h(
    'dl',
    { class: 'kpis' },
    item(posts.all, t('kpi_posts')),
    item(posts.original, t('kpi_original')),
    item(posts.near_duplicates, t('kpi_duplicates')),
    item(regions.posts_with_region, t('kpi_regions')),
  );
}

function regionsChart(results: any): HTMLElement | null {
  const units: any[] = results.regions?.units ?? [];
  if (!units.length) return null;
  const nameKey = `name_${lang()}`;
  // Every unit is listed: one without a population figure has no rate, only its posts.
  const bars: Bar[] = units.map((u) => {
    const flags = [u.thin ? t('thin_data') : '', u.no_population ? t('no_population') : ''].filter(Boolean);
    const rate = u.no_population ? '—' : `${formatNumber(u.per_100k ?? 0, 1)} ${t('per_100k')}`;
    return {
      label: u[nameKey] ?? u.name_en ?? u.iso,
      value: u.no_population ? 0 : u.per_100k ?? 0,
      muted: !!u.thin || !!u.no_population,
      text: [rate, t('posts_n', formatNumber(u.posts ?? 0)), ...flags].join(' · '),
    };
  });
  return barChart('fig-regions', t('fig_regions'), bars, { valueHeader: t('per_100k'), note: t('report_caveat') });
}

function genderChart(results: any): HTMLElement | null {
  const g = results.gender;
  if (!g || !g.either) return null;
  return barChart(
    'fig-gender',
    t('fig_gender'),
    [
      shareBar(t('girls'), { share: g.girls_share, low: g.girls_low, high: g.girls_high, posts: g.girls }),
      shareBar(t('boys'), { share: g.boys_share, low: g.boys_low, high: g.boys_high, posts: g.boys }),
    ],
    { keepOrder: true, note: t('fig_gender_note'), valueHeader: t('share') },
  );
}

function stigmaTables(results: any): HTMLElement[] {
  const quarters: any[] = results.stigma?.quarters ?? [];
  const terms: any[] = results.stigma?.terms ?? [];
  const out: HTMLElement[] = [];
  if (quarters.length) {
    out.push(
      barChart(
        'fig-stigma',
        t('fig_stigma'),
        quarters.map((q) => ({
          ...shareBar(q.quarter, { share: q.share, low: q.low, high: q.high, posts: q.stigmatising }),
          text: `${formatPercent(q.share)} [${formatPercent(q.low)}–${formatPercent(q.high)}] · ${t('stigmatising')} ${formatNumber(q.stigmatising)} / ${t('person_first')} ${formatNumber(q.person_first)}`,
        })),
        { keepOrder: true, valueHeader: t('share') },
      ),
    );
  }
  if (terms.length) {
    out.push(table(t('stigma_terms'), [t('term'), t('posts')], terms.slice(0, 10).map((x) => [x.term, formatNumber(x.posts)])));
  }
  return out;
}

function sentimentChart(results: any): HTMLElement {
  const sentiment = results.sentiment ?? {};
  if (!sentiment.available) return h('p', { class: 'note' }, t('sentiment_unavailable'));
  const counts = sentiment.counts ?? {};
  const total = (counts.positive ?? 0) + (counts.negative ?? 0) + (counts.not_rated ?? 0);
  const bar = (key: 'positive' | 'negative' | 'not_rated'): Bar => ({
    label: t(`sentiment_${key}`),
    value: counts[key] ?? 0,
    text: `${formatNumber(counts[key] ?? 0)} (${formatPercent(total ? (counts[key] ?? 0) / total : 0)})`,
  });
  return barChart('fig-sentiment', t('fig_sentiment'), [bar('positive'), bar('negative'), bar('not_rated')], { keepOrder: true });
}

// Each share beside the previous run's (results.comparison, --compare-with).
function comparisonTable(results: any, subtopicNames: Map<string, string>): HTMLElement[] {
  const comparison = results.comparison;
  const rows: any[] = comparison?.rows ?? [];
  if (!rows.length) return [];
  const before = comparison.previous ?? {};
  const single = new Set(['gender', 'stigma', 'sentiment']);
  const name = (row: any): string => {
    if (single.has(row.section)) return t(`cmp_${row.section}_${row.key}` as TextKey);
    const item = row.section === 'subtopic' ? (subtopicNames.get(row.key) ?? row.key) : categoryLabel(row.key);
    return `${t(`cmp_${row.section}` as TextKey)}: ${item}`;
  };
  const cell = (share: number, posts: number, of: number) => `${formatPercent(share)} (${formatNumber(posts)} / ${formatNumber(of)})`;
  const generated = (before.generated_at ?? '').replace('T', ' ').replace('Z', ' UTC');
  return [
    h('h3', null, t('fig_comparison')),
    h('p', { class: 'note' }, t('comparison_note', generated, formatNumber(before.original_posts ?? 0), formatNumber(comparison.original_posts ?? 0))),
    before.same_fingerprint ? null : h('p', { class: 'note' }, t('comparison_study_changed')),
    table(
      null,
      [t('cmp_figure'), t('cmp_previous'), t('cmp_now'), t('cmp_change'), t('cmp_significant')],
      rows.map((row) => [
        name(row),
        cell(row.previous_share, row.previous, row.previous_of),
        cell(row.now_share, row.now, row.now_of),
        formatNumber(row.change_points, 1),
        row.significant ? t('cmp_yes') : t('cmp_no'),
      ]),
      // Stacked on a phone (style.css), like the self-review results.
      'results-table comparison',
    ),
  ].filter((e): e is HTMLElement => e !== null);
}

function topicsTable(results: any): HTMLElement | null {
  const topics: any[] = results.topics?.topics ?? [];
  if (!topics.length) return null;
  return table(
    null,
    [t('topic'), t('share'), t('topic_words')],
    topics.map((topic) => [`${topic.id + 1}`, formatPercent(topic.share), (topic.words ?? []).map((w: any) => w.word).join(', ')]),
  );
}

function hashtagsTable(results: any): HTMLElement | null {
  const top: any[] = results.hashtags?.top ?? [];
  if (!top.length) return null;
  return table(null, [t('hashtag'), t('posts')], top.slice(0, 15).map((x) => [x.tag, formatNumber(x.posts)]));
}

export function renderResults(results: any, study: Study): Node {
  const months: any[] = results.volume?.months ?? [];
  const subtopicNames = new Map<string, string>();
  for (const q of study.queries) if (q.name && !subtopicNames.has(q.group)) subtopicNames.set(q.group, pick(q.name));
  const subtopics: ShareEntry[] = results.subtopics ?? [];
  const lexicon = results.lexicon ?? {};
  const generated = results.study?.generated_at ?? '';
  return h(
    'div',
    { class: 'results' },
    section(
      'report_title',
      'report',
      h('p', { class: 'meta' }, t('report_generated', generated.replace('T', ' ').replace('Z', ' UTC'))),
      h('p', { class: 'caveat' }, t('report_caveat')),
      kpis(results),
      ...comparisonTable(results, subtopicNames),
      h(
        'div',
        { class: 'grid' },
        months.length
          ? monthChart(
              'fig-months',
              t('fig_months'),
              months.map((m) => ({ month: m.month, value: m.original ?? 0, flag: !!m.spike })),
              t('fig_months_note'),
            )
          : null,
        subtopics.length
          ? barChart('fig-subtopics', t('fig_subtopics'), subtopics.map((e) => shareBar(subtopicNames.get(e.key) ?? e.key, e)), { valueHeader: t('share') })
          : null,
        regionsChart(results),
        lexiconChart('fig-barriers', t('fig_barriers'), lexicon.barriers, 'categories'),
        lexiconChart('fig-programmes', t('fig_programmes'), lexicon.programmes, 'subcategories'),
        lexiconChart('fig-disability', t('fig_disability'), lexicon.disability, 'subcategories'),
        lexiconChart('fig-groups', t('fig_groups'), lexicon.groups, 'subcategories'),
        genderChart(results),
        ...stigmaTables(results),
        sentimentChart(results),
      ),
      h('h3', null, t('fig_topics')),
      topicsTable(results),
      h('h3', null, t('fig_hashtags')),
      hashtagsTable(results),
    ),
  );
}
