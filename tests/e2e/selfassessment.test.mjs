// End-to-end: a county official, new to the page, completes a self-assessment in headless
// Chromium — applicant, all indicators (some not applicable, with reasons), a fingerprinted
// evidence file, a reload half-way, the download checked by the `shifan` CLI, the report, a
// tampered file refused, English. Screenshots of every main screen go to artifactsDir().

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { NA_REASON, answerCard, artifactsDir, cliBin, indicatorsOf, openApp, referenceCatalog, repoRoot, shot, siteForTests } from './serve.mjs';

const catalog = referenceCatalog();
const indicators = indicatorsOf(catalog);
const county = indicators.filter((i) => i.applies_to !== 'city');

/** How the test answers indicator `n`: most met, some partly, some not met, some N/A. */
function plan(n) {
  if (n % 17 === 0) return 'not_applicable';
  if (n % 13 === 0) return 'partly_met';
  if (n % 29 === 0) return 'not_met';
  return 'met';
}

const expected = (() => {
  const tally = { met: 0, partly_met: 0, not_met: 0, not_applicable: 0 };
  for (const i of county) tally[plan(i.number)] += 1;
  const applicable = county.length - tally.not_applicable;
  const perMille = Math.floor((tally.met * 1000) / applicable);
  return { ...tally, applicable, percent: `${Math.floor(perMille / 10)}.${perMille % 10}` };
})();

const site = siteForTests();
const shots = artifactsDir();

/** Every request the page makes goes to the local server (or is a blob: / data: URL). */
function recordRequests(page) {
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) {
      foreign.push(url);
    }
  });
  return foreign;
}

async function answer(page, n) {
  await answerCard(page, indicators.find((i) => i.number === n), plan(n));
}

async function checkAnswer(page, n) {
  const card = page.locator(`#ind-${n}`);
  assert.equal(await card.getAttribute('data-status'), plan(n), `status of indicator ${n}`);
  const points = indicators.find((i) => i.number === n).criteria.length;
  for (let p = 0; p < points; p++) {
    const want = plan(n) === 'met' || (plan(n) === 'partly_met' && p === 0);
    assert.equal(await page.isChecked(`#ind-${n}-p${p}`), want, `point ${p} of indicator ${n}`);
  }
  if (plan(n) === 'not_applicable') {
    assert.equal(await page.inputValue(`#ind-${n}-reason`), NA_REASON);
  }
}

const text = (page, sel) => page.locator(sel).innerText();

/** Buttons, links and form fields that have no accessible name (label, aria-label or text). */
function unnamedControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, textarea')]
      .filter((el) => {
        const named =
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          (el.labels && el.labels.length > 0) ||
          (el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent.trim() : '');
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

test('a new user completes, saves, downloads and prints a self-assessment', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  const foreign = recordRequests(page);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.match(await page.locator('body').innerText(), /开始新的自评/);
    await shot(page, 'start-zh-desktop');

    // Applicant: city → county, contact.
    await page.click('[data-action="new"]');
    await page.selectOption('#city', '140100');
    await page.selectOption('#county', '140105');
    assert.match(await text(page, '#code-status'), /小店区/);
    await page.fill('#contact-name', '张三');
    await page.fill('#contact-phone', '0351-1234567');
    await page.fill('#contact-email', 'fzb@example.gov.cn');
    await shot(page, 'applicant-zh-desktop', { fullPage: true });
    await page.click('.form-end button');
    await page.waitForSelector('#ind-1');
    await shot(page, 'workspace-zh-desktop');

    // A 9 MB evidence file is fingerprinted in the page; it never leaves the computer.
    const evidencePath = path.join(shots, 'evidence-sample.bin');
    const bytes = randomBytes(9 * 1024 * 1024 + 123);
    writeFileSync(evidencePath, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await page.click('#ind-1 .evidence > button');
    await page.fill('#ev-1-title', '政务服务事项清单');
    await page.fill('#ev-1-number', '晋政办发〔2020〕12号');
    await page.fill('#ev-1-date', '2020-06-30');
    await page.setInputFiles('#ind-1 [data-role="fingerprint"]', evidencePath);
    await page.waitForSelector(`#ind-1 .evidence-form .hash:has-text("${sha256}")`);
    await page.locator('#ind-1 .evidence-form .actions').scrollIntoViewIfNeeded();
    await shot(page, 'evidence-zh-desktop');
    await page.click('#ind-1 .evidence-form button[type="submit"]');
    await page.waitForSelector(`#ind-1 .evidence-list .hash:has-text("${sha256}")`);

    // Answer the first half, watching the estimate move.
    const seen = [];
    const half = county.filter((i) => i.number <= 50);
    for (const [k, i] of half.entries()) {
      await answer(page, i.number);
      if (k % 10 === 9) seen.push(await text(page, '[data-testid="compliance"]'));
    }
    assert.ok(seen.length >= 3 && seen[0] !== '0.0%', `the estimate moved: ${seen}`);
    assert.notEqual(seen.at(-1), seen[0], `the estimate moved: ${seen}`);

    // Reload at once (the last change is at most a second old) and find every answer.
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('#ind-50');
    for (const i of half) await checkAnswer(page, i.number);
    assert.match(await text(page, '#ind-1 .evidence-list'), new RegExp(sha256));

    // The rest; one indicator by keyboard: j moves on, 3 sets "not met".
    for (const i of county.filter((i) => i.number > 50)) {
      if (plan(i.number) === 'not_met') {
        await page.click(`#ind-${i.number} .card-head`);
        await page.keyboard.press('3');
        await page.waitForSelector(`#ind-${i.number}[data-status="not_met"]`);
      } else {
        await answer(page, i.number);
      }
    }
    for (const i of indicators.filter((i) => i.applies_to === 'city')) {
      assert.equal(await page.locator(`#ind-${i.number}`).getAttribute('data-status'), 'excluded');
    }

    // The summary: met ÷ applicable, both numbers, and the estimate.
    assert.equal(await text(page, '[data-testid="met"]'), String(expected.met));
    assert.equal(await text(page, '[data-testid="applicable"]'), String(expected.applicable));
    assert.equal(await text(page, '[data-testid="unanswered"]'), '0');
    assert.match(await text(page, '[data-testid="formula"]'), new RegExp(`${expected.met} ÷ ${expected.applicable}`));
    assert.equal(await text(page, '[data-testid="compliance"]'), `${expected.percent}%`);
    assert.match(await text(page, '[data-testid="verdict"]'), /预估/);
    await shot(page, 'workspace-done-zh-desktop');
    await shot(page, 'workspace-done-zh-1920', { width: 1920, height: 1080 });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(await unnamedControls(page), [], 'controls without an accessible name');

    // A gap jumps to its indicator.
    const gap = county.find((i) => plan(i.number) === 'partly_met').number;
    await page.click(`[data-gap="${gap}"]`);
    await page.waitForSelector(`#ind-${gap}.current`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), `ind-${gap}`);

    // Download (after the question a file below the bar asks), then have the CLI check the
    // very file.
    page.once('dialog', (d) => d.accept());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('header .tools button.primary'),
    ]);
    assert.match(download.suggestedFilename(), /^太原市-小店区-综合示范-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(shots, 'downloaded-application.json');
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.summary.total.met, expected.met);
    const cli = cliBin();
    if (existsSync(cli)) {
      const run = spawnSync(cli, ['check', '--json', file], { encoding: 'utf8' });
      assert.equal(run.status, 0, `shifan check failed: ${run.stdout}${run.stderr}`);
      const [entry] = JSON.parse(run.stdout);
      assert.equal(entry.status, 'ok');
      assert.equal(entry.application.met, expected.met);
      assert.equal(entry.application.applicable, expected.applicable);
      assert.equal(entry.application.compliance, `${expected.percent}%`);
      assert.equal(entry.application.integrity, saved.integrity);
    } else {
      console.log(`# ${cli} missing: the CLI check of the download is skipped`);
    }

    // The report carries the same fingerprint as the file.
    await page.click('nav.steps li:nth-child(3) button');
    await page.waitForSelector('[data-testid="integrity"]');
    assert.equal(await text(page, '[data-testid="integrity"]'), saved.integrity);
    await shot(page, 'report-zh-desktop');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.topbar').isVisible(), false);
    await page.screenshot({ path: path.join(shots, 'report-zh-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.pdf?.({ path: path.join(shots, 'report-zh.pdf'), format: 'A4' }).catch(() => {});

    // Phone-sized screens.
    await shot(page, 'report-zh-phone', { width: 360, height: 780 });
    await page.click('nav.steps li:nth-child(2) button');
    await page.waitForSelector('#ind-1');
    await shot(page, 'workspace-zh-phone', { width: 360, height: 780 });
    await page.click('nav.steps li:nth-child(1) button');
    await shot(page, 'applicant-zh-phone', { width: 360, height: 780 });
    await page.setViewportSize({ width: 1280, height: 900 });

    assert.deepEqual(foreign, [], 'requests to other hosts');
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await page.close();
  }
});

test('a tampered file shows its problem and the open draft stays as it is', async () => {
  const file = path.join(shots, 'downloaded-application.json');
  assert.ok(existsSync(file), 'runs after the first test');
  const good = JSON.parse(readFileSync(file, 'utf8'));
  const tampered = structuredClone(good);
  tampered.applicant.contact.name = '李四';
  const tamperedPath = path.join(shots, 'tampered-application.json');
  writeFileSync(tamperedPath, JSON.stringify(tampered, null, 2));

  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140781');
    await page.click('.form-end button');
    await page.check('#ind-2-p0');
    const draftId = await page.getAttribute('.save-state', 'data-draft');

    await page.setInputFiles('header [data-role="open-file"]', tamperedPath);
    const notice = page.locator('[data-notice="problems"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /integrity-mismatch/);
    assert.match(await notice.innerText(), /完整性指纹/);
    assert.equal(await page.getAttribute('.save-state', 'data-draft'), draftId);
    assert.equal(await page.isChecked('#ind-2-p0'), true);
    await shot(page, 'open-tampered-zh-desktop');

    // The untouched file opens as a new draft with the same numbers.
    await page.click('[data-notice="problems"] button');
    await page.setInputFiles('header [data-role="open-file"]', file);
    await page.waitForFunction(
      (id) => document.querySelector('.save-state')?.dataset.draft !== id,
      draftId,
    );
    await page.waitForSelector('[data-testid="met"]');
    assert.equal(await text(page, '[data-testid="met"]'), String(good.summary.total.met));
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('English by ?lang=en and by the toggle', async () => {
  const { page, errors } = await openApp(site.browser, `${site.server.url}?lang=en`);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    const body = await page.locator('body').innerText();
    assert.match(body, /Start a new self-assessment/);
    assert.doesNotMatch(body, /开始新的自评/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await shot(page, 'start-en-desktop');
    await shot(page, 'start-en-phone', { width: 360, height: 780 });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.click('[data-action="new"]');
    await page.selectOption('#city', '140700');
    await page.selectOption('#county', '140702');
    await shot(page, 'applicant-en-desktop');
    // Single-item: category, title and the four aspects with guidance and counters.
    await page.check('input[value="single_item"]');
    await page.selectOption('#category', 'business-environment');
    await page.fill('#project-title', 'One-stop approvals for enterprises');
    await page.fill('#aspect-innovation', 'First county in the province to merge 27 approval counters.');
    // Counted as a reader sees them: the 9 spaces are not characters of the narrative.
    assert.match(await text(page, '#aspect-innovation-count'), /50 characters/);
    assert.match(await text(page, '.inline-problems'), /leadership, typicality, replicability/);
    assert.deepEqual(await unnamedControls(page), [], 'controls without an accessible name');
    await page.locator('#aspect-leadership').scrollIntoViewIfNeeded();
    await shot(page, 'applicant-single-en-desktop');
    await page.check('input[value="comprehensive"]');
    await page.click('.form-end button');
    await page.check('#ind-1-p0');
    await page.click('#ind-2 [data-status="not_applicable"]');
    assert.match(await text(page, '#ind-2 .reason.pending'), /not applicable needs a reason/);
    await shot(page, 'workspace-en-desktop');
    await shot(page, 'workspace-en-phone', { width: 360, height: 780 });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.match(await text(page, '#summary'), /met ÷ applicable/);
    await page.click('nav.steps li:nth-child(3) button');
    await shot(page, 'report-en-desktop');

    // The toggle switches to Chinese and drops ?lang=en from the address.
    await page.click('button.lang');
    assert.match(await page.locator('body').innerText(), /自评报告/);
    assert.equal(new URL(page.url()).searchParams.get('lang'), null);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

/** An init script: the store refuses drafts as a full disk does. */
function refuseDrafts() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (String(key).startsWith('draft:')) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return put.call(this, value, key);
  };
}

test('a full storage is said, with the download offered, and a link away asks first', async () => {
  const context = await site.browser.newContext();
  await context.addInitScript(refuseDrafts);
  const page = await context.newPage();
  try {
    await page.goto(site.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.click('[data-action="new"]');
    const banner = page.locator('[data-notice="save-failed"]');
    await banner.waitFor({ timeout: 5000 });
    assert.match(await banner.innerText(), /存储空间已满/);
    assert.match(await text(page, '.save-state'), /未能保存/);
    await shot(page, 'storage-full-zh-desktop');
    // No applicant yet, so the raw draft is what can be saved.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.locator('button:not(.primary)').click(),
    ]);
    assert.match(download.suggestedFilename(), /^shifan-draft-.+\.json$/);
    // The link to the city review would leave the unsaved draft behind: it asks first.
    await page.fill('#division-code', '140105');
    // Each question is answered as it comes: the click that opened it returns only then.
    const asked = [];
    const answerOnce = (yes) =>
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        return yes ? dialog.accept() : dialog.dismiss();
      });
    answerOnce(false);
    await page.click('header [data-action="review"]');
    await page.locator('[data-notice="save-failed"]').waitFor();
    for (let i = 0; asked.length === 0 && i < 100; i += 1) await page.waitForTimeout(50);
    assert.equal(asked.length, 1, 'the link asked');
    assert.match(asked[0], /未能保存/);
    assert.doesNotMatch(page.url(), /review\.html/, 'told to stay, the page stays');
    assert.equal(await page.inputValue('#division-code'), '140105', 'with what was typed');
    answerOnce(true);
    await Promise.all([page.waitForURL(/review\.html$/), page.click('header [data-action="review"]')]);
    assert.equal(asked.length, 2);
  } finally {
    await context.close();
  }
});

test('a browser that gives the page no storage is said too', async () => {
  const context = await site.browser.newContext();
  await context.addInitScript(() => {
    for (const name of ['indexedDB', 'localStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    }
  });
  const page = await context.newPage();
  try {
    await page.goto(site.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    // The start page says the drafts cannot be listed, rather than that there are none.
    assert.match(await page.locator('[data-drafts="unreadable"]').innerText(), /不允许本页使用存储/);
    await page.click('[data-action="new"]');
    const banner = page.locator('[data-notice="save-failed"]');
    await banner.waitFor({ timeout: 5000 });
    assert.match(await banner.innerText(), /不允许本页使用存储/);
    // The page still works, and the finished file can be downloaded (after the question an
    // empty application asks).
    await page.fill('#division-code', '140105');
    page.once('dialog', (d) => d.accept());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.locator('button.primary').click(),
    ]);
    assert.match(download.suggestedFilename(), /^太原市-小店区-综合示范-/);
  } finally {
    await context.close();
  }
});

test('the same draft open in two tabs is warned about', async () => {
  const context = await site.browser.newContext();
  try {
    const a = await context.newPage();
    await a.goto(site.server.url);
    await a.waitForSelector('#app[data-ready="true"]');
    await a.click('[data-action="new"]');
    await a.fill('#division-code', '140213');
    await a.waitForFunction(() => /已/.test(document.querySelector('.save-state')?.textContent ?? '') && !/正在/.test(document.querySelector('.save-state').textContent));

    const b = await context.newPage();
    await b.goto(site.server.url);
    await b.waitForSelector('#app[data-ready="true"]');
    assert.match(await b.locator('.drafts').innerText(), /大同市平城区/);
    await shot(b, 'start-with-draft-zh-desktop');
    await shot(b, 'start-with-draft-zh-phone', { width: 360, height: 780 });
    await b.setViewportSize({ width: 1280, height: 900 });
    await b.click('.draft button.primary');
    await b.locator('[data-notice="conflict"]').waitFor({ timeout: 5000 });
    await a.locator('[data-notice="conflict"]').waitFor({ timeout: 5000 });
    await shot(b, 'two-tabs-zh-desktop');
  } finally {
    await context.close();
  }
});

test('the page declares a Content-Security-Policy that forbids other hosts', async () => {
  const html = readFileSync(path.join(process.env.SHIFAN_DIST || path.join(repoRoot, 'web/dist'), 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'CSP meta present');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /https?:|\*/);
  assert.doesNotMatch(html, /<script>|<script type="module">\s*\S/, 'no inline script');
  assert.doesNotMatch(html, /fonts\.googleapis|cdn\./);
});
