// End-to-end: an office's own catalog (issue 8, defect 4). A file answered against it opens
// on the county page once the catalog is loaded from the "load the catalog first" notice, and
// still after a reload (the catalog is kept in the store, `catalog:<fingerprint>`); in the
// review, the catalog dropped together with such a file is loaded, not rejected.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { artifactsDir, openApp, referenceCatalog, siteForTests, record, storedKeys } from './serve.mjs';

const site = siteForTests();
const dir = path.join(artifactsDir(), 'catalog');
mkdirSync(dir, { recursive: true });

/** An office's own catalog: the reference under another id and title. */
const office = { ...referenceCatalog(), id: 'office-jinzhong-2026', title: '晋中市法治政府示范创建指标' };
const officePath = path.join(dir, 'office-catalog.json');
writeFileSync(officePath, JSON.stringify(office, null, 2));

/** Waits for a store key starting with `prefix` and returns it. */
async function keyLike(page, prefix) {
  for (let i = 0; i < 100; i++) {
    const key = (await storedKeys(page)).find((k) => k.startsWith(prefix));
    if (key) return key;
    await page.waitForTimeout(100);
  }
  throw new Error(`no stored key ${prefix}…`);
}

/** Loads the office catalog from the notice's button and waits for it to be kept. */
async function loadFromNotice(page) {
  await page.waitForSelector('[data-notice="catalog-needed"]');
  await page.setInputFiles('[data-notice="problems"] [data-role="load-catalog"]', officePath);
  await page.waitForFunction(() => /已载入并保存该指标目录/.test(document.querySelector('[data-notice="problems"]')?.textContent ?? ''));
  return keyLike(page, 'catalog:');
}

/** An application file answered against the office catalog, made and downloaded on the page. */
let application;

test('county page: a file of an office catalog offers to load it; kept, the file opens, also after a reload', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  page.on('dialog', (d) => d.accept());
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    // A draft record of this page, pointed at the office catalog (unknown here yet).
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140702');
    await page.click('.form-end button');
    await page.check('#ind-2-p0');
    const id = await page.getAttribute('.save-state', 'data-draft');
    await page.click('.brand-button');
    await page.waitForSelector(`li.draft[data-draft="${id}"]`);
    const draft = JSON.parse(await record(page, `draft:${id}`));
    const unknown = path.join(dir, 'office-draft-unknown.json');
    writeFileSync(unknown, JSON.stringify({ ...draft, catalog: { id: office.id, fingerprint: 'sha256:00' } }));

    // The notice says the catalog is missing, and offers to load it.
    await page.setInputFiles('.start [data-role="open-file"]', unknown);
    const notice = page.locator('[data-notice="problems"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /unknown-catalog/);
    assert.match(await notice.innerText(), /请载入该目录文件/);
    const key = await loadFromNotice(page);
    const fingerprint = key.slice('catalog:'.length);
    assert.match(fingerprint, /^sha256:[0-9a-f]{64}$/);
    assert.equal(JSON.parse(await record(page, key)).id, office.id, 'the catalog is kept as JSON');

    // A draft against it opens now; its application file is downloaded.
    const good = path.join(dir, 'office-draft.json');
    writeFileSync(good, JSON.stringify({ ...draft, id: 'office-draft', catalog: { id: office.id, fingerprint } }));
    await page.click('[data-notice="problems"] .actions button:not(.file-button)');
    await page.setInputFiles('.start [data-role="open-file"]', good);
    await page.waitForSelector('#ind-2-p0');
    assert.equal(await page.isChecked('#ind-2-p0'), true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.topbar .tools button.primary')]);
    application = path.join(dir, 'office-application.json');
    await download.saveAs(application);
    assert.equal(JSON.parse((await import('node:fs')).readFileSync(application, 'utf8')).catalog.fingerprint, fingerprint);

    // After a reload the kept catalog is read first: the drafts against it are listed, none
    // is unreadable.
    await page.click('.brand-button');
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('li.draft');
    assert.equal(await page.locator('li.draft.corrupt').count(), 0);
    assert.ok((await page.locator('li.draft').count()) >= 2);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }

  // Another browser profile: the application file asks for the catalog and opens as soon as
  // the catalog is loaded from its notice, without being picked again; after a reload it
  // opens without asking for the catalog.
  const other = await openApp(site.browser, site.server.url);
  try {
    const p = other.page;
    await p.setInputFiles('.start [data-role="open-file"]', application);
    await loadFromNotice(p);
    await p.waitForSelector('#ind-2-p0');
    assert.equal(await p.isChecked('#ind-2-p0'), true);
    await p.click('.brand-button');
    await p.reload();
    await p.waitForSelector('#app[data-ready="true"]');
    await p.setInputFiles('.start [data-role="open-file"]', application);
    // The same application as the draft just saved: the page asks; continuing opens it.
    await p.click('[data-notice="duplicate"] [data-action="continue-existing"]');
    await p.waitForSelector('#ind-2-p0');
    assert.equal(await p.isChecked('#ind-2-p0'), true);
    assert.deepEqual(other.errors, []);
  } finally {
    await other.page.close();
  }
});

test('review: a file refused for its catalog joins the table once the catalog is loaded from the rejected list', async () => {
  assert.ok(application, 'runs after the county test');
  const { page, errors } = await openApp(site.browser, `${site.server.url}review.html`);
  try {
    await page.setInputFiles('[data-role="review-files"]', [application]);
    const rejected = page.locator('[data-testid="rejected"]');
    await rejected.waitFor();
    assert.match(await rejected.innerText(), /unknown-catalog/);
    await page.setInputFiles('[data-testid="rejected"] [data-role="load-catalog"]', officePath);
    await page.waitForSelector('tr[data-code="140702"]');
    assert.equal(await rejected.count(), 0, 'no longer rejected');
    await keyLike(page, 'catalog:');
    await page.waitForTimeout(1000);
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('tr[data-code="140702"]');
    assert.equal(await page.locator('[data-testid="rejected"]').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('review: a catalog dropped together with a file answered against it is loaded, and the file compared', async () => {
  assert.ok(application, 'runs after the county test');
  const { page, errors } = await openApp(site.browser, `${site.server.url}review.html`);
  try {
    await page.setInputFiles('[data-role="review-files"]', [application, officePath]);
    await page.waitForSelector('tr[data-code="140702"]');
    assert.equal(await page.locator('[data-testid="rejected"]').count(), 0, 'nothing rejected');
    await keyLike(page, 'catalog:');
    // Reloaded, the stored session is read against the kept catalog.
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('tr[data-code="140702"]');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
