// Where the page's time goes while it takes many files in: a CPU profile (Chromium's sampling
// profiler, over CDP) from the file input's change to the last row, summarised by function.
//
//   SHIFAN_PROFILE=review   (default) the city review takes SHIFAN_PROFILE_FILES application
//                           files (2000 unless told), made as bench.mjs makes them;
//   SHIFAN_PROFILE=province the province page takes the 11 packages of 300 candidates;
//   SHIFAN_PROFILE=answer   the county page, all 100 indicators open, is given 60 answers as
//                           bench.mjs gives them (each click to the summary's change, laid out);
//   SHIFAN_PROFILE=start    the county page's start, cold cache (a fresh context), from before
//                           the navigation to its ready mark.
//
// Function names: the release site's wasm has none (wasm-opt strips them). Build the site with
// `SHIFAN_WASM_NAMES=1 cargo xtask build-web` to keep them (the same optimised code otherwise)
// and point SHIFAN_DIST at it. The sample files are cached in SHIFAN_PROFILE_CACHE
// (target/bench/profile-files) so that rounds do not make them again.
//
// Prints the time, the top functions by self time and by total time (each function counted
// once per sample however deep it recurs), and writes the raw profile (for Chromium's
// DevTools, Performance tab → load) to target/bench/<which>.cpuprofile.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { cliBin, launchBrowser, repoRoot, startServer } from '../e2e/serve.mjs';
import { timeAnswers } from './answers.mjs';

const which = process.env.SHIFAN_PROFILE || 'review';
const count = Number(process.env.SHIFAN_PROFILE_FILES || 2000);
const top = Number(process.env.SHIFAN_PROFILE_TOP || 40);
const cache = process.env.SHIFAN_PROFILE_CACHE || path.join(repoRoot, 'target', 'bench', 'profile-files');

/** `count` application files as bench.mjs's `sampleFiles` makes them (same seeds), cached. */
function applicationFiles(count) {
  const dir = path.join(cache, 'applications');
  mkdirSync(dir, { recursive: true });
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
    const met = 40 + Math.floor(random() * 56);
    if (!existsSync(file)) {
      execFileSync(cliBin(), ['sample', '--county', counties[i % counties.length], '--met', String(met), '--seed', String(i + 1), '-o', file], { stdio: 'pipe' });
    }
    files.push(file);
  }
  return files;
}

/** The province's round of bench.mjs: 11 cities' packages for 300 candidates, cached. */
function roundFiles() {
  const dir = path.join(cache, 'round');
  if (!existsSync(path.join(dir, 'scores.csv'))) {
    execFileSync(cliBin(), ['sample', '--round', '--cities', '11', '--candidates', '300', '-o', dir], { stdio: 'pipe' });
  }
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
}

const PAGES = {
  review: { page: 'review.html', input: '[data-role="review-files"]', rows: 'table.comparison tbody tr', files: () => applicationFiles(count) },
  province: { page: 'province.html', input: '[data-role="province-files"]', rows: '[data-testid="pool"] tbody tr', files: roundFiles },
};

/** Self and total time by function (name, and where it is: script and line, or wasm). */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${path.basename(f.url)}${f.url.includes('wasm') ? '' : `:${f.lineNumber + 1}`}` : '';
    return `${f.functionName || '(anonymous)'}${where ? ` [${where}]` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i + 1] ?? 0) / 1000;
    let n = byId.get(profile.samples[i]);
    self.set(label(n), (self.get(label(n)) ?? 0) + ms);
    const seen = new Set();
    while (n) {
      const l = label(n);
      if (!seen.has(l)) {
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + ms);
      }
      n = byId.get(parent.get(n.id));
    }
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { self: sorted(self), total: sorted(total) };
}

/** Profiles the city review or the province taking its files in; returns the time taken. */
async function takeIn(page, cdp) {
  const { page: pageName, input, rows, files: makeFiles } = PAGES[which];
  const files = makeFiles();
  const expected = which === 'review' ? files.length : 300;
  await page.goto(`${site.url}${pageName}`);
  await page.waitForSelector('#app[data-ready="true"]');
  await page.waitForSelector(input, { state: 'attached' });
  const measured = page.evaluate(([input, rows, count]) => new Promise((resolve) => {
    let t0 = 0;
    document.querySelector(input).addEventListener('change', () => { t0 = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      // A page that draws a first page of rows is done once the table counts every file.
      const drawn = document.querySelectorAll(rows).length;
      const total = Number(document.querySelector(rows.split(' ')[0])?.dataset.total);
      if (t0 && (drawn >= count || (total === count && drawn > 0))) {
        observer.disconnect();
        void document.body.getBoundingClientRect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(document.getElementById('app'), { childList: true, subtree: true });
  }), [input, rows, expected]);
  await cdp.send('Profiler.start');
  await page.setInputFiles(input, files);
  const ms = await measured;
  return `${files.length} files → ${expected} rows in ${ms.toFixed(0)} ms`;
}

/** Profiles 60 answers on the county page, as bench.mjs gives them; returns their median. */
async function answers(page, cdp) {
  await page.goto(site.url);
  await page.waitForSelector('#app[data-ready="true"]');
  await page.click('[data-action="new"]');
  await page.fill('#division-code', '140105');
  await page.click('.form-end button');
  await page.waitForSelector('#ind-100');
  await cdp.send('Profiler.start');
  const times = await timeAnswers(page, {
    summary: '[data-testid="unanswered"]',
    answers: 'article.card[data-status="unanswered"] [data-status="not_met"]',
    count: 60,
  });
  times.sort((a, b) => a - b);
  return `${times.length} answers, median ${times[times.length >> 1].toFixed(2)} ms`;
}

/** Profiles the county page's cold start; returns navigation → ready. */
async function start(page, cdp) {
  await cdp.send('Profiler.start');
  await page.goto(site.url);
  await page.waitForSelector('#app[data-ready="true"]');
  const ready = await page.evaluate(() => performance.getEntriesByName('shifan-ready')[0].startTime);
  return `navigation → ready in ${ready.toFixed(0)} ms`;
}

const site = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  // Answers take milliseconds: they need a finer sampling than a take-in of seconds.
  await cdp.send('Profiler.setSamplingInterval', { interval: which === 'review' || which === 'province' ? 500 : 50 });
  const run = { answer: answers, start }[which] ?? takeIn;
  const what = await run(page, cdp);
  const { profile } = await cdp.send('Profiler.stop');
  const out = path.join(repoRoot, 'target', 'bench', `${which}.cpuprofile`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(profile));
  const sampled = (profile.endTime - profile.startTime) / 1000;
  console.log(`${which}: ${what} (profiled, ${sampled.toFixed(0)} ms sampled)`);
  const { self, total } = summarise(profile);
  console.log(`\nby self time (ms):`);
  for (const [name, t] of self) console.log(`${t.toFixed(0).padStart(8)}  ${name}`);
  console.log(`\nby total time (ms):`);
  for (const [name, t] of total) console.log(`${t.toFixed(0).padStart(8)}  ${name}`);
  console.log(`\nwritten: ${path.relative(repoRoot, out)}`);
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
