// End-to-end test of a school self-review cycle on phones, against a real `tenlik
// serve` on loopback (a fresh store: `tenlik init` imports the shipped instruments,
// `tenlik user add` makes a coordinator), in Debian's chromium (headless,
// playwright-core) at a phone's size:
//   - the coordinator logs in, opens a cycle with codes for staff, students and
//     parents, and reads the codes from the printable sheet;
//   - respondents answer through /r/CODE: a staff member in Kazakh one question per
//     screen; a student in Russian on one page, who loses the connection mid-form,
//     keeps answering, reloads the page offline (the service worker), and whose
//     answers arrive when the connection returns; a parent in Russian whose submit
//     reply is lost, so that the retry is told "already received" and counts once.
//     The rest of the 5 staff and 5 students answer through the API; parents stay at
//     3, below the minimum group size;
//   - the coordinator closes the cycle and sees a flagged gap between staff and
//     students, and parents "fewer than 5 respondents, not shown", in a results table
//     that fits the phone's width;
//   - the coordinator opens the development plan, reads why an indicator is
//     suggested (in English, Kazakh and Russian), chooses it as a priority, writes an
//     action for it and adds a progress update, on a page as wide as the phone;
//   - the coordinator opens the next cycle, 5 staff and 5 students answer (API), the
//     cycle closes, and its results show each score's change while its plan shows how
//     the previous plan went (the priority's scores then and now, the action's status).
// Runs on SQLite, and again on PostgreSQL when $TENLIK_TEST_POSTGRES_URL is set. Fails
// on any console error (but the answers the form expects), page error or request to
// another origin, and when an access code appears in the server's log.
//
//   node tests/browser/review_test.mjs --tenlik build/tenlik [--artefacts DIR] [--web DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { backends, check, launchBrowser, parseArgs, run, startServer, storeEnv } from './harness.mjs';

const coordinator = { user: 'coordinator', password: 'correct horse battery' };
const phone = { width: 390, height: 844 };

// What must not happen on a page. Respondents' pages expect refused or failed
// answers of /api/v1/respond/ (offline, a lost reply, "already received"), and the
// login page a 401 of /api/v1/me.
function watch(page, base, problems) {
  const expected = [/\/api\/v1\/me$/, /\/api\/v1\/respond\//];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (/Failed to load resource/.test(msg.text()) && expected.some((re) => re.test(where))) return;
    problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(base + '/')) problems.push(`request to another origin: ${req.url()}`);
  });
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (/\/api\/v1\/respond\//.test(req.url()) || req.url().includes('/r/')) return;
    problems.push(`failed request: ${req.url()} (${req.failure()?.errorText})`);
  });
}

async function newPhone(browser, base, problems, locale) {
  const context = await browser.newContext({ viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
  const page = await context.newPage();
  watch(page, base, problems);
  return { context, page };
}

async function respond(base, path, body) {
  const response = await fetch(base + path, { method: path.endsWith('draft') ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

// Chooses `answer` for the question shown at position `index` of the page, by its label.
async function choose(page, index, answer) {
  await page.locator('fieldset.question').nth(index).locator('.option', { has: page.locator(`input[value="${answer}"]`) }).locator('label').click();
}

async function statusIs(page, text) {
  await page.locator('.respond-status', { hasText: text }).waitFor({ timeout: 30000 });
}

// Fills the coordinator's form for School No. 17 and waits for the code sheet.
async function openSchoolCycle(page, label, counts) {
  await page.fill('#cycle-unit-id', 's17');
  await page.fill('#cycle-unit-name', 'School No. 17');
  await page.fill('#cycle-region', 'KZ-ALA');
  await page.selectOption('#cycle-instrument', 'school');
  await page.fill('#cycle-label', label);
  for (const [group, count] of Object.entries(counts)) {
    await page.fill(`#cycle-codes-${group}`, String(count));
  }
  await page.locator('form button[type="submit"]').click();
  await page.locator('.code-card').first().waitFor();
}

async function coordinatorOpensCycle(browser, base, problems, shot) {
  const { context, page } = await newPhone(browser, base, problems, 'en-GB');
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(base + '/');
  await page.fill('#login-user', coordinator.user);
  await page.fill('#login-password', coordinator.password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('#cycle-unit-id').waitFor();
  check(new URL(page.url()).pathname === '/cycles', `a coordinator lands on ${page.url()}, not /cycles`);
  check(await page.locator('nav a[href="/cycles"]').count() === 1, 'no menu entry for the self-review');
  await openSchoolCycle(page, '2026 spring', { staff: 6, students: 6, parents: 3 });
  await shot(page, 'code-sheet', true);
  const codes = {};
  for (const group of ['staff', 'students', 'parents']) {
    codes[group] = (await page.locator(`.code-card[data-group="${group}"] .code-text`).allTextContents()).map((c) => c.trim());
    const links = await page.locator(`.code-card[data-group="${group}"] .code-link`).allTextContents();
    check(codes[group].every((code) => /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/.test(code)), `${group}: codes read ${codes[group]}`);
    check(links.every((link, i) => link === `${base}/r/${codes[group][i]}`), `${group}: links do not lead to /r/CODE: ${links}`);
    check(await page.locator(`.code-card[data-group="${group}"] svg.qr path`).count() === codes[group].length, `${group}: a code has no QR code`);
  }
  check(codes.staff.length === 6 && codes.students.length === 6 && codes.parents.length === 3, `codes on the sheet: ${JSON.stringify(codes)}`);
  const cyclePath = new URL(page.url()).pathname;
  return { context, page, codes, cyclePath };
}

async function staffInKazakhOneByOne(browser, base, problems, code, shot) {
  const { context, page } = await newPhone(browser, base, problems, 'kk-KZ');
  await page.goto(`${base}/r/${code}`);
  await page.locator('.respond-progress').waitFor();
  check(await page.evaluate(() => document.documentElement.lang) === 'kk', 'the form is not in Kazakh for a kk browser');
  const progress = await page.locator('.respond-progress').textContent();
  const total = Number(progress.match(/\/\s*(\d+)/)[1]);
  check(progress.includes(`1 / ${total}`) && total > 10, `progress reads "${progress}"`);
  const target = await page.locator('.option label').first().boundingBox();
  check(target.height >= 44, `an answer is ${target.height}px high, less than 44`);
  check(await page.locator('fieldset.question legend').count() === 1, 'one question per screen shows more than one');
  await shot(page, 'respond-kk');
  for (let i = 0; i < total; i++) {
    await choose(page, 0, 'agree');
    await page.locator('.respond-nav button.primary').click();
  }
  await page.locator('.respond-send button.primary').click();
  await page.locator('.big-note', { hasText: 'Рақмет' }).waitFor({ timeout: 30000 });
  await context.close();
  return total;
}

async function studentInRussianOffline(browser, base, problems, code, total, shot) {
  const { context, page } = await newPhone(browser, base, problems, 'ru-RU');
  await page.goto(`${base}/r/${code}`);
  await page.locator('.respond-mode').waitFor();
  check(await page.evaluate(() => document.documentElement.lang) === 'ru', 'the form is not in Russian for a ru browser');
  await page.locator('.respond-mode .option', { has: page.locator('input[value="all"]') }).locator('label').click();
  await page.locator('fieldset.question').nth(total - 1).waitFor();
  const half = Math.floor(total / 2);
  for (let i = 0; i < half; i++) await choose(page, i, 'disagree');
  await statusIs(page, 'Сохранено и отправлено');
  // The service worker has stored the application once it controls the page.
  const controlled = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
    return Boolean(navigator.serviceWorker.controller);
  });
  check(controlled, 'the service worker does not control the form');

  await context.setOffline(true);
  for (let i = half; i < total; i++) await choose(page, i, 'disagree');
  await statusIs(page, 'Сохранено на этом телефоне');
  await page.reload();
  await page.locator('fieldset.question').nth(total - 1).waitFor();
  const checked = await page.locator('fieldset.question input[value="disagree"]:checked').count();
  check(checked === total, `after an offline reload ${checked} of ${total} answers are shown`);
  await shot(page, 'respond-ru-offline');
  const draftOffline = (await respond(base, '/api/v1/respond/open', { code })).body.draft;
  check(Object.keys(draftOffline).length === half, `the server has ${Object.keys(draftOffline).length} answers while offline, expected ${half}`);

  await context.setOffline(false);
  await statusIs(page, 'Сохранено и отправлено');
  const draft = (await respond(base, '/api/v1/respond/open', { code })).body.draft;
  check(Object.keys(draft).length === total && Object.values(draft).every((a) => a === 'disagree'), `the draft after reconnecting: ${JSON.stringify(draft)}`);
  await page.locator('.respond-send button.primary').click();
  await page.locator('.big-note', { hasText: 'Спасибо' }).waitFor({ timeout: 30000 });
  await context.close();
}

async function parentWithLostReply(browser, base, problems, code) {
  const { context, page } = await newPhone(browser, base, problems, 'ru-RU');
  await page.goto(`${base}/r/${code}`);
  await page.locator('.respond-progress').waitFor();
  await choose(page, 0, 'agree');
  await statusIs(page, 'Сохранено и отправлено');
  // The first submit reaches the server, but its reply never comes back.
  let lost = 0;
  await page.route('**/api/v1/respond/submit', async (route) => {
    if (lost++ === 0) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.locator('.respond-progress').waitFor();
  const total = Number((await page.locator('.respond-progress').textContent()).match(/\/\s*(\d+)/)[1]);
  for (let i = 0; i < total; i++) await page.locator('.respond-nav button.primary').click();
  await page.locator('.respond-send button.primary').click();
  await page.locator('.big-note', { hasText: 'Спасибо' }).waitFor({ timeout: 30000 });
  check(lost >= 2, `the lost submit was not retried (${lost} tries)`);
  await context.close();
}

async function coordinatorSeesResults(page, cyclePath, shot) {
  await page.goto(page.url().replace(/\/cycles.*$/, cyclePath));
  await page.locator('.progress-table').waitFor();
  await page.locator('button.danger').click();  // close; the confirm dialog is accepted
  await page.locator('.result-node').first().waitFor({ timeout: 30000 });
  await shot(page, 'results', true);
  const flagged = await page.locator('.gap.flagged').count();
  check(flagged > 0, 'no gap between staff and students is flagged');
  const suppressed = await page.locator('.suppressed').count();
  const nodes = await page.locator('.result-node').count();
  check(suppressed === nodes, `parents are shown as suppressed in ${suppressed} of ${nodes} nodes`);
  check((await page.locator('.suppressed').first().textContent()).includes('fewer than 5 respondents'), 'the suppression note is missing');
  const exports = await page.locator('.exports a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  check(exports.length === 3 && exports.every((href) => /\/export\?format=(csv|xlsx|html)&lang=en$/.test(href)), `export links: ${exports}`);
  const download = await page.context().request.get(new URL(exports[0], page.url()).toString());
  check(download.status() === 200, `the CSV export answers ${download.status()}`);
  await fitsThePhone(page, 'the results');
}

// Nothing is wider than the phone (a phone's browser would zoom out, so the window's
// own width is no measure), naming the first elements that stick out.
async function fitsThePhone(page, what) {
  const wide = await page.evaluate((width) => {
    const out = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 0.5);
    const scrolling = [...document.querySelectorAll('.table-wrap')].filter((e) => e.scrollWidth > e.clientWidth).length;
    return { scroll: document.documentElement.scrollWidth, scrolling, out: out.slice(-3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
  }, phone.width);
  check(wide.scroll <= phone.width, `${what} scroll sideways: ${wide.scroll}px wide in ${phone.width}px (${wide.out.join(', ')})`);
  check(wide.scrolling === 0, `${what}: ${wide.scrolling} tables scroll sideways`);
}

async function tallEnough(locator, what) {
  const box = await locator.boundingBox();
  check(box && box.height >= 44, `${what} is ${box?.height}px high, less than 44`);
}

// From the closed cycle's results to a plan with one priority, one action and one
// progress update; the chosen indicator's id.
async function coordinatorWritesPlan(page, shot) {
  await page.locator('.results a[href$="/plan"]').click();
  await page.locator('.suggestion').first().waitFor();
  const top = page.locator('.suggestion').first();
  const indicator = await top.getAttribute('data-indicator');
  const findings = await top.locator('.finding').allTextContents();
  check(findings.some((f) => /Students: score 0, below 50/.test(f)), `the top suggestion's reasons: ${findings}`);
  check(findings.some((f) => /Staff and Students see this differently: 100 points apart/.test(f)), `no gap among the reasons: ${findings}`);
  const allFindings = await page.locator('.finding').allTextContents();
  check(!allFindings.some((f) => f.includes('Parents')), 'a suggestion names the parents, a group too small to show');
  await tallEnough(top.locator('button.primary'), 'the choose button');
  await top.locator('button.primary').click();
  const priority = page.locator(`.priority[data-indicator="${indicator}"]`);
  await priority.waitFor();
  check((await top.locator('.ok').textContent()).includes('Chosen'), 'the chosen suggestion is not marked');
  const form = priority.locator('form.action-form').last();
  await form.locator('input[name="what"]').fill('Co-teaching in mixed classes');
  await form.locator('input[name="role"]').fill('deputy head for teaching');
  await form.locator('input[name="start"]').fill('2026-09-01');
  await form.locator('input[name="due"]').fill('2027-04-30');
  await form.locator('input[name="resources"]').fill('two planning hours a week');
  await form.locator('input[name="evidence"]').fill('students say lessons fit them');
  await tallEnough(form.locator('input[name="what"]'), 'an action field');
  await form.locator('button[type="submit"]').click();
  const action = priority.locator('.action', { hasText: 'Co-teaching in mixed classes' });
  await action.waitFor();
  check((await action.locator('.action-facts').textContent()).includes('Not started'), 'a new action is not "not started"');
  await action.locator('summary', { hasText: 'Add a progress update' }).click();
  const progress = action.locator('form.progress-form');
  await progress.locator('select').selectOption('in_progress');
  await progress.locator('input[type="date"]').fill('2026-11-20');
  await progress.locator('input[type="text"]').fill('first co-taught lessons held');
  await progress.locator('button[type="submit"]').click();
  await page.locator('.progress-list li', { hasText: 'first co-taught lessons held' }).waitFor();
  check((await page.locator(`.priority[data-indicator="${indicator}"] .action-facts`).textContent()).includes('In progress'), 'the progress update did not change the status');
  await fitsThePhone(page, 'the plan');
  await shot(page, 'plan', true);
  // The reasons in Kazakh and Russian too.
  await page.locator('.langs button[lang="kk"]').click();
  await page.locator('.finding', { hasText: 'Оқушылар: балл 0, 50-ден төмен.' }).first().waitFor();
  await page.locator('.langs button[lang="ru"]').click();
  await page.locator('.finding', { hasText: 'Сотрудники и Обучающиеся оценивают это по-разному: разница в баллах — 100.' }).first().waitFor();
  await page.locator('.langs button[lang="en"]').click();
  await page.locator('.finding', { hasText: 'below 50' }).first().waitFor();
  return indicator;
}

// The next cycle of the same school: everyone agrees now.
async function nextCycleFollowsUp(page, base, indicator, shot) {
  await page.goto(base + '/cycles');
  await page.locator('#cycle-unit-id').waitFor();
  await openSchoolCycle(page, '2027 spring', { staff: 5, students: 5, parents: 0 });
  const codes = (await page.locator('.code-card .code-text').allTextContents()).map((c) => c.trim());
  check(codes.length === 10, `next cycle codes: ${codes.length}`);
  const ids = (await respond(base, '/api/v1/respond/open', { code: codes[0] })).body.questions.map((q) => q.id);
  for (const code of codes) {
    const sent = await respond(base, '/api/v1/respond/submit', { code, answers: Object.fromEntries(ids.map((id) => [id, 'agree'])) });
    check(sent.status === 204, `next cycle submit: ${sent.status}`);
  }
  await page.reload();
  await page.locator('.progress-table').waitFor();
  await page.locator('button.danger').click();
  await page.locator('.result-node').first().waitFor({ timeout: 30000 });
  const header = await page.locator('.results-table thead th').last().textContent();
  check(header.includes('Change since 2026 spring'), `no change column: ${header}`);
  const rows = await page.locator('.result-node.level-indicator').first().locator('tbody tr').allTextContents();
  check(rows.some((r) => r.includes('Students') && r.includes('+100')), `the students' change is not +100: ${rows}`);
  await fitsThePhone(page, 'the results with changes');
  await page.locator('.results a[href$="/plan"]').click();
  const followed = page.locator(`.follow-up-priority[data-indicator="${indicator}"]`);
  await followed.waitFor();
  check((await page.locator('#follow-up-h').textContent()).includes('2026 spring'), 'the follow-up does not name the previous cycle');
  const students = (await followed.locator('tbody tr').allTextContents()).find((r) => r.includes('Students')) ?? '';
  check(/0.*100.*\+100/.test(students), `the follow-up of the students' score: ${students}`);
  check((await followed.textContent()).includes('Co-teaching in mixed classes — In progress'), 'the follow-up misses the action and its status');
  await fitsThePhone(page, 'the next plan');
  await shot(page, 'follow-up', true);
}

async function backendRun(args, backend, browser, work) {
  const dir = join(work, backend);
  const { env, dropDatabase } = storeEnv(args, backend, dir, 'tenlik_review');
  let server;
  const problems = [];
  try {
    run(args.tenlik, ['init'], { env, cwd: dir });
    run(args.tenlik, ['user', 'add', '--role', 'school_coordinator', coordinator.user], { env, cwd: dir, input: `${coordinator.password}\n` });
    server = await startServer(args.tenlik, env, dir, args.web);
    const base = server.url;
    const shot = (page, name, full = false) => page.screenshot({ path: join(args.artefacts, `review-${backend}-${name}.png`), fullPage: full });

    const { context, page, codes, cyclePath } = await coordinatorOpensCycle(browser, base, problems, shot);
    const total = await staffInKazakhOneByOne(browser, base, problems, codes.staff[0], shot);
    await studentInRussianOffline(browser, base, problems, codes.students[0], total, shot);
    await parentWithLostReply(browser, base, problems, codes.parents[0]);
    const open = await respond(base, '/api/v1/respond/open', { code: codes.staff[1] });
    check(open.status === 200, `open through the API: ${open.status}`);
    const ids = open.body.questions.map((q) => q.id);
    const all = (answer) => Object.fromEntries(ids.map((id) => [id, answer]));
    for (const [group, answer] of [['staff', 'agree'], ['students', 'disagree']]) {
      for (const code of codes[group].slice(1, 5)) {
        const sent = await respond(base, '/api/v1/respond/submit', { code, answers: all(answer) });
        check(sent.status === 204, `submit for ${group}: ${sent.status} ${JSON.stringify(sent.body)}`);
      }
    }
    for (const code of codes.parents.slice(1)) {
      check((await respond(base, '/api/v1/respond/submit', { code, answers: all('agree') })).status === 204, 'parent submit');
    }
    // The parent's lost reply counted once: a third try is refused as used.
    const again = await respond(base, '/api/v1/respond/submit', { code: codes.parents[0], answers: all('agree') });
    check(again.status === 409 && again.body.error.code === 'code_used', `a used code: ${again.status}`);
    const unknown = await respond(base, '/api/v1/respond/open', { code: 'ZZZZZZZZZZ' });
    check(unknown.status === 404, `an unknown code: ${unknown.status}`);

    await coordinatorSeesResults(page, cyclePath, shot);
    const indicator = await coordinatorWritesPlan(page, shot);
    await nextCycleFollowsUp(page, base, indicator, shot);
    await context.close();
    await server.stop();
    const log = server.log();
    server = null;
    for (const code of Object.values(codes).flat()) {
      check(!log.includes(code) && !log.includes(code.replace('-', '')), `an access code is in the server log`);
    }
  } catch (e) {
    problems.push(e.stack ?? String(e));
  } finally {
    if (server) await server.stop().catch(() => {});
    if (dropDatabase) dropDatabase();
  }
  return problems;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), 'review_test.mjs');
  const work = mkdtempSync(join(tmpdir(), 'tenlik-review-'));
  let browser;
  let failed = false;
  try {
    browser = await launchBrowser(args);
    for (const backend of backends()) {
      const started = Date.now();
      const problems = await backendRun(args, backend, browser, work);
      if (problems.length) {
        failed = true;
        console.log(`FAIL ${backend}:\n  ${problems.join('\n  ')}`);
      } else {
        console.log(`ok   ${backend} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
    }
  } finally {
    if (browser) await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`review_test: ${e.stack ?? e}`);
  process.exitCode = 1;
});
