// Account journeys in a real browser, with the e-mails really sent: run.sh starts an
// SMTP server (aiosmtpd) that writes every message it receives to MAILDIR, and the
// links the person would click are taken from the text part of those messages.
// Every page visited is checked by `visit`/`navigateBy`/`check`: no console error,
// no CSP violation, and no axe-core WCAG 2.1 A/AA violation.
//
// Shared demo data: the forgotten-password test gives mentor@mentorat.example a new
// password (« mentorat-demo » cannot be set again through the site: it is refused as
// too common). Other test files must not sign in as that account.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL, check, closeBrowser, launchBrowser, linkIn, navigateBy, newPage, openMenu, receivedMail, visit, waitForMail,
} from './lib.mjs';

const CHEAP_PHONE = { width: 390, height: 844 };

before(launchBrowser);
after(closeBrowser);

async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).textContent()).trim();
}

function path(page) {
  return new URL(page.url()).pathname;
}

/** The notice shown after a redirect (`?avis=…`). */
async function notice(page) {
  return (await page.getByRole('status').textContent()).trim();
}

/** Signs in from the /connexion page currently shown; lands on « Mon compte ». */
async function signIn(page, email, password) {
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click());
  assert.equal(path(page), '/compte', `signing in as ${email} should lead to the account page`);
  assert.equal(await h1(page), 'Mon compte');
}

test('a visitor signs up, confirms the address, signs in, changes the password and signs out', async () => {
  const email = `camille.${Date.now()}@exemple.fr`;
  const password = 'la grange bleue du vieux moulin';
  const newPassword = 'un héron gris pêche sous le pont';
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    // Home → « Se connecter » (header) → « Créer un compte ».
    await visit(page, '/');
    await navigateBy(page, () => page.getByRole('banner').getByRole('link', { name: 'Se connecter', exact: true }).click());
    assert.equal(path(page), '/connexion');
    assert.equal(await h1(page), 'Se connecter');
    await navigateBy(page, () => page.getByRole('link', { name: 'Pas encore de compte ? Créer un compte', exact: true }).click());
    assert.equal(path(page), '/inscription');
    assert.equal(await h1(page), 'Créer un compte');

    // Sign up.
    const sentBefore = receivedMail();
    await page.getByLabel('Prénom', { exact: true }).fill('Camille');
    await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(password);
    await navigateBy(page, () => page.getByRole('button', { name: 'Créer mon compte', exact: true }).click());
    assert.equal(await h1(page), 'Vérifiez votre messagerie');

    // The confirmation e-mail, and its link.
    const verification = await waitForMail({ to: email, subject: 'Confirmez votre adresse e-mail', after: sentBefore });
    assert.match(verification.text, /Bonjour Camille,/);
    const verifyLink = linkIn(verification, '/compte/verifier/');
    assert.ok(verification.html.includes(verifyLink), 'the HTML part carries the same link');

    // Opening the link only shows a button (a mail scanner's GET confirms nothing):
    // the same page comes again on a second GET; the POST confirms.
    const verifyPath = verifyLink.slice(BASE_URL.length);
    await visit(page, verifyPath);
    await visit(page, verifyPath);
    assert.equal(await h1(page), 'Confirmez votre adresse e-mail');
    await navigateBy(page, () => page.getByRole('button', { name: 'Confirmer mon adresse', exact: true }).click());
    assert.equal(await h1(page), 'Adresse confirmée');

    // Sign in.
    await visit(page, '/connexion');
    await signIn(page, email, password);
    const identity = (await page.locator('main p.lead').textContent()).replace(/[\u2068\u2069]/g, '');
    assert.ok(identity.includes('Camille') && identity.includes(`(${email})`), `the account page names the person: ${identity}`);

    // Change the password: every session ends, back to /connexion with a notice.
    const beforeChange = receivedMail();
    const section = page.locator('form#change-password');
    assert.equal((await section.getByRole('heading', { level: 2 }).textContent()).trim(), 'Changer de mot de passe');
    await section.getByLabel('Mot de passe actuel', { exact: true }).fill(password);
    await section.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await section.getByLabel('Confirmez le mot de passe', { exact: true }).fill(newPassword);
    assert.equal(await page.locator('#change-password-current_password').inputValue(), password);
    assert.equal(await page.locator('#change-password-password').inputValue(), newPassword);
    assert.equal(await page.locator('#change-password-confirmation').inputValue(), newPassword);
    await navigateBy(page, () => section.getByRole('button', { name: 'Changer le mot de passe', exact: true }).click());
    assert.equal(path(page), '/connexion');
    assert.equal(await h1(page), 'Se connecter');
    assert.match(await notice(page), /^Votre mot de passe est changé\./);
    await waitForMail({ to: email, subject: 'Votre mot de passe a été changé', after: beforeChange });

    // The old password no longer works is covered by the API tests; sign in with the new one.
    await signIn(page, email, newPassword);

    // Sign out from the header.
    await openMenu(page);
    await navigateBy(page, () => page.getByRole('banner').getByRole('button', { name: 'Se déconnecter', exact: true }).click());
    assert.equal(path(page), '/');
    assert.match(await notice(page), /Déconnexion effectuée/);
    assert.equal(await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).count(), 0);

    // The account page now asks to sign in.
    await visit(page, '/compte');
    assert.equal(path(page), '/connexion');
    assert.equal(await h1(page), 'Se connecter');
  } finally {
    await page.closeAll();
  }
});

test('a forgotten password is reset from the e-mailed link', async () => {
  const email = 'mentor@mentorat.example';
  const newPassword = 'trois pommes vertes sur le buffet';
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    await visit(page, '/connexion');
    await navigateBy(page, () => page.getByRole('link', { name: 'Mot de passe oublié ?', exact: true }).click());
    assert.equal(path(page), '/mot-de-passe-oublie');
    assert.equal(await h1(page), 'Mot de passe oublié');

    const sentBefore = receivedMail();
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
    await navigateBy(page, () => page.getByRole('button', { name: 'Recevoir le lien', exact: true }).click());
    assert.equal(await h1(page), 'Vérifiez votre messagerie');

    const mail = await waitForMail({ to: email, subject: /nouveau mot de passe/, after: sentBefore });
    const link = linkIn(mail, '/compte/reinitialiser/');
    const resetPath = link.slice(BASE_URL.length);

    await visit(page, resetPath);
    assert.equal(await h1(page), 'Choisir un nouveau mot de passe');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(newPassword);
    await navigateBy(page, () => page.getByRole('button', { name: 'Enregistrer le mot de passe', exact: true }).click());
    assert.equal(await h1(page), 'Mot de passe changé');

    await visit(page, '/connexion');
    await signIn(page, email, newPassword);

    // The link served once.
    await visit(page, resetPath, { status: 410 });
    assert.equal(await h1(page), "Ce lien n'est plus valable");
  } finally {
    await page.closeAll();
  }
});

test('a wrong password is answered in French and the form keeps the address', async () => {
  const email = 'porteur@mentorat.example';
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    await visit(page, '/connexion');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe du tout');
    await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click(), { status: 422 });
    assert.equal(path(page), '/connexion');

    const alert = page.getByRole('alert');
    assert.equal((await alert.textContent()).trim(), 'Adresse e-mail ou mot de passe incorrect.');
    assert.ok(await alert.isVisible(), 'the error is visible');

    const address = page.getByLabel('Adresse e-mail', { exact: true });
    const password = page.getByLabel('Mot de passe', { exact: true });
    assert.equal(await address.inputValue(), email, 'the address is kept');
    assert.equal(await password.inputValue(), '', 'the password is never sent back');
    // The error names no field (it must not tell which one is wrong); the platform
    // marks the address, and links it to the message.
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    assert.equal(await password.getAttribute('aria-invalid'), null);
    const alertId = await alert.getAttribute('id');
    assert.ok((await address.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(alertId),
      'the faulty field is described by the error message');
    await check(page, { status: 422 });
  } finally {
    await page.closeAll();
  }
});
