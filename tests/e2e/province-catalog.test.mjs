// End-to-end: an office's own catalog on the province page (issue 12). A city's recommendation
// package whose applications are answered against an office's own catalog — made here as a
// county and a city would: drafts on the county page, their application files, the city's
// review and its package — is taken in by the provincial office:
// - dropped together with that catalog (JSON, and the CSV table): the candidates join the pool,
//   nothing is rejected, the catalog is confirmed on screen;
// - picked alone in a fresh profile: refused with the coded problem that says to load the
//   catalog, and the catalog loaded from the rejected list lets the package in;
// - after a reload: the stored session is read against the kept catalog;
// - an exported work record imported in a profile without the catalog: the package is listed
//   as rejected with its problem, and nothing the office recorded is lost (exported again, it
//   still holds the package and the evidence).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { artifactsDir, cliBin, openApp, referenceCatalog, shot, siteForTests, record, storedKeys } from './serve.mjs';

const site = siteForTests();
const dir = path.join(artifactsDir(), 'province-catalog');
mkdirSync(dir, { recursive: true });

/** An office's own catalog (JSON): the reference under another id and title. */
const office = { ...referenceCatalog(), id: 'office-jinzhong-2026', title: '晋中市法治政府示范创建指标' };
const officeJson = path.join(dir, 'office-catalog.json');
writeFileSync(officeJson, JSON.stringify(office, null, 2));

/** An office's own catalog as the CSV table: the reference's table with one title changed. */
const officeCsv = path.join(dir, '晋中市指标表.csv');
const table = execFileSync(cliBin(), ['catalog', 'export-csv'], { encoding: 'utf8' });
assert.ok(table.includes('政务服务“马上办、网上办、就近办、一次办、自助办”'));
writeFileSync(officeCsv, table.replace('政务服务“马上办、网上办、就近办、一次办、自助办”', '政务服务“马上办、网上办、就近办”（晋中市）'));
/**
 * The same table as a catalog file, for the county page (its build reads JSON catalogs only):
 * imported by the CLI with the metadata the page gives a table it reads (its title from the
 * file's name, its provenance naming the file), so both are the same catalog.
 */
const officeCsvJson = path.join(dir, '晋中市指标表.json');
execFileSync(cliBin(), [
  'catalog', 'import', '--title', '晋中市指标表', '--provenance', '由表格文件「晋中市指标表.csv」导入。',
  '-o', officeCsvJson, officeCsv,
], { stdio: 'pipe' });

/** The counties of 晋中市 whose applications the city packages. */
const COUNTIES = ['140702', '140721'];

/** The keys of the catalogs kept in `page`'s store. */
async function catalogKeys(page) {
  return (await storedKeys(page)).filter((k) => k.startsWith('catalog:'));
}

/** Waits until `page`'s store keeps one catalog more than `before`, and returns its fingerprint. */
async function newCatalog(page, before) {
  for (let i = 0; i < 100; i++) {
    const added = (await catalogKeys(page)).filter((k) => !before.includes(k));
    if (added.length) return added[0].slice('catalog:'.length);
    await page.waitForTimeout(100);
  }
  throw new Error('no catalog kept');
}

/**
 * A recommendation package of 晋中市 whose applications are answered against the catalog in
 * `catalogFile` (`id` its id), made in the browser profile of `page`: the county drafts, the
 * catalog loaded from the county page's notice, the application files, the city's review.
 */
async function packageFor(page, catalogFile, id, tag) {
  const url = page.url().replace(/[^/]*$/, '');
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="true"]');
  const drafts = [];
  for (const code of COUNTIES) {
    await page.click('[data-action="new"]');
    await page.fill('#division-code', code);
    await page.click('.form-end button');
    await page.check('#ind-2-p0');
    const draftId = await page.getAttribute('.save-state', 'data-draft');
    await page.click('.brand-button');
    await page.waitForSelector(`li.draft[data-draft="${draftId}"]`);
    drafts.push(JSON.parse(await record(page, `draft:${draftId}`)));
  }
  // The catalog, loaded from the notice of a draft that names it.
  const before = await catalogKeys(page);
  const unknown = path.join(dir, `${tag}-unknown.json`);
  writeFileSync(unknown, JSON.stringify({ ...drafts[0], id: `${tag}-unknown`, catalog: { id, fingerprint: 'sha256:00' } }));
  await page.setInputFiles('.start [data-role="open-file"]', unknown);
  await page.waitForSelector('[data-notice="catalog-needed"]');
  await page.setInputFiles('[data-notice="problems"] [data-role="load-catalog"]', catalogFile);
  const fingerprint = await newCatalog(page, before);
  await page.click('[data-notice="problems"] .actions button:not(.file-button)');
  // Each county's application file, answered against it.
  const applications = [];
  for (const [i, draft] of drafts.entries()) {
    const file = path.join(dir, `${tag}-draft-${i}.json`);
    writeFileSync(file, JSON.stringify({ ...draft, id: `${tag}-${COUNTIES[i]}`, catalog: { id, fingerprint } }));
    await page.setInputFiles('.start [data-role="open-file"]', file);
    await page.waitForSelector('#ind-2-p0');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.topbar .tools button.primary')]);
    const saved = path.join(dir, `${tag}-application-${COUNTIES[i]}.json`);
    await download.saveAs(saved);
    assert.equal(JSON.parse(readFileSync(saved, 'utf8')).catalog.fingerprint, fingerprint);
    applications.push(saved);
    await page.click('.brand-button');
  }
  // The city's review of both, and its package.
  await page.goto(`${url}review.html`);
  await page.waitForSelector('#app[data-ready="true"]');
  await page.setInputFiles('[data-role="review-files"]', applications);
  for (const code of COUNTIES) {
    await page.selectOption(`tr[data-code="${code}"] [data-role="decision"]`, 'recommend');
  }
  assert.equal(await page.locator('[data-testid="rejected"]').count(), 0);
  await page.fill('#reviewer-office', '晋中市委依法治市办');
  await page.fill('#reviewer-name', '王明');
  await page.fill('#review-date', '2026-12-01');
  const [pkg] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-package"]')]);
  const saved = path.join(dir, `${tag}-package.json`);
  await pkg.saveAs(saved);
  // The CLI knows only the built-in catalogs: it refuses the package for its catalog.
  const check = spawnSync(cliBin(), ['check', '--lang', 'en', saved], { encoding: 'utf8' });
  assert.equal(check.status, 1);
  assert.match(check.stdout + check.stderr, /catalog/);
  return { file: saved, fingerprint };
}

/** The packages: against the JSON catalog and against the CSV table's. */
const made = {};

/** A fresh browser profile on the province page. */
async function provincePage(lang = 'zh') {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => d.accept());
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.server.url}province.html${lang === 'en' ? '?lang=en' : ''}`);
  await page.waitForSelector('#app[data-ready="true"]');
  await page.waitForSelector('#province-title');
  return { context, page, errors };
}

/** The pool's candidate ids. */
function poolIds(page) {
  return page.locator('[data-testid="pool"] tr[data-id]').evaluateAll((rows) => rows.map((r) => r.dataset.id));
}

/** Waits for the pool to hold `n` candidates. */
async function poolOf(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="pool"] tr[data-id]').length === n, n);
}

for (const kind of ['json', 'csv']) {
  test(`a city makes a package answered against an office catalog (${kind.toUpperCase()})`, async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    try {
      page.on('dialog', (d) => d.accept());
      await page.goto(site.server.url);
      await page.waitForSelector('#app[data-ready="true"]');
      made[kind] = kind === 'json'
        ? await packageFor(page, officeJson, office.id, 'json')
        : await packageFor(page, officeCsvJson, referenceCatalog().id, 'csv');
    } catch (e) {
      await shot(page, `province-catalog-failed-make-${kind}`);
      throw e;
    } finally {
      await context.close();
    }
  });
}

let exported;

for (const kind of ['json', 'csv']) {
  test(`province: the package dropped together with its ${kind.toUpperCase()} catalog joins the pool, also after a reload`, async () => {
    assert.ok(made[kind], 'runs after the packages are made');
    const { context, page, errors } = await provincePage();
    try {
      const catalog = kind === 'json' ? officeJson : officeCsv;
      await page.setInputFiles('[data-role="province-files"]', [made[kind].file, catalog]);
      await page.waitForSelector('[data-testid="take-report"]');
      await poolOf(page, COUNTIES.length);
      assert.equal(await page.locator('[data-testid="rejected"]').count(), 0, 'nothing rejected');
      const notice = page.locator('[data-notice="problems"]');
      assert.match(await notice.innerText(), /已载入并保存该指标目录/);
      assert.deepEqual(await catalogKeys(page), [`catalog:${made[kind].fingerprint}`]);
      await shot(page, `province-catalog-dropped-${kind}`, { fullPage: false });
      const ids = await poolIds(page);

      if (kind === 'json') {
        // Evidence on a candidate: a survey.
        await page.click(`[data-testid="pool"] tr[data-id="${ids[0]}"] [data-action="record-evidence"]`);
        await page.fill('[data-role="sv-by"]', '山西省统计局社情民意调查中心');
        await page.fill('[data-role="sv-date"]', '2021-05-20');
        await page.fill('[data-role="sv-respondents"]', '50');
        await page.fill('[data-role="sv-satisfied"]', '46');
        await page.click('[data-action="save-survey"]');
        await page.waitForFunction(() => /46\/50/.test(document.querySelector('[data-testid="survey-now"]')?.textContent ?? ''));
      }

      // Reloaded: the stored session is read against the kept catalog.
      await page.waitForFunction(() => !/保存中|Saving/.test(document.querySelector('[data-testid="province-save"]')?.textContent ?? ''));
      await page.waitForTimeout(500);
      await page.reload();
      await page.waitForSelector('#app[data-ready="true"]');
      await poolOf(page, COUNTIES.length);
      assert.deepEqual((await poolIds(page)).sort(), [...ids].sort());
      assert.equal(await page.locator('[data-testid="rejected"]').count(), 0, 'nothing rejected after the reload');
      assert.equal(await page.locator('[data-testid="load-problems"]').count(), 0);

      if (kind === 'json') {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-session"]')]);
        exported = path.join(dir, 'province-session.json');
        await download.saveAs(exported);
        const saved = JSON.parse(readFileSync(exported, 'utf8'));
        assert.equal(saved.packages.length, 1);
        assert.equal(Object.keys(saved.evidence).length, 1);
      }
      assert.deepEqual(errors, []);
    } catch (e) {
      await shot(page, `province-catalog-failed-${kind}`, { fullPage: true });
      throw e;
    } finally {
      await context.close();
    }
  });
}

for (const lang of ['zh', 'en']) {
  test(`province (${lang}): the package alone is refused for its catalog; the catalog loaded from the rejected list lets it in`, async () => {
    assert.ok(made.json, 'runs after the packages are made');
    const { context, page, errors } = await provincePage(lang);
    try {
      const accept = await page.getAttribute('[data-role="province-files"]', 'accept');
      assert.match(accept, /\.csv/, 'catalog tables can be picked with the packages');
      await page.setInputFiles('[data-role="province-files"]', [made.json.file]);
      const rejected = page.locator('[data-testid="rejected"]');
      await rejected.waitFor();
      const text = await rejected.innerText();
      assert.match(text, /unknown-catalog/);
      assert.match(text, lang === 'zh' ? /请载入该目录文件/ : /load (that|the) catalog/i);
      assert.equal(await page.locator('[data-testid="pool"] tr[data-id]').count(), 0);
      const input = rejected.locator('[data-role="load-catalog"]');
      assert.match(await input.getAttribute('accept'), /\.csv/);
      await shot(page, `province-catalog-needed-${lang}`);
      await page.setViewportSize({ width: 360, height: 780 });
      await rejected.scrollIntoViewIfNeeded();
      await shot(page, `province-catalog-needed-${lang}-phone`, { width: 360, height: 780 });
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, 'no sideways scrolling at 360 px');
      await page.setViewportSize({ width: 1280, height: 900 });

      await input.setInputFiles(officeJson);
      await poolOf(page, COUNTIES.length);
      assert.equal(await rejected.count(), 0, 'no longer rejected');
      await shot(page, `province-catalog-loaded-${lang}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('province: a work record imported without its catalog lists the package as rejected and loses nothing', async () => {
  assert.ok(exported, 'runs after the JSON case exported its work record');
  const { context, page, errors } = await provincePage();
  try {
    await page.setInputFiles('[data-role="import-session"]', exported);
    const rejected = page.locator('[data-testid="rejected"]');
    await rejected.waitFor();
    const text = await rejected.innerText();
    assert.match(text, /unknown-catalog/);
    assert.match(text, /请载入该目录文件/);
    assert.equal(await page.locator('[data-testid="pool"] tr[data-id]').count(), 0);
    await shot(page, 'province-catalog-import-without');
    // Exported again: the package and the evidence are still in the record.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-session"]')]);
    const again = path.join(dir, 'province-session-again.json');
    await download.saveAs(again);
    const before = JSON.parse(readFileSync(exported, 'utf8'));
    const after = JSON.parse(readFileSync(again, 'utf8'));
    assert.deepEqual(after.packages, before.packages, 'the package is kept');
    assert.deepEqual(after.evidence, before.evidence, 'the evidence is kept');
    // The catalog loaded now: the candidates come back with their evidence.
    await rejected.locator('[data-role="load-catalog"]').setInputFiles(officeJson);
    await poolOf(page, COUNTIES.length);
    assert.equal(await rejected.count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
