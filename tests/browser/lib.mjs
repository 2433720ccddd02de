// Helpers for the mentorat browser suite: one headless Debian Chromium per test
// file (driven by playwright-core, never a downloaded browser), pages in French by
// default, and `visit` / `check`, which fail on console errors, CSP violations and
// any axe-core WCAG 2.1 A/AA violation; `waitForMail` reads what the platform sent
// to the suite's SMTP server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

/** Where screenshots go (git-ignored). */
export const ARTIFACTS = join(here, 'artifacts');

/** The running server, exported by run.sh. */
export const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** The maildir of the SMTP server started by run.sh (one file per message in new/). */
export const MAILDIR = process.env.MAILDIR ?? '';

/** The WCAG levels we hold every page to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Without the background-networking flags Chromium hangs on network lookups in CI.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Injected with page.evaluate (a DevTools evaluation), because the site's CSP
// (script-src 'self') rightly blocks an inline <script> from addScriptTag.
const AXE_SOURCE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let browser;

/** Starts Chromium; call it from `before` in each test file. */
export async function launchBrowser() {
  assert.ok(BASE_URL, 'BASE_URL is not set: run the suite with `bash tests/browser/run.sh`');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  return browser;
}

/** Closes Chromium; call it from `after` in each test file. */
export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/**
 * A new page in a fresh context (its own cookies). French by default; any
 * Playwright context option may be given (locale, viewport, javaScriptEnabled…).
 * Never bypasses the CSP: we want the real behaviour.
 */
export async function newPage({ locale = 'fr-FR', ...options } = {}) {
  assert.ok(browser, 'launchBrowser() must be called first (in before())');
  const context = await browser.newContext({ locale, baseURL: BASE_URL, ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url;
      problems.push({ kind: 'console error', text: message.text(), url: where });
    }
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'uncaught exception', text: String(error?.stack ?? error) });
  });
  // Also catch CSP violations through the DOM event (when JavaScript is on), in
  // case a future Chromium stops reporting them on the console.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`
        + ` (${event.sourceFile || 'document'}:${event.lineNumber || 0})`);
    });
  });
  page.problems = problems;
  page.javaScriptEnabled = options.javaScriptEnabled !== false;
  page.closeAll = () => context.close();
  return page;
}

/**
 * Goes to BASE_URL + path and checks the page (see `check`). `status` is the
 * expected HTTP status of the document (200 unless told).
 */
export async function visit(page, path, { status = 200 } = {}) {
  const response = await page.goto(BASE_URL + path, { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  assert.equal(response.status(), status, `GET ${path} answered ${response.status()}, expected ${status}`);
  await check(page, { status });
  return response;
}

/**
 * Checks the page currently shown: no console error, no uncaught exception, no
 * CSP violation since the previous check, and no axe WCAG 2.1 A/AA violation.
 */
export async function check(page, { status = 200 } = {}) {
  await page.waitForLoadState('load');
  const url = page.url();
  // Chromium logs a non-2xx document as "Failed to load resource"; that one is expected.
  const expected = (p) => status >= 400 && p.url === url
    && p.text.includes(`the server responded with a status of ${status}`);
  const problems = page.problems.splice(0).filter((p) => !expected(p));
  if (page.javaScriptEnabled) {
    const csp = await page.evaluate(() => (window.__cspViolations ?? []).splice(0));
    for (const text of csp) problems.push({ kind: 'CSP violation', text });
  }
  assert.deepEqual(problems, [], `${url}: the browser reported problems:\n${problems
    .map((p) => `  - ${p.kind}: ${p.text}${p.url ? ` (${p.url})` : ''}`).join('\n')}`);
  await assertAxeClean(page);
}

/** Runs axe-core on the page and fails with a readable list of violations. */
export async function assertAxeClean(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  if (page.javaScriptEnabled === false) await page.evaluate(stillTimers);
  const results = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  const report = results.violations.map((v) => {
    const nodes = v.nodes.map((n) => `      at ${n.target.join(' ')}${n.failureSummary
      ? `\n         ${n.failureSummary.replace(/\n/g, '\n         ')}` : ''}`);
    return `  - ${v.id} [${v.impact}] ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
  });
  assert.equal(report.length, 0,
    `${page.url()}: ${report.length} axe violation(s) of WCAG 2.1 A/AA:\n${report.join('\n')}`);
}

// With JavaScript disabled, Chromium still runs DevTools evaluations (so axe can be
// injected) and promise reactions, but never fires timers, and axe yields with
// setTimeout(fn, 0). Inside such a page only, run the short timers as promise
// reactions; the long ones are axe's failure timeouts, which must not fire.
function stillTimers() {
  let next = 1;
  window.setTimeout = (fn, ms, ...args) => {
    if (!(ms > 1)) Promise.resolve().then(() => fn(...args));
    return next++;
  };
  window.clearTimeout = () => {};
}

/**
 * Clicks (or does whatever `action` does) and waits for the navigation it causes,
 * then checks the new page like `visit` does. `status` is the expected HTTP status
 * of the final document (after redirects). Returns its response.
 */
export async function navigateBy(page, action, { status = 200 } = {}) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
  assert.ok(response, `no document response after the navigation to ${page.url()}`);
  if (response.status() !== status) {
    // Say what the server was sent and what it answered: a 403 on a form usually
    // means a missing CSRF token or a refused Origin.
    const request = response.request();
    const origin = request.method() === 'GET' ? '' : ` with Origin: ${await request.headerValue('origin')}`;
    const heading = await page.locator('h1').first().textContent().catch(() => null);
    assert.equal(response.status(), status, `${request.method()} ${new URL(response.url()).pathname}${origin}`
      + ` answered ${response.status()} (« ${heading?.trim()} »), expected ${status}`);
  }
  await check(page, { status });
  return response;
}

// ---- e-mail ----

const parsedMail = new Map(); // file name → parsed message

/** The names of the messages received so far (pass it to `waitForMail` as `after`). */
export function receivedMail() {
  assert.ok(MAILDIR, 'MAILDIR is not set: run the suite with `bash tests/browser/run.sh`');
  return new Set(readdirSync(join(MAILDIR, 'new')).filter((name) => !name.startsWith('.')));
}

async function readMail(name) {
  if (!parsedMail.has(name)) {
    const mail = await simpleParser(readFileSync(join(MAILDIR, 'new', name)));
    const to = (mail.to ? [mail.to].flat() : []).flatMap((t) => t.value).map((a) => a.address.toLowerCase());
    const attachments = (mail.attachments ?? []).map(({ filename, contentType, content }) => ({ filename, contentType, content }));
    parsedMail.set(name, {
      file: name, to, subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html || '', attachments,
    });
  }
  return parsedMail.get(name);
}

/**
 * Waits (polling the maildir, `timeout` ms at most) for a message to `to` whose
 * subject is `subject` (a string: exactly; a RegExp: matching), received after the
 * names in `after` (from `receivedMail()`), and returns it parsed: { to, subject,
 * text, html, attachments, file }, with the RFC 2047 subject and the
 * quoted-printable or base64 parts decoded; `attachments` is a list of { filename,
 * contentType, content } (content: a Buffer of the decoded bytes).
 */
export async function waitForMail({ to, subject, after = new Set(), timeout = 10_000 }) {
  const address = to.toLowerCase();
  const fits = (mail) => mail.to.includes(address)
    && (subject instanceof RegExp ? subject.test(mail.subject) : mail.subject === subject);
  const deadline = Date.now() + timeout;
  for (;;) {
    const names = [...receivedMail()].filter((name) => !after.has(name)).sort();
    for (const name of names) {
      const mail = await readMail(name);
      if (fits(mail)) return mail;
    }
    if (Date.now() > deadline) {
      const seen = await Promise.all(names.map(readMail));
      assert.fail(`no e-mail to ${to} with the subject ${subject} within ${timeout} ms; received:\n${
        seen.map((m) => `  - to ${m.to.join(', ')}: ${m.subject}`).join('\n') || '  (nothing)'}`);
    }
    await sleep(100);
  }
}

/** The one link of this site to `path…` in the text part of `mail`. */
export function linkIn(mail, path) {
  const escaped = (BASE_URL + path).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const links = mail.text.match(new RegExp(`${escaped}[^\\s<>"]+`, 'g')) ?? [];
  assert.equal(links.length, 1, `expected one link to ${BASE_URL}${path}… in the text of « ${mail.subject} »:\n${mail.text}`);
  return links[0];
}

/**
 * Runs the platform's periodic sweeps once as of `day` (`YYYY-MM-DD`) on the suite's
 * database, as `serve` runs them every ten minutes: the way a journey lets a month
 * pass (the server's own clock cannot be moved from outside). The e-mails it queues
 * are sent by the running server within seconds.
 */
export function sweepAt(day) {
  const bin = process.env.MENTORAT_TEST_BIN;
  const database = process.env.MENTORAT_TEST_DATABASE_URL;
  assert.ok(bin && database, 'MENTORAT_TEST_BIN and MENTORAT_TEST_DATABASE_URL are set by tests/browser/run.sh');
  execFileSync(bin, ['sweep', '--at', day], {
    env: { ...process.env, MENTORAT_DATABASE_URL: database, MENTORAT_BASE_URL: BASE_URL },
    stdio: 'pipe',
  });
}

/** Saves a screenshot under tests/browser/artifacts/ and returns its path. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * The confirmation step of an irreversible action, as a browser without JavaScript
 * meets it: a page « Confirmer » restating what will happen (returned), whose button
 * « Oui, confirmer » does it. Checks the page, then confirms.
 */
export async function confirmStep(page) {
  await check(page);
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  assert.equal(heading, 'Confirmer', `a confirmation page, not « ${heading} » at ${page.url()}`);
  const question = (await page.getByRole('main').locator('p.lead').innerText())
    .replace(/[\u2068\u2069]/g, '').trim();
  assert.equal(await page.getByRole('link', { name: 'Non, revenir en arrière', exact: true }).count(), 1,
    'the confirmation page offers a way back');
  await navigateBy(page, () => page.getByRole('button', { name: 'Oui, confirmer', exact: true }).click());
  return question;
}

/**
 * Opens the header's full menu (a disclosure, so it opens with JavaScript off too) and
 * returns the banner, where the rest of the pages' links are.
 */
export async function openMenu(page) {
  const menu = page.getByRole('banner').locator('details.menu');
  if (!(await menu.evaluate((details) => details.open))) {
    await menu.locator('summary').click();
  }
  return page.getByRole('banner');
}
