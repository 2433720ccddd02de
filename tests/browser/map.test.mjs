// The map of the circles (/map.svg, shown on /cercles): it loads in the page, is
// screenshotted for a person to look at, and its markers sit where the towns are.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, assertAxeClean, closeBrowser, launchBrowser, newPage, visit, BASE_URL } from './lib.mjs';

const DESKTOP = { width: 1280, height: 900 };

before(launchBrowser);
after(closeBrowser);

test('the circles page shows the map, which loads', async () => {
  const page = await newPage({ viewport: DESKTOP });
  try {
    await visit(page, '/cercles'); // axe included
    const figure = page.locator('figure.map');
    const img = figure.locator('img[src="/map.svg"]');
    assert.equal(await img.count(), 1, 'figure.map has one <img src="/map.svg">');
    assert.ok((await img.getAttribute('alt'))?.trim(), 'the map image has a text alternative');
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.complete, await img.elementHandle());
    const size = await img.evaluate((el) => ({ width: el.naturalWidth, height: el.naturalHeight }));
    assert.ok(size.width > 0 && size.height > 0, `/map.svg did not load in the page: ${JSON.stringify(size)}`);
    const box = await figure.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 200, `the map figure is too small: ${JSON.stringify(box)}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await figure.screenshot({ path: join(ARTIFACTS, 'map.png') });
    await assertAxeClean(page);
  } finally {
    await page.closeAll();
  }
});

test('/map.svg has a title, a description, the départements and ten well-placed markers', async () => {
  const page = await newPage({ viewport: DESKTOP });
  try {
    const response = await page.goto(`${BASE_URL}/map.svg`, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /^image\/svg\+xml/);
    const map = await page.evaluate(() => {
      const svg = document.documentElement;
      const ns = 'http://www.w3.org/2000/svg';
      const own = (el, name) => [...el.children].find((c) => c.localName === name && c.namespaceURI === ns);
      return {
        root: svg.localName,
        title: own(svg, 'title')?.textContent.trim(),
        desc: own(svg, 'desc')?.textContent.trim(),
        labelledBy: svg.getAttribute('aria-labelledby'),
        paths: svg.querySelectorAll('path').length,
        markers: [...svg.querySelectorAll('g[transform^="translate("]')].map((g) => {
          const [, x, y] = g.getAttribute('transform').match(/translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)/) ?? [];
          return { title: own(g, 'title')?.textContent.trim() ?? '', x: Number(x), y: Number(y) };
        }),
        viewBox: svg.viewBox.baseVal && { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height },
      };
    });
    assert.equal(map.root, 'svg');
    assert.equal(map.title, 'Carte des Cercles des Mentors');
    assert.ok(map.desc, 'the map has a non-empty <desc>');
    assert.equal(map.labelledBy, 'map-title map-desc');
    assert.equal(map.paths, 96, 'one path per département of mainland France');
    assert.equal(map.markers.length, 10, `ten circle markers: ${map.markers.map((m) => m.title).join(' | ')}`);
    for (const m of map.markers) {
      assert.ok(Number.isFinite(m.x) && Number.isFinite(m.y), `marker « ${m.title} » has no position`);
      assert.ok(m.x >= 0 && m.x <= map.viewBox.width && m.y >= 0 && m.y <= map.viewBox.height,
        `marker « ${m.title} » is off the map: (${m.x}, ${m.y})`);
    }

    const marker = (number, town) => {
      const found = map.markers.filter((m) => m.title.startsWith(`${number}. `) && m.title.includes(town));
      assert.equal(found.length, 1, `one marker « ${number}. … ${town} … »: ${map.markers.map((m) => m.title).join(' | ')}`);
      return found[0];
    };
    const compiegne = marker(1, 'Cercle des Mentors de Compiègne');
    const paris = marker(2, 'Paris');
    const lille = marker(3, 'Lille');
    const bordeaux = marker(7, 'Bordeaux');
    const lyon = marker(8, 'Lyon');
    assert.ok(compiegne.y < paris.y, `Compiègne (y ${compiegne.y}) should be north of Paris (y ${paris.y})`);
    assert.ok(lille.y < compiegne.y && lille.y < paris.y, `Lille (y ${lille.y}) should be north of Compiègne and Paris`);
    assert.ok(bordeaux.x < lyon.x, `Bordeaux (x ${bordeaux.x}) should be west of Lyon (x ${lyon.x})`);
    // Every marker is numbered like the list next to the map, once.
    assert.deepEqual(map.markers.map((m) => Number(m.title.split('.')[0])).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.ok(map.desc.includes(compiegne.title), 'the description lists the circles like the markers');
    // An SVG document names no icon, so Chromium may ask for /favicon.ico, which the
    // site does not serve (its pages link their icon): that 404 alone is expected.
    const problems = page.problems.splice(0).filter((p) => !(p.url ?? '').endsWith('/favicon.ico'));
    assert.deepEqual(problems, [], 'the browser reported problems on /map.svg');
  } finally {
    await page.closeAll();
  }
});
