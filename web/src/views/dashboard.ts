// A study's dashboard: run it (POST runs) and follow the job, then its results
// (GET report) as charts and tables, its queries with their validation, and the
// report's files for export.
import { api, ApiError, apiPath, get } from '../api';
import { announce, clear, h } from '../dom';
import { formatDuration, formatNumber, formatPercent, formatTime, lang, pick, t, type TextKey } from '../i18n';
import type { ViewContext } from '../main';
import { errorBox, errorMessage, pageTitle, section, WRITE_ROLES } from '../ui';
import { renderResults } from './results';
import type { StudyRun } from './studies';

export interface Validation {
  query_id: string;
  query_hash: string;
  relevant: number;
  labelled: number;
  unlabelled: number;
  precision: number;
  low: number;
  high: number;
  validated_on: string;
  stale: boolean;
}

export interface StudyQuery {
  id: string;
  name?: Record<string, string>;
  group: string;
  expression: string;
  validation: Validation | null;
}

export interface Study {
  id: string;
  name: Record<string, string>;
  period: { from: string; to: string };
  languages: string[];
  corpora: string[];
  queries: StudyQuery[];
  last_run: StudyRun | null;
}

export interface Job {
  id: number;
  kind: string;
  study: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  stage: string | null;
  done: number;
  total: number;
  rate: number | null;
  eta_seconds: number | null;
  restarts: number;
  error: string | null;
}

const STAGES: Record<string, TextKey> = {
  annotate: 'stage_annotate',
  topics: 'stage_topics',
  report: 'stage_report',
};

function stageName(stage: string): string {
  return STAGES[stage] ? t(STAGES[stage]) : stage;
}

export function precisionText(v: Validation): string {
  return `${formatPercent(v.precision)} [${formatPercent(v.low)}–${formatPercent(v.high)}]`;
}

export interface ReportFile {
  name: string;
  kind: 'report' | 'data' | 'workbook' | 'table' | 'network' | 'other';
  size: number;
  content_type: string;
  url: string;
}

// The groups of the export list, in order, and the kinds each holds.
const FILE_GROUPS: [id: string, title: TextKey, kinds: ReportFile['kind'][]][] = [
  ['report', 'export_group_report', ['report', 'data']],
  ['workbook', 'export_group_workbook', ['workbook']],
  ['tables', 'export_group_tables', ['table']],
  ['network', 'export_group_network', ['network', 'other']],
];

const FILE_LABELS: Record<string, TextKey> = {
  'index.html': 'export_html',
  'tables.xlsx': 'export_xlsx',
  'results.json': 'export_json',
  'hashtags.gexf': 'export_gexf',
};

function fileLabel(file: ReportFile): string {
  if (FILE_LABELS[file.name]) return t(FILE_LABELS[file.name]);
  if (file.kind === 'table') return t('export_csv', file.name.replace(/^csv-/, '').replace(/\.csv$/, ''));
  return file.name;
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return t('size_bytes', formatNumber(bytes));
  if (bytes < 1024 * 1024) return t('size_kib', formatNumber(bytes / 1024, bytes < 10 * 1024 ? 1 : 0));
  return t('size_mib', formatNumber(bytes / (1024 * 1024), 1));
}

// Every file of the latest run (GET report/files), grouped, each with its size.
function exportList(files: ReportFile[]): HTMLElement {
  const link = (file: ReportFile) => {
    const page = file.name === 'index.html';
    return h(
      'li',
      { 'data-kind': file.kind },
      h(
        'a',
        { href: file.url, download: page ? null : file.name, target: page ? '_blank' : null, rel: 'noopener' },
        h('span', { class: 'file-name' }, fileLabel(file)),
        h('span', { class: 'file-size' }, fileSize(file.size)),
      ),
    );
  };
  const groups = FILE_GROUPS.map(([id, title, kinds]) => {
    const members = files.filter((file) => kinds.includes(file.kind));
    if (members.length === 0) return null;
    return h(
      'div',
      { class: 'file-group', role: 'group', 'aria-labelledby': `export-${id}-h` },
      h('h3', { id: `export-${id}-h` }, t(title), ' ', h('span', { class: 'meta' }, `(${formatNumber(members.length)})`)),
      h('ul', { class: 'links files' }, members.map(link)),
    );
  });
  return section('export_title', 'export', groups);
}

function queriesSection(study: Study): HTMLElement {
  const rows = study.queries.map((q) =>
    h(
      'li',
      { class: 'query' },
      h('div', { class: 'query-head' }, h('strong', null, q.id), h('span', { class: 'meta' }, pick(q.name) || q.group)),
      h('code', { class: 'expression' }, q.expression),
      h(
        'div',
        { class: 'query-foot' },
        h(
          'span',
          null,
          q.validation
            ? [
                `${t('precision')}: ${precisionText(q.validation)} · ${t('labelled_n', formatNumber(q.validation.labelled))}`,
                q.validation.stale ? h('span', { class: 'badge warn' }, t('stale')) : null,
              ]
            : h('span', { class: 'badge' }, t('not_validated')),
        ),
        h('a', { class: 'button secondary', href: `/studies/${encodeURIComponent(study.id)}/queries/${encodeURIComponent(q.id)}/validate` }, t('validate'), h('span', { class: 'visually-hidden' }, ` ${q.id}`)),
      ),
    ),
  );
  return section('queries_title', 'queries', h('ul', { class: 'queries' }, rows));
}

export async function dashboardView(ctx: ViewContext): Promise<Node> {
  const id = ctx.params.study;
  const [study, jobs] = await Promise.all([
    get<Study>(apiPath(['studies', id])),
    get<{ jobs: Job[] }>(apiPath(['jobs'])).catch(() => ({ jobs: [] as Job[] })),
  ]);
  let stopped = false;
  let timer = 0;
  ctx.onLeave(() => {
    stopped = true;
    window.clearTimeout(timer);
  });

  const results = h('div', { class: 'results' });
  const queries = h('div', null, queriesSection(study));
  const exports = h('div');
  const status = h('p', { role: 'status', class: 'job-status' });
  const bar = h('progress', { max: 1, 'aria-label': t('progress_label') });
  const detail = h('p', { class: 'job-detail' });
  const progress = h('div', { class: 'progress', hidden: true }, status, bar, detail);
  const runError = h('div');
  const canRun = WRITE_ROLES.includes(ctx.me.role);
  const runButton = h('button', { type: 'button', class: 'primary', disabled: !canRun }, t('run_button'));

  async function loadReport(): Promise<void> {
    try {
      const report = await get(apiPath(['studies', id, 'report']));
      clear(results, renderResults(report, study));
      const { files } = await get<{ files: ReportFile[] }>(apiPath(['studies', id, 'report', 'files']));
      clear(exports, exportList(files));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'no_report') clear(results, section('report_title', 'report', h('p', null, t('report_none'))));
      else clear(results, errorBox(error));
    }
  }

  let lastStatus = '';
  function show(job: Job): void {
    progress.hidden = false;
    let text: string;
    if (job.state === 'queued') text = t('job_queued');
    else if (job.state === 'running') text = job.stage ? t('job_running', stageName(job.stage)) : t('job_started');
    else if (job.state === 'done') text = t('job_done');
    else text = t('job_failed', job.error ?? '');
    // The live region speaks when the stage changes, not at every number.
    if (text !== lastStatus) {
      status.textContent = text;
      lastStatus = text;
    }
    if (job.total > 0) {
      bar.max = job.total;
      bar.value = Math.min(job.done, job.total);
    } else if (job.state === 'done') {
      bar.max = 1;
      bar.value = 1;
    } else {
      bar.removeAttribute('value');
    }
    const parts: string[] = [];
    if (job.total > 0) parts.push(t('job_counts', formatNumber(job.done), formatNumber(job.total)));
    if (job.state === 'running' && job.rate) parts.push(t('job_rate', formatNumber(job.rate)));
    if (job.state === 'running' && job.eta_seconds !== null && job.eta_seconds !== undefined) parts.push(t('job_eta', formatDuration(job.eta_seconds)));
    if (job.restarts > 0) parts.push(t('job_restarts', job.restarts));
    detail.textContent = parts.join(' · ');
    progress.classList.toggle('failed', job.state === 'failed');
  }

  async function follow(jobId: number): Promise<void> {
    runButton.disabled = true;
    while (!stopped) {
      let job: Job;
      try {
        job = await get<Job>(apiPath(['jobs', jobId]));
      } catch (error) {
        clear(runError, errorBox(error));
        break;
      }
      if (stopped) return;
      show(job);
      if (job.state === 'done' || job.state === 'failed') {
        if (job.state === 'done') {
          const fresh = await get<Study>(apiPath(['studies', id])).catch(() => study);
          clear(queries, queriesSection(fresh));
          await loadReport();
        }
        break;
      }
      await new Promise<void>((resolve) => (timer = window.setTimeout(resolve, 1000)));
    }
    runButton.disabled = !canRun;
  }

  runButton.addEventListener('click', async () => {
    clear(runError);
    runButton.disabled = true;
    try {
      const { job } = await api<{ job: Job | number }>('POST', apiPath(['studies', id, 'runs']), { lang: lang() });
      await follow(typeof job === 'number' ? job : job.id);
    } catch (error) {
      const running = error instanceof ApiError && error.code === 'job_running' ? error.body?.job : null;
      if (running) {
        announce(t('run_already'));
        await follow(typeof running === 'number' ? running : running.id);
      } else {
        clear(runError, h('p', { class: 'error', role: 'alert' }, errorMessage(error)));
        runButton.disabled = !canRun;
      }
    }
  });

  const meta = h(
    'dl',
    { class: 'facts' },
    h('div', null, h('dt', null, t('study_period')), h('dd', null, `${study.period.from} – ${study.period.to}`)),
    h('div', null, h('dt', null, t('study_languages')), h('dd', null, study.languages.join(', '))),
    h('div', null, h('dt', null, t('study_corpora')), h('dd', null, study.corpora.join(', '))),
    study.last_run ? h('div', null, h('dt', null, t('last_run')), h('dd', null, `${formatTime(study.last_run.finished_at)} · ${t('posts_n', formatNumber(study.last_run.posts))}`)) : null,
  );

  const page = h(
    'div',
    { class: 'dashboard' },
    h('p', { class: 'crumbs' }, h('a', { href: '/' }, t('nav_studies'))),
    pageTitle(pick(study.name) || study.id),
    meta,
    section('run_title', 'run', canRun ? null : h('p', { class: 'note' }, t('run_read_only')), runButton, runError, progress),
    results,
    queries,
    exports,
  );

  await loadReport();
  const active = jobs.jobs.find((job) => job.study === id && (job.state === 'queued' || job.state === 'running'));
  if (active) void follow(active.id);
  return page;
}
