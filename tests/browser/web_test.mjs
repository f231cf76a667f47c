// End-to-end test of the web application (web/, built into web/dist) against a real
// `tenlik serve` on loopback: a fresh store with the bundled sample ingested and an
// administrator made with `tenlik user add`, then Debian's chromium (headless,
// playwright-core) goes through the screens as a person would: log in, run the
// shipped study and wait for it, look at the dashboard, search with an invalid then a
// valid query, open a post, label validation items with the keyboard, manage users,
// change the password, switch language, export, log out. Once at a desktop size and
// once at a phone's.
// Runs on SQLite, and again on PostgreSQL when $TENLIK_TEST_POSTGRES_URL is set (a
// fresh database per run, dropped at the end). Fails on any console error, page
// error or request to another origin; screenshots go to the artefacts folder.
//
//   node tests/browser/web_test.mjs --tenlik build/tenlik [--artefacts DIR] [--web DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { backends, check, launchBrowser, parseArgs, root, run, startServer, storeEnv } from './harness.mjs';

const study = 'inclusive-education';
const admin = { user: 'admin', password: 'correct horse battery' };
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const runTimeoutMs = 8 * 60 * 1000;

// A store with the sample ingested (as scripts/run-sample.sh does) and an admin.
function prepareStore(tenlik, env, cwd) {
  const sample = join(root, 'data/sample');
  const orgs = ['--organisations', join(sample, 'organisations.tsv')];
  const rejected = [0, 3];  // 3: done, some records rejected (the sample has bad rows on purpose)
  const options = { env, cwd };
  run(tenlik, ['init'], options);
  run(tenlik, ['listen', 'ingest', '--corpus', 'public', ...orgs,
    ...['meltwater_export.csv', 'meltwater_export_utf8.csv', 'telegram_group/result.json', 'instagram.ndjson',
      'posts.jsonl'].map((f) => join(sample, f))], options, rejected);
  run(tenlik, ['listen', 'ingest', '--corpus', 'organisations', ...orgs, join(sample, 'telegram_channel/result.json')],
    options, rejected);
  run(tenlik, ['listen', 'ingest', '--corpus', 'public', ...orgs, '--format', 'csv', '--map', 'id=post_id',
    '--map', 'published_at=created', '--map', 'author=user_name', '--map', 'text=body', '--map', 'url=link',
    '--map', 'engagement=likes', '--map', 'place=city', join(sample, 'forum_posts.csv')], options, rejected);
  run(tenlik, ['user', 'add', '--role', 'admin', admin.user], { ...options, input: `${admin.password}\n` });
}

// Collects what must not happen on a page: errors, and requests leaving the server.
function watch(page, base, problems) {
  // Answers the application expects and handles (the console reports every 4xx).
  // GET me before logging in (401), a report before the first run (404 no_report), a
  // wrong current password (401 invalid_credentials).
  const expected = [/\/api\/v1\/me$/, /\/api\/v1\/search\?/, /\/api\/v1\/studies\/[^/]+\/report$/,
    /\/api\/v1\/me\/password$/];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) &&
        expected.some((re) => re.test(where))) return;
    problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(base + '/') && !req.url().startsWith('data:')) problems.push(`request to another origin: ${req.url()}`);
  });
  page.on('requestfailed', (req) => {
    // A download the browser hands over is reported as aborted: not a failure.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed request: ${req.url()} (${req.failure()?.errorText})`);
  });
}

async function noHorizontalScroll(page, width, where) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scroll <= width, `${where}: the page is ${scroll}px wide on a ${width}px screen`);
}

async function login(page, base) {
  await page.goto(base + '/');
  await page.locator('#login-user').waitFor();
  await page.fill('#login-user', admin.user);
  await page.fill('#login-password', admin.password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('nav a[href="/search"]').waitFor();
  // The session cookie is HttpOnly: a script in the page (an injected one too) cannot read it.
  const scriptCookies = await page.evaluate(() => document.cookie);
  check(!scriptCookies.includes('tenlik_session'), `the session cookie is readable from script: ${scriptCookies}`);
  const browserCookies = await page.context().cookies();
  check(browserCookies.some((c) => c.name === 'tenlik_session' && c.httpOnly), 'no HttpOnly session cookie after login');
}

async function runStudy(page) {
  await page.locator(`a[href="/studies/${study}"]`).first().click();
  await page.locator('.dashboard h1').waitFor();
  const runButton = page.locator('section[aria-labelledby="run-h"] button.primary');
  await runButton.click();
  await page.locator('.progress progress').waitFor({ state: 'visible' });
  const sawProgress = await page.locator('.progress .job-status').textContent();
  await page.locator('.progress .job-status', { hasText: 'Finished.' }).waitFor({ timeout: runTimeoutMs });
  const failed = await page.locator('.progress.failed').count();
  check(failed === 0, `the run failed: ${await page.locator('.progress .job-status').textContent()}`);
  await page.locator('#fig-months svg').waitFor();
  return sawProgress;
}

async function checkDashboard(page, width) {
  for (const id of ['fig-months', 'fig-subtopics', 'fig-regions', 'fig-barriers']) {
    const chart = page.locator(`#${id}`);
    check((await chart.count()) === 1, `dashboard: chart #${id} is missing`);
    const box = await chart.boundingBox();
    check(box && box.width > 200 && box.height > 80, `dashboard: chart #${id} is not laid out (${JSON.stringify(box)})`);
    check(box.width <= width, `dashboard: chart #${id} is ${box.width}px wide on a ${width}px screen`);
  }
  const regions = await page.locator('#fig-regions .bars li').count();
  check(regions === 20, `dashboard: expected the regions chart to list the 20 units, found ${regions}`);
  const queries = await page.locator('.queries .query').count();
  check(queries > 0, 'dashboard: no queries listed');
}

// A second run compares itself with the first: the dashboard shows each share
// beside the first run's, unchanged on the same posts.
async function runAgainAndCompare(page, base) {
  const table = page.locator('.table-wrap.comparison');
  check((await table.count()) === 0, 'dashboard: a comparison shown before any earlier run');
  await page.goto(`${base}/`);
  await runStudy(page);
  await table.waitFor({ timeout: runTimeoutMs });
  const rows = await table.locator('tbody tr').count();
  check(rows > 20, `comparison: ${rows} rows`);
  const changes = await table.locator('tbody tr td:nth-child(4)').allTextContents();
  check(changes.every((c) => c.trim() === '0.0'), `comparison: shares changed on the same posts: ${changes.join(' ')}`);
}

// The export list shows every file GET report/files lists, each with its size, and each
// link downloads that file; a name that is not listed (a path) is 404.
async function checkExports(page, base) {
  const listed = await (await page.request.get(`${base}/api/v1/studies/${study}/report/files`)).json();
  const links = page.locator('section[aria-labelledby="export-h"] .files a');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  check(listed.files.length >= 9, `export: the API lists ${listed.files.length} files`);
  check(JSON.stringify([...hrefs].sort()) === JSON.stringify(listed.files.map((f) => f.url).sort()),
    `export: the links ${hrefs.join(', ')} are not the listed files`);
  const groups = await page.locator('section[aria-labelledby="export-h"] .file-group h3').allTextContents();
  check(groups.length === 4, `export: expected 4 groups, found ${groups.join(' | ')}`);
  for (const file of listed.files) {
    const link = page.locator(`section[aria-labelledby="export-h"] a[href="${file.url}"]`);
    const size = await link.locator('.file-size').textContent();
    check(/\d/.test(size ?? ''), `export ${file.name}: no size shown (${size})`);
    if (file.name !== 'index.html') {
      check((await link.getAttribute('download')) === file.name, `export ${file.name}: not a download`);
    }
    const response = await page.request.get(base + file.url);
    check(response.status() === 200, `export ${file.name}: HTTP ${response.status()}`);
    check((await response.body()).length === file.size, `export ${file.name}: not ${file.size} bytes`);
  }
  for (const name of ['..%2Ftenlik.db', '%2e%2e%2f%2e%2e%2ftenlik.key', 'csv-..%2F..%2Ftenlik.db']) {
    const response = await page.request.get(`${base}/api/v1/studies/${study}/report/files/${name}`);
    check(response.status() === 404, `export ${name}: HTTP ${response.status()}, not 404`);
  }
}

// The password screen, reached from the header: its fields are labelled, the two new
// passwords must agree, a wrong current password is said next to its field, and a
// change is confirmed. Changes the password to `to`; `errors` also tries the mistakes.
async function changePassword(page, from, to, errors) {
  await page.locator('.session a[href="/account/password"]').click();
  await page.locator('#current-password').waitFor();
  for (const id of ['current-password', 'new-password', 'new-password-again']) {
    const label = await page.locator(`label[for="${id}"]`).textContent();
    check(label && label.trim().length > 0, `password: #${id} has no label`);
    check((await page.getAttribute(`#${id}`, 'type')) === 'password', `password: #${id} shows what is typed`);
  }
  if (errors) {
    await page.fill('#current-password', from);
    await page.fill('#new-password', to);
    await page.fill('#new-password-again', to + 'x');
    await page.locator('.password form button[type="submit"]').click();
    await page.locator('#new-password-again-error').waitFor();
    check((await page.getAttribute('#new-password-again', 'aria-invalid')) === 'true', 'password: a mismatch is not marked');
    await page.fill('#current-password', 'not the password at all');
    await page.fill('#new-password-again', to);
    await page.locator('.password form button[type="submit"]').click();
    await page.locator('#current-password-error').waitFor();
    const said = await page.locator('#current-password-error').textContent();
    check((await page.getAttribute('#current-password', 'aria-invalid')) === 'true', 'password: a wrong current password is not marked');
    check((await page.locator('#new-password-again-error').isHidden()), 'password: the mismatch is still shown');
    errors(said);
  }
  await page.fill('#current-password', from);
  await page.fill('#new-password', to);
  await page.fill('#new-password-again', to);
  await page.locator('.password form button[type="submit"]').click();
  await page.locator('.password .ok[role="status"]').waitFor();
  check((await page.inputValue('#current-password')) === '', 'password: the form keeps the password after the change');
}

// Returns the error the query box showed for an invalid query.
async function search(page) {
  await page.locator('nav a[href="/search"]').click();
  const input = page.locator('#q');
  await input.waitFor();
  await input.fill('инклюзи* AND (');
  await page.locator('.query-marked mark').waitFor();
  check((await input.getAttribute('aria-invalid')) === 'true', 'search: an invalid query is not marked invalid');
  const error = await page.locator('#q-status .error').textContent();
  check(/\d/.test(error ?? ''), `search: the error does not name the character: ${error}`);
  const found = await page.locator('#q-status .found').textContent();
  check((found ?? '').length > 0, 'search: the error does not say what was found');
  await input.fill('инклюзи*');
  await page.locator('#q-status .ok').waitFor();
  const count = await page.locator('#q-status .ok').textContent();
  check(/[1-9]/.test(count ?? ''), `search: no hit count for a valid query: ${count}`);
  await input.press('Enter');
  await page.locator('.hits li').first().waitFor();
  const marked = await page.locator('.hits li .kwic mark').first().textContent();
  check(marked && marked.length > 0, 'search: the hit is not highlighted');
  await page.locator('.hits li a').first().click();
  await page.locator('.post-text').waitFor();
  const text = await page.locator('.post-text').textContent();
  check(text && text.trim().length > 0, 'post: no text');
  return error;
}

// The query box's error in the page's language, straight after a language switch.
async function queryErrorIn(page, pattern) {
  await page.locator('nav a[href="/search"]').click();
  await page.locator('#q').fill('школа AND');
  await page.locator('#q-status .error').waitFor();
  const error = await page.locator('#q-status .error').textContent();
  check(pattern.test(error ?? ''), `search: the error is not in the page's language: ${error}`);
}

async function validationApi(page, base, query) {
  const response = await page.request.get(`${base}/api/v1/studies/${study}/queries/${query}/validation`);
  return response.status() === 200 ? response.json() : null;
}

// Labels with the keyboard: R, N, S (skip), B (back), R. Returns the query id.
async function label(page, base) {
  await page.goto(`${base}/studies/${study}`);
  const link = page.locator('.queries a.button').first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  const query = decodeURIComponent(href.split('/')[4]);
  const before = (await validationApi(page, base, query))?.labelled ?? 0;
  await link.click();
  await page.locator('.label-card .kwic').waitFor();
  const progress = page.locator('.label-progress');
  const saved = async (n) => page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.includes(`${want} labelled`), ['.label-progress', n]);
  const start = Number((await progress.textContent()).match(/(\d+) labelled/)[1]);
  await page.keyboard.press('r');
  await saved(start + 1);
  await page.keyboard.press('n');
  await saved(start + 2);
  await page.keyboard.press('s');
  await page.keyboard.press('b');
  await page.keyboard.press('r');
  await saved(start + 3);
  const precision = await page.locator('.precision').textContent();
  check(/\d+(\.|,)\d %/.test(precision ?? ''), `validation: no running precision: ${precision}`);
  const validation = await validationApi(page, base, query);
  check(validation && validation.labelled >= before + 3, `validation: the server has ${validation?.labelled} labels`);
  return query;
}

async function manageUsers(page) {
  await page.locator('nav a[href="/users"]').click();
  await page.locator('#new-name').waitFor();
  await page.fill('#new-name', 'viewer.one');
  await page.selectOption('#new-role', 'viewer');
  await page.fill('#new-password', 'another long password');
  await page.locator('form button[type="submit"]').click();
  await page.locator('#role-viewer\\.one').waitFor();
  await page.selectOption('#role-viewer\\.one', 'analyst');
  await page.locator('.messages .ok').waitFor();
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('tr', { has: page.locator('#role-viewer\\.one') }).locator('button.danger').click();
  await page.locator('#role-viewer\\.one').waitFor({ state: 'detached' });
  await page.locator('nav a[href="/audit"]').click();
  await page.locator('.audit tbody tr').first().waitFor();
  const actions = await page.locator('.audit tbody code').allTextContents();
  for (const action of ['user_add', 'user_role', 'user_remove', 'login']) {
    check(actions.includes(action), `audit: no ${action} entry (have ${[...new Set(actions)].join(', ')})`);
  }
}

async function switchToKazakh(page, base) {
  await page.locator('.langs button[lang="kk"]').click();
  await page.locator('nav a[href="/"]', { hasText: 'Зерттеулер' }).waitFor();
  check((await page.getAttribute('html', 'lang')) === 'kk', 'language: <html lang> is not kk');
  // The server reads the cookie for its messages too.
  const response = await page.request.get(`${base}/api/v1/query/check?q=${encodeURIComponent('(')}`);
  const body = await response.json();
  check(/[әіңғүұқөһ]/i.test(body.message ?? body.error?.message ?? ''), `language: the server's message is not in Kazakh: ${JSON.stringify(body)}`);
}

async function logout(page, base) {
  await page.locator('.session button').click();
  await page.locator('#login-user').waitFor();
  const me = await page.request.get(`${base}/api/v1/me`);
  check(me.status() === 401, `logout: GET /api/v1/me answers ${me.status()} afterwards`);
}

async function desktopPass(browser, base, shot) {
  const context = await browser.newContext({ viewport: desktop, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const problems = [];
  watch(page, base, problems);
  try {
    await login(page, base);
    await shot(page, 'login-studies');
    const progress = await runStudy(page);
    await checkDashboard(page, desktop.width);
    await runAgainAndCompare(page, base);
    await shot(page, 'dashboard', true);
    await checkExports(page, base);
    const queryError = await search(page);
    check(/^Column \d+: expected/.test(queryError), `search: the error is not in English: ${queryError}`);
    await shot(page, 'post');
    await label(page, base);
    await shot(page, 'validate');
    await manageUsers(page);
    await shot(page, 'audit');
    // To a new password and back: the change back is only accepted with the new one.
    const temporary = 'a temporary long password';
    await changePassword(page, admin.password, temporary, (said) =>
      check(/wrong/i.test(said ?? ''), `password: the wrong current password is not said: ${said}`));
    await shot(page, 'password');
    await changePassword(page, temporary, admin.password, null);
    await page.locator('nav a[href="/"]').click();
    await switchToKazakh(page, base);
    await shot(page, 'studies-kk');
    await queryErrorIn(page, /^Баған \d+: .*[әіңғүұқөһ]/);
    await logout(page, base);
    await shot(page, 'logged-out');
    return { problems, note: `run progress seen: "${progress}"` };
  } catch (e) {
    await shot(page, 'failure', true).catch(() => {});
    problems.push(e.message);
    return { problems };
  } finally {
    await context.close();
  }
}

async function phonePass(browser, base, shot) {
  const context = await browser.newContext({ viewport: phone, locale: 'ru-RU', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const problems = [];
  watch(page, base, problems);
  try {
    await login(page, base);
    check((await page.getAttribute('html', 'lang')) === 'ru', 'phone: the Russian browser did not get Russian');
    await noHorizontalScroll(page, phone.width, 'studies');
    await page.locator(`a[href="/studies/${study}"]`).first().click();
    await page.locator('#fig-months svg').waitFor();
    await checkDashboard(page, phone.width);
    await noHorizontalScroll(page, phone.width, 'dashboard');
    await shot(page, 'dashboard', true);
    const queryError = await search(page);
    check(/^Столбец \d+: /.test(queryError), `phone: the query error is not in Russian: ${queryError}`);
    await noHorizontalScroll(page, phone.width, 'post');
    await shot(page, 'post');
    await page.goto(`${base}/studies/${study}`);
    await page.locator('.queries a.button').first().click();
    await page.locator('.label-card .kwic').waitFor();
    const start = await page.locator('.label-progress').textContent();
    await page.locator('.label-button.not_relevant').tap();
    await page.waitForFunction((s) => document.querySelector('.label-progress')?.textContent !== s, start);
    await noHorizontalScroll(page, phone.width, 'validate');
    const target = await page.locator('.label-button.relevant').boundingBox();
    check(target.height >= 44, `phone: the label buttons are ${target.height}px high`);
    await shot(page, 'validate');
    await changePassword(page, admin.password, admin.password, (said) =>
      check(/[а-я]/i.test(said ?? ''), `phone: the wrong current password is not said in Russian: ${said}`));
    await noHorizontalScroll(page, phone.width, 'password');
    const submit = await page.locator('.password form button[type="submit"]').boundingBox();
    check(submit.height >= 44, `phone: the password button is ${submit.height}px high`);
    await shot(page, 'password');
    await logout(page, base);
    return { problems };
  } catch (e) {
    await shot(page, 'failure', true).catch(() => {});
    problems.push(e.message);
    return { problems };
  } finally {
    await context.close();
  }
}

async function backendRun(args, backend, browser, work) {
  const dir = join(work, backend);
  const { env, dropDatabase } = storeEnv(args, backend, dir, 'tenlik_web');
  const started = Date.now();
  let server;
  try {
    prepareStore(args.tenlik, env, dir);
    const prepared = Date.now();
    server = await startServer(args.tenlik, env, dir, args.web);
    const shot = (size) => (page, name, full = false) =>
      page.screenshot({ path: join(args.artefacts, `web-${backend}-${size}-${name}.png`), fullPage: full });
    const results = [];
    for (const [size, pass] of [['desktop', desktopPass], ['phone', phonePass]]) {
      const passStarted = Date.now();
      const { problems, note } = await pass(browser, server.url, shot(size));
      const seconds = ((Date.now() - passStarted) / 1000).toFixed(1);
      results.push({ name: `${backend} ${size}`, problems, detail: `${seconds} s${note ? `; ${note}` : ''}` });
    }
    await server.stop();
    server = null;
    console.log(`     ${backend}: store prepared in ${((prepared - started) / 1000).toFixed(1)} s`);
    return results;
  } finally {
    if (server) await server.stop().catch(() => {});
    if (dropDatabase) dropDatabase();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2), 'web_test.mjs');
  const work = mkdtempSync(join(tmpdir(), 'tenlik-web-'));
  let browser;
  let failed = false;
  try {
    browser = await launchBrowser(args);
    for (const backend of backends()) {
      for (const { name, problems, detail } of await backendRun(args, backend, browser, work)) {
        if (problems.length) {
          failed = true;
          console.log(`FAIL ${name}:\n  ${problems.join('\n  ')}`);
        } else {
          console.log(`ok   ${name} (${detail})`);
        }
      }
    }
    console.log(`screenshots in ${args.artefacts}`);
  } finally {
    if (browser) await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`web_test: ${e.stack ?? e}`);
  process.exitCode = 1;
});
