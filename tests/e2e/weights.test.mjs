// The province page's weights, as a provincial office sets them: each kind's weights are shown
// with where they come from (the Shanxi profile's are defaults, not published); a change that
// does not add up to 1 is refused with the rules' message and what was typed stays; a change
// with a reason re-ranks with the new formula, lists the change, and survives a reload; the
// page does not scroll sideways on a phone. Screenshots go to tests/e2e/artifacts/weights-*.png.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { artifactsDir, cliBin, shot, siteForTests } from './serve.mjs';

const site = siteForTests();

async function openProvince(context, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(site.server.url + 'province.html' + query);
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('[data-screen="province"]');
  return { page, errors };
}

const saved = (page) =>
  page.waitForFunction(() => /已于.*保存|Saved/.test(document.querySelector('[data-testid="province-save"]')?.textContent ?? ''));

const weights = (page) => page.locator('[data-testid="weights-comprehensive"]');
const firstFormula = (page) =>
  page.locator('[data-testid="ranking-comprehensive"] tr[data-standing="ranked"] [data-col="formula"]').first().innerText();

test('a provincial office changes the comprehensive weights with a reason, and a sum that is not 1 is refused', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-weights-'));
  execFileSync(cliBin(), ['sample', '--round', '--cities', '2', '--candidates', '12', '-o', dir], { stdio: 'pipe' });
  const packages = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
  const context = await site.browser.newContext();
  try {
    const { page, errors } = await openProvince(context);
    await page.setInputFiles('[data-role="province-files"]', packages);
    await page.waitForSelector('[data-testid="take-report"]');
    await page.setInputFiles('[data-role="province-scores"]', path.join(dir, 'scores.csv'));
    await page.waitForSelector('[data-testid="scores-applied"]');

    // The profile's weights, each marked as a default the office must set.
    const rows = weights(page).locator('tbody tr');
    const parts = await rows.count();
    assert.ok(parts >= 3, `parts: ${parts}`);
    assert.equal(await weights(page).locator('[data-source="default"]').count(), parts);
    assert.match(await weights(page).innerText(), /默认值/);
    // The profile's note says why, in the page's language only.
    const notes = await weights(page).locator('[data-role="source-note"]').allInnerTexts();
    assert.ok(notes.length >= 1, 'a note per default weight');
    for (const note of notes) assert.match(note, /^[^A-Za-z]*$/, `Chinese only: ${note}`);
    const before = await firstFormula(page);

    // A change that adds up to more than 1 is refused; the typed weights and reason stay.
    await weights(page).locator('summary').click();
    const inputs = weights(page).locator('[data-role="weight"]');
    const typed = ['1/2', '1/2', '1/2', ...Array(parts - 3).fill('0')];
    for (const [i, w] of typed.entries()) await inputs.nth(i).fill(w);
    await weights(page).locator('[data-role="weights-reason"]').fill('省专家组论证意见');
    await weights(page).locator('button[type="submit"]').click();
    const refusal = weights(page).locator('[data-testid="weights-problems"]');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /权重/);
    assert.equal(await inputs.nth(2).inputValue(), '1/2');
    assert.equal(await weights(page).locator('[data-role="weights-reason"]').inputValue(), '省专家组论证意见');
    assert.equal(await firstFormula(page), before, 'nothing re-ranked');
    await shot(page, 'weights-refused', { fullPage: false });

    // Fixed: applied, re-ranked with the new weights, and the change listed with its reason.
    await inputs.nth(0).fill('30%');
    await inputs.nth(1).fill('0.4');
    await inputs.nth(2).fill('3/10');
    await weights(page).locator('button[type="submit"]').click();
    await weights(page).locator('[data-testid="adjustments"]').waitFor();
    assert.equal(await refusal.count(), 0);
    assert.match(await weights(page).locator('[data-testid="adjustments"]').innerText(), /第三方评估 1\/2 → 2\/5。理由：省专家组论证意见/);
    assert.equal(await weights(page).locator('[data-source="office"]').count(), parts);
    const after = await firstFormula(page);
    assert.notEqual(after, before);
    assert.match(after, /^3\/10 × .* \+ 2\/5 ×/);
    await saved(page);
    await weights(page).scrollIntoViewIfNeeded();
    await shot(page, 'weights-changed');

    // A reload finds the office's weights.
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await weights(page).locator('[data-testid="adjustments"]').waitFor();
    assert.equal(await firstFormula(page), after);

    // On a phone the page does not scroll sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    await weights(page).locator('summary').click();
    await weights(page).scrollIntoViewIfNeeded();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, 'no horizontal scroll at 360 px');
    await page.screenshot({ path: path.join(artifactsDir(), 'weights-360.png') });

    // In English, the same panel speaks English.
    const en = await openProvince(context, '?lang=en');
    assert.match(await weights(en.page).innerText(), /Weights of the parts/);
    assert.match(await weights(en.page).innerText(), /set by the office/);
    // The office's reason is shown as typed (in Chinese, here), the profile's notes in English.
    assert.deepEqual(await weights(en.page).locator('[data-role="source-note"]').allInnerTexts(), Array(parts).fill('省专家组论证意见'));
    assert.deepEqual([...errors, ...en.errors], []);
  } finally {
    await context.close();
  }
});
