// Importing mentors from a spreadsheet through the national team's page, in a real
// browser: the file chosen, the preview (what will be created, what is refused and
// why, with line and column), the confirmation, then the result once the background
// import is done (the page refreshes itself while it runs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeBrowser, launchBrowser, navigateBy, newPage, openMenu, visit } from './lib.mjs';

const DESKTOP = { width: 1280, height: 900 };

before(launchBrowser);
after(closeBrowser);

test('the national team imports a file of mentors: preview, confirmation, result', async () => {
  const page = await newPage({ viewport: DESKTOP });
  try {
    await visit(page, '/connexion');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('admin@mentorat.example');
    await page.getByLabel('Mot de passe', { exact: true }).fill('mentorat-demo');
    await navigateBy(page, () => page.getByRole('button', { name: 'Se connecter', exact: true }).click());

    const banner = await openMenu(page);
    await navigateBy(page, () => banner.getByRole('link', { name: 'Importer un fichier', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, '/admin/import');

    const stamp = Date.now();
    const csv = 'prenom;nom;email;commune;domaines;capacite;date_entretien;antecedents_verifies;langue;presentation\r\n'
      + `Inès;Navigateur;ines.${stamp}@exemple.fr;Compiègne;numerique;2;01/09/2026;oui;fr;Développeuse\r\n`
      + `Marc;Sansdate;marc.${stamp}@exemple.fr;60159;numerique;2;;non;fr;\r\n`;
    // The mentors' form, among the kinds of file.
    const mentors = page.getByRole('region', { name: 'Des mentors déjà validés', exact: true });
    await mentors.getByLabel('Fichier CSV', { exact: true }).setInputFiles({
      name: 'mentors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8'),
    });
    await navigateBy(page, () => mentors.getByRole('button', { name: "Voir l'aperçu", exact: true }).click());
    assert.match(new URL(page.url()).pathname, /^\/admin\/import\/[0-9a-f-]{36}$/);
    const main = page.getByRole('main');
    await main.getByText('1 personne créée', { exact: true }).waitFor();
    await main.getByText('1 ligne écartée', { exact: true }).waitFor();
    const refused = main.getByRole('table', { name: 'Lignes écartées' });
    const row = refused.getByRole('row').nth(1);
    assert.deepEqual(
      (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim()),
      ['3', 'date_entretien', `Marc Sansdate <marc.${stamp}@exemple.fr>`, 'Champ obligatoire vide.'],
    );
    const kept = main.getByRole('table', { name: 'Lignes retenues' });
    assert.match(await kept.innerText(), /Inès Navigateur/);

    // Confirmed (the script asks in a dialog); the result once the import is done.
    page.once('dialog', (dialog) => dialog.accept());
    await navigateBy(page, () => page.getByRole('button', { name: "Confirmer l'import", exact: true }).click());
    await main.getByText('Import terminé.', { exact: true }).waitFor({ timeout: 15_000 });
    await main.getByText('1 personne créée', { exact: true }).waitFor();
    await main.getByText('1 ligne écartée', { exact: true }).waitFor();
  } finally {
    await page.closeAll();
  }
});
