// End-to-end: opening a downloaded file of a saved draft (issue 8, defect 5). The page asks
// whether to continue the saved draft or keep a separate copy, instead of making a second
// draft nobody can tell apart; the drafts list shows each draft's start and short id.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { artifactsDir, openApp, shot, siteForTests } from './serve.mjs';

const site = siteForTests();

test('a downloaded file of a saved draft asks: continue it, keep a copy, or neither', async () => {
  const dir = path.join(artifactsDir(), 'duplicate');
  mkdirSync(dir, { recursive: true });
  const { page, errors } = await openApp(site.browser, site.server.url);
  page.on('dialog', (d) => d.accept());
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140105');
    await page.click('.form-end button');
    await page.check('#ind-2-p0');
    const id = await page.getAttribute('.save-state', 'data-draft');
    const file = path.join(dir, 'application.json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.topbar .tools button.primary')]);
    await download.saveAs(file);
    await page.click('.brand-button');
    await page.waitForSelector(`li.draft[data-draft="${id}"]`);

    // Open neither: nothing changes.
    await page.setInputFiles('.start [data-role="open-file"]', file);
    const ask = page.locator('[data-notice="duplicate"]');
    await ask.waitFor();
    assert.match(await ask.innerText(), /同一份申报/);
    assert.match(await ask.innerText(), new RegExp(id.slice(-6)));
    await shot(page, 'duplicate-ask-zh');
    await page.click('[data-action="open-neither"]');
    await ask.waitFor({ state: 'detached' });
    assert.equal(await page.locator('li.draft').count(), 1);

    // Continue: the saved draft opens, no second one is made.
    await page.setInputFiles('.start [data-role="open-file"]', file);
    await page.click('[data-action="continue-existing"]');
    await page.waitForSelector('#ind-2-p0');
    assert.equal(await page.getAttribute('.save-state', 'data-draft'), id);
    await page.click('.brand-button');
    await page.waitForSelector(`li.draft[data-draft="${id}"]`);
    assert.equal(await page.locator('li.draft').count(), 1);

    // Keep a copy: a draft of its own, and the list tells the two apart by their short ids.
    await page.setInputFiles('.start [data-role="open-file"]', file);
    await page.click('[data-action="keep-copy"]');
    await page.waitForFunction((id) => {
      const open = document.querySelector('.save-state')?.dataset.draft;
      return open && open !== id;
    }, id);
    await page.click('.brand-button');
    await page.waitForFunction(() => document.querySelectorAll('li.draft').length === 2);
    const ids = await page.locator('li.draft .short-id').allInnerTexts();
    assert.equal(new Set(ids).size, 2, `short ids differ: ${ids}`);
    assert.ok(ids.some((t) => t.includes(id.slice(-6))));
    assert.equal(await page.locator('li.draft .started').count(), 2);
    await shot(page, 'duplicate-two-drafts-zh');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
