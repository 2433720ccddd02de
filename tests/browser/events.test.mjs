// Events in a real browser, with the e-mails really sent: a visitor registers for a
// conference from the home page and cancels from the e-mailed link; a full event
// puts the next person on the waiting list and promotes them when a seat frees up;
// the national team's pages; a coordinator checks people in on a phone. Every page
// visited is checked by `visit`/`navigateBy`/`check`: no console error, no CSP
// violation, and no axe-core WCAG 2.1 A/AA violation.
//
// Shared demo data: these journeys sign in as admin@mentorat.example (the national
// team) and coordination.compiegne@mentorat.example, never as the accounts other
// files use; they register fresh addresses, and schedule the conference asked for
// by « Amiens Solidarités » (once per run: every run starts from a fresh database).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL, check, confirmStep, closeBrowser, launchBrowser, linkIn, navigateBy, newPage, openMenu, receivedMail, visit, waitForMail,
} from './lib.mjs';

const CHEAP_PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const NATIONAL_TEAM = 'admin@mentorat.example';
const COORDINATOR = 'coordination.compiegne@mentorat.example';
const DEMO_PASSWORD = 'mentorat-demo';
const CONFERENCE = 'À la recherche du mentorat perdu';

before(launchBrowser);
after(closeBrowser);

async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).textContent()).trim();
}

function path(page) {
  return new URL(page.url()).pathname;
}

let unique = 0;
/** An address nobody used before, in this run or another one. */
function freshAddress(name) {
  unique += 1;
  return `${name}.${Date.now()}.${unique}@exemple.fr`;
}

/** Signs in from /connexion; lands on « Mon compte ». */
async function signIn(page, email) {
  await visit(page, '/connexion');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click());
  assert.equal(path(page), '/compte', `signing in as ${email} should lead to the account page`);
}

// Sign-ins are rate limited per client address (and every test comes from
// 127.0.0.1): the national team signs in once, through the form, and the tests
// that need it reuse that session's cookies.
let nationalSession;
async function nationalTeamPage(viewport = DESKTOP) {
  if (!nationalSession) {
    const page = await newPage({ viewport });
    try {
      await signIn(page, NATIONAL_TEAM);
      nationalSession = await page.context().storageState();
    } finally {
      await page.closeAll();
    }
  }
  return newPage({ viewport, storageState: nationalSession });
}

/** The registration form of the event page shown. */
function registrationForm(page) {
  return page.locator('form', { has: page.getByRole('heading', { level: 2, name: "S'inscrire", exact: true }) });
}

/**
 * Fills the registration form of the event page shown and submits it with its one
 * button (« M'inscrire », or « M'inscrire sur la liste d'attente » when full).
 * Returns the heading of the answer.
 */
async function register(page, { firstName, lastName, email, phone = '', heardFrom, consent = false, button = "M'inscrire" }) {
  const form = registrationForm(page);
  assert.equal(await form.count(), 1, 'the event page has the form « S\'inscrire »');
  await form.getByLabel('Prénom', { exact: true }).fill(firstName);
  await form.getByLabel('Nom', { exact: true }).fill(lastName);
  await form.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await form.getByLabel('Téléphone', { exact: true }).fill(phone);
  if (heardFrom) await form.getByLabel('Comment avez-vous connu cet événement ?', { exact: true }).selectOption({ label: heardFrom });
  if (consent) await form.getByLabel("J'accepte d'être recontacté au sujet du mentorat après l'événement.", { exact: true }).check();
  await navigateBy(page, () => form.getByRole('button', { name: button, exact: true }).click());
  return h1(page);
}

/** Unfolds a calendar (RFC 5545 §3.1: a CRLF then one space or tab continues the line). */
function unfold(ics) {
  return ics.replace(/\r\n[ \t]/g, '');
}

/**
 * The calendar file attached to `mail` as evenement.ics, unfolded. It travels as
 * quoted-printable text, whose line ends are the message's own; the suite's maildir
 * (Python's mailbox module) stores messages with LF line ends, so the CRLF the
 * platform sent are put back before unfolding. (The HTTP feed, read as sent, is
 * held to CRLF as it is.)
 */
function calendarIn(mail) {
  const files = mail.attachments.filter((a) => a.filename === 'evenement.ics');
  assert.equal(files.length, 1, `« ${mail.subject} » should carry one evenement.ics; attachments: ${
    mail.attachments.map((a) => `${a.filename} (${a.contentType})`).join(', ') || 'none'}`);
  assert.equal(files[0].contentType, 'text/calendar');
  return unfold(files[0].content.toString('utf8').replace(/\r?\n/g, '\r\n'));
}

/** Checks the calendar is one event of `title` with a UTC start. */
function assertCalendar(ics, title) {
  const lines = ics.split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR', `the calendar file starts with BEGIN:VCALENDAR:\n${ics}`);
  assert.ok(lines.includes('BEGIN:VEVENT'), `the calendar file has a VEVENT:\n${ics}`);
  assert.ok(lines.some((l) => /^DTSTART:\d{8}T\d{6}Z$/.test(l)), `the event starts at a UTC time (DTSTART:…Z):\n${ics}`);
  assert.ok(lines.includes(`SUMMARY:${title}`), `the event is « ${title} » (SUMMARY):\n${ics}`);
  assert.ok(lines.includes('END:VCALENDAR'), `the calendar file ends with END:VCALENDAR:\n${ics}`);
}

/** Cancels from the link of a confirmation e-mail, on `page`; checks both pages. */
async function cancelFromMail(page, mail) {
  const link = linkIn(mail, '/inscriptions/annuler/');
  await visit(page, link.slice(BASE_URL.length));
  assert.equal(await h1(page), 'Annuler mon inscription');
  await navigateBy(page, () => page.getByRole('main').getByRole('button', { name: 'Annuler mon inscription', exact: true }).click());
  assert.equal(await h1(page), 'Inscription annulée');
}

/** yyyy-mm-dd of the local day `days` days from today (what an <input type=date> takes). */
function dayFromToday(days) {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const two = (n) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
}

test('a visitor finds the next conference in Compiègne from the home page, registers, gets the confirmation with a calendar file, and cancels from the link', async () => {
  const email = freshAddress('ines.durand');
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    await visit(page, '/');
    const upcoming = page.getByRole('region', { name: 'Prochains rendez-vous', exact: true });
    // The Compiègne circle has a conference and a circle meeting coming: the card
    // we want links both the circle and the conference.
    const cards = upcoming.getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Cercle des Mentors de Compiègne', exact: true }) })
      .filter({ has: page.getByRole('heading', { name: CONFERENCE, exact: true }) });
    assert.ok(await cards.count() >= 1, 'no card of a conference of the Compiègne circle in « Prochains rendez-vous »');
    await navigateBy(page, () => cards.first().getByRole('link', { name: CONFERENCE, exact: true }).click());
    assert.match(path(page), /^\/evenements\/[0-9a-f-]{36}$/);
    const eventPath = path(page);
    assert.equal(await h1(page), CONFERENCE);

    // « Quand », « Où » (in Compiègne) and the calendar file.
    const facts = await page.locator('dl.facts').evaluate((dl) => Object.fromEntries(
      [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]),
    ));
    assert.ok(facts['Quand'], `the event page says when: ${JSON.stringify(facts)}`);
    assert.match(facts['Où'] ?? '', /Compiègne/, `the event page says where: ${JSON.stringify(facts)}`);
    const calendarLink = page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)', exact: true });
    const feed = await page.request.get(await calendarLink.getAttribute('href'));
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type'] ?? '', /^text\/calendar/);
    assertCalendar(unfold(await feed.text()), CONFERENCE);

    // Register.
    const sent = receivedMail();
    const answer = await register(page, {
      firstName: 'Inès', lastName: 'Durand', email, phone: '06 12 34 56 78', heardFrom: 'Par une affiche', consent: true,
    });
    assert.equal(answer, 'Inscription confirmée');

    // The confirmation, with the calendar file and the cancellation link.
    const confirmation = await waitForMail({ to: email, subject: /^Inscription confirmée : /, after: sent });
    assert.equal(confirmation.subject, `Inscription confirmée : ${CONFERENCE}`);
    assert.match(confirmation.text, /Bonjour Inès,/);
    assertCalendar(calendarIn(confirmation), CONFERENCE);
    const cancelLink = linkIn(confirmation, '/inscriptions/annuler/');
    assert.ok(confirmation.html.includes(cancelLink), 'the HTML part carries the same cancellation link');
    assert.match(confirmation.html, />\s*Annuler mon inscription\s*</, 'the HTML part has the button « Annuler mon inscription »');

    // Cancel from the link; the acknowledgement follows.
    const beforeCancel = receivedMail();
    await cancelFromMail(page, confirmation);
    await waitForMail({ to: email, subject: `Inscription annulée : ${CONFERENCE}`, after: beforeCancel });

    // The event page still works, with its form, after the cancellation.
    await visit(page, eventPath);
    assert.equal(await registrationForm(page).count(), 1);
  } finally {
    await page.closeAll();
  }
});

test("an event page's registration form is a region named by its heading « S'inscrire »", async () => {
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    await visit(page, '/');
    const upcoming = page.getByRole('region', { name: 'Prochains rendez-vous', exact: true });
    await navigateBy(page, () => upcoming.getByRole('heading', { level: 3 }).getByRole('link').first().click());
    // The section points at its heading with aria-labelledby: the id must exist, or
    // the section has no name and is no landmark (axe only lists this as "needs review").
    const labelledBy = await registrationForm(page).evaluate((form) => form.closest('section')?.getAttribute('aria-labelledby'));
    const missing = await page.evaluate((ids) => (ids ?? '').split(/\s+/).filter((id) => id && !document.getElementById(id)), labelledBy);
    assert.deepEqual(missing, [], `the registration section has aria-labelledby="${labelledBy}", an id no element has`);
    assert.equal(await page.getByRole('region', { name: "S'inscrire", exact: true }).count(), 1,
      "the registration form is in a region named « S'inscrire »");
  } finally {
    await page.closeAll();
  }
});

test('with two seats, the third registration is waitlisted and promoted when someone cancels', async () => {
  // The national team schedules the conference Amiens Solidarités asked for.
  const team = await nationalTeamPage();
  let eventPath;
  try {
    await visit(team, '/admin/demandes');
    await navigateBy(team, () => team.getByRole('main').getByRole('link', { name: 'Amiens Solidarités', exact: true }).click());
    assert.match(path(team), /^\/admin\/demandes\/[^/]+$/);
    assert.equal(await h1(team), 'Amiens Solidarités');
    const form = team.locator('form', { has: team.getByRole('heading', { name: 'Planifier la conférence', exact: true }) });
    assert.equal(await form.count(), 1, 'the request page has the form « Planifier la conférence »');
    const date = form.getByLabel('Date', { exact: true });
    assert.equal(await date.getAttribute('type'), 'date');
    const start = form.getByLabel('Heure de début', { exact: true });
    assert.equal(await start.getAttribute('type'), 'time');
    assert.equal(await start.inputValue(), '19:00', 'the conference starts at 19:00 unless told');
    await date.fill(dayFromToday(30));
    await form.getByLabel('Lieu', { exact: true }).fill('Salle Jules Verne');
    await form.getByLabel('Adresse', { exact: true }).fill('12 rue de la République');
    await form.getByLabel('Nombre de places', { exact: true }).fill('2');
    await navigateBy(team, () => form.getByRole('button', { name: 'Planifier la conférence', exact: true }).click());
    assert.match(path(team), /^\/evenements\/[0-9a-f-]{36}$/, `scheduling should lead to the new event page, not ${team.url()}`);
    eventPath = path(team);
    assert.equal(await h1(team), CONFERENCE);
    assert.match(await team.locator('dl.facts').textContent(), /Salle Jules Verne/);
  } finally {
    await team.closeAll();
  }

  // Three people register, from a browser without a session.
  const people = [
    { firstName: 'Alice', lastName: 'Martin', email: freshAddress('alice.martin') },
    { firstName: 'Bastien', lastName: 'Roux', email: freshAddress('bastien.roux') },
    { firstName: 'Chloé', lastName: 'Petit', email: freshAddress('chloe.petit') },
  ];
  const visitor = await newPage({ viewport: CHEAP_PHONE });
  let firstConfirmation;
  try {
    for (const [index, person] of people.slice(0, 2).entries()) {
      await visit(visitor, eventPath);
      const sent = receivedMail();
      assert.equal(await register(visitor, person), 'Inscription confirmée', `person ${index + 1} should get a seat`);
      const mail = await waitForMail({ to: person.email, subject: `Inscription confirmée : ${CONFERENCE}`, after: sent });
      calendarIn(mail);
      if (index === 0) firstConfirmation = mail;
    }

    // Full: the page says so, and the button says what it does.
    await visit(visitor, eventPath);
    const full = "Complet : inscrivez-vous sur la liste d'attente, vous serez prévenu si une place se libère.";
    assert.equal(await visitor.getByText(full, { exact: true }).count(), 1, `the full event page should say « ${full} »`);
    const third = people[2];
    const sent = receivedMail();
    assert.equal(await register(visitor, { ...third, button: "M'inscrire sur la liste d'attente" }),
      "Vous êtes sur la liste d'attente");
    await waitForMail({ to: third.email, subject: `Liste d'attente : ${CONFERENCE}`, after: sent });

    // Still full afterwards.
    await visit(visitor, eventPath);
    assert.equal(await visitor.getByText(full, { exact: true }).count(), 1, 'the event page still says it is full');
    assert.equal(await registrationForm(visitor).getByRole('button', { name: "M'inscrire sur la liste d'attente", exact: true }).count(), 1);

    // The first person cancels; the third gets the seat, with the calendar file.
    const beforeCancel = receivedMail();
    await cancelFromMail(visitor, firstConfirmation);
    await waitForMail({ to: people[0].email, subject: `Inscription annulée : ${CONFERENCE}`, after: beforeCancel });
    const promotion = await waitForMail({ to: third.email, subject: `Une place s'est libérée : ${CONFERENCE}`, after: beforeCancel });
    assertCalendar(calendarIn(promotion), CONFERENCE);
    linkIn(promotion, '/inscriptions/annuler/');
  } finally {
    await visitor.closeAll();
  }

  // The organisers' list.
  const list = await nationalTeamPage();
  try {
    await visit(list, `${eventPath}/inscriptions`);
    const summary = (await list.getByRole('main').getByRole('status').filter({ hasText: / inscrites?, / }).textContent()).trim();
    assert.match(summary, /^2 personnes inscrites, 0 en liste d'attente\b/, `the summary line: « ${summary} »`);
    const rows = list.locator('ul.checkin > li');
    const names = (await rows.allTextContents()).join('\n');
    assert.ok(names.includes('Bastien Roux') && names.includes('Chloé Petit'), `the list names the two people with a seat:\n${names}`);
  } finally {
    await list.closeAll();
  }

  // The national team cancels the conference with JavaScript off: a page first says
  // what will happen, and the event is cancelled once confirmed there.
  const noScript = await newPage({ viewport: DESKTOP, storageState: nationalSession, javaScriptEnabled: false });
  try {
    await visit(noScript, eventPath);
    await navigateBy(noScript, () => noScript.getByRole('button', { name: "Annuler l'événement", exact: true }).click());
    const question = await confirmStep(noScript);
    assert.match(question, /^Annuler cet événement \? Les personnes inscrites seront prévenues/);
    assert.equal(path(noScript), eventPath, 'confirmed, back to the event page');
    assert.equal(await noScript.getByText('Cet événement est annulé.', { exact: true }).count(), 1,
      'the event page says it is cancelled');
  } finally {
    await noScript.closeAll();
  }
});

test("the national team's dashboard, with its chart and map, passes axe", async (t) => {
  await t.test('on a desktop, with the other national pages and the home page', async () => {
    const page = await nationalTeamPage(DESKTOP);
    try {
      await visit(page, '/admin/tableau-de-bord');
      assert.equal(await h1(page), 'Tableau de bord du réseau');
      assert.match(await page.getByRole('main').textContent(), /Mentors approuvés : [\d\s\u202f\u00a0]+ sur un objectif de 10[\s\u202f\u00a0]000/);
      const chart = page.locator('svg[role="img"]');
      assert.equal(await chart.count(), 1, 'the dashboard has one chart (svg role=img)');
      const described = await chart.evaluate((svg) => {
        const own = (name) => [...svg.children].find((c) => c.localName === name);
        return {
          title: own('title')?.textContent.trim(), desc: own('desc')?.textContent.trim(),
          ids: (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean),
          found: (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).every((id) => document.getElementById(id)),
        };
      });
      assert.ok(described.title, 'the chart has a <title>');
      assert.ok(described.desc, 'the chart has a <desc>');
      assert.ok(described.ids.length === 2 && described.found, `the chart is labelled by its title and desc: ${JSON.stringify(described)}`);
      // The same figures in the table that follows the chart: one row per month.
      const table = page.locator('figure.chart + .table-wrap table, figure.chart + table').first();
      assert.equal(await table.locator('tbody tr').count(), 12, 'the table under the chart has twelve months');
      const bars = await chart.locator('rect title').allTextContents();
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
      assert.deepEqual(bars.map((bar) => bar.trim()), rows.map(([month, value]) => `${month} : ${value}`),
        'every bar of the chart is a row of the table');

      for (const where of ['/admin/journal', '/admin/courriels', '/admin/messages', '/admin/demandes', '/organisation', '/compte']) {
        await visit(page, where);
        assert.ok((await h1(page)).length > 0, `${where} has a non-empty h1`);
      }

      // The home page, with the map and the numbered list of circles.
      await visit(page, '/');
      const map = page.locator('figure.map img[src="/map.svg"]');
      assert.equal(await map.count(), 1, 'the home page shows the map');
      assert.ok((await map.getAttribute('alt'))?.trim(), 'the map has a text alternative');
      assert.ok(await page.locator('ol.cards.numbered > li').count() >= 10, 'the circles are listed, numbered');
    } finally {
      await page.closeAll();
    }
  });

  await t.test('on a 390×844 phone, without overflowing the screen', async () => {
    const phone = await nationalTeamPage(CHEAP_PHONE);
    try {
      // `visit`, in two steps: the width is measured before axe runs.
      const response = await phone.goto(`${BASE_URL}/admin/tableau-de-bord`, { waitUntil: 'load' });
      assert.equal(response.status(), 200);
      const widths = await phone.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: innerWidth }));
      assert.ok(widths.page <= widths.screen + 1, `the dashboard overflows a 390 px screen: ${JSON.stringify(widths)}`);
      await check(phone);
    } finally {
      await phone.closeAll();
    }
  });
});

test('a coordinator checks people in on a phone', async () => {
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    await signIn(page, COORDINATOR);
    await openMenu(page);
    await navigateBy(page, () => page.getByRole('banner').getByRole('link', { name: 'Mes événements', exact: true }).click());
    assert.equal(path(page), '/organisation');
    assert.equal(await h1(page), 'Mes événements');

    // The conference of January 2016 in Compiègne, whose registrations are in the demo,
    // among the past events.
    await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: 'Passés', exact: true }).click());
    assert.equal(path(page), '/organisation');
    await check(page);
    const past = page.getByRole('main').getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: CONFERENCE, exact: true }) })
      .filter({ hasText: /2016/ });
    assert.equal(await past.count(), 1, '« Mes événements » lists the 2016 conference once');
    await navigateBy(page, () => past.getByRole('link', { name: CONFERENCE, exact: true }).click());
    assert.match(path(page), /^\/evenements\/[0-9a-f-]{36}\/inscriptions$/);
    const eventPath = path(page).replace(/\/inscriptions$/, '');
    assert.equal(await h1(page), `Inscriptions : ${CONFERENCE}`);

    const people = page.locator('ul.checkin > li');
    assert.ok(await people.count() > 0, 'the demo conference of 2016 has registrations');
    // The demo marks everyone who came as present: take someone back off the list
    // first if need be, so that there is a « Pointer » button to press.
    let present = people.filter({ has: page.getByRole('button', { name: /^Pointer\b/ }) });
    if (await present.count() === 0) {
      const someone = people.filter({ has: page.getByRole('button', { name: /^Retirer la présence\b/ }) }).first();
      const id = await someone.getAttribute('id');
      await navigateBy(page, () => someone.getByRole('button', { name: /^Retirer la présence\b/ }).click());
      assert.equal(await page.locator(`[id="${id}"] .present`).count(), 0, 'the person is no longer marked present');
      present = people.filter({ has: page.getByRole('button', { name: /^Pointer\b/ }) });
    }
    const person = present.first();
    const id = await person.getAttribute('id');
    const name = (await person.locator('strong').first().textContent()).trim();
    const button = person.getByRole('button', { name: `Pointer ${name}`, exact: true });
    const box = await button.boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 44, `the « Pointer » button is too small to tap: ${JSON.stringify(box)}`);
    await navigateBy(page, () => button.click());
    assert.equal(path(page), `${eventPath}/inscriptions`, 'the list comes back');
    const marked = page.locator(`[id="${id}"]`);
    assert.equal((await marked.locator('.present').textContent()).trim(), 'Présence notée', `${name} is marked « Présence notée »`);
    assert.equal(await marked.getByRole('button', { name: `Retirer la présence ${name}`, exact: true }).count(), 1);

    // The sign-in sheet to print, from its link.
    await navigateBy(page, () => page.getByRole('link', { name: "Feuille d'émargement à imprimer", exact: true }).click());
    assert.equal(path(page), `${eventPath}/feuille`);
    assert.equal(await h1(page), "Feuille d'émargement");
    const sheet = (await page.locator('table tbody').textContent()).toLocaleLowerCase('fr');
    for (const part of name.toLocaleLowerCase('fr').split(/\s+/)) {
      assert.ok(sheet.includes(part), `the sheet lists ${name}`);
    }
  } finally {
    await page.closeAll();
  }
});
