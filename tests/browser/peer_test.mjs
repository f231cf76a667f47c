// End-to-end test of the peer review of a district's self-review, against a real
// `tenlik serve` on loopback (a fresh SQLite store: `tenlik init`, a coordinator and a
// peer reviewer made with `tenlik user add`), in Debian's chromium at a phone's size:
//   - through the API the coordinator runs a school cycle naming the district and the
//     district's own cycle (5 district staff, 2 school leaders: below the minimum
//     group size), closes both and invites the reviewer from another district;
//   - the reviewer logs in on a phone: the menu holds only "Peer review" and lands on
//     the invitation; it reads the district's results (school leaders "fewer than 5,
//     not shown") and the schools side by side, and writes a challenge on an indicator;
//   - the coordinator opens the cycle's peer review, sees the challenge and replies;
//     the reviewer sees the reply.
// No page may scroll sideways on the phone. Fails on any console error, page error or
// request to another origin.
//
//   node tests/browser/peer_test.mjs --tenlik build/tenlik [--artefacts DIR] [--web DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { check, launchBrowser, parseArgs, run, startServer, storeEnv } from './harness.mjs';

const coordinator = { user: 'coordinator', password: 'correct horse battery' };
const reviewer = { user: 'reviewer', password: 'another horse battery' };
const phone = { width: 390, height: 844 };
const district = 'd-almaty-1';

function watch(page, base, problems) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    // The login page asks /api/v1/me before anyone has logged in: 401.
    if (/Failed to load resource/.test(msg.text()) && /\/api\/v1\/me$/.test(where)) return;
    problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(base + '/')) problems.push(`request to another origin: ${req.url()}`);
  });
}

// A logged-in API client: { call(method, path, body) -> { status, body } }.
async function apiSession(base, who) {
  const login = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: who.user, password: who.password }),
  });
  check(login.status === 201, `API login of ${who.user}: ${login.status}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  return async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };
}

// Opens a cycle, answers each code (`answers(group)`), closes it; the cycle.
async function closedCycle(base, call, request, answer) {
  const opened = await call('POST', '/api/v1/review/cycles', request);
  check(opened.status === 201, `open ${request.unit.id}: ${opened.status} ${JSON.stringify(opened.body)}`);
  const first = opened.body.codes[0].code;
  const form = await (await fetch(`${base}/api/v1/respond/open`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: first }) })).json();
  const answers = Object.fromEntries(form.questions.map((q) => [q.id, answer]));
  for (const { code } of opened.body.codes) {
    const sent = await fetch(`${base}/api/v1/respond/submit`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, answers }) });
    check(sent.status === 204, `submit: ${sent.status}`);
  }
  const closed = await call('POST', `/api/v1/review/cycles/${opened.body.cycle.id}/close`, {});
  check(closed.status === 200, `close: ${closed.status}`);
  return opened.body.cycle;
}

async function logIn(browser, base, problems, who, locale) {
  const context = await browser.newContext({ viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
  const page = await context.newPage();
  watch(page, base, problems);
  await page.goto(base + '/');
  await page.fill('#login-user', who.user);
  await page.fill('#login-password', who.password);
  await page.locator('form button[type="submit"]').click();
  return { context, page };
}

async function noSidewaysScroll(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= phone.width, `${where} scrolls sideways on a phone: ${width} px`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), 'peer_test.mjs');
  const work = mkdtempSync(join(tmpdir(), 'tenlik-peer-'));
  const problems = [];
  const started = Date.now();
  let browser;
  let server;
  try {
    browser = await launchBrowser(args);
    const dir = join(work, 'sqlite');
    const { env } = storeEnv(args, 'sqlite', dir, 'tenlik_peer');
    run(args.tenlik, ['init'], { env, cwd: dir });
    run(args.tenlik, ['user', 'add', '--role', 'school_coordinator', coordinator.user], { env, cwd: dir, input: `${coordinator.password}\n` });
    run(args.tenlik, ['user', 'add', '--role', 'peer_reviewer', reviewer.user], { env, cwd: dir, input: `${reviewer.password}\n` });
    server = await startServer(args.tenlik, env, dir, args.web);
    const base = server.url;
    const shot = (page, name) => page.screenshot({ path: join(args.artefacts, `peer-${name}.png`), fullPage: true });

    const call = await apiSession(base, coordinator);
    await closedCycle(base, call, { unit: { id: 's17', name: 'School No. 17', region: 'KZ-ALA' }, instrument: 'school', label: '2026', district_id: district, codes: { staff: 5 } }, 'agree');
    const cycle = await closedCycle(base, call, { unit: { id: district, name: 'Almaty district 1', region: 'KZ-75' }, instrument: 'district', label: '2026', codes: { district_staff: 5, school_leaders: 2 } }, 'agree_to_some_extent');
    const invited = await call('POST', `/api/v1/review/cycles/${cycle.id}/peer/reviewers`, { account: reviewer.user, district_id: 'd-taraz-2' });
    check(invited.status === 201, `invite: ${invited.status} ${JSON.stringify(invited.body)}`);

    // The reviewer, in Russian: only its invitation in the menu.
    const { context: reviewerContext, page } = await logIn(browser, base, problems, reviewer, 'ru-RU');
    await page.locator('.peer-invitations a').waitFor();
    check(new URL(page.url()).pathname === '/peer', `the reviewer lands on ${page.url()}`);
    const menu = await page.locator('nav a').allTextContents();
    check(menu.length === 1 && menu[0] === 'Взаимная экспертиза', `the reviewer's menu: ${menu}`);
    await page.locator('.peer-invitations a').click();
    await page.locator('.result-node').first().waitFor();
    const nodes = await page.locator('.result-node').count();
    const hidden = await page.locator('.result-node .suppressed').count();
    check(nodes > 0 && hidden === nodes, `school leaders are suppressed in ${hidden} of ${nodes} nodes`);
    check((await page.locator('.suppressed').first().textContent()).includes('меньше 5, не показано'), 'the suppression note is missing');
    await noSidewaysScroll(page, 'the peer review');
    await shot(page, 'reviewer-results');

    // The schools side by side.
    await page.locator(`a[href="/districts/${district}"]`).click();
    await page.locator('.district-table').first().waitFor();
    check((await page.locator('.district-table tbody th').first().textContent()).includes('School No. 17'), 'the school is missing from the overview');
    await noSidewaysScroll(page, 'the district overview');
    await page.goBack();

    // A challenge on the first indicator.
    await page.locator('#peer-node').waitFor();
    const indicator = await page.locator('.result-node.level-indicator').first().getAttribute('data-node');
    await page.selectOption('#peer-node', indicator);
    await page.selectOption('#peer-kind', 'challenge');
    const challenge = 'Какие данные показывают, что во всех школах есть пандусы?';
    await page.fill('#peer-text', challenge);
    await page.locator('#peer-text').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
    await page.locator(`.peer-thread[data-node="${indicator}"] .peer-note.challenge`, { hasText: challenge }).waitFor();
    await shot(page, 'reviewer-challenge');

    // The coordinator, in English, finds it on the cycle and replies.
    const { context: coordinatorContext, page: desk } = await logIn(browser, base, problems, coordinator, 'en-GB');
    await desk.locator('.cycles-table').waitFor();
    await desk.goto(`${base}/cycles/${cycle.id}`);
    await desk.locator(`a[href="/cycles/${cycle.id}/peer"]`).click();
    const note = desk.locator(`.peer-thread[data-node="${indicator}"] .peer-note`, { hasText: challenge });
    await note.waitFor();
    check((await desk.locator('.reviewers-table').textContent()).includes('d-taraz-2'), 'the reviewer is not listed');
    const reply = 'The access audit of March, annex 2.';
    await note.locator('textarea').fill(reply);
    await note.locator('button[type="submit"]').click();
    await desk.locator('.peer-reply', { hasText: reply }).waitFor();
    await noSidewaysScroll(desk, "the coordinator's peer review");
    await shot(desk, 'coordinator-reply');

    await page.reload();
    await page.locator('.peer-reply', { hasText: reply }).waitFor();
    check((await page.locator('.peer-reply-form').count()) === 0, 'the reviewer is offered a reply form');
    await reviewerContext.close();
    await coordinatorContext.close();
  } catch (e) {
    problems.push(e.stack ?? String(e));
  } finally {
    if (server) await server.stop().catch((e) => problems.push(String(e)));
    if (browser) await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  if (problems.length) {
    console.log(`FAIL sqlite:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`ok   sqlite (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().catch((e) => {
  console.error(`peer_test: ${e.stack ?? e}`);
  process.exitCode = 1;
});
