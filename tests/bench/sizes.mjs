// The download figures alone, in a few seconds (issues 8 and 14): the county page's and the
// widget's bytes counted as bench.mjs counts them — every response of one load in headless
// Chromium, each gzip -9 (node's zlib), summed — printed per file, against the budget.
//
//   SHIFAN_DIST=$PWD/web/dist node tests/bench/sizes.mjs
//
// The county page is index.html; the widget is the mock portal (embed/portal.html), of whose
// responses only the widget's own are counted (the portal's page, style sheet and script are
// the host's). Run after `cargo xtask build-web` (release: the dev build is not minified).

import { gzipSync } from 'node:zlib';

import { launchBrowser, startServer } from '../e2e/serve.mjs';

/** Issue 14's budget of the county page's download; the widget may not exceed the page. */
const BUDGET = 200_000;

/** Every response of one load of `url` until `ready(page)`: [path, gzip -9 bytes, raw bytes]. */
async function responses(browser, url, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      seen.push([new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length, body.length]);
    } catch {
      // redirects and the like have no body
    }
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await context.close();
  return seen;
}

/** Prints `rows` as a table and returns their gzip total. */
function table(title, rows) {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map(([p]) => p.length));
  let gzip = 0;
  let raw = 0;
  for (const [p, gz, r] of rows) {
    console.log(`  ${p.padEnd(width)}  ${String(gz).padStart(8)} gzip  ${String(r).padStart(8)} raw`);
    gzip += gz;
    raw += r;
  }
  console.log(`  ${'total'.padEnd(width)}  ${String(gzip).padStart(8)} gzip  ${String(raw).padStart(8)} raw`);
  return gzip;
}

const site = await startServer();
const browser = await launchBrowser();
try {
  const county = table('county page (index.html)', await responses(browser, site.url, (page) =>
    page.waitForSelector('#app[data-ready="true"]', { state: 'attached', timeout: 60_000 })));
  const host = new Set(['/embed/portal.html', '/embed/portal.css', '/embed/portal.js']);
  const portal = await responses(browser, `${site.url}embed/portal.html`, (page) =>
    // Each widget's `ready` resolves on its `shifan-ready` event (widget.js).
    page.evaluate(async () => {
      await customElements.whenDefined('shifan-assessment');
      await Promise.all([...document.querySelectorAll('shifan-assessment')].map((w) => w.ready));
    }));
  const widget = table('widget (embed/portal.html, the widget\'s own responses)', portal.filter(([p]) => !host.has(p)));
  console.log(`\ncounty page ${county} B gzip -9: ${county <= BUDGET ? 'OK' : 'OVER'} (budget ${BUDGET})`);
  console.log(`widget ${widget} B gzip -9: ${widget <= county ? 'OK' : 'OVER'} (no more than the county page)`);
} finally {
  await browser.close();
  await site.close();
}
