// The checks that guard every page must themselves work: a page with a real
// accessibility problem, or a script the CSP blocks, has to fail them. Without
// these, a broken axe injection or a bypassed CSP would pass silently.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAxeClean, check, closeBrowser, launchBrowser, newPage, visit } from './lib.mjs';

before(launchBrowser);
after(closeBrowser);

const BROKEN = `<!doctype html><html lang="fr"><head><title>Page cassée</title></head><body><main>
  <h1>Page cassée</h1>
  <p style="color:#aaa;background:#fff">Texte gris clair sur blanc</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <a href="/"></a>
</main></body></html>`;

for (const javaScriptEnabled of [true, false]) {
  test(`axe catches real WCAG violations (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const page = await newPage({ javaScriptEnabled });
    try {
      await page.setContent(BROKEN);
      await assert.rejects(assertAxeClean(page), (error) => {
        for (const rule of ['color-contrast', 'image-alt', 'link-name']) {
          assert.match(error.message, new RegExp(`- ${rule} \\[`), `axe did not report ${rule}`);
        }
        return true;
      });
    } finally {
      await page.closeAll();
    }
  });
}

test('the site really sends its CSP, and a blocked inline script fails the check', async () => {
  const page = await newPage();
  try {
    const response = await visit(page, '/');
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "injected"';
      document.body.append(script);
    });
    assert.notEqual(await page.title(), 'injected', 'the inline script ran: the CSP is not enforced');
    await assert.rejects(check(page), /Content Security Policy|CSP violation/);
  } finally {
    await page.closeAll();
  }
});
