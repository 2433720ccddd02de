// What a visitor without an account sees, in a real browser. Every page visited
// is checked by `visit`/`check`: no console error, no CSP violation, and no
// axe-core WCAG 2.1 A/AA violation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { check, closeBrowser, launchBrowser, newPage, openMenu, screenshot, visit } from './lib.mjs';

const CHEAP_PHONE = { width: 390, height: 844 };

before(launchBrowser);
after(closeBrowser);

async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).textContent()).trim();
}

function path(page) {
  return new URL(page.url()).pathname;
}

test('a visitor sees the French home page with the demo circles', async () => {
  const page = await newPage({ viewport: CHEAP_PHONE });
  try {
    await visit(page, '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(await h1(page), /Le mentorat/);
    const items = await page.getByRole('listitem').allTextContents();
    assert.ok(items.some((text) => text.includes('Compiègne')), 'no list item mentions Compiègne');
    await screenshot(page, 'home.png');
  } finally {
    await page.closeAll();
  }
});

test('a visitor goes from the home page to the Compiègne circle', async () => {
  const page = await newPage();
  try {
    await visit(page, '/');
    // The circle is linked from the circles section (and from its events): follow the former.
    const circles = page.getByRole('region', { name: 'Les Cercles des Mentors' });
    await circles.getByRole('link', { name: 'Cercle des Mentors de Compiègne', exact: true }).click();
    await page.waitForURL('**/cercles/compiegne');
    await check(page);
    assert.equal(path(page), '/cercles/compiegne');
    assert.equal(await h1(page), 'Cercle des Mentors de Compiègne');
  } finally {
    await page.closeAll();
  }
});

test('the language switch turns the site into English and back', async () => {
  const page = await newPage();
  try {
    await visit(page, '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');

    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await check(page);
    assert.equal(path(page), '/', 'the switch should stay on the same page');
    assert.equal(await h1(page), 'Mentoring between people of the same territory');

    await page.getByRole('link', { name: 'Français', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await check(page);
    assert.equal(path(page), '/');
    assert.match(await h1(page), /Le mentorat/);
  } finally {
    await page.closeAll();
  }
});

test('an English browser gets English', async () => {
  const page = await newPage({ locale: 'en-GB' });
  try {
    await visit(page, '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await h1(page), 'Mentoring between people of the same territory');
  } finally {
    await page.closeAll();
  }
});

describe('every public page passes axe', () => {
  const pages = [
    ['/', 200],
    ['/cercles', 200],
    ['/cercles/compiegne', 200],
    ['/cercles/ath', 200],
    ['/cercles/paris', 200],
    ['/communes', 200],
    ['/connexion', 200],
    ['/inscription', 200],
    ['/mot-de-passe-oublie', 200],
    ['/page-inconnue', 404],
    ['/compte/mot-de-passe/0000', 410],
  ];
  for (const [where, status] of pages) {
    test(`${where} (${status})`, async () => {
      const page = await newPage();
      try {
        await visit(page, where, { status });
        assert.ok((await h1(page)).length > 0, 'the page has a non-empty h1');
      } finally {
        await page.closeAll();
      }
    });
  }
});

test('the pages work without JavaScript', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  try {
    await visit(page, '/');
    assert.equal(await page.evaluate(() => matchMedia('(scripting: none)').matches), true, 'JavaScript is still on');
    // The full menu is a disclosure: it opens without JavaScript.
    await (await openMenu(page)).getByRole('link', { name: 'Les cercles', exact: true }).click();
    await page.waitForURL('**/cercles');
    await check(page);
    assert.equal(await h1(page), 'Les Cercles des Mentors');

    await page.getByRole('link', { name: 'Cercle des Mentors de Paris', exact: true }).click();
    await page.waitForURL('**/cercles/paris');
    await check(page);
    assert.equal(await h1(page), 'Cercle des Mentors de Paris');
  } finally {
    await page.closeAll();
  }
});

test('the first Tab from a fresh home page focuses the skip link, which leads to the content', async () => {
  const page = await newPage();
  try {
    await visit(page, '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    assert.deepEqual(focused, { text: 'Aller au contenu', href: '#contenu' });
    // The focused skip link must be on screen (it hides off-screen until focused).
    const box = await page.locator('a.skip').boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0, `the focused skip link is off-screen: ${JSON.stringify(box)}`);
    await check(page);

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');
  } finally {
    await page.closeAll();
  }
});
