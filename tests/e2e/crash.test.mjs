// End-to-end, the way work was lost: Chromium on a profile directory, answers given, the
// browser process killed with SIGKILL one second after the last change (as a crash or a hung
// PC's forced end does), started again on the same profile — every answer must be there. The
// same for a city review's decision. And a profile that holds drafts in the format pages kept
// before the store (localStorage) finds them after the move.
//
// What this proves: a change had reached the operating system (the file system of the
// profile) one second after it was made. Not that it survives a power cut: that depends on the
// OS flushing its caches, which a killed browser does not test.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { answer, answersAfterRestart, open, sleep, startOnProfile, tempProfile } from './profile.mjs';
import { cliBin, startServer } from './serve.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

test('answers survive the browser being killed one second after the last change', async () => {
  const profile = tempProfile();
  try {
    let chromium = await startOnProfile(profile.dir);
    const page = await open(chromium.context, server.url);
    await answer(page, 7);
    await sleep(1000);
    await chromium.kill();

    chromium = await startOnProfile(profile.dir);
    try {
      const again = await open(chromium.context, server.url);
      const statuses = await answersAfterRestart(again, 7);
      assert.ok(statuses, 'the start page lists the draft');
      assert.deepEqual(statuses, Array(7).fill('partly_met'));
      assert.match(await again.locator('.save-state').innerText(), /./);
    } finally {
      await chromium.close();
    }
  } finally {
    profile.remove();
  }
});

test('a change made just before the page is left is written by pagehide, and survives a kill', async () => {
  const profile = tempProfile();
  try {
    let chromium = await startOnProfile(profile.dir);
    const page = await open(chromium.context, server.url);
    await answer(page, 3);
    // Leave at once, well inside the autosave's 400 ms: only the pagehide save can write it.
    await page.goto('about:blank');
    await sleep(1000);
    await chromium.kill();

    chromium = await startOnProfile(profile.dir);
    try {
      const again = await open(chromium.context, server.url);
      assert.deepEqual(await answersAfterRestart(again, 3), Array(3).fill('partly_met'));
    } finally {
      await chromium.close();
    }
  } finally {
    profile.remove();
  }
});

test('a review decision survives the browser being killed one second later', async () => {
  const profile = tempProfile();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-crash-'));
  try {
    const files = ['140105', '140106'].map((code, i) => {
      const out = path.join(dir, `${code}.json`);
      execFileSync(cliBin(), ['sample', '--county', code, '--met', String(90 - i * 5), '--seed', String(i + 1), '-o', out]);
      return out;
    });
    let chromium = await startOnProfile(profile.dir);
    const page = await open(chromium.context, `${server.url}review.html`);
    await page.setInputFiles('[data-role="review-files"]', files);
    await page.locator('table.comparison tbody tr').nth(1).waitFor();
    const id = await page.locator('table.comparison tbody tr').first().getAttribute('data-id');
    // Let the opened files be saved, then decide: the decision is the last change.
    await sleep(1500);
    await page.selectOption(`tr[data-id="${id}"] [data-role="decision"]`, 'recommend');
    await sleep(1000);
    await chromium.kill();

    chromium = await startOnProfile(profile.dir);
    try {
      const again = await open(chromium.context, `${server.url}review.html`);
      await again.locator('table.comparison tbody tr').nth(1).waitFor();
      assert.equal(await again.locator(`tr[data-id="${id}"] [data-role="decision"]`).inputValue(), 'recommend');
      assert.equal(await again.locator(`tr[data-id="${id}"] [data-testid="rank"]`).innerText(), '1');
    } finally {
      await chromium.close();
    }
  } finally {
    profile.remove();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('drafts kept in localStorage by earlier pages are found after the move', async () => {
  const profile = tempProfile();
  try {
    // A profile as earlier pages left it: two drafts and a damaged one in localStorage. The
    // page is kept from starting (its script is blocked) while they are written.
    let chromium = await startOnProfile(profile.dir);
    const setup = await chromium.context.newPage();
    await setup.route('**/*.js', (route) => route.abort());
    await setup.goto(server.url);
    const sampleFile = path.join(profile.dir, '..', `${path.basename(profile.dir)}-sample.json`);
    execFileSync(cliBin(), ['sample', '--county', '140105', '--met', '40', '--seed', '3', '-o', sampleFile]);
    const draft = JSON.parse(readFileSync(sampleFile, 'utf8'));
    rmSync(sampleFile);
    await setup.evaluate((application) => {
      // Draft::to_json's record, as the pages before the store wrote it.
      const record = (id, division, updated) => JSON.stringify({
        format: 'shifan.draft', format_version: 1, id,
        catalog: application.catalog, created: updated, updated,
        division_code: division, contact: { name: '张明', phone: '', email: '' },
        kind: application.kind, answers: application.answers,
      });
      localStorage.setItem('shifan.draft.old-1', record('old-1', '140105', '2026-11-01T08:00:00.000Z'));
      localStorage.setItem('shifan.draft.old-2', record('old-2', '140106', '2026-11-02T08:00:00.000Z'));
      localStorage.setItem('shifan.draft.old-3', '{"format": "shifan.draft", "answ');
    }, draft);
    await setup.close();
    // localStorage reaches the disk late: let it, then close the browser normally.
    await sleep(12_000);
    await chromium.close();

    chromium = await startOnProfile(profile.dir);
    try {
      const page = await open(chromium.context, server.url);
      const list = page.locator('.drafts');
      assert.match(await list.innerText(), /小店区/);
      assert.match(await list.innerText(), /迎泽区/);
      assert.equal(await page.locator('[data-corrupt="draft:old-3"]').count(), 1, 'the damaged one is shown');
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shifan.'))), []);
      // And once more: they are in the store now, not in localStorage.
      await page.reload();
      await page.waitForSelector('#app[data-ready="true"]');
      assert.equal(await page.locator('.drafts .draft:not(.corrupt)').count(), 2);
    } finally {
      await chromium.close();
    }
  } finally {
    profile.remove();
  }
});
