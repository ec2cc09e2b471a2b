// Web budgets of issue 3, measured in headless Chromium and printed (run by `cargo xtask
// bench` after a release build, or `node tests/e2e/bench.mjs` with SHIFAN_DIST set):
//
//   1. everything the page downloads, gzip-compressed (gzip -9 of each response): ≤ 250 KB;
//   2. navigation to interactive (the app's `shifan-ready` performance mark, set when the
//      first render is done and `data-ready` is on <main>): ≤ 300 ms;
//   3. one status change to the updated summary, with all 100 indicators on the page:
//      ≤ 16 ms (click → summary DOM updated, and → layout done; median over many changes).
//
// Also reported: fingerprinting a 100 MB evidence file in the page (time, and the longest
// main-thread task while it runs, which says whether the page stays responsive).
//
// The figures are reported, not asserted: the script exits 0 and marks each budget OK or OVER.

import { createHash } from 'node:crypto';
import { openSync, closeSync, writeSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { launchBrowser, startServer } from './serve.mjs';

const BUDGET = { bytes: 250 * 1024, interactiveMs: 300, changeMs: 16 };
const LOADS = 15;
const CHANGES = 80;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const verdict = (ok) => (ok ? 'OK' : 'OVER');

const server = await startServer();
const browser = await launchBrowser();
try {
  // 1. Bytes: every response of one load, each gzip -9 compressed as a server would send it.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (response) => {
      try {
        bodies.push({ url: response.url(), body: await response.body() });
      } catch {
        // redirects and the like have no body
      }
    });
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForLoadState('networkidle');
    let raw = 0;
    let gz = 0;
    console.log('page downloads (raw → gzip -9):');
    for (const { url, body } of bodies) {
      const g = gzipSync(body, { level: 9 }).length;
      raw += body.length;
      gz += g;
      console.log(`  ${new URL(url).pathname.padEnd(24)} ${kb(body.length).padStart(11)} → ${kb(g).padStart(10)}`);
    }
    console.log(`budget 1: total download ${kb(raw)} raw, ${kb(gz)} (${gz} bytes) gzip; budget ${kb(BUDGET.bytes)}: ${verdict(gz <= BUDGET.bytes)}`);
    await context.close();
  }

  // 2. Navigation to interactive, over several loads in fresh contexts.
  {
    const times = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('#app[data-ready="true"]');
      times.push(
        await page.evaluate(() => performance.getEntriesByName('shifan-ready')[0]?.startTime ?? NaN),
      );
      await context.close();
    }
    const m = median(times);
    console.log(`budget 2: navigation → interactive: first ${times[0].toFixed(0)} ms, median ${m.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${LOADS} loads; budget ${BUDGET.interactiveMs} ms: ${verdict(m <= BUDGET.interactiveMs)}`);
  }

  // 3. One status change → updated summary, with every indicator on the page.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140105');
    await page.click('.form-end button');
    await page.waitForSelector('#ind-100');
    const cards = await page.locator('article.card').count();
    const result = await page.evaluate(async (changes) => {
      const summary = document.querySelector('[data-testid="unanswered"]');
      const buttons = [...document.querySelectorAll('article.card[data-status="unanswered"] [data-status="not_met"]')];
      const dom = [];
      const layout = [];
      for (const button of buttons.slice(0, changes)) {
        const before = summary.textContent;
        const updated = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (summary.textContent !== before) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(summary, { childList: true, characterData: true, subtree: true });
        });
        const t0 = performance.now();
        button.click();
        const t1 = await updated;
        void document.body.offsetHeight; // style and layout of the new state
        const t2 = performance.now();
        dom.push(t1 - t0);
        layout.push(t2 - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return { dom, layout, unanswered: summary.textContent };
    }, CHANGES);
    const m = median(result.layout);
    console.log(`budget 3: status change → summary (${cards} indicator cards on the page, ${result.dom.length} changes): DOM updated median ${median(result.dom).toFixed(2)} ms (p95 ${pct(result.dom, 95).toFixed(2)}); with layout median ${m.toFixed(2)} ms (p95 ${pct(result.layout, 95).toFixed(2)}, max ${Math.max(...result.layout).toFixed(2)}); budget ${BUDGET.changeMs} ms: ${verdict(m <= BUDGET.changeMs)}`);
    await context.close();
  }

  // Fingerprinting a 100 MB file: total time and the longest main-thread task meanwhile.
  {
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
      await page.goto(server.url);
      await page.waitForSelector('#app[data-ready="true"]');
      await page.click('[data-action="new"]');
      await page.fill('#division-code', '140105');
      await page.click('.form-end button');
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
      const seconds = (Date.now() - t0) / 1000;
      const longest = await page.evaluate(() => window.__longest);
      console.log(`fingerprint of a 100 MB file: ${seconds.toFixed(1)} s (${(100 / seconds).toFixed(0)} MB/s), longest main-thread task ${longest.toFixed(0)} ms (0 = none over 50 ms); hash matches: yes`);
    } finally {
      await context.close();
      rmSync(file, { force: true });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
