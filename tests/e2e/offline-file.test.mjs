// End-to-end: the single-file edition (dist/shifan-offline.html, written by `cargo xtask dist`)
// opened straight from disk (file://), as an office that got it on a USB stick does. It loads
// with nothing else (no request but the file itself, every connection refused by its policy),
// says where the draft is kept, saves the draft to a file and shows when, completes a short
// self-assessment whose downloaded file `shifan check` accepts, opens the saved draft again in a
// browser with empty storage, and switches to the review and training by the address's fragment.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { answerCard, artifactsDir, cliBin, distDir, indicatorsOf, launchBrowser, referenceCatalog } from './serve.mjs';

const file = path.join(distDir(), 'shifan-offline.html');
const url = pathToFileURL(file).href;
const indicators = indicatorsOf(referenceCatalog());
const byNumber = (n) => indicators.find((i) => i.number === n);

let browser;
before(async () => {
  assert.ok(existsSync(file), `${file} is missing: run \`cargo xtask dist\``);
  browser = await launchBrowser();
});
after(() => browser?.close());

/**
 * Opens the file (at `hash`) in a fresh context (empty storage) and waits for the app. Every
 * request but the file itself, and every error, is collected.
 */
async function openFile(hash = '') {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u.split('#')[0].split('?')[0] !== url && !u.startsWith('blob:')) requests.push(u);
  });
  await page.goto(url + hash);
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
  return { context, page, errors, requests };
}

const text = (page, sel) => page.locator(sel).innerText();

test('from disk: a short self-assessment, saved to a file, downloaded and accepted by shifan check', async () => {
  const { context, page, errors, requests } = await openFile();
  try {
    // The policy forbids every connection: default-src 'none', nothing from anywhere.
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /^default-src 'none';/);
    assert.doesNotMatch(csp, /'self'|'unsafe-inline'|https?:|connect-src/);
    assert.equal(
      await page.evaluate(() => fetch('data:text/plain,x').then(() => 'fetched', () => 'refused')),
      'refused',
    );
    // The refusal is the policy's (and logged as such); nothing else went wrong.
    assert.ok(errors.length > 0 && errors.every((e) => /Content Security Policy/.test(e)), errors.join(' | '));
    errors.length = 0;
    // Where the draft is kept, before anything is entered.
    assert.match(await text(page, '[data-testid="where-kept"]'), /草稿只暂存在本浏览器中.*保存到文件/);

    await page.click('[data-action="new"]');
    await page.selectOption('#city', '140100');
    await page.selectOption('#county', '140105');
    await page.fill('#contact-name', '张三');
    await page.click('.form-end button');
    await page.waitForSelector('#ind-1');
    assert.equal(await text(page, '[data-testid="file-state"]'), '尚未保存到文件');
    for (const [n, status] of [[1, 'met'], [2, 'partly_met'], [3, 'not_met'], [4, 'met']]) {
      await answerCard(page, byNumber(n), status);
    }

    // Save to file: the draft record, and the bar says when.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-to-file"]')]);
    const draftFile = path.join(artifactsDir(), 'offline-draft.json');
    await saved.saveAs(draftFile);
    assert.match(saved.suggestedFilename(), /^shifan-draft-.+\.json$/);
    assert.equal(JSON.parse(readFileSync(draftFile, 'utf8')).division_code, '140105');
    assert.match(await text(page, '[data-testid="file-state"]'), /^已保存到文件 \d{4}-\d\d-\d\d \d\d:\d\d$/);
    // A change after the save: the bar says the file is behind.
    await answerCard(page, byNumber(5), 'met');
    assert.match(await text(page, '[data-testid="file-state"]'), /保存到文件后又有改动$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifactsDir(), 'offline-file.png') });

    // The application file (a weak one is confirmed first), checked by the CLI.
    page.on('dialog', (d) => d.accept());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.topbar .tools button.primary:not([data-action])'),
    ]);
    const application = path.join(artifactsDir(), 'offline-application.json');
    await download.saveAs(application);
    assert.match(download.suggestedFilename(), /^太原市-小店区-综合示范-/);
    const run = spawnSync(cliBin(), ['check', '--json', application], { encoding: 'utf8' });
    assert.equal(run.status, 0, `shifan check failed: ${run.stdout}${run.stderr}`);
    const [entry] = JSON.parse(run.stdout);
    assert.equal(entry.status, 'ok');
    assert.equal(entry.application.met, 3);

    assert.deepEqual(requests, [], 'the page asked for nothing but itself');
    assert.deepEqual(errors, []);

    // A browser whose storage is empty (another computer, a moved file): the saved file
    // continues the draft with every answer.
    const again = await openFile();
    try {
      await again.page.setInputFiles('[data-role="open-file"]', draftFile);
      await again.page.waitForSelector('#ind-1');
      for (const [n, status] of [[1, 'met'], [2, 'partly_met'], [3, 'not_met'], [4, 'met']]) {
        assert.equal(await again.page.getAttribute(`#ind-${n}`, 'data-status'), status, `indicator ${n}`);
      }
      assert.equal(await again.page.getAttribute('#ind-5', 'data-status'), 'unanswered');
      assert.deepEqual(again.errors, []);
    } finally {
      await again.context.close();
    }
  } finally {
    await context.close();
  }
});

test('from disk: every mode is in the file, chosen by the address, and the spreadsheet module runs', async () => {
  const { context, page, errors, requests } = await openFile('#review');
  try {
    assert.equal(await page.getAttribute('#app', 'data-mode'), 'review');
    await page.waitForSelector('[data-role="review-files"]');
    // An in-page anchor (the skip link's) is no change of mode: no reload.
    await page.evaluate(() => {
      window.shifanSameDocument = true;
      location.hash = '#content';
    });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.shifanSameDocument), true, 'no reload for #content');
    assert.equal(await page.getAttribute('#app', 'data-mode'), 'review');
    // The links between modes stay in the file.
    assert.equal(await page.getAttribute('a.brand-button', 'href'), '#');
    const training = page.locator('[data-action="training"], [data-action="start-training"]').first();
    assert.equal(await training.getAttribute('href'), '#training');
    await training.click();
    await page.waitForFunction(() => document.getElementById('app')?.dataset.mode === 'training');
    await page.waitForSelector('#app[data-ready="true"]');
    // The spreadsheet writer is inlined too and starts without a fetch.
    assert.equal(
      await page.evaluate(() => globalThis.shifanXlsx().then((m) => typeof m.workbook)),
      'function',
    );
    await page.goto(url);
    await page.waitForSelector('#app[data-ready="true"]');
    assert.equal(await page.getAttribute('#app', 'data-mode'), null);
    await page.waitForSelector('[data-action="new"]');
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
