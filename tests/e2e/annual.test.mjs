// The annual report page (annual.html), as a county office uses it: reached from the county
// page, start 小店区's report on the past year, see the deadline with the days left, write the
// parts (counters follow), reload half-way and find every word, attach the year's
// self-assessment, export the sealed file (which `shifan check` accepts), download the HTML and
// text versions (the user's markup escaped), print the A4 version, and a second tab is warned.
// Screenshots go to tests/e2e/artifacts/annual-*.png.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { axeContext, axeViolations, describeViolations } from './axe.mjs';
import { cliBin, repoRoot, shot, siteForTests, storedKeys } from './serve.mjs';

const site = siteForTests();

/** 10:00 on 1 March 2027 in Beijing: the report on 2026 is due in 30 days. */
const NOW = new Date('2027-03-01T10:00:00+08:00');

const MEASURES = '一是深化“放管服”改革，政务服务事项 1,286 项全部实现网上办理。\n二是<b>规范</b>重大行政决策 & 合法性审查。';
const SHORTCOMINGS = '基层法治力量仍较薄弱。';

/** A fresh browser context on the fixed day, and the annual page opened in it. */
async function openAnnual(context, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico')) errors.push(`console: ${m.text()}`);
  });
  await page.goto(site.server.url + 'annual.html' + query);
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
  return { page, errors };
}

/** Types `text` into the part `key` as a person does (the whole text, then a pause). */
async function writePart(page, key, text) {
  await page.fill(`textarea[data-key="${key}"]`, text);
}

/** The count shown under part `key`. */
async function countOf(page, key) {
  return page.locator(`[data-part="${key}"] [data-role="annual-count"]`).innerText();
}

/** Waits until the save state says the report is saved. */
async function saved(page) {
  await page.waitForFunction(() => /已保存|Saved/.test(document.querySelector('[data-role="annual-save"]')?.textContent ?? ''));
}

test('a county writes its annual report, reloads half-way, exports, prints and publishes it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-annual-'));
  const context = await axeContext(site.browser, { acceptDownloads: true });
  await context.clock.setFixedTime(NOW);
  try {
    // From the county page: the annual report has its own entry, a link to its page.
    const county = await context.newPage();
    await county.goto(site.server.url);
    await county.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
    assert.equal(await county.getAttribute('[data-action="start-annual"]', 'href'), 'annual.html');
    await county.close();

    const { page, errors } = await openAnnual(context);
    // The past year is proposed; nothing is saved yet.
    assert.equal(await page.inputValue('[data-role="annual-year"]'), '2026');
    assert.match(await page.innerText('.annual'), /尚无保存的年度报告/);
    // Starting without a government says why and starts nothing.
    await page.click('[data-action="annual-start"]');
    assert.match(await page.innerText('[data-role="annual-problems"]'), /区划代码/);
    await page.click('[data-role="annual-problems"] button');
    await shot(page, 'annual-start', { fullPage: true });
    const axeStart = await axeViolations(page);
    assert.deepEqual(axeStart, [], `axe on the start screen: ${describeViolations(axeStart)}`);

    await page.selectOption('[data-role="annual-government"]', '140105');
    await page.click('[data-action="annual-start"]');
    await page.waitForSelector('textarea[data-key="measures"]');
    assert.equal(await page.innerText('[data-role="annual-title"]'), '太原市小店区2026年法治政府建设年度报告');
    // The deadline: published before 1 April, 30 days left; a national demonstration place
    // also reports through the province by the end of January (already 29 days late).
    const deadlines = () => page.locator('[data-role="annual-deadline"]').allInnerTexts();
    assert.deepEqual(await deadlines(), ['向社会公开：最后一天：2027年3月31日　还剩 30 天']);
    await page.check('[data-role="annual-national"]');
    assert.deepEqual(await deadlines(), [
      '经省级依法治省办报送中央依法治国办：最后一天：2027年1月31日　已逾期 29 天',
      '向社会公开：最后一天：2027年3月31日　还剩 30 天',
    ]);
    // Guidance per part, and the counters count as the narrative does (no spaces, no breaks).
    assert.match(await page.innerText('[data-part="leadership"] .guidance'), /第一责任人/);
    await writePart(page, 'measures', MEASURES);
    const expected = [...MEASURES].filter((c) => !/\s/.test(c)).length;
    assert.equal(await countOf(page, 'measures'), `已写 ${expected} 字`);
    await writePart(page, 'shortcomings', SHORTCOMINGS);
    await page.fill('[data-role="annual-contact-phone"]', '0351-7654321');
    await saved(page);
    await shot(page, 'annual-write', { fullPage: true });
    const axeWriting = await axeViolations(page);
    assert.deepEqual(axeWriting, [], `axe on the writing screen: ${describeViolations(axeWriting)}`);

    // Half-way: a reload comes back to the list, with the report there and every word kept.
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.click('[data-report="annual:140105-2026"] [data-action="annual-open"]');
    assert.equal(await page.inputValue('textarea[data-key="measures"]'), MEASURES);
    assert.equal(await page.inputValue('textarea[data-key="shortcomings"]'), SHORTCOMINGS);
    assert.equal(await page.inputValue('[data-role="annual-contact-phone"]'), '0351-7654321');
    assert.ok(await page.isChecked('[data-role="annual-national"]'));

    // A change typed just before a reload is not lost either (written as the page goes).
    await writePart(page, 'leadership', '区政府主要负责同志主持专题会议 4 次。');
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.click('[data-action="annual-open"]');
    assert.equal(await page.inputValue('textarea[data-key="leadership"]'), '区政府主要负责同志主持专题会议 4 次。');
    await writePart(page, 'plans', '2027 年重点推进基层合法性审查全覆盖。');

    // The year's self-assessment, an application file of the same county.
    const application = path.join(dir, 'application.json');
    execFileSync(cliBin(), ['sample', '--county', '140105', '--met', '92', '-o', application], { stdio: 'pipe' });
    await page.setInputFiles('[data-role="annual-attach"]', application);
    assert.match(await page.innerText('[data-role="annual-attached"]'), /已附：综合示范自评，达标 92 \/ 适用 \d+/);
    await saved(page);
    assert.deepEqual(await storedKeys(page), ['annual:140105-2026']);

    // The sealed file: its own name, and `shifan check` accepts it.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="annual-export"]')]);
    assert.equal(file.suggestedFilename(), '太原市-小店区-2026年度法治政府建设年度报告.json');
    const filePath = path.join(dir, file.suggestedFilename());
    await file.saveAs(filePath);
    const check = spawnSync(cliBin(), ['check', '--lang', 'zh', filePath], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /OK .*太原市小店区2026年法治政府建设年度报告/);
    assert.match(check.stdout, /附自评：综合示范/);
    assert.doesNotMatch(check.stdout, /warning/, 'every required part is written');
    const sealed = JSON.parse(readFileSync(filePath, 'utf8'));
    assert.equal(sealed.parts[0].text, MEASURES);
    assert.equal(sealed.national, true);
    // Edited after export, the file is refused.
    const edited = path.join(dir, 'edited.json');
    execFileSync('sh', ['-c', `sed 's/1,286/1,826/' "${filePath}" > "${edited}"`]);
    const refused = spawnSync(cliBin(), ['check', edited], { encoding: 'utf8' });
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /integrity-mismatch/);

    // The versions fit to publish: the user's markup is text, escaped, every word kept.
    const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="annual-html"]')]);
    assert.equal(html.suggestedFilename(), '太原市-小店区-2026年度法治政府建设年度报告.html');
    const htmlPath = path.join(dir, 'report.html');
    await html.saveAs(htmlPath);
    const htmlText = readFileSync(htmlPath, 'utf8');
    assert.match(htmlText, /<p>二是&lt;b&gt;规范&lt;\/b&gt;重大行政决策 &amp; 合法性审查。<\/p>/);
    assert.ok(!htmlText.includes('<b>'));
    assert.ok(!htmlText.includes('<script'));
    const [txt] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="annual-text"]')]);
    const txtPath = path.join(dir, 'report.txt');
    await txt.saveAs(txtPath);
    const plain = readFileSync(txtPath, 'utf8');
    assert.ok(plain.startsWith('太原市小店区2026年法治政府建设年度报告\n\n一、'), plain);
    assert.ok(plain.includes(MEASURES));
    assert.ok(plain.includes('五、其他需要报告的情况\n\n无。'));

    // The print version: on A4, the report alone, with the file's fingerprint.
    await page.click('[data-action="annual-print"]');
    await page.waitForSelector('[data-role="annual-print"]');
    const printed = await page.innerText('[data-role="annual-print"]');
    assert.ok(printed.includes('二是<b>规范</b>重大行政决策'), printed);
    assert.ok(printed.includes(`文件指纹：${sealed.integrity.slice(7, 19)}`), printed);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'annual-print', { width: 794, height: 1123, fullPage: true });
    assert.equal(await page.locator('[data-action="annual-do-print"]').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-action="annual-back"]');
    await shot(page, 'annual-phone', { width: 360, height: 780 });
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(scrolls, false, 'no sideways scrolling at 360 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A second tab with the same report open is told so.
    const { page: second } = await openAnnual(context);
    await second.click('[data-action="annual-open"]');
    await second.waitForSelector('[data-role="annual-conflict"]');
    await page.waitForSelector('[data-role="annual-conflict"]');
    await second.close();

    // Opening the exported file again opens the saved report, and says so when they differ.
    await page.click('[data-action="annual-close"]');
    await page.setInputFiles('[data-role="annual-open-file"]', edited);
    assert.match(await page.innerText('[data-role="annual-problems"]'), /完整性指纹/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the page speaks English with ?lang=en', async () => {
  const context = await site.browser.newContext();
  await context.clock.setFixedTime(NOW);
  try {
    const { page, errors } = await openAnnual(context, '?lang=en');
    assert.match(await page.innerText('h1'), /Annual report on building a law-based government/);
    await page.selectOption('[data-role="annual-government"]', '140100');
    await page.click('[data-action="annual-start"]');
    await page.waitForSelector('textarea[data-key="measures"]');
    assert.deepEqual(await page.locator('[data-role="annual-deadline"]').allInnerTexts(), [
      'made public: last day: 31 March 2027 — 30 days left',
    ]);
    assert.match(await page.innerText('[data-part="measures"] h2'), /1\. Main measures and results of the past year/);
    await shot(page, 'annual-write-en', { fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a named place loads its register once, is reminded in the season, and a rewritten register is refused', async () => {
  const fixture = (name) => path.join(repoRoot, 'tests', 'fixtures', 'province', name);
  const context = await axeContext(site.browser);
  await context.clock.setFixedTime(NOW);
  try {
    const { page, errors } = await openAnnual(context);
    // Before a government is chosen, the register is not kept, and the page says why.
    await page.setInputFiles('[data-role="annual-register-file"]', fixture('supervised-register-older.json'));
    assert.equal(await page.getAttribute('[data-role="annual-problems"] li', 'data-code'), 'invalid-register');
    await page.click('[data-role="annual-problems"] button');

    await page.selectOption('[data-role="annual-government"]', '140181');
    await page.setInputFiles('[data-role="annual-register-file"]', fixture('supervised-register-older.json'));
    const named = page.locator('[data-named="140181"]');
    await named.waitFor();
    // 1 March 2027: the report on 2026 is due by 31 March, in 30 days.
    assert.equal(await named.getAttribute('data-in-season'), 'true');
    assert.match(await named.innerText(), /2026 年度/);
    assert.match(await named.innerText(), /还剩 30 天/);
    await shot(page, 'annual-named', { fullPage: true });
    const axe = await axeViolations(page);
    assert.deepEqual(axe, [], `axe with a named place: ${describeViolations(axe)}`);

    // Kept: a reload (and a new tab) still knows it.
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await named.waitFor();
    assert.ok((await storedKeys(page)).includes('annual:named:140181-shanxi-2020-1'));

    // A register that rewrites the kept one's history is refused; the kept one stays.
    await page.selectOption('[data-role="annual-government"]', '140181');
    await page.setInputFiles('[data-role="annual-register-file"]', fixture('invalid-register-register-rewritten.json'));
    assert.equal(await page.getAttribute('[data-role="annual-problems"] li', 'data-code'), 'register-rewritten');
    await page.click('[data-role="annual-problems"] button');
    // One that extends it replaces it.
    await page.setInputFiles('[data-role="annual-register-file"]', fixture('supervised-register.json'));
    await page.waitForFunction(() => !document.querySelector('[data-role="annual-problems"]'));
    await named.waitFor();

    // From the reminder, the year's report starts for that government.
    await page.click('[data-named="140181"] [data-action="annual-write-due"]');
    await page.waitForSelector('textarea[data-key="measures"]');
    assert.match(await page.innerText('.annual'), /2026/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
