// No network, proven: on every page, every request the browser makes from the first load to a
// download is recorded (the page's and any service worker's, through the browser context),
// and each must be a GET of one of the site's own files, on the site's own origin. A service
// worker may fetch the site's files again to check for an update; nothing may go elsewhere.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { distDir, repoRoot, siteForTests } from './serve.mjs';

const site = siteForTests();

/** A fresh context whose every request is recorded (`requests`: method and URL). */
async function recorded() {
  const context = await site.browser.newContext({ acceptDownloads: true });
  const requests = [];
  context.on('request', (r) => requests.push({ method: r.method(), url: r.url(), worker: Boolean(r.serviceWorker()) }));
  context.on('requestfailed', (r) => requests.push({ method: r.method(), url: r.url(), failed: r.failure()?.errorText }));
  return { context, requests };
}

/** The requests that are not a GET of a file of the built site on its origin. */
function foreign(requests) {
  const origin = new URL(site.server.url).origin;
  return requests.filter((r) => {
    if (r.url.startsWith('blob:') || r.url.startsWith('data:')) return false;
    const url = new URL(r.url);
    if (url.origin !== origin || r.method !== 'GET' || r.failed) return true;
    const file = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    return !existsSync(path.join(distDir(), file));
  });
}

test('the county page: load, answer, download: only the site’s own files', async () => {
  const { context, requests } = await recorded();
  try {
    const page = await context.newPage();
    await page.goto(site.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    const atStart = requests.length;
    assert.ok(atStart > 0, 'the load itself is recorded');
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140105');
    await page.click('.form-end button');
    await page.check('#ind-1-p0');
    await page.waitForSelector('#ind-1[data-status]');
    page.once('dialog', (d) => d.accept());
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('header .tools button.primary')]);
    assert.match(download.suggestedFilename(), /\.json$/);
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    assert.deepEqual(foreign(requests), []);
  } finally {
    await context.close();
  }
});

test('the city review: load, open files, export the table: only the site’s own files', async () => {
  const { context, requests } = await recorded();
  try {
    const page = await context.newPage();
    await page.goto(new URL('review.html', site.server.url).href);
    await page.waitForSelector('#app[data-ready="true"]');
    const files = ['valid-comprehensive.json', 'below-bar.json', 'packages/valid-package.json'].map((f) => path.join(repoRoot, 'tests/fixtures', f));
    await page.setInputFiles('[data-role="review-files"]', files);
    await page.waitForSelector('tr[data-code="140105"]');
    // The spreadsheet writer is loaded on this click: from the site too.
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-action="export-xlsx"]')]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    assert.ok(requests.some((r) => /xlsx/.test(r.url)), 'the writer module was fetched');
    assert.deepEqual(foreign(requests), []);
  } finally {
    await context.close();
  }
});

test('training: load, search, a demo county: only the site’s own files', async () => {
  const { context, requests } = await recorded();
  try {
    const page = await context.newPage();
    await page.goto(new URL('training.html', site.server.url).href);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('.catalog-browser');
    await page.fill('#catalog-search', '复议');
    await page.click('[data-demo="above"] button');
    await page.waitForSelector('#ind-1');
    assert.deepEqual(foreign(requests), []);
  } finally {
    await context.close();
  }
});

test('no page names another host', () => {
  for (const file of ['index.html', 'review.html', 'training.html']) {
    const html = readFileSync(path.join(distDir(), file), 'utf8');
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, file);
  }
});
