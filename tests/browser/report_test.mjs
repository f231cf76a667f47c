// Browser test of the listening study report: builds a store from the bundled sample
// (data/sample, as scripts/run-sample.sh does) in a temporary folder, runs the shipped
// study in Kazakh, Russian and English, and opens each index.html in Debian's chromium,
// headless, offline and with a fresh profile. Fails on any console error, page error
// or network request (the file must open offline), on a wrong title or language, on a
// chart or the map that is missing or not visible, and on a page wider than a phone's
// screen. Saves screenshots as test artefacts.
//
//   node tests/browser/report_test.mjs --tenlik build/tenlik [--artefacts DIR]
//   env: TENLIK_SENTIMENT_MODEL=FILE to rate sentiment (default: --no-sentiment, as
//        the other study tests run, because the model is not shipped).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromiumPath = '/usr/bin/chromium';
const langs = ['kk', 'ru', 'en'];
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

function parseArgs(argv) {
  const args = { tenlik: join(root, 'build/tenlik'), artefacts: join(root, 'build/test-artefacts') };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || i + 1 >= argv.length) throw new Error(`usage: report_test.mjs --tenlik FILE [--artefacts DIR]`);
    args[key] = resolve(argv[i + 1]);
  }
  return args;
}

// The study's title per language, from the top-level `name:` block of the study file.
function studyTitles(studyFile) {
  const block = readFileSync(studyFile, 'utf8').match(/^name:\n((?:[ \t]+\w\w:.*\n)+)/m);
  if (!block) throw new Error(`${studyFile}: no top-level name: block with kk/ru/en lines`);
  const titles = {};
  for (const line of block[1].split('\n')) {
    const m = line.match(/^\s+(\w\w):\s*(.+)$/);
    if (m) titles[m[1]] = m[2].trim();
  }
  return titles;
}

function run(tenlik, args, env, okCodes = [0]) {
  try {
    return execFileSync(tenlik, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (okCodes.includes(e.status)) return e.stdout;
    throw new Error(`tenlik ${args.join(' ')} exited ${e.status}:\n${e.stderr}`);
  }
}

// Ingests data/sample into a new store and writes the study's report per language.
function buildReports(tenlik, work) {
  const sample = join(root, 'data/sample');
  const env = { ...process.env, TENLIK_STORE: join(work, 'tenlik.db') };
  const orgs = ['--organisations', join(sample, 'organisations.tsv')];
  const rejected = [0, 3];  // 3: done, some records rejected (the sample has bad rows on purpose)
  run(tenlik, ['init'], env);
  run(tenlik, ['listen', 'ingest', '--corpus', 'public', ...orgs,
    ...['meltwater_export.csv', 'meltwater_export_utf8.csv', 'telegram_group/result.json', 'instagram.ndjson',
      'posts.jsonl'].map((f) => join(sample, f))], env, rejected);
  run(tenlik, ['listen', 'ingest', '--corpus', 'organisations', ...orgs, join(sample, 'telegram_channel/result.json')],
    env, rejected);
  run(tenlik, ['listen', 'ingest', '--corpus', 'public', ...orgs, '--format', 'csv', '--map', 'id=post_id',
    '--map', 'published_at=created', '--map', 'author=user_name', '--map', 'text=body', '--map', 'url=link',
    '--map', 'engagement=likes', '--map', 'place=city', join(sample, 'forum_posts.csv')], env, rejected);
  const model = process.env.TENLIK_SENTIMENT_MODEL;
  const sentiment = model ? ['--sentiment-model', model] : ['--no-sentiment'];
  const reports = {};
  for (const lang of langs) {
    const out = join(work, `report-${lang}`);
    run(tenlik, ['--lang', lang, 'listen', 'run', join(root, 'data/studies/inclusive-education.yaml'), '--out', out,
      ...sentiment], env);
    reports[lang] = join(out, 'index.html');
    if (!existsSync(reports[lang])) throw new Error(`${reports[lang]}: not written`);
  }
  return reports;
}

// Opens `file` in a new page and returns the problems found (empty when all is well).
async function checkReport(context, file, lang, title, artefacts) {
  const problems = [];
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (req.url() !== url) problems.push(`request (the report must fetch nothing): ${req.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`failed request: ${req.url()} (${req.failure()?.errorText})`));

  await page.setViewportSize(desktop);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) problems.push(`could not open ${url}`);

  const got = await page.title();
  if (got !== title) problems.push(`title: expected "${title}", got "${got}"`);
  const h1 = (await page.locator('h1').first().textContent())?.trim();
  if (h1 !== title) problems.push(`h1: expected "${title}", got "${h1}"`);
  const htmlLang = await page.getAttribute('html', 'lang');
  if (htmlLang !== lang) problems.push(`<html lang>: expected "${lang}", got "${htmlLang}"`);

  // Every chart: an SVG image inside a figure, laid out with a real size.
  const charts = page.locator('figure .chart svg[role="img"]');
  const chartCount = await charts.count();
  if (chartCount < 5) problems.push(`expected at least 5 charts, found ${chartCount}`);
  for (let i = 0; i < chartCount; ++i) {
    const chart = charts.nth(i);
    const box = await chart.boundingBox();
    if (!(await chart.isVisible()) || !box || box.width < 200 || box.height < 50) {
      problems.push(`chart ${(await chart.getAttribute('aria-label')) ?? i} is not visible (box ${JSON.stringify(box)})`);
    }
  }
  // Figure anchors are the figure id with a suffix ("fig-<id>-chart").
  for (const id of ['fig-volume-by-month', 'fig-regions-per-capita']) {
    if ((await page.locator(`figure[id^="${id}"] .chart svg`).count()) === 0) problems.push(`figure #${id} has no chart`);
  }
  // The map: Kazakhstan's 20 units as tiles, each visible.
  const tiles = page.locator('figure[id^="fig-regions-per-capita"] svg g[data-iso]');
  const tileCount = await tiles.count();
  if (tileCount !== 20) problems.push(`map: expected 20 tiles, found ${tileCount}`);
  for (let i = 0; i < tileCount; ++i) {
    if (!(await tiles.nth(i).isVisible())) problems.push(`map tile ${await tiles.nth(i).getAttribute('data-iso')} not visible`);
  }
  await page.screenshot({ path: join(artefacts, `report-${lang}.png`), fullPage: true });

  // On a phone the page reflows: nothing wider than the screen except inside the
  // scrolling chart and table boxes.
  await page.setViewportSize(phone);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > phone.width) problems.push(`on a ${phone.width}px phone screen the page is ${width}px wide`);
  for (let i = 0; i < Math.min(chartCount, 3); ++i) {
    const box = await charts.nth(i).boundingBox();
    if (!box || box.width > phone.width) problems.push(`chart ${i} is ${box?.width}px wide on a phone`);
  }
  await page.screenshot({ path: join(artefacts, `report-${lang}-phone.png`) });
  await page.close();
  return { problems, chartCount, tileCount };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.tenlik)) throw new Error(`${args.tenlik}: not built`);
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath}: missing (scripts/install-deps.sh installs chromium)`);
  const { chromium } = await import('playwright-core').catch(() => {
    throw new Error('playwright-core is not installed: run scripts/install-deps.sh (npm ci in tests/browser)');
  });
  mkdirSync(args.artefacts, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'tenlik-browser-'));
  const started = Date.now();
  let context;
  let failed = false;
  try {
    const titles = studyTitles(join(root, 'data/studies/inclusive-education.yaml'));
    const reports = buildReports(args.tenlik, work);
    const built = Date.now();
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      offline: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: desktop,
    });
    for (const lang of langs) {
      const { problems, chartCount, tileCount } = await checkReport(context, reports[lang], lang, titles[lang],
        args.artefacts);
      if (problems.length) {
        failed = true;
        console.log(`FAIL report ${lang}:\n  ${problems.join('\n  ')}`);
      } else {
        console.log(`ok   report ${lang}: ${chartCount} charts, map with ${tileCount} tiles`);
      }
    }
    console.log(`screenshots in ${args.artefacts}; store and reports ${((built - started) / 1000).toFixed(1)} s, ` +
      `browser ${((Date.now() - built) / 1000).toFixed(1)} s`);
  } finally {
    if (context) await context.close();
    rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`report_test: ${e.stack ?? e}`);
  process.exitCode = 1;
});
