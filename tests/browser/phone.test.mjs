// Every page of the site on the smallest common phone (360 × 740), for every role:
// a visitor, a porteur de projet, a mentor, the Compiègne coordinator and the
// national team each visit every GET page they may see, once. On each page:
//
//   - nothing is wider than the screen: the page does not scroll sideways and no
//     element nor line of text (a long e-mail address, a table, a row of buttons)
//     reaches past its right edge, unless it sits in a box that scrolls sideways
//     by design and itself fits (`.table-wrap`, a focusable region: axe checks
//     that it can be scrolled from the keyboard);
//   - the main content (`main#contenu`) starts within the first third of the
//     screen (its top, at scroll 0, above 740 / 3 px), so a menu never hides it;
//   - `check`: no console error, no CSP violation, no axe WCAG 2.1 A/AA violation.
//
// The pages are the GET routes of crates/web/src (the rows of tests/api/matrix/).
// Path parameters come from the pages themselves: the first link of the right
// shape seen so far (the role's own pages first, then the earlier roles'), e.g. an
// event from the home page, a mentorship from the mentor's « Mon espace »; only
// slugs are written here, as the matrix does. Expired or unknown single-use links
// (`…/0000`) are visited with the status they answer (200 or 410): people land on
// those pages from old e-mails.
//
// Not visited, for nobody: what is not an HTML page (`/static/…`, `/favicon.ico`,
// `/robots.txt`, `/healthz`, `/readyz`, `/map.svg`, the `.ics` feeds, the `.csv`
// export, `/api/v1/…`) and `/langue/{lang}` (a redirect back to the page).
// Not visited, per role (each answers a redirect to /connexion or a 403, see
// tests/api/matrix/; `WHO` below says who sees what):
//   - a visitor: « Mon compte », « Mon espace », « Organiser » and every page of
//     the porteur, of the mentor, of the coordination and of the national team;
//   - the porteur: the mentor's mentorship, the coordination, the event organisers'
//     pages and the national team's pages;
//   - the mentor: the directory (porteurs only), the coordination, the event
//     organisers' pages and the national team's pages;
//   - the Compiègne coordinator: the directory and the national team's pages
//     (`/admin/…`, except the office of the Compiègne circle);
//   - the national team: the directory (porteurs only).
//
// Shared demo data: signs in as porteur@, coordination.compiegne@ and admin@
// mentorat.example with the demo password, and as mentor@mentorat.example after
// choosing a new password through « Mot de passe oublié » (accounts.test.mjs gives
// that account a password of its own); the coordinator asks for a batch matching
// proposal of its circle (a draft: nothing is sent), which the national team sees
// too. Four sign-ins, one per account: sign-ins are rate limited per client address.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import {
  BASE_URL, check, closeBrowser, launchBrowser, linkIn, navigateBy, newPage, receivedMail, visit, waitForMail,
} from './lib.mjs';

/** The smallest phone screen still common (many cheap Android phones). */
const SMALL_PHONE = { width: 360, height: 740 };
/** The main content must start above this line, at scroll 0. */
const FIRST_THIRD = SMALL_PHONE.height / 3;

const DEMO_PASSWORD = 'mentorat-demo';
const MENTOR_PASSWORD = 'sept hérons gris sur la digue du port';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const ROLES = [
  { key: 'visitor', label: 'a visitor without an account' },
  { key: 'porteur', label: 'a porteur de projet', email: 'porteur@mentorat.example' },
  { key: 'mentor', label: 'a mentor', email: 'mentor@mentorat.example', password: MENTOR_PASSWORD },
  { key: 'coordinator', label: 'the Compiègne coordinator', email: 'coordination.compiegne@mentorat.example' },
  { key: 'national', label: 'the national team', email: 'admin@mentorat.example' },
];

// Who sees what, as in tests/api/matrix/.
const WHO = {
  everyone: ['visitor', 'porteur', 'mentor', 'coordinator', 'national'],
  members: ['porteur', 'mentor', 'coordinator', 'national'],
  porteur: ['porteur'],
  pair: ['mentor', 'coordinator', 'national'],
  office: ['coordinator', 'national'],
  national: ['national'],
};

/**
 * The pages, in the order visited: a page whose address comes from a link (`link`)
 * comes after the pages that show that link. `path`: the address as written;
 * `link`: the first link seen that matches; `create`: what makes the record when no
 * link to one exists yet (it leaves the page on the new record). `status`: the
 * expected status, 200 unless told.
 */
const PAGES = [
  { route: '/', who: WHO.everyone, path: '/' },
  { route: '/cercles', who: WHO.everyone, path: '/cercles' },
  { route: '/cercles/{slug}', who: WHO.everyone, link: /^\/cercles\/[a-z0-9-]+$/ },
  { route: '/communes', who: WHO.everyone, path: '/communes?q=compi' },
  { route: '/evenements/{id}', who: WHO.everyone, link: new RegExp(`^/evenements/${UUID}$`) },
  {
    route: '/evenements/{id}/inscription', who: WHO.everyone,
    link: new RegExp(`^/evenements/${UUID}$`), then: (path) => `${path}/inscription?etat=confirmee`,
  },
  { route: '/accueillir-une-conference', who: WHO.everyone, path: '/accueillir-une-conference' },
  { route: '/contact', who: WHO.everyone, path: '/contact' },
  { route: '/mentions-legales', who: WHO.everyone, path: '/mentions-legales' },
  { route: '/confidentialite', who: WHO.everyone, path: '/confidentialite' },
  { route: '/soutenir', who: WHO.everyone, path: '/soutenir' },
  { route: '/devenir-mentor', who: WHO.everyone, path: '/devenir-mentor' },
  { route: '/trouver-un-mentor', who: WHO.everyone, path: '/trouver-un-mentor' },
  { route: '/inscription', who: WHO.everyone, path: '/inscription' },
  { route: '/connexion', who: WHO.everyone, path: '/connexion' },
  { route: '/mot-de-passe-oublie', who: WHO.everyone, path: '/mot-de-passe-oublie' },
  { route: '/fait/{what}', who: WHO.everyone, path: '/fait/compte-cree' },
  { route: '/compte/verifier/{token}', who: WHO.everyone, path: '/compte/verifier/0000' },
  { route: '/compte/confirmer-adresse/{token}', who: WHO.everyone, path: '/compte/confirmer-adresse/0000' },
  { route: '/consentement/{token}', who: WHO.everyone, path: '/consentement/0000' },
  { route: '/compte/reinitialiser/{token}', who: WHO.everyone, path: '/compte/reinitialiser/0000', status: 410 },
  { route: '/compte/mot-de-passe/{token}', who: WHO.everyone, path: '/compte/mot-de-passe/0000', status: 410 },
  { route: '/inscriptions/annuler/{token}', who: WHO.everyone, path: '/inscriptions/annuler/0000', status: 410 },
  { route: '/devenir-mentor/invitation/{secret}', who: WHO.everyone, path: '/devenir-mentor/invitation/0000', status: 410 },
  { route: '/compte', who: WHO.members, path: '/compte' },
  { route: '/compte/quartier', who: WHO.members, path: '/compte/quartier' },
  { route: '/compte/jetons', who: WHO.members, path: '/compte/jetons' },
  { route: '/api/v1/docs', who: WHO.everyone, path: '/api/v1/docs' },
  { route: '/mon-espace', who: WHO.members, path: '/mon-espace' },
  { route: '/organisation', who: WHO.members, path: '/organisation' },
  { route: '/demandes/{id}', who: ['mentor'], link: new RegExp(`^/demandes/${UUID}$`) },
  { route: '/mon-espace/profil', who: ['mentor'], path: '/mon-espace/profil' },
  { route: '/mon-espace/attestation', who: ['mentor'], path: '/mon-espace/attestation' },
  { route: '/annuaire', who: WHO.porteur, link: new RegExp(`^/annuaire\\?projet=${UUID}$`) },
  { route: '/coordination', who: WHO.office, path: '/coordination' },
  { route: '/coordination/suivi', who: WHO.office, path: '/coordination/suivi' },
  { route: '/coordination/mentors/{id}', who: WHO.office, link: new RegExp(`^/coordination/mentors/${UUID}$`) },
  { route: '/coordination/projets/{id}', who: WHO.office, link: new RegExp(`^/coordination/projets/${UUID}$`) },
  { route: '/coordination/ponderations/{id}', who: WHO.office, link: new RegExp(`^/coordination/ponderations/${UUID}$`) },
  {
    route: '/coordination/appariements/{id}', who: WHO.office,
    link: new RegExp(`^/coordination/appariements/${UUID}$`), create: proposeMatches,
  },
  { route: '/mentorats/{id}', who: WHO.pair, link: new RegExp(`^/mentorats/${UUID}$`) },
  // The thread: the pair, and the circle's coordinators for what was reported (never
  // the national team); the check-in: the pair.
  { route: '/mentorats/{id}/messages', who: ['mentor', 'coordinator'], link: new RegExp(`^/mentorats/${UUID}/messages$`) },
  { route: '/mentorats/{id}/point', who: ['mentor'], link: new RegExp(`^/mentorats/${UUID}/point$`) },
  { route: '/admin/cercles/{slug}', who: WHO.office, path: '/admin/cercles/compiegne' },
  { route: '/admin/cercles/{slug}/mentors', who: WHO.office, path: '/admin/cercles/compiegne/mentors' },
  { route: '/admin/cercles/{slug}/projets', who: WHO.office, path: '/admin/cercles/compiegne/projets' },
  { route: '/evenements/{id}/inscriptions', who: WHO.office, link: new RegExp(`^/evenements/${UUID}/inscriptions$`) },
  { route: '/evenements/{id}/feuille', who: WHO.office, link: new RegExp(`^/evenements/${UUID}/feuille$`) },
  { route: '/evenements/{id}/importer', who: WHO.office, link: new RegExp(`^/evenements/${UUID}/importer$`) },
  { route: '/admin/tableau-de-bord', who: WHO.national, path: '/admin/tableau-de-bord' },
  { route: '/admin/domaines', who: WHO.national, path: '/admin/domaines' },
  { route: '/admin/association', who: WHO.national, path: '/admin/association' },
  { route: '/admin/cercles', who: WHO.national, path: '/admin/cercles' },
  { route: '/admin/lancements', who: WHO.national, path: '/admin/lancements' },
  { route: '/admin/benevolat', who: WHO.national, path: '/admin/benevolat' },
  { route: '/admin/evenements/nouveau', who: WHO.national, path: '/admin/evenements/nouveau' },
  { route: '/admin/partenaires/{slug}', who: WHO.national, path: '/admin/partenaires/maison-des-associations-compiegne' },
  { route: '/admin/demandes', who: WHO.national, path: '/admin/demandes' },
  { route: '/admin/demandes/{id}', who: WHO.national, link: new RegExp(`^/admin/demandes/${UUID}$`) },
  { route: '/admin/messages', who: WHO.national, path: '/admin/messages' },
  { route: '/admin/journal', who: WHO.national, path: '/admin/journal' },
  { route: '/admin/effacements', who: WHO.national, path: '/admin/effacements' },
  { route: '/admin/registre', who: WHO.national, path: '/admin/registre' },
  { route: '/admin/qpv', who: WHO.national, path: '/admin/qpv' },
  { route: '/admin/import', who: WHO.office, path: '/admin/import' },
  { route: '/mon-espace/charte', who: WHO.members, path: '/mon-espace/charte' },
  { route: '/mon-espace/accord', who: WHO.members, path: '/mon-espace/accord' },
  { route: '/rapport-impact', who: WHO.office, path: '/rapport-impact' },
  { route: '/rapport-impact/imprimer', who: WHO.office, path: '/rapport-impact/imprimer' },
  { route: '/admin/courriels', who: WHO.national, path: '/admin/courriels' },
  // The outbox holds at least the mentor's « Mot de passe oublié » e-mail.
  { route: '/admin/courriels/{id}', who: WHO.national, link: new RegExp(`^/admin/courriels/${UUID}$`) },
];

/** The GET routes that are not HTML pages (see the header of this file). */
const NOT_PAGES = [
  '/healthz', '/readyz', '/static/{hash}/{name}', '/favicon.ico', '/robots.txt', '/map.svg',
  '/events.ics', '/cercles/{slug}/events.ics', '/evenements/{id}/evenement.ics',
  '/evenements/{id}/inscriptions.csv', '/api/v1/communes', '/api/v1/communes/{code}',
  '/mon-espace/attestation.pdf', '/admin/benevolat.csv', '/metrics',
  '/compte/mes-donnees.zip', '/admin/registre.html', '/rapport-impact.csv',
  '/admin/cercles/{slug}/mentors.csv', '/admin/cercles/{slug}/projets.csv',
  '/admin/import/modele-mentors.csv', '/admin/import/modele-associations.csv',
  '/admin/import/modele-porteurs.csv', '/admin/journal.csv', '/admin/cercles.csv',
  '/admin/lancements.csv', '/admin/demandes.csv', '/admin/messages.csv', '/admin/courriels.csv',
  '/coordination/appariements/{id}/appariements.csv',
  '/coordination/candidatures.csv', '/coordination/projets-a-relire.csv',
  '/coordination/porteurs-en-attente.csv', '/coordination/mentors.csv',
  '/evenements/{id}/modele-inscriptions.csv', '/admin/import/{id}',
  '/api/v1/openapi.json', '/api/v1/circles', '/api/v1/circles/{slug}',
  '/api/v1/circles/{slug}/projects', '/api/v1/circles/{slug}/mentors', '/api/v1/events', '/api/v1/events/{id}/registrations',
  '/api/v1/dashboard', '/api/v1/me', '/api/v1/projects', '/api/v1/requests',
  '/api/v1/mentorships', '/api/v1/mentorships/{id}', '/api/v1/proposals/{id}',
  '/langue/{lang}',
];

/** Every GET route the router declares, read from crates/web/src (`.route("…", get(…`). */
function declaredGetRoutes() {
  const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'crates', 'web', 'src');
  const routes = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.rs')) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\.route\(\s*"([^"]+)",\s*get\(/g)) routes.add(m[1]);
      }
    }
  };
  walk(src);
  return [...routes];
}

test('every GET page of the router is in this file\'s list', () => {
  const declared = declaredGetRoutes();
  assert.ok(declared.length > 30, `the route scanner found only ${declared.length} routes`);
  const listed = new Set([...PAGES.map((p) => p.route), ...NOT_PAGES]);
  const missing = declared.filter((route) => !listed.has(route));
  assert.deepEqual(missing, [], 'pages to add to PAGES (or to NOT_PAGES if they are no HTML page)');
});

// The links seen on the pages visited, per role, in the order seen.
const linksSeen = new Map(ROLES.map((role) => [role.key, []]));

before(launchBrowser);
after(closeBrowser);

function path(page) {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** The first link matching `pattern` seen by `role`, else by the roles visited before it. */
function firstLink(role, pattern) {
  const order = [role.key, ...ROLES.map((r) => r.key).filter((key) => key !== role.key)];
  for (const key of order) {
    const found = linksSeen.get(key).find((href) => pattern.test(href));
    if (found) return found;
  }
  return undefined;
}

async function rememberLinks(role, page) {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .map((a) => new URL(a.href, location.href))
    .filter((url) => url.origin === location.origin)
    .map((url) => url.pathname + url.search));
  const seen = linksSeen.get(role.key);
  for (const href of hrefs) if (!seen.includes(href)) seen.push(href);
}

/** Signs in from /connexion; lands on « Mon compte ». */
async function signIn(page, email, password) {
  await visit(page, '/connexion');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  try {
    await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click());
  } catch (error) {
    if (/answered 429/.test(error.message)) {
      error.message += '\n  Sign-ins are rate limited per client address (10, then one a minute) and the whole'
        + ' suite signs in more often than that: start the server with a larger MENTORAT_RATE_BURST in run.sh.';
    }
    throw error;
  }
  assert.equal(new URL(page.url()).pathname, '/compte', `signing in as ${email} should lead to the account page`);
}

/** Chooses `password` for `email` from the e-mailed « Mot de passe oublié » link. */
async function choosePassword(page, email, password) {
  await visit(page, '/mot-de-passe-oublie');
  const sent = receivedMail();
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await navigateBy(page, () => page.getByRole('button', { name: 'Recevoir le lien', exact: true }).click());
  const mail = await waitForMail({ to: email, subject: /nouveau mot de passe/, after: sent });
  await visit(page, linkIn(mail, '/compte/reinitialiser/').slice(BASE_URL.length));
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(password);
  await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(password);
  await navigateBy(page, () => page.getByRole('button', { name: 'Enregistrer le mot de passe', exact: true }).click());
}

/** Asks for a batch matching proposal from « Coordination »; leaves the page on it. */
async function proposeMatches(page) {
  await visit(page, '/coordination');
  const button = page.getByRole('button', { name: /^Proposer des paires pour / }).first();
  await navigateBy(page, () => button.click());
}

/**
 * What does not fit a phone on the page shown, measured at scroll 0: the page's
 * width, the elements and lines of text past the right edge (clipped by the boxes
 * that hide or scroll their overflow, but never by <body> or <html>, which would
 * only hide the damage), and where the main content starts.
 */
function measureLayout() {
  window.scrollTo(0, 0);
  const screen = document.documentElement.clientWidth;
  const describe = (el) => {
    const classes = [...el.classList].map((c) => `.${c}`).join('');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}>`
      + (text ? ` « ${text.length > 60 ? `${text.slice(0, 60)}…` : text} »` : '');
  };
  // The right edge the reader can see of a box (`own`: or of the text it holds), and
  // whether a box that scrolls sideways keeps the rest.
  const visible = (el, right, own) => {
    let scroller = null;
    for (let box = own ? el : el.parentElement; box && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (overflow === 'visible') continue;
      const edge = box.getBoundingClientRect().right;
      if (right > edge) {
        right = edge;
        if (overflow === 'auto' || overflow === 'scroll') scroller = box;
      }
    }
    return { right, scroller };
  };
  const wide = new Map(); // element → how far right it reaches
  const scrolled = new Set();
  const consider = (el, right, own = false) => {
    if (right <= screen + 1) return;
    const seen = visible(el, right, own);
    if (seen.right > screen + 1) wide.set(el, Math.max(wide.get(el) ?? 0, Math.round(seen.right)));
    else if (seen.scroller) scrolled.add(seen.scroller);
  };
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 || box.height > 0) consider(el, box.right);
  }
  // A long word overflows its line without widening its box: measure the text too.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || !node.parentElement) continue;
    range.selectNodeContents(node);
    const rights = [...range.getClientRects()].map((r) => r.right);
    if (rights.length) consider(node.parentElement, Math.max(...rights), true);
  }
  const main = document.querySelector('main#contenu');
  const header = document.querySelector('body > header');
  return {
    screen,
    pageWidth: document.documentElement.scrollWidth,
    wide: [...wide].map(([el, right]) => `${describe(el)} reaches ${right} px`),
    scrolled: [...scrolled].map(describe),
    mainTop: main ? Math.round(main.getBoundingClientRect().top) : null,
    headerHeight: Math.round(header?.getBoundingClientRect().height ?? 0),
    headerControls: header ? [...header.querySelectorAll('a, button, summary')]
      .filter((el) => el.getClientRects().length > 0).length : 0,
  };
}

/** Loads `where` in `page` and checks it on the phone; returns the checks failed and the measures. */
async function phoneChecks(page, where, status) {
  const response = await page.goto(BASE_URL + where, { waitUntil: 'load' });
  assert.ok(response, `no response for ${where}`);
  assert.equal(response.status(), status, `GET ${where} answered ${response.status()}, expected ${status}`);
  assert.equal(path(page), where, `GET ${where} ended on ${path(page)}: was the session lost?`);

  const layout = await page.evaluate(measureLayout);
  const failed = [];
  if (layout.pageWidth > layout.screen + 1) {
    failed.push(`the page scrolls sideways: ${layout.pageWidth} px wide on a ${layout.screen} px screen`);
  }
  if (layout.wide.length > 0) {
    const shown = layout.wide.slice(0, 12).map((line) => `      ${line}`);
    if (layout.wide.length > shown.length) shown.push(`      … and ${layout.wide.length - shown.length} more`);
    failed.push(`${layout.wide.length} element(s) reach past the right edge (${layout.screen} px):\n${shown.join('\n')}`);
  }
  if (layout.mainTop === null) {
    failed.push('no main#contenu');
  } else if (layout.mainTop >= FIRST_THIRD) {
    failed.push(`main#contenu starts at ${layout.mainTop} px, below the first third of the screen`
      + ` (${Math.floor(FIRST_THIRD)} px): the header is ${layout.headerHeight} px high and shows`
      + ` ${layout.headerControls} links or buttons`);
  }
  // The same checks as `visit` (console errors, CSP, axe), after the measures.
  try {
    await check(page, { status });
  } catch (error) {
    failed.push(error.message);
  }
  return { failed, layout };
}

for (const role of ROLES) {
  test(`every page ${role.label} may see fits a 360 × 740 phone`, async (t) => {
    const page = await newPage({ viewport: SMALL_PHONE });
    try {
      if (role.email) {
        if (role.password) await choosePassword(page, role.email, role.password);
        await signIn(page, role.email, role.password ?? DEMO_PASSWORD);
      }
      for (const entry of PAGES.filter((p) => p.who.includes(role.key))) {
        await t.test(entry.route, async (st) => {
          let where = entry.path;
          if (!where) {
            let href = firstLink(role, entry.link);
            if (!href && entry.create) {
              await entry.create(page);
              href = path(page);
              await rememberLinks(role, page);
            }
            assert.ok(href, `no link matching ${entry.link} on the pages visited so far: cannot check ${entry.route}`);
            where = entry.then ? entry.then(href) : href;
          }
          const { failed, layout } = await phoneChecks(page, where, entry.status ?? 200);
          await rememberLinks(role, page);
          if (layout.scrolled.length > 0) {
            st.diagnostic(`${where}: scrolls sideways inside ${layout.scrolled.join(', ')}`);
          }
          assert.equal(failed.length, 0,
            `${where}, as ${role.label}, on a 360 × 740 phone:\n${failed.map((f) => `  - ${f}`).join('\n')}`);
        });
      }
    } finally {
      await page.closeAll();
    }
  });
}
