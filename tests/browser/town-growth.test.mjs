// The growth engine, in French, on a phone, as people live it: an association asks for
// the conference in a town without a circle (Creil) from its space; the national team
// schedules it (Creil's circle appears, planned); a second association of the town becomes
// a relay and shares its own link; visitors register through both links; attendance is
// recorded and invitations sent; an attendee applies through the filled-in form; the
// coordinator named afterwards approves them; the circle's launch shows each step with its
// date and the registration list shows what each association brought. Every page passes
// `check` (console, CSP, axe); the e-mails are read from the suite's SMTP server.
// Runs after the other files (it adds a circle to the shared demo data).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL, check, closeBrowser, launchBrowser, linkIn, navigateBy, newPage, receivedMail, visit, waitForMail,
} from './lib.mjs';

const PHONE = { width: 390, height: 844 };
const DEMO_PASSWORD = 'mentorat-demo';
const HOST = 'Maison des associations de Compiègne';
const HOST_MAIL = 'contact@maison-des-associations-compiegne.example';
const stamp = Date.now();
const RELAY = `Amicale de Creil ${stamp}`;
const PASSWORD = 'sept hérons gris sur la digue du port';
const attendee = { firstName: 'Inès', lastName: 'Marchand', email: `ines.${stamp}@exemple.fr` };
const walkIn = { firstName: 'Hugo', lastName: 'Petit', email: `hugo.${stamp}@exemple.fr` };
const coordinator = { firstName: 'Camille', lastName: 'Roux', email: `camille.${stamp}@exemple.fr` };
const pages = {};
const state = {};

before(launchBrowser);
after(async () => {
  for (const page of Object.values(pages)) await page.closeAll().catch(() => {});
  await closeBrowser();
});

function path(page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).textContent()).trim();
}

async function mainText(page) {
  return (await page.getByRole('main').innerText()).replace(/[\u2068\u2069]/g, '');
}

function inDays(n) {
  const d = new Date(Date.now() + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

async function signIn(page, email, password) {
  await visit(page, '/connexion');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click());
}

async function national() {
  if (!pages.national) {
    pages.national = await newPage({ viewport: PHONE });
    await signIn(pages.national, 'admin@mentorat.example', DEMO_PASSWORD);
  }
  return pages.national;
}

/** Sends the form « Accueillir une conférence » as it stands, with the town typed. */
async function sendHostingForm(page, town) {
  const field = page.getByRole('combobox', { name: 'Commune', exact: true });
  await field.fill(town);
  await field.press('Escape').catch(() => {});
  await navigateBy(page, () => page.getByRole('button', { name: 'Envoyer la demande', exact: true }).click());
  assert.equal(await h1(page), 'Demande envoyée', await mainText(page));
}

/** The national team schedules the request of `association` in 30 days; the event's path. */
async function schedule(association, venue) {
  const page = await national();
  await visit(page, '/admin/demandes');
  await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: association, exact: true }).first().click());
  await page.getByLabel('Date', { exact: true }).fill(inDays(30));
  await page.getByLabel('Heure de début', { exact: true }).fill('19:00');
  await page.getByLabel('Lieu', { exact: true }).fill(venue);
  await page.getByLabel('Nombre de places', { exact: true }).fill('60');
  await navigateBy(page, () => page.getByRole('button', { name: 'Planifier la conférence', exact: true }).click());
  assert.match(path(page), /^\/evenements\/[0-9a-f-]{36}$/);
  return path(page);
}

test('1. an association asks for a conference in Creil from its space', async () => {
  const page = pages.partner = await newPage({ viewport: PHONE });
  await signIn(page, 'partenaire@mentorat.example', DEMO_PASSWORD);
  await visit(page, '/organisation');
  await navigateBy(page, () => page.getByRole('link', { name: 'Demander une conférence', exact: true }).first().click());
  assert.equal(await page.getByLabel('Association', { exact: true }).inputValue(), HOST, 'filled in');
  await sendHostingForm(page, 'Creil');
  await visit(page, '/organisation');
  assert.match(await mainText(page), /Demande du .* — Nouvelle/);
});

test('2. the national team schedules it: Creil gets its circle, the host hears', async () => {
  const sent = receivedMail();
  state.event = await schedule(HOST, 'Salle Georges Brassens');
  const page = await national();
  const text = await mainText(page);
  assert.match(text, /Accueilli par Maison des associations de Compiègne/);
  assert.equal(await page.getByRole('link', { name: 'Cercle des Mentors de Creil', exact: true }).count(), 1,
    'the conference belongs to the new circle');
  await waitForMail({ to: HOST_MAIL, subject: /^Votre conférence est planifiée/, after: sent });
  await visit(page, '/admin/cercles/creil');
  assert.match(await mainText(page), /En projet/);
});

test('3. a second association of Creil becomes a relay and gets its own link', async () => {
  // It asks too (without an account); its request scheduled, it is one of Creil's partners.
  const visitor = await newPage({ viewport: PHONE });
  try {
    await visit(visitor, '/accueillir-une-conference');
    await visitor.getByLabel('Association', { exact: true }).fill(RELAY);
    await visitor.getByLabel('Votre nom', { exact: true }).fill('Paul Martin');
    await visitor.getByLabel('Adresse e-mail', { exact: true }).fill(`amicale.${stamp}@exemple.fr`);
    await sendHostingForm(visitor, 'Creil');
  } finally {
    await visitor.closeAll();
  }
  await schedule(RELAY, 'Maison de quartier');
  const page = await national();
  await visit(page, `${state.event}/inscriptions`);
  await page.getByLabel('Association', { exact: true }).selectOption({ label: RELAY });
  await navigateBy(page, () => page.getByRole('button', { name: 'Ajouter comme relais', exact: true }).click());
  const links = page.locator('#relais a[href*="?par="]');
  assert.equal(await links.count(), 2, 'the host and the relay each have a link');
  const cards = page.locator('#relais li');
  state.hostLink = await cards.filter({ hasText: '(accueil)' }).locator('a').getAttribute('href');
  state.relayLink = await cards.filter({ hasText: '(relais)' }).locator('a').getAttribute('href');
  assert.ok(state.hostLink && state.relayLink && state.hostLink !== state.relayLink);
});

test('4. visitors register through both links; they come; invitations go', async () => {
  for (const [person, link] of [[attendee, state.hostLink], [walkIn, state.relayLink]]) {
    const page = await newPage({ viewport: PHONE });
    try {
      await visit(page, link.slice(BASE_URL.length));
      await page.getByLabel('Prénom', { exact: true }).fill(person.firstName);
      await page.getByLabel('Nom', { exact: true }).fill(person.lastName);
      await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
      await page.getByLabel(/^J'accepte d'être recontacté/).check();
      await navigateBy(page, () => page.getByRole('button', { name: "M'inscrire", exact: true }).click());
      assert.match(await mainText(page), /Inscription confirmée/);
    } finally {
      await page.closeAll();
    }
  }
  const page = await national();
  await visit(page, `${state.event}/inscriptions`);
  for (const person of [attendee, walkIn]) {
    const name = `${person.firstName} ${person.lastName}`;
    await navigateBy(page, () => page.getByRole('button', { name: `Pointer ${name}`, exact: true }).click());
  }
  const sent = receivedMail();
  await navigateBy(page, () => page.getByRole('button', { name: 'Envoyer les invitations', exact: true }).click());
  assert.match(await mainText(page), /2 invitations envoyées/);
  state.invitation = await waitForMail({ to: attendee.email, subject: /^Devenir mentor après/, after: sent });
});

test('5. an attendee applies through the filled-in form', async () => {
  const link = linkIn(state.invitation, '/devenir-mentor/invitation/').slice(BASE_URL.length);
  assert.ok(!link.includes('exemple.fr') && !link.includes(attendee.firstName), 'the link names no one');
  const page = pages.attendee = await newPage({ viewport: PHONE });
  await visit(page, link);
  assert.equal(await page.getByLabel('Prénom', { exact: true }).inputValue(), attendee.firstName);
  assert.equal(await page.getByLabel('Adresse e-mail', { exact: true }).inputValue(), attendee.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(PASSWORD);
  const sent = receivedMail();
  await navigateBy(page, () => page.getByRole('button', { name: 'Créer mon compte', exact: true }).click());
  const mail = await waitForMail({ to: attendee.email, subject: 'Confirmez votre adresse e-mail', after: sent });
  await visit(page, linkIn(mail, '/compte/verifier/').slice(BASE_URL.length));
  await navigateBy(page, () => page.getByRole('button', { name: 'Confirmer mon adresse', exact: true }).click());
  await signIn(page, attendee.email, PASSWORD);
  await visit(page, link);
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Ma candidature de mentor', exact: true }) });
  assert.match(await page.getByRole('combobox', { name: 'Commune', exact: true }).inputValue(), /Creil/, 'the conference\'s town');
  const pair = form.getByRole('group', { name: "Domaine d'expérience 1", exact: true });
  await pair.getByLabel('Domaine', { exact: true }).selectOption({ label: "Création d'entreprise" });
  await pair.getByLabel("Années d'expérience dans ce domaine", { exact: true }).fill('15');
  await form.getByLabel('Quelques mots sur vous', { exact: true }).fill('Quinze ans de commerce à Creil.');
  await form.getByLabel('Combien de porteurs à la fois (1 à 5) ?', { exact: true }).fill('2');
  await form.getByLabel(/^J'ai lu et j'accepte la charte du mentor/).check();
  await navigateBy(page, () => form.getByRole('button', { name: 'Envoyer ma candidature', exact: true }).click());
  assert.equal(await h1(page), 'Candidature envoyée', await mainText(page));
});

test('6. the coordinator named afterwards sees the attendee and approves them', async () => {
  const page = pages.coordinator = await newPage({ viewport: PHONE });
  await visit(page, '/inscription');
  let sent = receivedMail();
  await page.getByLabel('Prénom', { exact: true }).fill(coordinator.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(coordinator.lastName);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(coordinator.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(PASSWORD);
  await navigateBy(page, () => page.getByRole('button', { name: 'Créer mon compte', exact: true }).click());
  const mail = await waitForMail({ to: coordinator.email, subject: 'Confirmez votre adresse e-mail', after: sent });
  await visit(page, linkIn(mail, '/compte/verifier/').slice(BASE_URL.length));
  await navigateBy(page, () => page.getByRole('button', { name: 'Confirmer mon adresse', exact: true }).click());

  const admin = await national();
  await visit(admin, '/admin/cercles/creil');
  const naming = admin.locator('form', { has: admin.getByRole('heading', { name: 'Nommer une personne à la coordination', exact: true }) });
  await naming.getByLabel('Adresse e-mail', { exact: true }).fill(coordinator.email);
  await navigateBy(admin, () => naming.getByRole('button', { name: 'Nommer', exact: true }).click());

  await signIn(page, coordinator.email, PASSWORD);
  await visit(page, '/evenements' + state.event.slice('/evenements'.length) + '/inscriptions');
  assert.match(await mainText(page), new RegExp(`${attendee.firstName} ${attendee.lastName}`), 'the attendees, for the new coordinator');
  await visit(page, '/coordination');
  const fullName = `${attendee.firstName} ${attendee.lastName}`;
  await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: fullName, exact: true }).first().click());
  let form = page.locator('form', { has: page.getByRole('heading', { name: 'Étape suivante', exact: true }) });
  await form.getByLabel('Étape suivante', { exact: true }).selectOption({ label: 'Entretien prévu' });
  await form.getByLabel("Date de l'entretien", { exact: true }).fill(today());
  await navigateBy(page, () => form.getByRole('button', { name: "Enregistrer l'étape", exact: true }).click());
  sent = receivedMail();
  form = page.locator('form', { has: page.getByRole('heading', { name: 'Étape suivante', exact: true }) });
  await form.getByLabel('Étape suivante', { exact: true }).selectOption({ label: 'Acceptée' });
  await form.getByLabel("Vérification des antécédents faite (aucun document n'est conservé)", { exact: true }).check();
  await navigateBy(page, () => form.getByRole('button', { name: "Enregistrer l'étape", exact: true }).click());
  await waitForMail({ to: attendee.email, subject: 'Bienvenue parmi les mentors !', after: sent });
});

test('7. the launch shows each step with its date; each link, what it brought', async () => {
  const page = await national();
  await visit(page, '/admin/cercles/creil');
  const text = await mainText(page);
  for (const step of [
    "Association d'accueil trouvée", 'Conférence planifiée', 'Premières inscriptions', 'Présences notées',
    'Invitations envoyées', 'Premières candidatures de mentors', 'Premiers mentors acceptés', 'Coordination nommée',
  ]) {
    assert.match(text, new RegExp(`${step} — \\d{1,2} \\S+ \\d{4}`), `${step} is ticked with its date`);
  }
  assert.match(text, /Première édition tenue — pas encore/);
  await visit(page, `${state.event}/inscriptions`);
  const cards = page.locator('#relais li');
  const host = (await cards.filter({ hasText: '(accueil)' }).innerText()).replace(/\s+/g, ' ');
  const relay = (await cards.filter({ hasText: '(relais)' }).innerText()).replace(/\s+/g, ' ');
  assert.match(host, /Une inscription par ce lien, dont une présence notée\. Une candidature de mentor en est venue\./);
  assert.match(relay, /Une inscription par ce lien, dont une présence notée\.$/);
  await check(page);
});
