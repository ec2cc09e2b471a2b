// Storage faults, simulated as a person's browser would have them: a saved draft and a review
// session damaged in the store each say what is wrong and give their text as a download,
// while the page goes on working; in the city review a full store and a store the browser
// refuses each say so and offer the package, which keeps everything. (The county page's full
// and refused store are in selfassessment.test.mjs.)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { repoRoot, siteForTests } from './serve.mjs';

const site = siteForTests();
const fixture = (name) => path.join(repoRoot, 'tests/fixtures', name);

/** Writes `records` ({key: text}) into the page's store, as the page itself keeps them. */
function putRecords(page, records) {
  return page.evaluate(async (records) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('shifan');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('records', 'readwrite');
      for (const [key, text] of Object.entries(records)) tx.objectStore('records').put(text, key);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

/** The text of a download. */
async function downloaded(download) {
  const file = await download.path();
  return readFileSync(file, 'utf8');
}

test('a damaged saved draft is listed with its problem and its text can be downloaded', async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    const raw = '{"format": "shifan.draft", "format_version": 1, "id": "broken-1", "answ';
    await putRecords(page, { 'draft:broken-1': raw });
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    const item = page.locator('[data-corrupt="draft:broken-1"]');
    await item.waitFor();
    assert.equal(await item.locator('li.problem').first().getAttribute('data-code'), 'not-json');
    assert.ok((await item.locator('li.problem .message').first().innerText()).length > 4);
    const [download] = await Promise.all([page.waitForEvent('download'), item.locator('[data-action="download-corrupt"]').click()]);
    assert.equal(await downloaded(download), raw, 'the text as it was stored');
    // The page goes on: a new draft starts.
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140105');
    await page.click('.form-end button');
    await page.check('#ind-1-p0');
    await page.waitForSelector('#ind-1[data-status]');
  } finally {
    await context.close();
  }
});

test('a damaged review session says so, keeps its text for download, and a new review works', async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    const review = new URL('review.html', site.server.url).href;
    await page.goto(review);
    await page.waitForSelector('#app[data-ready="true"]');
    const raw = '{"format": "shifan.review-session", "format_version": 1, "applications": [{"file_name": "县.json"';
    await putRecords(page, { 'review:session': raw });
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    const notice = page.locator('[data-notice="review-load-failed"]');
    await notice.waitFor();
    assert.equal(await notice.locator('li.problem').first().getAttribute('data-code'), 'not-json');
    const [download] = await Promise.all([page.waitForEvent('download'), notice.locator('[data-action="download-unreadable-session"]').click()]);
    assert.equal(await downloaded(download), raw);
    await page.setInputFiles('[data-role="review-files"]', [fixture('valid-comprehensive.json')]);
    await page.waitForSelector('tr[data-code="140105"]');
    // Nothing was lost: the damaged text is still in the store, beside the new session.
    const kept = await page.evaluate(async () => {
      const db = await new Promise((resolve) => {
        const request = indexedDB.open('shifan');
        request.onsuccess = () => resolve(request.result);
      });
      const value = await new Promise((resolve) => {
        const request = db.transaction('records').objectStore('records').get('review:unreadable');
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return value;
    });
    assert.equal(kept, raw);
  } finally {
    await context.close();
  }
});

for (const [what, init, words] of [
  [
    'full',
    () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (String(key).startsWith('review:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    },
    /存储空间已满/,
  ],
  [
    'refused by the browser',
    () => {
      for (const name of ['indexedDB', 'localStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      }
    },
    /存储/,
  ],
]) {
  test(`the city review with a store that is ${what} says so and offers the package`, async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(init);
    try {
      const page = await context.newPage();
      await page.goto(new URL('review.html', site.server.url).href);
      await page.waitForSelector('#app[data-ready="true"]');
      await page.setInputFiles('[data-role="review-files"]', [fixture('valid-comprehensive.json'), fixture('below-bar.json')]);
      await page.waitForSelector('tr[data-code="140105"]');
      const banner = page.locator('[data-notice="review-save-failed"]');
      await banner.waitFor({ timeout: 10_000 });
      assert.match(await banner.innerText(), words);
      await page.selectOption('tr[data-code="140105"] [data-role="decision"]', 'recommend');
      const [download] = await Promise.all([page.waitForEvent('download'), banner.locator('button.primary').click()]);
      const json = JSON.parse(await downloaded(download));
      assert.equal(json.format, 'shifan.package');
      assert.equal(json.decisions.filter((d) => d.decision === 'recommend').length, 1);
    } finally {
      await context.close();
    }
  });
}
