// Web budgets of issue 11 for the embeddable widget (run by bench.mjs, so by `cargo xtask
// bench`): one self-assessment widget in a host page (README's example, served next to the
// site's files), cold cache (a fresh context per load), against the county page in the same run:
//   - ready (its first render, `shifan-ready`) within 1.2× of the county page's
//     navigation → interactive (median over the loads);
//   - downloads (every response, gzip -9) no more than the county page does.
// Reported, not asserted, like the other budgets.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { distDir, repoRoot, startServer } from './serve.mjs';

const LOADS = 9;

/** README's widget example page, as written between its marker and the closing fence. */
export function readmeWidgetExample() {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const block = readme.match(/<!-- widget-example -->\s*```html\n([\s\S]*?)```/);
  if (!block) throw new Error('README.md has no widget example (```html after <!-- widget-example -->)');
  return block[1];
}

/** Serves a copy of the site with README's example as `example.html`; `{url, close}`. */
export async function serveExample() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-widget-'));
  let server;
  try {
    // The county page's and the self-assessment widget's files (not the full builds', the
    // modes' sheet or the spreadsheet's: the example must not need them).
    cpSync(distDir(), dir, { recursive: true, filter: (src) => !/shifan_web_(widget_)?full|widget-modes\.css|[\\/]xlsx$/.test(src) });
    writeFileSync(path.join(dir, 'example.html'), readmeWidgetExample());
    server = await startServer(dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `${server.url}example.html`,
    site: server.url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One cold load of `url`: gzip bytes of every response, and ms from navigation to ready. */
async function load(browser, url, widget) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (response) => {
    try {
      bodies.push(await response.body());
    } catch {
      // redirects have no body
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('shifan-ready', () => (window.__readyAt ??= performance.now()), true);
  });
  await page.goto(url);
  if (widget) {
    await page.waitForFunction(() => window.__readyAt !== undefined);
  } else {
    await page.waitForSelector('#app[data-ready="true"]');
  }
  await page.waitForLoadState('networkidle');
  const ms = await page.evaluate((widget) =>
    widget ? window.__readyAt : performance.getEntriesByName('shifan-ready')[0]?.startTime ?? NaN, widget);
  const bytes = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  await context.close();
  return { ms, bytes };
}

/** Measures and prints the widget's budgets. */
export async function benchWidget(browser) {
  const example = await serveExample();
  try {
    const county = [];
    const widget = [];
    for (let i = 0; i < LOADS; i++) {
      county.push(await load(browser, example.site, false));
      widget.push(await load(browser, example.url, true));
    }
    const countyMs = median(county.map((l) => l.ms));
    const widgetMs = median(widget.map((l) => l.ms));
    const countyBytes = county[0].bytes;
    const widgetBytes = widget[0].bytes;
    const ok = (b) => (b ? 'OK' : 'OVER');
    console.log(`widget budget: one widget in README's host page ready in ${widgetMs.toFixed(0)} ms (median of ${LOADS} cold loads) against the county page's ${countyMs.toFixed(0)} ms: ${(widgetMs / countyMs).toFixed(2)}×; budget 1.2×: ${ok(widgetMs <= 1.2 * countyMs)}`);
    console.log(`widget budget: downloads ${widgetBytes} bytes gzip against the county page's ${countyBytes}: ${ok(widgetBytes <= countyBytes)}`);
  } finally {
    await example.close();
  }
}
