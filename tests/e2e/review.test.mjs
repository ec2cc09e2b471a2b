// End-to-end: a city office, new to the page, does its preliminary review (初审) in headless
// Chromium — 20 generated applications of 太原's counties and 3 broken files opened at once,
// the table and the problem list, sorting, an application read-only, decisions and ranks, the
// recommendation package checked by the `shifan` CLI, the spreadsheet and CSV, a reload.
// Screenshots of the review screens (desktop 1280 and phone 360, Chinese and English) go to
// artifactsDir().

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { axeContext, axeViolations, describeViolations } from './axe.mjs';
import { artifactsDir, cliBin, openApp, repoRoot, shot, siteForTests } from './serve.mjs';

// 太原市's ten county-level divisions.
const COUNTIES = ['140105', '140106', '140107', '140108', '140109', '140110', '140121', '140122', '140123', '140181'];
const CATEGORIES = ['transformation', 'business-environment', 'supervision', 'institutions', 'enforcement-reform', 'three-systems', 'reconsideration', 'other'];
const MET = [95, 91, 88, 93, 79, 90, 85, 94, 72, 89];

const site = siteForTests();

/** Asserts that axe (WCAG 2.1 A and AA) finds nothing on `page` now; `what` names the screen. */
async function noAxe(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => v.id), [], `${what}:\n${describeViolations(violations)}`);
}
let dir;
const shots = artifactsDir();
/** Paths of the files to open: 20 applications, then 3 broken ones. */
const files = [];

function sample(name, args) {
  const out = path.join(dir, name);
  execFileSync(cliBin(), ['sample', ...args, '-o', out], { stdio: 'pipe' });
  return out;
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-review-'));
  // 10 comprehensive (one per county), 9 single-item projects, and a second comprehensive
  // file from 小店区: a duplicate submission.
  COUNTIES.forEach((code, i) => {
    files.push(sample(`${code}-综合.json`, ['--county', code, '--met', String(MET[i]), '--seed', String(i + 1)]));
  });
  COUNTIES.slice(0, 9).forEach((code, i) => {
    files.push(sample(`${code}-单项.json`, [
      '--county', code, '--met', String(70 + i * 3), '--seed', String(100 + i),
      '--kind', 'single-item', '--category', CATEGORIES[i % CATEGORIES.length],
    ]));
  });
  files.push(sample('140105-综合-第二份.json', ['--county', '140105', '--met', '84', '--seed', '77']));
  assert.equal(files.length, 20);
  // Broken: cut short; edited after export; from 大同市新荣区 (valid, but not this city's).
  const text = readFileSync(files[1], 'utf8');
  writeFileSync(path.join(dir, '截断.json'), text.slice(0, Math.floor(text.length / 2)));
  files.push(path.join(dir, '截断.json'));
  const tampered = text.replace(/"name": "[^"]*"/, '"name": "改过的名字"');
  assert.notEqual(tampered, text);
  writeFileSync(path.join(dir, '被改过.json'), tampered);
  files.push(path.join(dir, '被改过.json'));
  files.push(sample('140212-外市.json', ['--county', '140212', '--met', '95', '--seed', '5']));
});

after(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rows = (page) => page.locator('table.comparison tbody tr');
const codes = (page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.code));
const ranks = (page) =>
  page.locator('table.comparison tbody tr').evaluateAll((trs) =>
    Object.fromEntries(
      trs
        .filter((tr) => tr.querySelector('[data-testid="rank"]'))
        .map((tr) => [tr.dataset.id, Number(tr.querySelector('[data-testid="rank"]').textContent)]),
    ),
  );
const percentOf = (text) => Number(text.match(/([\d.]+)%/)[1]);

test('a city office reviews, ranks and exports its counties’ applications', async (t) => {
  // A context that lets the test inject axe despite the page's Content-Security-Policy.
  const context = await axeContext(site.browser);
  t.after(() => context.close());
  const { page, errors } = await openApp(context, site.server.url);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The way in: the header (and the start page) offer the city review.
  await page.click('header [data-action="review"]');
  await page.waitForSelector('#review-title');
  assert.match(page.url(), /\/review\.html$/, 'the review is a page of its own');
  // The top bar names the city review, not the county's self-assessment.
  assert.match(await page.textContent('.brand-name'), /市级初审/);
  assert.doesNotMatch(await page.textContent('.brand-name'), /自查自评/);
  await noAxe(page, 'axe on the empty review');
  await shot(page, 'review-empty-zh');

  // Open all 23 files at once.
  await page.setInputFiles('[data-role="review-files"]', files);
  await page.waitForSelector('[data-testid="open-report"]');
  assert.match(await page.textContent('[data-testid="open-report"]'), /本次打开 23 个文件：新增 21 份申报，0 份已在列表中，2 个文件无法使用/);
  assert.equal(await rows(page).count(), 21, 'the 20 applications and the one from 大同 are compared');

  // The city is inferred from the files; the file from 大同 is flagged, not recommendable.
  assert.equal(await page.inputValue('#review-city'), '140100');
  const outside = page.locator('tr[data-code="140212"]');
  assert.match(await outside.textContent(), /非本市/);
  assert.ok(await outside.locator('option[value="recommend"]').isDisabled());

  // The broken files are listed with their problems and never compared.
  const rejected = page.locator('[data-testid="rejected"]');
  assert.equal(await rejected.locator('.rejected-file').count(), 2);
  assert.ok(await rejected.locator('[data-file="截断.json"] [data-code="not-json"]').count());
  assert.ok(await rejected.locator('[data-file="被改过.json"] [data-code="integrity-mismatch"]').count());

  // The county's contact person and phone are in the table; how percentages are rounded is
  // said once, under it.
  const xiaodian = page.locator('tr[data-code="140105"]').first();
  assert.match(await xiaodian.locator('[data-testid="contact"]').innerText(), /张明\s+0351-1234567/);
  assert.equal(await page.locator('[data-testid="rounding-note"]').count(), 1);
  assert.match(await page.textContent('[data-testid="rounding-note"]'), /向下取整/);
  await noAxe(page, 'axe on the comparison');

  // 小店区's two comprehensive files are a duplicate submission, side by side.
  const dup = page.locator('[data-testid="duplicates"] .dup-pair');
  assert.equal(await dup.count(), 1);
  assert.equal(await dup.locator('.dup-card').count(), 2);

  // Sorted by compliance, highest first, to begin with; a click reverses; the applicant column
  // sorts by division code.
  const compliance = page.locator('th[aria-sort]:has(button:has-text("达标率"))');
  assert.equal(await compliance.getAttribute('aria-sort'), 'descending');
  const first = percentOf(await rows(page).first().locator('[data-testid="compliance"]').textContent());
  const last = percentOf(await rows(page).last().locator('[data-testid="compliance"]').textContent());
  assert.ok(first >= last);
  await compliance.locator('button').click();
  assert.equal(await compliance.getAttribute('aria-sort'), 'ascending');
  assert.equal(percentOf(await rows(page).first().locator('[data-testid="compliance"]').textContent()), last);
  await page.click('th button:has-text("申报单位")');
  const byCode = await codes(page);
  assert.deepEqual(byCode, [...byCode].sort());
  assert.equal(byCode[0], '140105');

  // Filter: comprehensive only (12 files: ten counties, 小店区's second, and 大同's).
  await page.selectOption('#filter-kind', 'comprehensive');
  assert.equal(await rows(page).count(), 12);
  await page.selectOption('#filter-kind', '');
  assert.equal(await rows(page).count(), 21);

  // Back to compliance (a new column starts highest first); recommend the best three
  // comprehensive ones.
  await compliance.locator('button').click();
  assert.equal(await compliance.getAttribute('aria-sort'), 'descending');
  await page.selectOption('#filter-kind', 'comprehensive');
  const top = await rows(page).evaluateAll((trs) =>
    trs.filter((tr) => !tr.classList.contains('outside')).slice(0, 3).map((tr) => tr.dataset.id),
  );
  for (const id of top) {
    await page.selectOption(`tr[data-id="${id}"] [data-role="decision"]`, 'recommend');
  }
  let r = await ranks(page);
  assert.deepEqual(top.map((id) => r[id]), [1, 2, 3]);
  // The third moves up; the first is then not recommended, and the ranks close up.
  await page.click(`tr[data-id="${top[2]}"] [data-move="up"]`);
  r = await ranks(page);
  assert.deepEqual(top.map((id) => r[id]), [1, 3, 2]);
  await page.selectOption(`tr[data-id="${top[0]}"] [data-role="decision"]`, 'not_recommend');
  r = await ranks(page);
  assert.equal(r[top[0]], undefined);
  assert.deepEqual([r[top[2]], r[top[1]]], [1, 2]);
  await page.selectOption('#filter-kind', '');

  // One application opens read-only in the county's own indicator view, with the opinion form.
  await page.click(`tr[data-id="${top[1]}"] button.open`);
  await page.waitForSelector('.review-viewer #ind-1');
  assert.match(await page.textContent('#viewer-title'), /只读/);
  assert.ok(await page.locator('#ind-1-p0').isDisabled(), 'points cannot be ticked');
  assert.ok(await page.locator('#ind-1 [data-status="met"]').isDisabled(), 'statuses cannot be set');
  assert.equal(await page.locator('.review-viewer .evidence button').count(), 0, 'no evidence can be added');
  assert.match(await page.textContent('.review-viewer [data-testid="formula"]'), /÷/);
  await page.fill('#opinion-comment', '材料扎实，制度创新特色鲜明');
  assert.match(await page.textContent('.review-viewer [data-testid="contact"]'), /联系人：张明，电话：0351-1234567/);
  await noAxe(page, 'axe on the read-only view');
  await shot(page, 'review-viewer-zh');
  await page.click('.viewer-head button.back');
  await page.waitForSelector('table.comparison');
  // The comment is in the table too.
  assert.equal(await page.textContent(`tr[data-id="${top[1]}"] [data-testid="comment"]`), '材料扎实，制度创新特色鲜明');
  // What to do next: decide the pending ones, then export.
  assert.match(await page.textContent('[data-testid="next-step"]'), /还有 17 份申报待定/);

  // The reviewing office.
  await page.fill('#reviewer-office', '太原市委依法治市办');
  await page.fill('#reviewer-name', '李华');
  await page.fill('#review-date', '2026-12-01');
  assert.match(await page.textContent('[data-testid="review-counts"]'), /推荐 2 份，不推荐 1 份/);
  await shot(page, 'review-table-zh');
  await shot(page, 'review-table-zh-full', { fullPage: true });
  await page.locator('.table-panel').screenshot({ path: path.join(shots, 'review-table-panel-zh.png') });
  await page.locator('.heat-panel').screenshot({ path: path.join(shots, 'review-heatmap-zh.png') });

  // The printable opinion sheet: every application of the city with its decision, rank and
  // comments, the office, and a block for signatures; on A4 the sheet alone.
  await page.click('[data-action="opinion-sheet"]');
  const sheet = page.locator('[data-testid="opinion-sheet"]');
  await sheet.waitFor();
  assert.match(await sheet.locator('h1').innerText(), /太原市法治政府建设示范创建市级初审意见表/);
  assert.match(await sheet.innerText(), /太原市委依法治市办/);
  assert.match(await sheet.innerText(), /李华/);
  const sheetRows = sheet.locator('tbody tr[data-id]');
  assert.equal(await sheetRows.count(), 20, 'the city’s applications, not 大同’s');
  assert.equal(await sheetRows.nth(0).getAttribute('data-id'), top[2], 'rank 1 first');
  assert.match(await sheetRows.nth(1).innerText(), /推荐\s+2\s+材料扎实，制度创新特色鲜明/);
  assert.equal(await sheet.locator('[data-decision="not_recommend"]').count(), 1);
  assert.match(await sheet.locator('.signatures').innerText(), /初审人（签字）[\s\S]*负责人（签字）[\s\S]*盖章/);
  await noAxe(page, 'axe on the opinion sheet');
  await shot(page, 'review-sheet-zh');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await sheet.isVisible());
  assert.equal(await page.locator('.topbar').isVisible(), false, 'the sheet alone is printed');
  assert.equal(await page.locator('.opinion-sheet .report-tools').isVisible(), false);
  await page.pdf({ path: path.join(shots, 'review-sheet-zh.pdf'), format: 'A4', printBackground: true });
  await shot(page, 'review-sheet-zh-print', { width: 794, height: 1123, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await shot(page, 'review-sheet-zh-phone', { width: 360, height: 780 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click('[data-action="sheet-back"]');
  await page.waitForSelector('table.comparison');

  // The recommendation package: downloaded under its own name, and accepted by `shifan check`.
  const [pkg] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-action="export-package"]'),
  ]);
  assert.equal(pkg.suggestedFilename(), '太原市-初审推荐-2026-12-01.json');
  const pkgPath = path.join(dir, pkg.suggestedFilename());
  await pkg.saveAs(pkgPath);
  const check = spawnSync(cliBin(), ['check', '--lang', 'en', pkgPath], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /20 applications, 2 recommended/);
  assert.match(check.stdout, /duplicate-submission/);
  const json = JSON.parse(readFileSync(pkgPath, 'utf8'));
  assert.equal(json.reviewer.name, '李华');
  assert.ok(json.decisions.some((d) => d.comment === '材料扎实，制度创新特色鲜明' && d.rank === 2));

  // The comparison table as a spreadsheet (the writer is loaded on this click) and as CSV.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.click('[data-action="export-xlsx"]'),
  ]);
  assert.equal(xlsx.suggestedFilename(), '太原市-初审对比-2026-12-01.xlsx');
  const xlsxPath = path.join(dir, 'table.xlsx');
  await xlsx.saveAs(xlsxPath);
  assert.equal(readFileSync(xlsxPath).subarray(0, 2).toString('latin1'), 'PK');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
  const csvPath = path.join(dir, 'table.csv');
  await csv.saveAs(csvPath);
  const csvText = readFileSync(csvPath, 'utf8');
  assert.ok(csvText.startsWith('\ufeff文件,申报单位,区划代码'), csvText.slice(0, 40));
  assert.equal(csvText.trim().split('\r\n').length, 22);
  // The office's opinions are in the table too (decision, rank and comment), beside the flags.
  const [header, ...lines] = csvText.replace(/^\ufeff/, '').trim().split('\r\n');
  const columns = header.split(',');
  assert.ok(header.includes(',初审意见,推荐排序,初审意见说明,'), header);
  for (const flag of ['不属于本市', '疑似重复申报', '有提示', '项目名称', '联系人', '联系电话']) {
    assert.ok(columns.includes(flag), `${flag} in ${header}`);
  }
  const opinion = (line) => {
    const cells = line.split(',');
    const at = columns.indexOf('初审意见');
    return cells.slice(at, at + 3).join(',');
  };
  assert.equal(lines.filter((l) => opinion(l) === '推荐,1,').length, 1, 'the first recommended, ranked 1');
  assert.equal(lines.filter((l) => opinion(l) === '推荐,2,材料扎实，制度创新特色鲜明').length, 1);
  assert.equal(lines.filter((l) => opinion(l) === '不推荐,,').length, 1);

  // A reload: the review is still there, decisions, ranks, comments and reviewer included.
  await page.waitForFunction(() => document.querySelector('[data-testid="review-save"]')?.textContent.includes('已自动保存'));
  await page.reload();
  await page.waitForSelector('#app[data-ready="true"]');
  await page.waitForSelector('table.comparison');
  assert.equal(await rows(page).count(), 21);
  assert.equal(await page.inputValue('#reviewer-name'), '李华');
  assert.equal(await page.locator('[data-testid="rejected"] .rejected-file').count(), 2);
  r = await ranks(page);
  assert.deepEqual([r[top[2]], r[top[1]]], [1, 2]);
  await page.click(`tr[data-id="${top[1]}"] button.open`);
  assert.equal(await page.inputValue('#opinion-comment'), '材料扎实，制度创新特色鲜明');
  await page.click('.viewer-head button.back');

  // Phone and English.
  await shot(page, 'review-table-zh-phone', { width: 360, height: 780 });
  await shot(page, 'review-table-zh-phone-full', { width: 360, height: 780, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click('button.lang');
  await page.waitForSelector('text=City preliminary review');
  await shot(page, 'review-table-en');
  await shot(page, 'review-heatmap-en', { fullPage: true });
  await page.click(`tr[data-id="${top[2]}"] button.open`);
  await page.waitForSelector('.review-viewer #ind-1');
  await shot(page, 'review-viewer-en');
  await shot(page, 'review-viewer-en-phone', { width: 360, height: 780 });
  await page.click('.viewer-head button.back');
  await page.click('button.lang');

  assert.deepEqual(errors, []);
  await page.close();
});

test('the city review open in two tabs is warned about, and the warning goes when one closes', async () => {
  const context = await site.browser.newContext();
  try {
    const a = await context.newPage();
    await a.goto(`${site.server.url}review.html`);
    await a.waitForSelector('#review-title');
    const b = await context.newPage();
    await b.goto(`${site.server.url}review.html`);
    await b.waitForSelector('#review-title');
    await b.locator('[data-notice="review-conflict"]').waitFor({ timeout: 5000 });
    await a.locator('[data-notice="review-conflict"]').waitFor({ timeout: 5000 });
    assert.match(await a.locator('[data-notice="review-conflict"]').innerText(), /另一个标签页/);
    // The county's draft notice is not the one shown here.
    assert.equal(await a.locator('[data-notice="conflict"]').count(), 0);
    await shot(b, 'review-two-tabs-zh');
    await b.close();
    await a.locator('[data-notice="review-conflict"]').waitFor({ state: 'detached', timeout: 5000 });
  } finally {
    await context.close();
  }
});

test('a county at work can go to the city review and back, and its draft waits on the start page', async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140105');
    await page.click('header [data-action="review"]');
    await page.waitForSelector('#review-title');
    assert.match(page.url(), /\/review\.html$/);
    assert.equal(await page.locator('#division-code').count(), 0, 'the review, not the draft');
    // A file taken into the review and the way back followed at once: the session is written
    // before the page goes, as the draft was.
    await page.setInputFiles('[data-role="review-files"]', path.join(repoRoot, 'tests/fixtures/valid-comprehensive.json'));
    await page.waitForSelector('tr[data-code="140105"]');
    await page.click('.brand-button');
    await page.waitForSelector('#start-title');
    assert.doesNotMatch(page.url(), /review\.html/);
    assert.match(await page.locator('.drafts').innerText(), /小店区/);
    await page.click('header [data-action="review"]');
    await page.waitForSelector('tr[data-code="140105"]', { timeout: 10_000 });
  } finally {
    await context.close();
  }
});

/** Every dialog `page` shows, answered `answer()` (true: OK), its message kept in `seen`. */
function answerDialogs(page, answer) {
  const seen = [];
  page.on('dialog', async (dialog) => {
    seen.push(dialog.message());
    if (answer()) await dialog.accept();
    else await dialog.dismiss();
  });
  return seen;
}

test('recommending or ranking first a weak application asks first and says why', async () => {
  const context = await site.browser.newContext();
  try {
    // A county downloads its single-item application without answering anything.
    const county = await context.newPage();
    answerDialogs(county, () => true);
    await county.goto(site.server.url);
    await county.waitForSelector('#app[data-ready="true"]');
    await county.click('[data-action="new"]');
    await county.fill('#division-code', '140107');
    await county.check('input[value="single_item"]');
    await county.selectOption('#category', 'business-environment');
    const [download] = await Promise.all([
      county.waitForEvent('download'),
      county.click('header .tools button.primary'),
    ]);
    const empty = path.join(dir, 'empty-single.json');
    await download.saveAs(empty);
    await county.close();

    const page = await context.newPage();
    let ok = false;
    const asked = answerDialogs(page, () => ok);
    await page.goto(`${site.server.url}review.html`);
    await page.waitForSelector('#review-title');
    await page.setInputFiles('[data-role="review-files"]', [empty, files[1]]);
    await page.waitForSelector('tr[data-code="140107"]');
    const weak = 'tr[data-code="140107"]';
    const good = 'tr[data-code="140106"]';

    // Recommending it asks, saying why; "cancel" leaves it pending.
    await page.selectOption(`${weak} [data-role="decision"]`, 'recommend');
    assert.equal(asked.length, 1);
    assert.match(asked[0], /确定推荐“太原市杏花岭区”吗/);
    assert.match(asked[0], /达标率为 0\.0%/);
    assert.match(asked[0], /还有 \d+ 项指标未作答/);
    assert.match(asked[0], /单项/, 'the incomplete narrative');
    assert.equal(await page.inputValue(`${weak} [data-role="decision"]`), 'pending');
    assert.equal(await page.locator(`${weak} [data-testid="rank"]`).count(), 0);

    // A sound application is recommended without a question; the weak one after "OK".
    await page.selectOption(`${good} [data-role="decision"]`, 'recommend');
    assert.equal(asked.length, 1, 'nothing to ask about 迎泽区');
    ok = true;
    await page.selectOption(`${weak} [data-role="decision"]`, 'recommend');
    assert.equal(asked.length, 2);
    assert.equal(await page.textContent(`${weak} [data-testid="rank"]`), '2');

    // Moving it to rank 1 asks again.
    ok = false;
    await page.click(`${weak} [data-move="up"]`);
    assert.equal(asked.length, 3);
    assert.match(asked[2], /确定把“太原市杏花岭区”排在推荐第 1 位吗/);
    assert.equal(await page.textContent(`${weak} [data-testid="rank"]`), '2');
    ok = true;
    await page.click(`${weak} [data-move="up"]`);
    assert.equal(asked.length, 4);
    assert.equal(await page.textContent(`${weak} [data-testid="rank"]`), '1');

    // In the read-only view too: "cancel" keeps the decision recorded.
    await page.click(`${weak} button.open`);
    await page.waitForSelector('.review-viewer');
    await page.check('.opinion input[value="pending"]');
    ok = false;
    await page.click('.opinion .decision-choice.recommend');
    assert.equal(asked.length, 5);
    assert.ok(await page.isChecked('.opinion input[value="pending"]'));
    assert.equal(await page.isChecked('.opinion input[value="recommend"]'), false);
    await page.click('.viewer-head button.back');
    assert.equal(await page.inputValue(`${weak} [data-role="decision"]`), 'pending');
    await shot(page, 'review-weak-zh');
  } finally {
    await context.close();
  }
});

test('removing an application asks first and can be undone; exporting with a duplicate submission asks', async () => {
  const context = await axeContext(site.browser);
  try {
    const page = await context.newPage();
    let ok = false;
    const asked = answerDialogs(page, () => ok);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.goto(`${site.server.url}review.html`);
    await page.waitForSelector('#review-title');
    // 小店区 twice (a duplicate), and 迎泽区.
    await page.setInputFiles('[data-role="review-files"]', [files[0], files[19], files[1]]);
    await page.waitForSelector('[data-testid="duplicates"]');
    const [first, second] = await page.locator('.dup-card').evaluateAll((cards) => cards.map((c) => c.dataset.id));
    await page.selectOption(`tr[data-id="${first}"] [data-role="decision"]`, 'recommend');
    await page.fill('#review-date', '2026-12-01');

    // Both of 小店区's files still go forward: the export asks, and "cancel" downloads nothing.
    await page.click('[data-action="export-package"]');
    assert.equal(asked.length, 1);
    assert.match(asked[0], /还有 1 组重复申报未处理（太原市小店区）/);
    await page.waitForTimeout(500);
    assert.equal(downloads, 0);

    // Removing the recommended one asks, naming what goes with it; "cancel" keeps it.
    await page.click(`.dup-card[data-id="${first}"] [data-action="remove-application"]`);
    assert.equal(asked.length, 2);
    assert.match(asked[1], /确定从初审中移除“太原市小店区”吗？它的初审意见（推荐）、推荐排序和意见说明将一并移除；移除后可以立即撤销/);
    assert.equal(await rows(page).count(), 3);
    assert.equal(await page.textContent(`tr[data-id="${first}"] [data-testid="rank"]`), '1');

    // Removed after all (with a comment on it), then undone: it comes back with its decision,
    // rank and comment, in the table and after a reload.
    await page.click(`tr[data-id="${first}"] button.open`);
    await page.fill('#opinion-comment', '与另一份重复，以此份为准');
    await page.click('.viewer-head button.back');
    await page.waitForSelector('table.comparison');
    ok = true;
    await page.click(`.dup-card[data-id="${first}"] [data-action="remove-application"]`);
    assert.equal(await rows(page).count(), 2);
    assert.equal(await page.locator(`tr[data-id="${first}"]`).count(), 0);
    const notice = page.locator('[data-notice="review-removed"]');
    assert.match(await notice.textContent(), /已从初审中移除“太原市小店区”，它的初审意见、推荐排序和意见说明随之移除。/);
    await noAxe(page, 'axe with the undo notice');
    await notice.locator('[data-action="undo-remove"]').click();
    assert.equal(await notice.count(), 0);
    assert.equal(await rows(page).count(), 3);
    assert.equal(await page.inputValue(`tr[data-id="${first}"] [data-role="decision"]`), 'recommend');
    assert.equal(await page.textContent(`tr[data-id="${first}"] [data-testid="rank"]`), '1');
    assert.equal(await page.textContent(`tr[data-id="${first}"] [data-testid="comment"]`), '与另一份重复，以此份为准');
    await page.waitForTimeout(1000);
    await page.reload();
    await page.waitForSelector(`tr[data-id="${first}"]`);
    assert.equal(await page.textContent(`tr[data-id="${first}"] [data-testid="rank"]`), '1');
    assert.equal(await page.textContent(`tr[data-id="${first}"] [data-testid="comment"]`), '与另一份重复，以此份为准');

    await page.click(`.dup-card[data-id="${second}"] [data-action="remove-application"]`);
    assert.equal(await rows(page).count(), 2);
    assert.equal(await page.locator('[data-testid="duplicates"]').count(), 0);
    assert.equal(await page.textContent(`tr[data-id="${first}"] [data-testid="rank"]`), '1');

    // Every application decided: the next step is said plainly, and the export asks nothing.
    await page.selectOption('tr[data-code="140106"] [data-role="decision"]', 'not_recommend');
    assert.match(await page.textContent('[data-testid="next-step"]'), /下一步\s*全部申报都已提出初审意见。请点击“导出推荐材料包”，把下载的 \.json 文件报送省委依法治省办/);
    const before = asked.length;
    const [pkg] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-package"]')]);
    assert.equal(asked.length, before, 'no duplicate left to ask about');
    assert.match(pkg.suggestedFilename(), /初审推荐/);
    await shot(page, 'review-removed-zh');
  } finally {
    await context.close();
  }
});

test('a long list of rejected files folds under its count and the table stays near the top', async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.server.url}review.html`);
    await page.waitForSelector('#review-title');
    const broken = Array.from({ length: 21 }, (_, i) => {
      const file = path.join(dir, `坏文件-${i + 1}.json`);
      writeFileSync(file, `{"format": "shifan.application", "n": ${i}`);
      return file;
    });
    await page.setInputFiles('[data-role="review-files"]', [...broken, files[0]]);
    await page.waitForSelector('table.comparison');
    const details = page.locator('[data-testid="rejected"] details');
    assert.equal(await details.evaluate((d) => d.open), false, 'folded');
    assert.match(await page.textContent('[data-testid="rejected-summary"]'), /21 个文件无法使用/);
    const tableTop = await page.locator('table.comparison').evaluate((t) => t.getBoundingClientRect().top + window.scrollY);
    assert.ok(tableTop < 1500, `the table starts at ${tableTop} px`);
    await shot(page, 'review-rejected-folded-zh');
    // Unfolded on demand, every file with its problem.
    await page.click('[data-testid="rejected-summary"]');
    assert.equal(await details.evaluate((d) => d.open), true);
    assert.equal(await page.locator('.rejected-file').count(), 21);
    assert.ok(await page.locator('.rejected-file').first().isVisible());
    await shot(page, 'review-rejected-phone-zh', { width: 360, height: 780 });
  } finally {
    await context.close();
  }
});

/** The keys of the review's records in the page's store (`review:…`). */
const reviewKeys = (page) =>
  page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('shifan');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('records').objectStore('records').getAllKeys(IDBKeyRange.bound('review:', 'review:\uffff'));
      request.onsuccess = () => { resolve(request.result.map(String)); open.result.close(); };
      request.onerror = () => reject(request.error);
    };
  }));

test('a long list draws its first 100 rows, says how many more, sorts over all, and a reload keeps every file', async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${site.server.url}review.html`);
    await page.waitForSelector('#review-title');
    // 130 comprehensive applications of 太原's counties, each with its own figures.
    const many = Array.from({ length: 130 }, (_, i) =>
      sample(`多-${String(i).padStart(3, '0')}.json`, ['--county', COUNTIES[i % 10], '--met', String(40 + ((i * 37) % 56)), '--seed', String(500 + i)]));
    await page.setInputFiles('[data-role="review-files"]', many);
    await page.waitForSelector('table.comparison');
    const table = page.locator('table.comparison');
    assert.equal(await table.getAttribute('data-total'), '130');
    assert.equal(await rows(page).count(), 100, 'a first page of rows');
    const more = page.locator('.table-panel [data-testid="more-rows"]');
    assert.match(await more.innerText(), /已列出前 100 份，另有 30 份未列出/);
    assert.match(await page.textContent('.table-panel .showing'), /显示 130 \/ 130 份/);
    const heat = page.locator('.heat-panel');
    assert.equal(await heat.locator('tbody tr').count(), 100);
    assert.match(await heat.locator('[data-testid="more-rows"]').textContent(), /另有 30 份未列出/);
    // Every county's files are duplicates of each other: ten groups, the first ten drawn.
    assert.equal(await page.locator('[data-testid="duplicates"] .dup-pair').count(), 10);
    assert.equal(await page.locator('[data-testid="duplicates"] [data-testid="more-rows"]').count(), 0);
    await shot(page, 'review-long-zh', { width: 1366, height: 900 });
    await more.scrollIntoViewIfNeeded();
    await shot(page, 'review-long-more-zh', { width: 1366, height: 900 });

    // Sorting works over every file: ascending compliance puts the lowest of all 130 first.
    const all = await Promise.all(many.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
    const lowest = Math.min(...all.map(({ summary: { total: t } }) => t.met / (t.met + t.partly_met + t.not_met + t.unanswered)));
    await page.locator('th[aria-sort]:has(button:has-text("达标率")) button').click();
    const firstText = await rows(page).first().locator('[data-testid="compliance"] .formula').textContent();
    const [met, applicable] = firstText.match(/(\d+)\s*÷\s*(\d+)/).slice(1).map(Number);
    assert.equal(met / applicable, lowest, `the first row ${firstText} is the lowest of all`);

    // One more page draws the rest; the heat map keeps its own.
    await more.locator('[data-action="show-more"]').click();
    assert.equal(await rows(page).count(), 130);
    assert.equal(await page.locator('.table-panel [data-testid="more-rows"]').count(), 0);
    assert.equal(await heat.locator('tbody tr').count(), 100);
    await heat.locator('[data-action="show-all"]').click();
    assert.equal(await heat.locator('tbody tr').count(), 130);

    // A decision on a row beyond the first page, then a reload: every file is back, stored
    // one record each beside the session.
    const last = await rows(page).last().getAttribute('data-id');
    await page.selectOption(`tr[data-id="${last}"] [data-role="decision"]`, 'not_recommend');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-save"]')?.textContent.includes('已自动保存'));
    const keys = await reviewKeys(page);
    assert.equal(keys.filter((k) => k.startsWith('review:app:')).length, 130, 'one record per file');
    assert.ok(keys.includes('review:session'));
    await page.reload();
    await page.waitForSelector('table.comparison');
    assert.equal(await page.locator('table.comparison').getAttribute('data-total'), '130');
    assert.equal(await rows(page).count(), 100, 'a first page again after the reload');
    await page.selectOption('#filter-decision', 'not_recommend');
    assert.deepEqual(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.id)), [last]);

    await page.selectOption('#filter-decision', '');

    // A new review removes the files with the session.
    page.once('dialog', (d) => d.accept());
    await page.click('[data-action="new-review"]');
    await page.waitForFunction(() => !document.querySelector('table.comparison'));
    await page.waitForTimeout(800);
    assert.deepEqual((await reviewKeys(page)).filter((k) => k.startsWith('review:app:')), []);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.setInputFiles('[data-role="review-files"]', many.slice(0, 105));
    await page.waitForSelector('.table-panel [data-testid="more-rows"]');
    await page.locator('.table-panel [data-testid="more-rows"]').scrollIntoViewIfNeeded();
    await shot(page, 'review-long-zh-phone', { width: 360, height: 780 });
    await page.click('button.lang');
    await page.waitForSelector('text=City preliminary review');
    await page.locator('.table-panel [data-testid="more-rows"]').scrollIntoViewIfNeeded();
    assert.match(await page.locator('.table-panel [data-testid="more-rows"]').innerText(), /The first 100 are listed; 5 more are not listed yet/);
    await shot(page, 'review-long-en-phone', { width: 360, height: 780 });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('.table-panel [data-testid="more-rows"]').scrollIntoViewIfNeeded();
    await shot(page, 'review-long-en', { width: 1366, height: 900 });
  } finally {
    await context.close();
  }
});
