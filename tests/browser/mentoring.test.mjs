// The mentoring journey in a real browser, on a phone, with the e-mails really sent:
// a fresh mentor applies and is approved by the Compiègne coordination, a fresh
// porteur's project is validated, the porteur asks that mentor from the directory,
// the mentor reads the project and why they were suggested (in the e-mail and on the
// request's page) and accepts, both see each other's address, the mentor logs a
// meeting; the pair exchange messages (the e-mails that say so carry no words of
// them), the porteur reports one and the coordinator reads that one only; a month
// passes (`mentorat sweep --at`) and both answer the check-in from its e-mail in two
// clicks; the coordinator sees the pair's trend; the porteur closes the relation and
// gives feedback, and the coordinator sees the meeting but neither the private notes
// nor the addresses. Every page visited is
// checked by `visit`/`navigateBy`/`check`: no console error, no CSP violation, and
// no axe-core WCAG 2.1 A/AA violation.
//
// The steps are separate tests that share three sessions (mentor, porteur,
// coordinator): each person signs in once (three sign-ins in this file; sign-ins are
// rate limited per client address). A failed step makes the following ones fail too.
//
// Shared demo data: signs in as coordination.compiegne@mentorat.example (which
// events.test.mjs also uses, without changing its password) and signs up two fresh
// addresses; no other demo account is touched.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL, closeBrowser, confirmStep, launchBrowser, linkIn, navigateBy, newPage, receivedMail, sweepAt, visit,
  waitForMail,
} from './lib.mjs';

const CHEAP_PHONE = { width: 390, height: 844 };
const COORDINATOR = 'coordination.compiegne@mentorat.example';
const DEMO_PASSWORD = 'mentorat-demo';
const DOMAIN = "Création d'entreprise";

const stamp = Date.now();
const mentor = {
  firstName: 'Gaspard', lastName: `Valmont${stamp.toString(36).replace(/\d/g, '')}`,
  email: `mentor.${stamp}@exemple.fr`, password: 'la grange bleue du vieux moulin',
};
const porteur = {
  firstName: 'Noémie', lastName: 'Carpentier',
  email: `porteur.${stamp}@exemple.fr`, password: 'un héron gris pêche sous le pont',
};
const PROJECT = `Atelier de réparation de vélos ${stamp}`;
const MARKER = `note-privee-${stamp}`;
const mentorShort = `${mentor.firstName} ${mentor.lastName[0]}.`;

// The sessions, kept open from one step to the next.
const pages = {};
let mentorshipPath;
let requestMail;

before(launchBrowser);
after(async () => {
  for (const page of Object.values(pages)) await page.closeAll().catch(() => {});
  await closeBrowser();
});

/** Text without the Unicode isolation marks Fluent puts around its variables. */
function plain(text) {
  return (text ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

async function h1(page) {
  return plain(await page.getByRole('heading', { level: 1 }).textContent());
}

async function mainText(page) {
  return plain(await page.getByRole('main').innerText());
}

function path(page) {
  return new URL(page.url()).pathname;
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Signs in from /connexion; lands on « Mon compte ». */
async function signIn(page, email, password) {
  await visit(page, '/connexion');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click());
  assert.equal(path(page), '/compte', `signing in as ${email} should lead to the account page`);
}

/** Signs up, confirms the address from the e-mailed link, signs in. */
async function signUpAndIn(page, person) {
  await visit(page, '/inscription');
  const sent = receivedMail();
  await page.getByLabel('Prénom', { exact: true }).fill(person.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(person.lastName);
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(person.password);
  await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(person.password);
  await navigateBy(page, () => page.getByRole('button', { name: 'Créer mon compte', exact: true }).click());
  assert.equal(await h1(page), 'Vérifiez votre messagerie');
  const mail = await waitForMail({ to: person.email, subject: 'Confirmez votre adresse e-mail', after: sent });
  await visit(page, linkIn(mail, '/compte/verifier/').slice(BASE_URL.length));
  await navigateBy(page, () => page.getByRole('button', { name: 'Confirmer mon adresse', exact: true }).click());
  assert.equal(await h1(page), 'Adresse confirmée');
  await signIn(page, person.email, person.password);
}

/** Fills the commune field; closes the autocomplete's list if it popped up. */
async function fillCommune(page, name) {
  // The picker makes the field a combobox and adds a listbox also named « Commune ».
  const field = page.getByRole('combobox', { name: 'Commune', exact: true });
  await field.fill(name);
  await field.press('Escape').catch(() => {});
}

function banner(page) {
  return page.getByRole('banner');
}

async function coordinatorPage() {
  if (!pages.coordinator) {
    pages.coordinator = await newPage({ viewport: CHEAP_PHONE });
    await signIn(pages.coordinator, COORDINATOR, DEMO_PASSWORD);
  }
  return pages.coordinator;
}

test('1. a mentor signs up, confirms the address and applies from the home page', async () => {
  const page = pages.mentor = await newPage({ viewport: CHEAP_PHONE });
  await signUpAndIn(page, mentor);

  await visit(page, '/');
  await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: 'Devenir mentor', exact: true }).first().click());
  assert.equal(path(page), '/devenir-mentor');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Ma candidature de mentor', exact: true }) });
  assert.equal(await form.count(), 1, 'the page has the form « Ma candidature de mentor »');

  for (const n of [1, 2, 3]) {
    const pair = form.getByRole('group', { name: `Domaine d'expérience ${n}`, exact: true });
    assert.equal(await pair.count(), 1, `the fieldset « Domaine d'expérience ${n} »`);
    if (n === 1) {
      await pair.getByLabel('Domaine', { exact: true }).selectOption({ label: DOMAIN });
      await pair.getByLabel('Années d\'expérience dans ce domaine', { exact: true }).fill('12');
    }
  }
  await form.getByLabel('Quelques mots sur vous', { exact: true })
    .fill("Vingt ans de création d'entreprises artisanales dans l'Oise ; j'aime aider à poser les chiffres.");
  await fillCommune(page, 'Compiègne');
  assert.ok(await form.getByLabel('Français', { exact: true }).isChecked(), '« Français » is pre-checked');
  await form.getByLabel("Jusqu'où pouvez-vous vous déplacer (km) ?", { exact: true }).fill('30');
  await form.getByLabel('Je peux aussi accompagner à distance.', { exact: true }).check();
  await form.getByLabel('Combien de porteurs à la fois (1 à 5) ?', { exact: true }).fill('2');
  await form.getByLabel('Vos disponibilités', { exact: true }).fill('Le mardi soir, un samedi sur deux.');
  await form.getByLabel(/^J'ai lu et j'accepte la charte du mentor/).check();

  const sent = receivedMail();
  await navigateBy(page, () => form.getByRole('button', { name: 'Envoyer ma candidature', exact: true }).click());
  assert.equal(await h1(page), 'Candidature envoyée', `the answer: ${await mainText(page)}`);
  await waitForMail({ to: mentor.email, subject: 'Votre candidature de mentor est bien reçue', after: sent });
});

test('2. the Compiègne coordinator plans an interview, then approves the mentor', async () => {
  const page = await coordinatorPage();
  // The header has no « Coordination » link (checked by the last test): go by address.
  await visit(page, '/coordination');
  assert.equal(await h1(page), 'Coordination');

  const fullName = `${mentor.firstName} ${mentor.lastName}`;
  const applications = page.getByRole('main').locator('h2:text-is("Candidatures de mentors à étudier") + ul');
  assert.equal(await applications.count(), 1, 'the section « Candidatures de mentors à étudier » lists applications');
  const link = applications.getByRole('link', { name: fullName, exact: true });
  assert.equal(await link.count(), 1, `« Candidatures de mentors à étudier » lists ${fullName}`);
  await navigateBy(page, () => link.click());
  assert.match(path(page), /^\/coordination\/mentors\/[^/]+$/);
  const vettingPath = path(page);

  // Interview planned.
  let sent = receivedMail();
  let form = page.locator('form', { has: page.getByRole('heading', { name: 'Étape suivante', exact: true }) });
  await form.getByLabel('Étape suivante', { exact: true }).selectOption({ label: 'Entretien prévu' });
  const interview = form.getByLabel("Date de l'entretien", { exact: true });
  assert.equal(await interview.getAttribute('type'), 'date');
  await interview.fill(today());
  await navigateBy(page, () => form.getByRole('button', { name: "Enregistrer l'étape", exact: true }).click());
  assert.equal(path(page), vettingPath);
  assert.equal(plain(await page.locator('main .status').first().textContent()), 'Entretien prévu');
  await waitForMail({ to: mentor.email, subject: 'Un entretien pour votre candidature de mentor', after: sent });

  // Approved, the background check done.
  sent = receivedMail();
  form = page.locator('form', { has: page.getByRole('heading', { name: 'Étape suivante', exact: true }) });
  await form.getByLabel('Étape suivante', { exact: true }).selectOption({ label: 'Acceptée' });
  await form.getByLabel("Vérification des antécédents faite (aucun document n'est conservé)", { exact: true }).check();
  await navigateBy(page, () => form.getByRole('button', { name: "Enregistrer l'étape", exact: true }).click());
  assert.equal(path(page), vettingPath);
  assert.equal(plain(await page.locator('main .status').first().textContent()), 'Acceptée');
  await waitForMail({ to: mentor.email, subject: 'Bienvenue parmi les mentors !', after: sent });
});

test('3. a porteur signs up and presents a project from the home page', async () => {
  const page = pages.porteur = await newPage({ viewport: CHEAP_PHONE });
  await signUpAndIn(page, porteur);

  await visit(page, '/');
  await navigateBy(page, () => page.getByRole('main')
    .getByRole('link', { name: 'Trouver un mentor pour mon projet', exact: true }).first().click());
  assert.equal(path(page), '/trouver-un-mentor');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Présenter mon projet', exact: true }) });
  assert.equal(await form.count(), 1, 'the page has the form « Présenter mon projet »');
  await form.getByLabel('Titre du projet', { exact: true }).fill(PROJECT);
  await form.getByLabel('Votre projet', { exact: true })
    .fill('Un atelier associatif où chacun apprend à réparer son vélo, avec des pièces de récupération.');
  await form.getByLabel('Domaine du projet', { exact: true }).selectOption({ label: DOMAIN });
  await form.getByLabel('Où en est le projet ?', { exact: true }).selectOption({ label: 'Je le prépare' });
  await form.getByLabel("L'aide que vous cherchez", { exact: true }).fill('Construire le budget et trouver un local.');
  await fillCommune(page, 'Margny-lès-Compiègne');
  await form.getByLabel('Année de naissance', { exact: true }).fill('1990');
  await navigateBy(page, () => form.getByRole('button', { name: 'Envoyer mon projet', exact: true }).click());
  assert.equal(await h1(page), 'Projet envoyé', `the answer: ${await mainText(page)}`);
});

test('4. the coordinator validates the project', async () => {
  const page = await coordinatorPage();
  await visit(page, '/coordination');
  const projects = page.getByRole('main').locator('h2:text-is("Projets à valider") + ul');
  assert.equal(await projects.count(), 1, 'the section « Projets à valider » lists projects');
  const link = projects.getByRole('link', { name: PROJECT, exact: true });
  assert.equal(await link.count(), 1, `« Projets à valider » lists « ${PROJECT} »`);
  await navigateBy(page, () => link.click());
  assert.match(path(page), /^\/coordination\/projets\/[^/]+$/);

  const sent = receivedMail();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Décision', exact: true }) });
  await form.getByLabel('Décision', { exact: true }).selectOption({ label: 'Valider le projet' });
  await navigateBy(page, () => form.getByRole('button', { name: 'Enregistrer la décision', exact: true }).click());
  assert.match(path(page), /^\/coordination\/projets\/[^/]+$/);
  await waitForMail({ to: porteur.email, subject: 'Votre projet est validé', after: sent });
});

test('5. the porteur finds the mentor in the directory, which shows no contact details, and asks', async () => {
  const page = pages.porteur;
  await navigateBy(page, () => banner(page).getByRole('link', { name: 'Mon espace', exact: true }).click());
  assert.equal(path(page), '/mon-espace');
  const card = page.getByRole('main').locator('li.card', { has: page.getByRole('heading', { name: PROJECT, exact: true }) });
  assert.equal(await card.count(), 1, '« Mon espace » shows the project');
  const statuses = (await card.locator('p').allTextContents()).map(plain);
  assert.ok(statuses.includes('Validé'), `the project is « Validé »: ${JSON.stringify(statuses)}`);
  await navigateBy(page, () => card.getByRole('link', { name: "Trouver un mentor dans l'annuaire", exact: true }).click());
  assert.equal(path(page), '/annuaire');
  assert.ok(new URL(page.url()).searchParams.get('projet'), 'the directory is opened for the project');

  const text = await mainText(page);
  assert.ok(!text.includes('@'), `the directory shows no e-mail address:\n${text}`);
  assert.doesNotMatch(text, /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/, 'the directory shows no phone number');
  assert.ok(!text.includes(mentor.lastName), 'the directory shows only the initial of the last name');

  const mentorCard = page.getByRole('main').locator('li.card', { has: page.getByRole('heading', { name: mentorShort }) });
  assert.equal(await mentorCard.count(), 1, `the directory lists ${mentorShort}:\n${text}`);
  const cardText = plain(await mentorCard.innerText());
  assert.ok(cardText.includes(`${DOMAIN} — 12 ans`), `the card says « ${DOMAIN} — 12 ans »: ${cardText}`);

  const sent = receivedMail();
  await mentorCard.getByLabel('Votre message au mentor', { exact: true })
    .fill("Bonjour, votre expérience de la création d'entreprise m'aiderait beaucoup pour mon atelier.");
  const ask = mentorCard.getByRole('button');
  assert.equal(plain(await ask.textContent()), `Demander à ${mentorShort} de m'accompagner`);
  await navigateBy(page, () => ask.click());
  // The POST answers « Mon espace » itself (200 at /annuaire/demande, no redirect).
  assert.equal(await h1(page), 'Mon espace');
  assert.match(plain(await page.getByRole('status').first().textContent()), /^Votre demande est envoyée/);
  requestMail = await waitForMail({ to: mentor.email, subject: 'Une demande de mentorat', after: sent });
  // The mentor decides with the facts: the project and why them, never an address.
  for (const fact of [`Projet : ${PROJECT}`, 'Aide souhaitée : Construire le budget et trouver un local.',
    `Domaines : ${DOMAIN}`, 'Pourquoi vous :']) {
    assert.ok(plain(requestMail.text).includes(fact), `the e-mail says « ${fact} »:\n${requestMail.text}`);
  }
  assert.ok(!requestMail.text.includes(porteur.email), "the e-mail does not give the porteur's address");
});

test("6. the mentor accepts, sees the porteur's address and logs a meeting", async () => {
  const page = pages.mentor;
  await visit(page, '/mon-espace');
  const incoming = page.getByRole('main').locator('h2:text-is("Les demandes qui me sont faites") + ul');
  assert.equal(await incoming.count(), 1, '« Les demandes qui me sont faites » lists a request');
  // The e-mail's link opens the request with its project and reasons.
  await visit(page, linkIn(requestMail, '/demandes/').slice(BASE_URL.length));
  assert.equal(await h1(page), `Demande de ${porteur.firstName} ${porteur.lastName[0]}.`);
  const request = await mainText(page);
  for (const fact of [PROJECT, 'Construire le budget et trouver un local.', `Même domaine : ${DOMAIN}`,
    "votre expérience de la création d'entreprise"]) {
    assert.ok(request.includes(fact), `the request's page says « ${fact} »:\n${request}`);
  }
  assert.ok(!request.includes(porteur.email), "the request's page does not give the porteur's address");
  const sent = receivedMail();
  await navigateBy(page, () => page.getByRole('main').getByRole('button', { name: 'Accepter', exact: true }).click());
  assert.match(path(page), /^\/mentorats\/[^/]+$/);
  mentorshipPath = path(page);
  assert.equal(await h1(page), 'Relation mentorale');
  assert.ok((await mainText(page)).includes(`Pour vous écrire : ${porteur.email}`), "the mentor sees the porteur's address");
  await waitForMail({ to: porteur.email, subject: 'Votre demande est acceptée', after: sent });

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Enregistrer la rencontre', exact: true }) });
  await form.getByLabel('Date de la rencontre', { exact: true }).fill(today());
  await form.getByLabel('Durée (minutes)', { exact: true }).fill('60');
  await form.getByLabel('Sujets abordés', { exact: true }).fill('Le budget prévisionnel');
  await form.getByLabel('Notes privées (visibles seulement par vous deux)', { exact: true }).fill(MARKER);
  await navigateBy(page, () => form.getByRole('button', { name: 'Enregistrer la rencontre', exact: true }).click());
  assert.equal(path(page), mentorshipPath);
  const meetings = page.getByRole('main').locator('h2:text-is("Rencontres") + ul');
  const meetingsText = plain(await meetings.innerText());
  assert.ok(meetingsText.includes('60 min') && meetingsText.includes(MARKER) && meetingsText.includes('Le budget prévisionnel'),
    `the meeting is listed with its notes: ${meetingsText}`);
});

test('6b. the pair exchange messages; the porteur reports one, which the coordinator reads, and that one only', async () => {
  const thread = `${mentorshipPath}/messages`;
  const write = async (page, body) => {
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Écrire un message', exact: true }) });
    await form.getByLabel('Votre message', { exact: true }).fill(body);
    await navigateBy(page, () => form.getByRole('button', { name: 'Envoyer', exact: true }).click());
    assert.equal(path(page), thread);
  };
  let sent = receivedMail();
  await visit(pages.mentor, mentorshipPath);
  await navigateBy(pages.mentor, () => pages.mentor.getByRole('main').getByRole('link', { name: 'Messages', exact: true }).click());
  assert.equal(path(pages.mentor), thread);
  await write(pages.mentor, `Bonjour, on se voit mardi ? ${MARKER}-a`);
  const told = await waitForMail({ to: porteur.email, subject: 'Un message vous attend', after: sent });
  assert.ok(!told.text.includes(MARKER) && !told.html.includes(MARKER), 'the e-mail carries no words of the message');

  sent = receivedMail();
  await visit(pages.porteur, '/mon-espace');
  assert.ok((await mainText(pages.porteur)).includes('1 message non lu'), '« Mon espace » counts the unread message');
  await visit(pages.porteur, linkIn(told, '/mentorats/').slice(BASE_URL.length));
  assert.ok((await mainText(pages.porteur)).includes(`${MARKER}-a`), 'the porteur reads the message');
  await write(pages.porteur, `Mardi 18 h, parfait. ${MARKER}-b`);
  await waitForMail({ to: mentor.email, subject: 'Un message vous attend', after: sent });

  // The porteur reports the mentor's message (a disclosure under it).
  sent = receivedMail();
  const message = pages.porteur.getByRole('main').locator('li.card', { hasText: `${MARKER}-a` });
  await message.getByText('Signaler ce message', { exact: true }).click();
  await message.getByLabel('Pourquoi ?', { exact: true }).fill('Je préfère que nous restions sur le projet.');
  await navigateBy(pages.porteur, () => message.getByRole('button', { name: 'Signaler à la coordination', exact: true }).click());
  await waitForMail({
    to: COORDINATOR, subject: 'Un signalement dans une relation de votre cercle', after: sent,
  });
  const coordinator = await coordinatorPage();
  await visit(coordinator, thread);
  const seen = await mainText(coordinator);
  assert.ok(seen.includes(`${MARKER}-a`), `the coordinator reads the reported message:\n${seen}`);
  assert.ok(!seen.includes(`${MARKER}-b`), 'the coordinator does not read the other message');
});

test('6c. a month later both answer the check-in from its e-mail in two clicks; the coordinator sees the trend', async () => {
  const sent = receivedMail();
  const inAMonth = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
  sweepAt(inAMonth);
  const subject = 'Comment se passe votre mentorat ?';
  for (const [person, page, mood, label] of [
    [porteur, pages.porteur, 4, 'Bien'], [mentor, pages.mentor, 5, 'Très bien'],
  ]) {
    const mail = await waitForMail({ to: person.email, subject, after: sent, timeout: 20_000 });
    // Click one: the form opens with that answer chosen; nothing is recorded yet.
    const links = mail.text.split(/\s+/).filter((w) => w.startsWith(`${BASE_URL}${mentorshipPath}/point?humeur=`));
    assert.equal(links.length, 5, `five answers in the e-mail:\n${mail.text}`);
    const link = links.find((l) => l.endsWith(`=${mood}`));
    await visit(page, link.slice(BASE_URL.length));
    assert.equal(await h1(page), "Point d'étape");
    assert.ok(await page.getByLabel(label, { exact: true }).isChecked(), `« ${label} » is chosen`);
    await page.getByLabel('oui', { exact: true }).check();
    // Click two: confirm.
    await navigateBy(page, () => page.getByRole('button', { name: 'Envoyer ma réponse', exact: true }).click());
    assert.ok((await mainText(page)).includes('Merci, votre réponse est enregistrée.'));
  }
  const coordinator = await coordinatorPage();
  await visit(coordinator, mentorshipPath);
  const trend = await mainText(coordinator);
  assert.ok(trend.includes(`Point 1 — ${porteur.firstName} ${porteur.lastName[0]}. : Bien, rencontre : oui`), trend);
  assert.ok(trend.includes(`Point 1 — ${mentorShort} : Très bien, rencontre : oui`), trend);
});

test("7. the porteur sees the mentor's address and the notes, closes the relation and gives feedback", async () => {
  const page = pages.porteur;
  await visit(page, '/mon-espace');
  const relations = page.getByRole('main').locator('h2:text-is("Mes relations mentorales") + ul');
  assert.equal(await relations.getByRole('link').count(), 1, '« Mes relations mentorales » lists the relation');
  await navigateBy(page, () => relations.getByRole('link').click());
  assert.equal(path(page), mentorshipPath, 'the same relation page');
  const text = await mainText(page);
  assert.ok(text.includes(`Pour vous écrire : ${mentor.email}`), `the porteur sees the mentor's address:\n${text}`);
  assert.ok(text.includes(MARKER), 'the porteur sees the private notes');

  // Closing, with JavaScript off: a page first says what will happen, keeping the reason.
  const sent = receivedMail();
  const noScript = await newPage({
    viewport: CHEAP_PHONE, storageState: await page.context().storageState(), javaScriptEnabled: false,
  });
  try {
    await visit(noScript, mentorshipPath);
    const close = noScript.locator('form', { has: noScript.getByRole('heading', { name: 'Clore la relation', exact: true }) });
    await close.getByLabel('Pourquoi clore ?', { exact: true }).fill('Le projet est lancé, merci !');
    await navigateBy(noScript, () => close.getByRole('button', { name: 'Clore la relation', exact: true }).click());
    const question = await confirmStep(noScript);
    assert.match(question, /^Clore cette relation mentorale \?/);
    assert.equal(path(noScript), mentorshipPath);
    assert.ok((await mainText(noScript)).includes('Cette relation est close.'), 'the page says the relation is closed');
  } finally {
    await noScript.closeAll();
  }
  await visit(page, mentorshipPath);
  await waitForMail({ to: porteur.email, subject: 'Votre avis sur la relation mentorale', after: sent });
  await waitForMail({ to: mentor.email, subject: 'Votre avis sur la relation mentorale', after: sent });

  const feedback = page.locator('form', { has: page.getByRole('heading', { name: 'Votre avis', exact: true }) });
  assert.equal(await feedback.count(), 1, 'the closed relation shows the form « Votre avis »');
  await feedback.getByLabel('Votre satisfaction (1 à 5)', { exact: true }).selectOption('5');
  await feedback.getByLabel('Ce que la relation a changé pour le projet', { exact: true }).fill('Un budget solide et un local trouvé.');
  await feedback.getByLabel('Un commentaire', { exact: true }).fill('Merci Gaspard.');
  await navigateBy(page, () => feedback.getByRole('button', { name: 'Envoyer mon avis', exact: true }).click());
  assert.ok((await mainText(page)).includes('Merci pour votre avis.'), 'the page thanks for the feedback');
});

test('8. the coordinator sees the meeting but neither the private notes nor the addresses', async () => {
  const page = await coordinatorPage();
  await visit(page, mentorshipPath);
  const text = await mainText(page);
  assert.ok(text.includes('60 min'), `the coordinator sees the meeting:\n${text}`);
  assert.ok(!text.includes(MARKER), 'the coordinator must not see the private notes');
  assert.ok(!text.includes(mentor.email), "the coordinator must not see the mentor's address");
  assert.ok(!text.includes(porteur.email), "the coordinator must not see the porteur's address");

  // The pages as they are now, audited too.
  await visit(page, '/coordination');
  await visit(pages.mentor, '/mon-espace');
  await visit(pages.porteur, '/mon-espace');
});

test('the header offers « Coordination » to a coordinator', async () => {
  const page = await coordinatorPage();
  await visit(page, '/compte');
  const link = banner(page).getByRole('link', { name: 'Coordination', exact: true });
  assert.equal(await link.count(), 1, 'a coordinator signed in should find « Coordination » in the header'
    + ' (crates/web/src/pages/base.html has no link to /coordination; the message nav-coordination is unused)');
  await navigateBy(page, () => link.click());
  assert.equal(path(page), '/coordination');
});
