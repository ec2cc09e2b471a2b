// The web half of `cargo xtask bench`, in one headless Chromium run (Debian's), after a release
// build of the site (SHIFAN_DIST) and with the CLI built (SHIFAN_BIN):
//
//   1. Side by side with the peer (SurveyJS, `peer.js` here: the same 100 indicators of the
//      reference catalog, one question each, the four statuses, a live compliance figure), both
//      pages measured ALTERNATELY in ROUNDS rounds, fresh browser context each load:
//      - bytes: every response of one load, each gzip -9, summed;
//      - navigation start → ready (the county page's `shifan-ready` mark, set when its first
//        render is done; the peer's `peer-ready`, the first frame after SurveyJS rendered);
//      - one answer → the summary's text changed (MutationObserver) → layout forced, p50 and p95
//        over ANSWERS answers with all 100 indicators on the page.
//      Medians over the rounds, and the ratio peer ÷ shifan, in one table.
//   1b. The widget (issue 11) beside the county page, alternately, ROUNDS rounds, cold cache:
//      the mock portal (embed/portal.html, two widgets) from navigation start to its first
//      self-assessment widget's first render (its `shifan-ready` event), against the county
//      page's navigation → ready; and the widget's own bytes (the portal's page, style and script
//      are the host's) against the county page's. Budgets: ready within 1.2×, bytes no more.
//   2. The city review (review.html): 200 and 2,000 application files from the file input's
//      change to the last row in the table, and the page's JS heap after (garbage collected).
//      Then the province page (province.html): 300 candidates in 11 cities' packages (the CLI's
//      `sample --round`) from the file input's change to the pool's last row, and the
//      evaluator's scores table from its change to every candidate standing in its kind's
//      ranking.
//   3. SHA-256 of a 100 MB local file in the county page (MB/s, the longest main-thread task
//      meanwhile), next to merely reading the same file in the same slices, and the browser's
//      own one-shot `crypto.subtle.digest`.
//   4. `shifan check` over the 2,000 files: files/s and MB/s.
//
// SHIFAN_BENCH_ONLY=review,province (a comma-separated list of side, widget, review, province,
// hash, cli) runs only those parts, for a quicker comparison of two builds; SHIFAN_DIST_BEFORE names
// an older build's site, which the review part then measures too, alternating with SHIFAN_DIST
// round by round (SHIFAN_BENCH_ROUNDS rounds, medians and the ratio).
//
// Figures are reported against the budgets of issue 14, never asserted (a shared, noisy machine
// measures; it does not judge): the script exits 0 and marks each OK or OVER. The same figures
// are written as JSON to target/bench/web.json.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { cliBin, launchBrowser, repoRoot, startServer } from '../e2e/serve.mjs';
import { timeAnswers } from './answers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Issue 14's budgets for the county page and the rest (the widget's: issue 11). */
const BUDGET = {
  widgetReadyRatio: 1.2,
  bytes: 200_000,
  readyMs: 120,
  answerP50Ms: 1.5,
  answerP95Ms: 4,
  review2000Ms: 3000,
  provinceMs: 1000,
  hashMBps: 150,
  longTaskMs: 50,
  cliMBps: 150,
};
const ROUNDS = Number(process.env.SHIFAN_BENCH_ROUNDS || 7);
const ONLY = (process.env.SHIFAN_BENCH_ONLY || '').split(',').filter(Boolean);
/** Whether the part `name` is measured in this run. */
const runs = (name) => ONLY.length === 0 || ONLY.includes(name);
const ANSWERS = 60;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const verdict = (ok) => (ok ? 'OK' : 'OVER');
const results = { when: new Date().toISOString(), rounds: ROUNDS, answers: ANSWERS, budgets: BUDGET };

/** Builds the peer page into target/bench/peer: esbuild bundle, SurveyJS's CSS, the HTML. */
function buildPeer() {
  const out = path.join(repoRoot, 'target', 'bench', 'peer');
  mkdirSync(out, { recursive: true });
  const esbuild = path.join(repoRoot, 'tests', 'e2e', 'node_modules', '.bin', 'esbuild');
  execFileSync(esbuild, [
    path.join(here, 'peer.js'),
    '--bundle',
    '--minify',
    '--format=esm',
    '--target=es2020',
    '--define:process.env.NODE_ENV="production"',
    '--log-level=warning',
    `--outfile=${path.join(out, 'peer.js')}`,
  ], { stdio: 'inherit' });
  copyFileSync(path.join(here, 'node_modules', 'survey-core', 'survey-core.fontless.min.css'), path.join(out, 'survey-core.fontless.min.css'));
  copyFileSync(path.join(here, 'peer.css'), path.join(out, 'peer.css'));
  copyFileSync(path.join(here, 'peer.html'), path.join(out, 'index.html'));
  return out;
}

/** How each page is driven: how to know it is ready, open the 100 indicators, answer one. */
const PAGES = {
  shifan: {
    mark: 'shifan-ready',
    ready: '#app[data-ready="true"]',
    async open(page) {
      await page.click('[data-action="new"]');
      await page.fill('#division-code', '140105');
      await page.click('.form-end button');
      await page.waitForSelector('#ind-100');
    },
    summary: '[data-testid="unanswered"]',
    answers: 'article.card[data-status="unanswered"] [data-status="not_met"]',
  },
  surveyjs: {
    mark: 'peer-ready',
    ready: 'body[data-ready="true"]',
    async open() {},
    summary: '#peer-unanswered',
    // 未达标 of each question, in order (each is answered once).
    answers: '.sd-question input[type="radio"][value="not_met"]',
  },
};

/** A fresh context's page, and the gzip -9 sizes of its responses as they arrive ([path, bytes]). */
async function freshPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const sizes = [];
  page.on('response', async (response) => {
    try {
      sizes.push([new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length]);
    } catch {
      // redirects and the like have no body
    }
  });
  return { context, page, sizes };
}

/** One load of `url`: bytes (gzip -9 of every response) and navigation → ready. */
async function load(browser, url, which) {
  const { context, page, sizes } = await freshPage(browser);
  await page.goto(url);
  await page.waitForSelector(PAGES[which].ready, { state: 'attached', timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const readyMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, PAGES[which].mark);
  const bytes = sizes.reduce((sum, [, n]) => sum + n, 0);
  return { context, page, bytes, readyMs };
}

/** The mock portal's own files: the host's, not the widget's. */
const PORTAL_FILES = new Set(['/embed/portal.html', '/embed/portal.css', '/embed/portal.js']);

/** One cold load of the mock portal: navigation → its first widget's `shifan-ready`, and the
 * widget's own bytes. */
async function loadPortal(browser, siteUrl) {
  const { context, page, sizes } = await freshPage(browser);
  await page.addInitScript(() => {
    document.addEventListener('shifan-ready', (event) => {
      if (event.target.id === 'county-a' && window.__benchWidgetReady === undefined) window.__benchWidgetReady = performance.now();
    }, true);
  });
  await page.goto(`${siteUrl}embed/portal.html`);
  await page.waitForFunction(() => window.__benchWidgetReady !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => Promise.all([...document.querySelectorAll('shifan-assessment')].map((w) => w.ready)));
  await page.waitForLoadState('networkidle');
  const readyMs = await page.evaluate(() => window.__benchWidgetReady);
  const bytes = sizes.filter(([p]) => !PORTAL_FILES.has(p)).reduce((sum, [, n]) => sum + n, 0);
  await context.close();
  return { readyMs, bytes };
}

/** Part 1b: the widget in the mock portal beside the county page, alternately, ROUNDS rounds. */
async function widgetBeside(browser, siteUrl) {
  const rounds = { county: [], widget: [] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? ['widget', 'county'] : ['county', 'widget'];
    for (const which of order) {
      if (which === 'widget') rounds.widget.push(await loadPortal(browser, siteUrl));
      else {
        const { context, bytes, readyMs } = await load(browser, siteUrl, 'shifan');
        rounds.county.push({ bytes, readyMs });
        await context.close();
      }
    }
  }
  const of = (which, key) => median(rounds[which].map((x) => x[key]));
  const figures = {
    county: { readyMs: of('county', 'readyMs'), bytes: of('county', 'bytes') },
    widget: { readyMs: of('widget', 'readyMs'), bytes: of('widget', 'bytes') },
  };
  const readyRatio = figures.widget.readyMs / figures.county.readyMs;
  console.log(`
the widget in the mock portal beside the county page: medians of ${ROUNDS} alternating rounds, cold cache`);
  console.log(`${'measure'.padEnd(28)}${'county'.padStart(10)}${'widget'.padStart(10)}${'widget ÷ county'.padStart(17)}   budget (widget)`);
  console.log(`${'navigation → ready (ms)'.padEnd(28)}${figures.county.readyMs.toFixed(0).padStart(10)}${figures.widget.readyMs.toFixed(0).padStart(10)}${readyRatio.toFixed(2).padStart(17)}   ≤ ${BUDGET.widgetReadyRatio}×: ${verdict(readyRatio <= BUDGET.widgetReadyRatio)}`);
  const bytesRatio = figures.widget.bytes / figures.county.bytes;
  console.log(`${'download, gzip -9 (bytes)'.padEnd(28)}${String(figures.county.bytes).padStart(10)}${String(figures.widget.bytes).padStart(10)}${bytesRatio.toFixed(3).padStart(17)}   ≤ 1×: ${verdict(bytesRatio <= 1)}`);
  results.widget = { ...figures, readyRatio, bytesRatio, rounds };
}

/** ANSWERS answers, each timed from the click to the summary's text changed and laid out. */
async function answerTimes(page, which) {
  await PAGES[which].open(page);
  return timeAnswers(page, { summary: PAGES[which].summary, answers: PAGES[which].answers, count: ANSWERS });
}

/** Part 1: both pages alternately, ROUNDS rounds. */
async function sideBySide(browser, urls) {
  const rounds = { shifan: [], surveyjs: [] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? ['surveyjs', 'shifan'] : ['shifan', 'surveyjs'];
    for (const which of order) {
      const { context, page, bytes, readyMs } = await load(browser, urls[which], which);
      const times = await answerTimes(page, which);
      if (times.length < ANSWERS) throw new Error(`${which}: only ${times.length} answers could be given`);
      rounds[which].push({ bytes, readyMs, p50: quantile(times, 0.5), p95: quantile(times, 0.95) });
      await context.close();
    }
  }
  const figures = {};
  for (const which of ['shifan', 'surveyjs']) {
    const of = (key) => median(rounds[which].map((x) => x[key]));
    figures[which] = { bytes: of('bytes'), readyMs: of('readyMs'), answerP50Ms: of('p50'), answerP95Ms: of('p95') };
  }
  const rows = [
    ['download, gzip -9 (bytes)', 'bytes', (x) => String(Math.round(x)), BUDGET.bytes],
    ['navigation → ready (ms)', 'readyMs', (x) => x.toFixed(0), BUDGET.readyMs],
    ['one answer, p50 (ms)', 'answerP50Ms', (x) => x.toFixed(2), BUDGET.answerP50Ms],
    ['one answer, p95 (ms)', 'answerP95Ms', (x) => x.toFixed(2), BUDGET.answerP95Ms],
  ];
  console.log(`\ncounty page beside SurveyJS: medians of ${ROUNDS} alternating rounds, ${ANSWERS} answers each, all 100 indicators on the page`);
  console.log(`${'measure'.padEnd(28)}${'shifan'.padStart(10)}${'SurveyJS'.padStart(10)}${'peer ÷ shifan'.padStart(15)}   budget (shifan)`);
  for (const [label, key, show, budget] of rows) {
    const a = figures.shifan[key];
    const b = figures.surveyjs[key];
    figures.ratio ??= {};
    figures.ratio[key] = b / a;
    console.log(`${label.padEnd(28)}${show(a).padStart(10)}${show(b).padStart(10)}${(b / a).toFixed(2).padStart(15)}   ≤ ${budget}: ${verdict(a <= budget)}`);
  }
  results.sideBySide = { ...figures, rounds };
}

/** `count` application files as the CLI's sample makes them, over Shanxi's counties. */
function sampleFiles(dir, count) {
  const counties = readFileSync(path.join(repoRoot, 'crates', 'rules', 'data', 'shanxi_divisions.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([code, , parent]) => code && parent && !parent.endsWith('0000') && !code.endsWith('00'))
    .map(([code]) => code);
  let seed = 20261202;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `app-${String(i).padStart(4, '0')}.json`);
    const met = 40 + Math.floor(random() * 56); // 40..95 of the 95 that apply to a county
    execFileSync(cliBin(), ['sample', '--county', counties[i % counties.length], '--met', String(met), '--seed', String(i + 1), '-o', file], { stdio: 'pipe' });
    files.push(file);
  }
  return files;
}

/** Part 2: the city review takes `files` in; time to the table, the JS heap after, and the
 * autosave that follows: from the table shown to the session committed, and the longest
 * main-thread task meanwhile (the table shown counts as soon as every file is counted in it,
 * `data-total`, and its first rows are drawn: a page that draws a first page of rows is done
 * then; one that draws every row when all are drawn). */
async function review(browser, url, files) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}review.html`);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('[data-role="review-files"]', { state: 'attached' });
    const measured = page.evaluate((count) => new Promise((resolve) => {
      const input = document.querySelector('[data-role="review-files"]');
      let t0 = 0;
      input.addEventListener('change', () => { t0 = performance.now(); }, { capture: true, once: true });
      const tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
      const observer = new MutationObserver(() => {
        const table = document.querySelector('table.comparison');
        const rows = document.querySelectorAll('table.comparison tbody tr').length;
        const all = rows >= count || (Number(table?.dataset.total) === count && rows > 0);
        if (t0 && all) {
          observer.disconnect();
          table.scrollIntoView();
          void table.getBoundingClientRect();
          const shown = performance.now();
          const ms = shown - t0;
          // The autosave: the status line says "saved" once the session is committed.
          const status = () => document.querySelector('[data-testid="review-save"]')?.textContent ?? '';
          const started = status();
          const done = () => {
            const longest = Math.max(0, ...tasks.filter(([s]) => s > shown).map(([, d]) => d));
            resolve({ ms, saveMs: performance.now() - shown, longestSaveTaskMs: longest });
          };
          const wait = () => (status() !== started && status().includes('已自动保存') ? setTimeout(done, 50) : setTimeout(wait, 20));
          wait();
        }
      });
      observer.observe(document.getElementById('app'), { childList: true, subtree: true });
    }), files.length);
    await page.setInputFiles('[data-role="review-files"]', files);
    const { ms, saveMs, longestSaveTaskMs } = await measured;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return { ms, heapMB: heap / 1024 / 1024, saveMs, longestSaveTaskMs };
  } finally {
    await context.close();
  }
}

/** Part 3: SHA-256 of a 100 MB file in the county page, beside reading it and the browser's own. */
async function hashing(browser, url) {
  const file = path.join(os.tmpdir(), `shifan-bench-${process.pid}.bin`);
  const hash = createHash('sha256');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 100; i++) {
    chunk.fill(i);
    writeSync(fd, chunk);
    hash.update(chunk);
  }
  closeSync(fd);
  const sha256 = hash.digest('hex');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('#app[data-ready="true"]');
    await PAGES.shifan.open(page);
    await page.click('#ind-1 .evidence > button');
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.setInputFiles('#ind-1 [data-role="fingerprint"]', file);
    await page.waitForSelector(`#ind-1 .evidence-form .hash:has-text("${sha256}")`, { timeout: 300_000 });
    const hashSeconds = (Date.now() - t0) / 1000;
    const longestMs = await page.evaluate(() => window.__longest);
    // The same file read in the page's own slices (8 MiB, `browser::HASH_SLICE`), and digested
    // by the browser in one shot, from a second input of the same page.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-file';
      document.body.append(input);
    });
    await page.setInputFiles('#bench-file', file);
    const reference = await page.evaluate(async () => {
      const blob = document.getElementById('bench-file').files[0];
      const slice = 8 * 1024 * 1024;
      let t = performance.now();
      for (let start = 0; start < blob.size; start += slice) {
        await blob.slice(start, Math.min(start + slice, blob.size)).arrayBuffer();
      }
      const readMs = performance.now() - t;
      t = performance.now();
      await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
      return { readMs, subtleMs: performance.now() - t };
    });
    return {
      hashMBps: 100 / hashSeconds,
      longestTaskMs: longestMs,
      readMBps: 100 / (reference.readMs / 1000),
      subtleMBps: 100 / (reference.subtleMs / 1000),
    };
  } finally {
    await context.close();
    rmSync(file, { force: true });
  }
}

/** The province's round of the budget: 300 candidates in 11 cities' packages, with the scores table. */
const PROVINCE = { cities: 11, candidates: 300 };

/**
 * Part 2b: the province page (province.html) takes in 11 packages of 300 candidates in all
 * (the file input's change → the pool's last row), then applies the evaluator's scores table
 * (its change → every candidate ranked in its kind's table).
 */
async function province(browser, url, scratch) {
  const round = path.join(scratch, 'round');
  execFileSync(cliBin(), ['sample', '--round', '--cities', String(PROVINCE.cities), '--candidates', String(PROVINCE.candidates), '-o', round], { stdio: 'pipe' });
  const packages = readdirSync(round).filter((f) => f.endsWith('.json')).map((f) => path.join(round, f));
  const MB = packages.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6;
  const context = await browser.newContext();
  const page = await context.newPage();
  /** Times from `input`'s change until `count` elements match `selector` (the page's CSP
   * forbids eval, so the condition is data). */
  const timed = (input, selector, count) => page.evaluate(([input, selector, count]) => new Promise((resolve) => {
    const test = () => document.querySelectorAll(selector).length >= count;
    let t0 = 0;
    document.querySelector(input).addEventListener('change', () => { t0 = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (t0 && test()) {
        observer.disconnect();
        void document.body.getBoundingClientRect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(document.getElementById('app'), { childList: true, subtree: true, characterData: true });
  }), [input, selector, count]);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}province.html`);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('[data-role="province-files"]', { state: 'attached' });
    const taken = timed('[data-role="province-files"]', '[data-testid="pool"] tbody tr', PROVINCE.candidates);
    await page.setInputFiles('[data-role="province-files"]', packages);
    const takeInMs = await taken;
    const ranked = timed('[data-role="province-scores"]', '[data-testid^="ranking-"] [data-standing]:not([data-standing="incomplete"])', PROVINCE.candidates);
    await page.setInputFiles('[data-role="province-scores"]', path.join(round, 'scores.csv'));
    const rankMs = await ranked;
    return { candidates: PROVINCE.candidates, packages: packages.length, MB, takeInMs, rankMs };
  } finally {
    await context.close();
  }
}

/** Part 4: `shifan check` (the release build: SHIFAN_BIN) over a folder of files, median of three runs. */
function cliCheck(dir, files) {
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const run = spawnSync(cliBin(), ['check', dir], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (run.status !== 0) throw new Error(`shifan check ${dir} failed (${run.status})`);
  }
  const s = median(times);
  return { files: files.length, MB: bytes / 1e6, seconds: s, filesPerSecond: files.length / s, MBps: bytes / 1e6 / s };
}

const peerDir = buildPeer();
const site = await startServer();
const peer = await startServer(peerDir);
const browser = await launchBrowser();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shifan-bench-'));
try {
  if (runs('side')) await sideBySide(browser, { shifan: site.url, surveyjs: peer.url });
  if (runs('widget')) await widgetBeside(browser, site.url);

  const files = runs('review') || runs('cli') ? sampleFiles(scratch, 2000) : [];
  if (runs('review')) results.review = {};
  // With SHIFAN_DIST_BEFORE, an older build is measured too, alternating with this one round
  // by round (a noisy machine: medians and the ratio, never single times).
  const before = runs('review') && process.env.SHIFAN_DIST_BEFORE ? await startServer(process.env.SHIFAN_DIST_BEFORE) : null;
  const reviewRounds = Number(process.env.SHIFAN_BENCH_ROUNDS || 1);
  try {
    for (const count of runs('review') ? [200, 2000] : []) {
      const sites = before ? { before: before.url, after: site.url } : { after: site.url };
      const rounds = Object.fromEntries(Object.keys(sites).map((k) => [k, []]));
      for (let i = 0; i < reviewRounds; i++) {
        for (const [which, url] of Object.entries(sites)) rounds[which].push(await review(browser, url, files.slice(0, count)));
      }
      const of = (which, key) => median(rounds[which].map((x) => x[key]));
      const summary = Object.fromEntries(Object.keys(sites).map((which) => [which, {
        ms: of(which, 'ms'), heapMB: of(which, 'heapMB'), saveMs: of(which, 'saveMs'), longestSaveTaskMs: of(which, 'longestSaveTaskMs'), rounds: rounds[which],
      }]));
      results.review[count] = before ? summary : summary.after;
      for (const [which, m] of Object.entries(summary)) {
        const budget = count === 2000 ? ` budget ${BUDGET.review2000Ms} ms: ${verdict(m.ms <= BUDGET.review2000Ms)}` : '';
        const label = before ? ` [${which}]` : '';
        console.log(`\ncity review${label}: ${count} files picked → the table with ${count} files: ${m.ms.toFixed(0)} ms (median of ${reviewRounds}: ${rounds[which].map((x) => x.ms.toFixed(0)).join(', ')}), JS heap after ${m.heapMB.toFixed(1)} MB;${budget}`);
        console.log(`  autosave after it: committed ${m.saveMs.toFixed(0)} ms after the table, longest main-thread task meanwhile ${m.longestSaveTaskMs.toFixed(0)} ms`);
      }
      if (before) {
        const ratio = (key) => (summary.before[key] / summary.after[key]).toFixed(2);
        console.log(`  before ÷ after: time to the table ${ratio('ms')}, longest autosave task ${ratio('longestSaveTaskMs')}`);
      }
    }
  } finally {
    await before?.close();
  }
  const p = runs('province') ? await province(browser, site.url, scratch) : null;
  if (p) results.province = p;
  if (p) console.log(`\nprovince page: ${p.candidates} candidates from ${p.packages} packages (${p.MB.toFixed(1)} MB): taken in ${p.takeInMs.toFixed(0)} ms, scores table applied and both kinds ranked ${p.rankMs.toFixed(0)} ms, together ${(p.takeInMs + p.rankMs).toFixed(0)} ms (budget ${BUDGET.provinceMs} ms: ${verdict(p.takeInMs + p.rankMs <= BUDGET.provinceMs)})`);

  const h = runs('hash') ? await hashing(browser, site.url) : null;
  if (h) results.hash = h;
  if (h) console.log(`\nSHA-256 of a 100 MB file in the page: ${h.hashMBps.toFixed(0)} MB/s (budget ≥ ${BUDGET.hashMBps}: ${verdict(h.hashMBps >= BUDGET.hashMBps)}), longest main-thread task ${h.longestTaskMs.toFixed(0)} ms (0 = none over 50 ms; budget ≤ ${BUDGET.longTaskMs}: ${verdict(h.longestTaskMs <= BUDGET.longTaskMs)})`);
  if (h) console.log(`  for reference: reading the same file in the same 8 MiB slices ${h.readMBps.toFixed(0)} MB/s; crypto.subtle.digest in one shot ${h.subtleMBps.toFixed(0)} MB/s`);

  const c = runs('cli') ? cliCheck(scratch, files) : null;
  if (c) results.cli = c;
  if (c) console.log(`\nshifan check over ${c.files} files (${c.MB.toFixed(1)} MB): ${c.seconds.toFixed(2)} s, ${c.filesPerSecond.toFixed(0)} files/s, ${c.MBps.toFixed(0)} MB/s (budget ≥ ${BUDGET.cliMBps}: ${verdict(c.MBps >= BUDGET.cliMBps)})`);
} finally {
  await browser.close();
  await site.close();
  await peer.close();
  rmSync(scratch, { recursive: true, force: true });
}
const out = path.join(repoRoot, 'target', 'bench', 'web.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${path.relative(repoRoot, out)}`);
