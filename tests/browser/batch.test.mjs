// Batch matching in a real browser, on a phone, with the e-mails really sent: the
// Compiègne coordinator asks for a matching proposal for the circle, reviews it
// pair by pair (takes the first pair off), recomputes it without that pair (the kept
// pairs stay, the removed one never comes back, the old draft points to the new one),
// publishes it (JS confirms accepted), and the mentors of the pairs receive « Une
// demande de mentorat »; then tunes the
// circle's matching weights (a value past 100 refused, saved, back to the defaults
// after a JS confirm), which leaves the defaults in place for the other files. Every page
// visited is checked by `visit`/`navigateBy`/`check`: no console error, no CSP
// violation, and no axe-core WCAG 2.1 A/AA violation.
//
// Shared demo data: signs in once as coordination.compiegne@mentorat.example (which
// events.test.mjs and mentoring.test.mjs also use, without changing its password)
// and sends requests from the demo porteurs of Compiègne to demo mentors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import {
  MAILDIR, check, closeBrowser, confirmStep, launchBrowser, navigateBy, newPage, receivedMail, visit,
} from './lib.mjs';

const CHEAP_PHONE = { width: 390, height: 844 };
const COORDINATOR = 'coordination.compiegne@mentorat.example';
const DEMO_PASSWORD = 'mentorat-demo';
const CIRCLE = 'Cercle des Mentors de Compiègne';
const REQUEST_SUBJECT = 'Une demande de mentorat';
const DEMO_MENTORS = '@demo.mentorat.example';
// The demo's mentors are prenom.nom@demo.mentorat.example, except the role account
// mentor@mentorat.example (« Michel Mentor »), which the matching may pick too.
const ROLE_MENTOR = { name: 'Michel M.', email: 'mentor@mentorat.example' };
const isDemoMentor = (address) => address.endsWith(DEMO_MENTORS) || address === ROLE_MENTOR.email;

before(launchBrowser);
after(closeBrowser);

/** Text without the Unicode isolation marks Fluent puts around its variables. */
function plain(text) {
  return (text ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

function path(page) {
  return new URL(page.url()).pathname;
}

async function h1(page) {
  return plain(await page.getByRole('heading', { level: 1 }).textContent());
}

/** The cards of the proposal shown: { text, mentor, removed, hasRemove }. */
async function pairs(page) {
  const cards = page.getByRole('main').locator('li.card');
  const out = [];
  for (const card of await cards.all()) {
    const text = plain(await card.innerText());
    const head = plain(await card.locator('p').first().innerText());
    const m = head.match(/^(.+) — (.+?) ↔ (.+?) — score (\d+)( — retirée)?$/u);
    assert.ok(m, `a pair reads « <project> — <Prénom> <N.> ↔ <Prénom> <N.> — score NN »: « ${head} »`);
    const reasons = (await card.locator('ul li').allInnerTexts()).map(plain);
    const remove = card.getByRole('button', { name: 'Retirer cette paire', exact: true });
    // Every remove button sounds the same; its description says which pair it removes.
    const described = await remove.count() === 1
      ? plain(await remove.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby'))?.innerText ?? ''))
      : '';
    out.push({
      text, head, project: m[1], porteur: m[2], mentor: m[3], score: Number(m[4]), removed: Boolean(m[5]),
      reasons, hasRemove: await remove.count() === 1, described,
    });
  }
  return out;
}

/** Folds a name as the demo addresses do: « Jean-Noël » → « jean.noel ». */
function fold(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

const parsed = new Map(); // maildir file name → { to, subject, text }
async function readMail(name) {
  if (!parsed.has(name)) {
    const mail = await simpleParser(readFileSync(join(MAILDIR, 'new', name)));
    const to = (mail.to ? [mail.to].flat() : []).flatMap((t) => t.value).map((a) => a.address.toLowerCase());
    parsed.set(name, { file: name, to, subject: mail.subject ?? '', text: mail.text ?? '' });
  }
  return parsed.get(name);
}

/**
 * Waits (`timeout` ms at most) until at least `count` mails with the subject
 * « Une demande de mentorat » to demo mentors (…@demo.mentorat.example, or the
 * role account mentor@mentorat.example) arrived
 * after the names in `sent` (from `receivedMail()`), and returns them all. The
 * recipients cannot be read from the page, hence this count rather than
 * `waitForMail`, which needs an address.
 */
async function waitForMentorRequests(count, sent, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const fresh = [...receivedMail()].filter((name) => !sent.has(name)).sort();
    const found = await Promise.all(fresh.map(readMail));
    const requests = found.filter((m) => m.subject === REQUEST_SUBJECT && m.to.some(isDemoMentor));
    if (requests.length >= count) return requests;
    if (Date.now() > deadline) {
      assert.fail(`expected ${count} « ${REQUEST_SUBJECT} » to …${DEMO_MENTORS} or ${ROLE_MENTOR.email} within ${timeout} ms; received:\n${
        found.map((m) => `  - to ${m.to.join(', ')}: ${m.subject}`).join('\n') || '  (nothing)'}`);
    }
    await sleep(200);
  }
}

test('the Compiègne coordinator reviews a batch matching proposal pair by pair, recomputes it without the pair removed and publishes it; the mentors receive the requests; then tunes the circle\'s matching weights', async () => {
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    // 1. One sign-in.
    await visit(page, '/connexion');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(COORDINATOR);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click());
    assert.equal(path(page), '/compte', 'signing in should lead to the account page');

    // 2. Coordination → « Appariement du cercle » → a proposal.
    await navigateBy(page, () => page.getByRole('banner').getByRole('link', { name: 'Coordination', exact: true }).click());
    assert.equal(path(page), '/coordination');
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Appariement du cercle', exact: true }).count(), 1,
      'the coordination page has a section « Appariement du cercle »');
    await navigateBy(page, () => page.getByRole('button', { name: `Proposer des paires pour ${CIRCLE}`, exact: true }).click());
    assert.match(path(page), /^\/coordination\/appariements\/[^/]+$/, `the proposal's address: ${path(page)}`);
    const proposalPath = path(page);
    assert.equal(await h1(page), 'Appariement du cercle');
    const lead = plain(await page.getByRole('main').locator('p.lead').innerText());
    const summary = lead.match(/^(\d+) paires proposées, (\d+) porteurs sans mentor disponible, score total (\d+), paires bloquantes : (\d+)\.$/u);
    assert.ok(summary, `the summary line: « ${lead} »`);

    const before = await pairs(page);
    assert.ok(before.length >= 2, `at least two pairs expected from the demo data, got ${before.length}:\n${
      before.map((p) => `  - ${p.text}`).join('\n')}`);
    assert.equal(Number(summary[1]), before.length, `the summary counts the pairs listed: « ${lead} »`);
    for (const pair of before) {
      assert.ok(!pair.removed && pair.hasRemove, `a fresh pair has « Retirer cette paire »: ${pair.text}`);
      assert.equal(pair.described, pair.head, 'a screen reader hears which pair a remove button removes');
      assert.ok(pair.reasons.length > 0, `a pair lists its reasons: ${pair.text}`);
    }
    const allReasons = before.flatMap((p) => p.reasons);
    assert.ok(allReasons.some((r) => r.startsWith('Même domaine : ')), `some pair shares a domain: ${allReasons.join(' | ')}`);
    assert.ok(allReasons.includes('Même intercommunalité : CA de la Région de Compiègne et de la Basse Automne'),
      `some pair shares the intercommunality: ${allReasons.join(' | ')}`);
    assert.ok(allReasons.some((r) => /^\d+ ans en .+/u.test(r)), `some pair counts years of experience: ${allReasons.join(' | ')}`);

    // 3. Take the first pair off.
    await navigateBy(page, () => page.getByRole('main').locator('li.card').first()
      .getByRole('button', { name: 'Retirer cette paire', exact: true }).click());
    assert.equal(path(page), proposalPath, 'removing a pair comes back to the proposal');
    const reviewed = await pairs(page);
    assert.equal(reviewed.length, before.length, 'the removed pair stays listed');
    assert.equal(reviewed[0].head, `${before[0].head} — retirée`, 'the first pair is marked « retirée »');
    assert.ok(!reviewed[0].hasRemove, 'a removed pair has no « Retirer cette paire » button');
    for (const pair of reviewed.slice(1)) assert.ok(!pair.removed && pair.hasRemove, `still kept: ${pair.text}`);

    // 4. Recompute without the removed pair (the JS confirm is accepted): a new draft
    //    keeps every kept pair as it was and never brings the removed one back.
    page.once('dialog', (dialog) => dialog.accept());
    await navigateBy(page, () => page.getByRole('button', { name: 'Recalculer sans les paires retirées', exact: true }).click());
    assert.match(path(page), /^\/coordination\/appariements\/[^/]+$/, `the new proposal's address: ${path(page)}`);
    assert.notEqual(path(page), proposalPath, 'recomputing makes a new draft');
    const recomputed = await pairs(page);
    for (const pair of reviewed.slice(1)) {
      assert.ok(recomputed.some((p) => p.head === pair.head), `kept as it was: ${pair.head}; now:\n${
        recomputed.map((p) => `  - ${p.head}`).join('\n')}`);
    }
    assert.ok(!recomputed.some((p) => p.head === before[0].head), `the removed pair is not proposed again: ${before[0].head}`);
    assert.ok(plain(await page.getByRole('main').innerText())
      .includes('Une paire retirée lors d\'une relecture précédente ne sera plus proposée.'), 'the new draft says a pair is excluded');
    await check(page);
    const newPath = path(page);
    // The draft recomputed points to the new one and offers nothing more to do.
    await visit(page, proposalPath);
    assert.ok(plain(await page.getByRole('main').getByRole('status').innerText())
      .startsWith('Cette proposition a été recalculée'), 'the old draft says it was recomputed');
    assert.equal(await page.getByRole('button', { name: 'Publier : envoyer les demandes aux mentors', exact: true }).count(), 0,
      'a recomputed draft has no publish button');
    await navigateBy(page, () => page.getByRole('link', { name: 'Voir la nouvelle proposition', exact: true }).click());
    assert.equal(path(page), newPath);

    // 5. Publish, with JavaScript off: a page first says what will happen, and the
    // requests go once confirmed there.
    const kept = recomputed.length;
    const sent = receivedMail();
    const noScript = await newPage({
      viewport: CHEAP_PHONE, storageState: await page.context().storageState(), javaScriptEnabled: false,
    });
    let notice;
    try {
      await visit(noScript, newPath);
      await navigateBy(noScript, () => noScript.getByRole('button', { name: 'Publier : envoyer les demandes aux mentors', exact: true }).click());
      const question = await confirmStep(noScript);
      assert.equal(question, 'Envoyer une demande à chaque mentor des paires gardées ?');
      assert.equal(path(noScript), newPath, 'confirmed, back to the proposal');
      notice = plain(await noScript.getByRole('main').getByRole('status').innerText());
    } finally {
      await noScript.closeAll();
    }
    await visit(page, newPath);
    assert.equal(notice, kept === 1 ? 'Publiée : une demande envoyée.' : `Publiée : ${kept} demandes envoyées.`);
    assert.equal(await page.getByRole('button', { name: 'Publier : envoyer les demandes aux mentors', exact: true }).count(), 0,
      'a published proposal has no publish button');
    assert.equal(await page.getByRole('button', { name: 'Retirer cette paire', exact: true }).count(), 0,
      'a published proposal has no remove buttons');

    // The proposal, reloaded, still passes the checks.
    await visit(page, newPath);
    await check(page);

    // 6. The mentors of the pairs receive the request.
    const requests = await waitForMentorRequests(kept, sent);
    // « Sophie M. » is sophie.m…@demo.mentorat.example: each kept mentor got one.
    const recipients = requests.flatMap((m) => m.to);
    for (const mentor of recomputed.map((p) => p.mentor)) {
      if (mentor === ROLE_MENTOR.name) {
        assert.ok(recipients.includes(ROLE_MENTOR.email),
          `« ${REQUEST_SUBJECT} » to ${ROLE_MENTOR.email} (${mentor}); sent to: ${recipients.join(', ')}`);
        continue;
      }
      const [, first, initial] = mentor.match(/^(.+) (\S)\.$/u) ?? [];
      assert.ok(first, `a mentor reads « Prénom N. »: « ${mentor} »`);
      const prefix = `${fold(first)}.${fold(initial)}`;
      assert.ok(recipients.some((a) => a.startsWith(prefix) && a.endsWith(DEMO_MENTORS)),
        `« ${REQUEST_SUBJECT} » to ${prefix}…${DEMO_MENTORS} (${mentor}); sent to: ${recipients.join(', ')}`);
    }

    // 7. The circle's matching weights: tuned, a wrong value refused, back to the defaults.
    await visit(page, '/coordination');
    await navigateBy(page, () => page.getByRole('link', { name: `Régler les pondérations de ${CIRCLE}`, exact: true }).click());
    assert.match(path(page), /^\/coordination\/ponderations\/[^/]+$/);
    assert.equal(await h1(page), `Pondérations de l'appariement : ${CIRCLE}`);
    const main = page.getByRole('main');
    assert.ok(plain(await main.innerText()).includes('Ce cercle utilise les pondérations par défaut.'));
    const proximity = page.getByLabel('Proximité', { exact: true });
    assert.equal(await proximity.inputValue(), '25', 'the default weight is shown');

    // Past 100: the message says what to type, the field is marked.
    await proximity.fill('150');
    await navigateBy(page, () => page.getByRole('button', { name: 'Enregistrer les pondérations', exact: true }).click(), { status: 422 });
    assert.equal(plain(await page.getByRole('alert').innerText()), 'Indiquez un nombre entier de 0 à 100.');
    assert.equal(await page.getByLabel('Proximité', { exact: true }).getAttribute('aria-invalid'), 'true');

    // A right value is saved and said so.
    await page.getByLabel('Proximité', { exact: true }).fill('80');
    await navigateBy(page, () => page.getByRole('button', { name: 'Enregistrer les pondérations', exact: true }).click());
    assert.equal(plain(await main.getByRole('status').innerText()), 'Pondérations enregistrées : les prochaines suggestions en tiennent compte.');
    assert.equal(await page.getByLabel('Proximité', { exact: true }).inputValue(), '80');
    assert.ok(plain(await main.innerText()).includes('Ce cercle a ses propres pondérations.'));

    // Back to the defaults, after the confirmation.
    page.once('dialog', (dialog) => dialog.accept());
    await navigateBy(page, () => page.getByRole('button', { name: 'Revenir aux pondérations par défaut', exact: true }).click());
    assert.equal(plain(await main.getByRole('status').innerText()), 'Ce cercle utilise de nouveau les pondérations par défaut.');
    assert.equal(await page.getByLabel('Proximité', { exact: true }).inputValue(), '25');
  } finally {
    await page.closeAll();
  }
});
