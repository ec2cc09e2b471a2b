// End-to-end: a trainer, new to the page, uses training mode in headless Chromium — the
// catalog browser (search by a Chinese word, filter by city / county), the shipped CSV table
// loaded as the session's catalog, a broken table refused with its line, each demo county
// opened with its compliance and nothing saved, and the presenter switch for a projector.
// Screenshots (desktop 1280, phone 360, projector 1920; Chinese and English) go to
// artifactsDir().

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { axeContext, axeViolations, describeViolations } from './axe.mjs';
import { artifactsDir, indicatorsOf, openApp, referenceCatalog, repoRoot, shot, siteForTests, storedKeys } from './serve.mjs';

const tablePath = path.join(repoRoot, 'crates/rules/data/catalog-reference-2019.csv');
const catalog = referenceCatalog();
const indicators = indicatorsOf(catalog);

const site = siteForTests();

/** Asserts that axe (WCAG 2.1 A and AA) finds nothing on `page` now; `what` names the screen. */
async function noAxe(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => v.id), [], `${what}:\n${describeViolations(violations)}`);
}
const shots = artifactsDir();

const text = (page, selector) => page.locator(selector).first().innerText();
const count = (page, selector) => page.locator(selector).count();

/** Opens a demo county from the training page and returns its compliance and verdict. */
async function openDemo(page, demo) {
  await page.click(`[data-demo="${demo}"] button`);
  await page.waitForSelector('#ind-1');
  const compliance = await text(page, '[data-testid="compliance"]');
  const verdict = (await count(page, '[data-testid="verdict"]'))
    ? await page.getAttribute('[data-testid="verdict"]', 'class')
    : 'single-item';
  return { compliance, verdict };
}

test('a trainer browses the catalog, loads a table and opens the demo counties', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('[data-action="start-training"]');
    await page.waitForSelector('.catalog-browser');
    assert.match(await text(page, '[data-training="banner"]'), /培训演示模式/);
    assert.equal(await count(page, '.entry'), indicators.length);
    await shot(page, 'training-zh-desktop');

    // Search by a Chinese word: fewer entries, every one about it, the word marked.
    await page.fill('#catalog-search', '复议');
    const review = indicators.filter((i) =>
      [i.title, ...i.criteria, ...i.evidence].some((t) => t.includes('复议')),
    );
    assert.ok(review.length > 0);
    assert.ok((await count(page, '.entry')) >= review.length);
    assert.ok((await count(page, '.entry')) < indicators.length);
    assert.match(await text(page, '[data-testid="shown-count"]'), new RegExp(`显示 ${await count(page, '.entry')} 项`));
    assert.equal(await text(page, '.entry mark'), '复议');
    await page.locator('#browser-title').evaluate((e) => e.scrollIntoView());
    await shot(page, 'training-search-zh-desktop');

    await page.fill('#catalog-search', '规章');
    const rules = indicators.find((i) => i.title.includes('规章'));
    assert.ok(rules, 'the reference catalog has an indicator about 规章');
    await page.waitForSelector(`#entry-${rules.number} h4 mark`);

    // Filter by applicability.
    await page.fill('#catalog-search', '');
    await page.click('[data-scope="county"]');
    assert.equal(await count(page, '.entry[data-applies="city"]'), 0);
    assert.equal(await count(page, '.entry'), indicators.filter((i) => i.applies_to !== 'city').length);
    await page.click('[data-scope="city"]');
    assert.equal(await count(page, '.entry[data-applies="county"]'), 0);
    assert.ok((await count(page, '.entry[data-applies="city"]')) > 0);
    await page.click('[data-scope="all"]');
    assert.equal(await count(page, '.entry'), indicators.length);

    // The shipped table as the session's catalog: named after the file.
    await page.setInputFiles('#catalog-file', tablePath);
    await page.waitForFunction(() =>
      document.querySelector('.training .catalog-badge')?.textContent.includes('catalog-reference-2019'),
    );
    assert.equal(await count(page, '.entry'), indicators.length);
    // The loaded catalog is confirmed on screen: its title, its number of indicators and the
    // short form of its fingerprint.
    const badge = await text(page, '.training .catalog-badge');
    const title = badge.slice(badge.indexOf('：') + 1).trim();
    const loaded = await text(page, '[data-notice="catalog-loaded"]');
    assert.ok(loaded.includes(`已载入指标目录“${title}”`), loaded);
    assert.match(loaded, new RegExp(`共 ${indicators.length} 项指标，目录指纹 [0-9a-f]{12}。`));
    await page.locator('[data-notice="catalog-loaded"]').scrollIntoViewIfNeeded();
    await shot(page, 'training-catalog-loaded-zh-desktop');

    // A broken table: its problem with a line number, the catalog stays.
    const brokenPath = path.join(shots, 'broken-table.csv');
    writeFileSync(
      brokenPath,
      `${readFileSync(tablePath, 'utf8')}政府职能依法全面履行,加大简政放权力度,第一百零一,标题,要点,材料,both\n`,
    );
    await page.setInputFiles('#catalog-file', brokenPath);
    await page.waitForSelector('[data-notice="catalog-failed"]');
    assert.match(await text(page, '[data-notice="catalog-failed"]'), /broken-table\.csv/);
    assert.match(await text(page, '[data-notice="catalog-failed"] .problem'), /第 \d+ 行/);
    assert.match(await text(page, '.training .catalog-badge'), /catalog-reference-2019/);
    await page.locator('[data-notice="catalog-failed"]').scrollIntoViewIfNeeded();
    await shot(page, 'training-bad-table-zh-desktop');

    // Each demo county opens in the workspace with its compliance; nothing is saved.
    const above = await openDemo(page, 'above');
    assert.match(above.compliance, /^9[5-9]\.\d%$/);
    assert.match(above.verdict, /meets/);
    assert.match(await text(page, '.summary .catalog-badge'), /catalog-reference-2019/);
    assert.match(await text(page, '.save-state'), /不保存/);
    await page.click('#ind-1 [data-status="not_met"]');
    await shot(page, 'demo-above-zh-desktop');
    await page.waitForTimeout(900);
    assert.deepEqual(await storedKeys(page), []);

    await page.click('[data-action="training-back"]');
    const below = await openDemo(page, 'below');
    assert.match(below.compliance, /^8[5-9]\.\d%$/);
    assert.match(below.verdict, /not-yet/);
    await shot(page, 'demo-below-zh-desktop');

    await page.click('[data-action="training-back"]');
    const single = await openDemo(page, 'single');
    assert.equal(single.verdict, 'single-item');
    assert.match(single.compliance, /^\d+\.\d%$/);
    await page.click('.steps li:nth-child(3) button');
    await page.waitForSelector('.report');
    assert.match(await text(page, '.report .catalog-badge'), /catalog-reference-2019/);

    // Back at the start page (the county page): no demo among the drafts, the built-in
    // catalog again.
    await page.click('.brand-button');
    await page.waitForSelector('#start-title');
    assert.doesNotMatch(page.url(), /training\.html/);
    assert.equal(await count(page, '.drafts .draft'), 0);
    assert.equal(await count(page, '[data-training="banner"]'), 0);
    assert.deepEqual(await storedKeys(page), []);

    // Presenter mode on a projector, with the catalog browser and a demo workspace; it lasts
    // for the tab's session (a reload) and only while in training mode.
    await page.click('header [data-action="training"]');
    await page.waitForSelector('.catalog-browser');
    await page.click('[data-action="presenter"]');
    assert.equal(await page.getAttribute('[data-action="presenter"]', 'aria-pressed'), 'true');
    assert.match(await page.getAttribute('html', 'class'), /presenter/);
    await shot(page, 'training-zh-1920-presenter', { width: 1920, height: 1080 });
    await page.fill('#catalog-search', '行政执法');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('#browser-title').evaluate((e) => e.scrollIntoView());
    await shot(page, 'training-search-zh-1920-presenter', { width: 1920, height: 1080 });
    await openDemo(page, 'above');
    await shot(page, 'demo-above-zh-1920-presenter', { width: 1920, height: 1080 });
    // A reload lands on the training page again (training.html), still in large type; the
    // start page is never in large type.
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    assert.match(await page.getAttribute('html', 'class'), /presenter/);
    await page.click('.brand-button');
    await page.waitForSelector('#start-title');
    assert.doesNotMatch((await page.getAttribute('html', 'class')) ?? '', /presenter/);
    await page.click('[data-action="start-training"]');
    await page.waitForSelector('.catalog-browser');
    assert.match(await page.getAttribute('html', 'class'), /presenter/);
    await shot(page, 'training-zh-phone-presenter', { width: 360, height: 780 });
    await page.click('[data-action="presenter"]');
    assert.doesNotMatch((await page.getAttribute('html', 'class')) ?? '', /presenter/);
    await shot(page, 'training-zh-phone', { width: 360, height: 780 });
    await page.fill('#catalog-search', '规章');
    await page.locator('#browser-title').evaluate((e) => e.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, 500));
    await shot(page, 'training-search-zh-phone', { width: 360, height: 780 });
    await openDemo(page, 'below');
    await shot(page, 'demo-below-zh-phone', { width: 360, height: 780 });
    assert.deepEqual(await storedKeys(page), []);
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await page.close();
  }
});

test('training mode in English, from the header', async () => {
  const { page, errors } = await openApp(site.browser, `${site.server.url}?lang=en`);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('header [data-action="training"]');
    await page.waitForSelector('.catalog-browser');
    assert.match(await text(page, '[data-training="banner"]'), /Training mode: changes are not saved/);
    await shot(page, 'training-en-desktop');
    await page.fill('#catalog-search', '复议');
    assert.match(await text(page, '[data-testid="shown-count"]'), /of \d+ indicators shown/);
    await page.locator('#browser-title').evaluate((e) => e.scrollIntoView());
    await shot(page, 'training-search-en-desktop');
    await shot(page, 'training-en-phone', { width: 360, height: 780 });
    await page.setViewportSize({ width: 1280, height: 900 });
    const below = await openDemo(page, 'below');
    assert.match(below.verdict, /not-yet/);
    await shot(page, 'demo-below-en-desktop');
    await page.click('[data-action="presenter"]');
    await shot(page, 'demo-below-en-1920-presenter', { width: 1920, height: 1080 });
    await page.click('[data-action="training-back"]');
    await shot(page, 'training-en-1920-presenter', { width: 1920, height: 1080 });
    // Back to the county page, still in English.
    await page.click('.brand-button');
    await page.waitForSelector('#start-title');
    assert.match(page.url(), /index\.html\?lang=en$/);
    assert.deepEqual(await storedKeys(page), []);
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await page.close();
  }
});

test('each page opens its own mode, and changing mode is a navigation', async () => {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    const ready = () => page.waitForSelector('#app[data-ready="true"]');
    await page.goto(`${site.server.url}review.html`);
    await page.waitForSelector('#review-title');
    // The review's way to training is a link: the address then names training, and a reload
    // keeps it.
    await page.click('header [data-action="training"]');
    await page.waitForSelector('.catalog-browser');
    assert.match(page.url(), /\/training\.html$/);
    assert.equal(await count(page, '#review-title'), 0);
    await page.reload();
    await ready();
    assert.equal(await count(page, '.catalog-browser'), 1, 'a reload keeps training');
    assert.equal(await count(page, '#review-title'), 0);
    // The address typed in a tab that has shown the review: training, not the review.
    await page.goto(`${site.server.url}review.html`);
    await page.waitForSelector('#review-title');
    await page.goto(`${site.server.url}training.html`);
    await ready();
    assert.equal(await count(page, '.catalog-browser'), 1, 'training.html shows training');
    assert.equal(await count(page, '#review-title'), 0);
    // And back: training's way to the review is a link too.
    await page.click('header [data-action="review"]');
    await page.waitForSelector('#review-title');
    assert.match(page.url(), /\/review\.html$/);
    await page.reload();
    await page.waitForSelector('#review-title');
    // The county page, in the same tab, is the county page.
    await page.goto(site.server.url);
    await page.waitForSelector('#start-title');
  } finally {
    await context.close();
  }
});

/** The page's width and whether the top bar's name is cut, at the current size. */
const fits = (page) =>
  page.evaluate(() => {
    const brand = document.querySelector('.brand-name');
    return {
      page: document.documentElement.scrollWidth,
      width: window.innerWidth,
      brand: brand ? brand.scrollWidth <= brand.clientWidth : false,
    };
  });

test('the top bar and the page fit every width from 360 to 1920 px, in both type sizes and languages', async () => {
  const widths = [360, 1024, 1280, 1366, 1920];
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const check = async (what) => {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const m = await fits(page);
      if (m.page > m.width) problems.push(`${what} at ${width} px: the page is ${m.page} px wide`);
      if (!m.brand) problems.push(`${what} at ${width} px: the name in the top bar is cut`);
      if (width === 1280 || width === 1366) await shot(page, `bar-${what}-${width}`, { width, height: 900 });
    }
  };
  try {
    for (const [lang, query] of [['zh', ''], ['en', '?lang=en']]) {
      await page.goto(`${site.server.url}training.html${query}`);
      await page.waitForSelector('.catalog-browser');
      await check(`training-${lang}`);
      await page.click('[data-action="presenter"]');
      await check(`training-large-${lang}`);
      await page.click('[data-demo="above"] button');
      await page.waitForSelector('#ind-1');
      await check(`demo-large-${lang}`);
      await page.click('[data-action="presenter"]');
      await check(`demo-${lang}`);
      await page.goto(`${site.server.url}review.html${query}`);
      await page.waitForSelector('#review-title');
      await check(`review-${lang}`);
      await page.goto(`${site.server.url}${query}`);
      await page.waitForSelector('#start-title');
      await check(`county-${lang}`);
      await page.click('[data-action="new"]');
      await page.waitForSelector('#division-code');
      await check(`county-draft-${lang}`);
      await page.click('.brand-button');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the training page and a demo county pass axe (WCAG 2.1 A and AA)', async () => {
  // A context that lets the test inject axe despite the page's Content-Security-Policy.
  const context = await axeContext(site.browser);
  const { page, errors } = await openApp(context, `${site.server.url}training.html`);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await noAxe(page, 'the training page');
    await page.setInputFiles('#catalog-file', tablePath);
    await page.waitForSelector('[data-notice="catalog-loaded"]');
    await noAxe(page, 'with a catalog loaded');
    await page.click('[data-action="presenter"]');
    await noAxe(page, 'in large type');
    await openDemo(page, 'below');
    await noAxe(page, 'a demo county');
    await page.click('button.lang');
    await page.waitForSelector('text=Training mode');
    await noAxe(page, 'in English');
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await context.close();
  }
});
