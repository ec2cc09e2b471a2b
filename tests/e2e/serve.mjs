// Helpers for the end-to-end tests (tests/e2e/*.test.mjs) and the benchmark (tests/bench/bench.mjs):
// a static file server for the built site, a headless Debian Chromium driven by
// playwright-core, and the folder for screenshots. `cargo xtask test` runs the tests with
// SHIFAN_DIST (the built site, web/dist) and SHIFAN_BIN (the `shifan` CLI) set.

import { mkdirSync, readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const repoRoot = path.resolve(here, '..', '..');

/** Debian's Chromium (installed by `cargo xtask setup`). */
export const CHROMIUM_PATH = process.env.SHIFAN_CHROMIUM || '/usr/bin/chromium';

/**
 * Flags for Chromium as root on a machine with no outside network: without the
 * networking flags it keeps trying to reach hosts it cannot. Keep in sync with
 * crates/xtask/src/test.rs (webdriver.json). Headless mode is set by `launch`.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Content-Type for a file name. */
export function contentType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The built site: $SHIFAN_DIST, else web/dist. */
export function distDir() {
  return process.env.SHIFAN_DIST || path.join(repoRoot, 'web', 'dist');
}

/** The `shifan` CLI binary: $SHIFAN_BIN, else target/debug/shifan. */
export function cliBin() {
  return process.env.SHIFAN_BIN || path.join(repoRoot, 'target', 'debug', 'shifan');
}

/** tests/e2e/artifacts/ (gitignored), created if missing: screenshots and other outputs. */
export function artifactsDir() {
  const dir = path.join(here, 'artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Maps a request path to a file under `root`, or null when it must be refused
 * (bad escapes, NUL bytes, `..` segments, symlinks out of the root, missing files).
 */
async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/, 1)[0]);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return null;
  if (decoded.split(/[\\/]/).includes('..')) return null;
  let file = path.join(root, decoded);
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    return real;
  } catch {
    return null;
  }
}

/**
 * Serves `root` (default: the built site) on 127.0.0.1 at an ephemeral port.
 * GET and HEAD only; `/` maps to index.html; `Cache-Control: no-cache`.
 * `served` lists the path of every request that reached it, in order: what was downloaded, as
 * opposed to what a page or worker took from the browser's caches.
 * `serve(dir)` switches it to another folder on the same origin (a new build deployed).
 * @returns {Promise<{url: string, port: number, served: string[], serve: (dir: string) => Promise<void>, close: () => Promise<void>}>}
 */
export async function startServer(root = distDir()) {
  let rootReal = await realpath(root);
  const served = [];
  const server = http.createServer(async (req, res) => {
    served.push((req.url ?? '/').split(/[?#]/, 1)[0]);
    const send = (status, type, body) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(405, 'text/plain', Buffer.from('method not allowed\n'));
    }
    const file = await resolveFile(rootReal, req.url ?? '/');
    if (!file) return send(404, 'text/plain; charset=utf-8', Buffer.from('not found\n'));
    try {
      send(200, contentType(file), await readFile(file));
    } catch {
      send(404, 'text/plain; charset=utf-8', Buffer.from('not found\n'));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    served,
    serve: async (dir) => {
      rootReal = await realpath(dir);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Launches headless Debian Chromium with a fresh temporary profile (not persistent).
 * @param {import('playwright-core').LaunchOptions} [options] extra launch options
 */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * Opens the app at `url` in a new page of `browser` and waits until the web app has
 * rendered (`<main id="app" data-ready="true">`). Page errors and console errors (but a
 * missing favicon) are collected in the returned `errors` array.
 * @returns {Promise<{page: import('playwright-core').Page, errors: string[]}>}
 */
export async function openApp(browser, url, { timeout = 60_000 } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A missing favicon is the browser's request, not the app's error.
    if (m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico')) {
      errors.push(`console: ${m.text()}`);
    }
  });
  await page.goto(url);
  try {
    await page.waitForSelector('#app[data-ready="true"]', { timeout });
  } catch (e) {
    const shot = path.join(artifactsDir(), 'not-ready.png');
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    throw new Error(`app never set data-ready="true" (screenshot: ${shot}; errors: ${errors.join(' | ') || 'none'})`, { cause: e });
  }
  return { page, errors };
}

/**
 * Sets the viewport and writes a screenshot of `page` as `<name>.png` into artifactsDir().
 */
export async function shot(page, name, { width = 1280, height = 900, fullPage = false } = {}) {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: path.join(artifactsDir(), `${name}.png`), fullPage });
}

/** The built-in reference catalog, as its JSON file has it. */
export function referenceCatalog() {
  return JSON.parse(readFileSync(path.join(repoRoot, 'crates/rules/data/catalog-reference-2019.json'), 'utf8'));
}

/** Every indicator of `catalog`, in order. */
export const indicatorsOf = (catalog) => catalog.areas.flatMap((a) => a.sections.flatMap((s) => s.indicators));

/**
 * For a test file: starts the site's server and a browser before its tests and closes them
 * after. The returned object holds them (`site.server`, `site.browser`) once started.
 */
export function siteForTests() {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    site.server = await startServer();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * The keys the page has stored in `page`'s origin: localStorage's, and those of its IndexedDB
 * store (namespace `shifan`) but the store's own mark that localStorage was moved.
 */
export function storedKeys(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('shifan');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let keys = [];
    if (db.objectStoreNames.contains('records')) {
      keys = await new Promise((resolve, reject) => {
        const request = db.transaction('records').objectStore('records').getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return [...Object.keys(localStorage), ...keys.filter((k) => !String(k).startsWith('meta:'))];
  });
}

/** The text of the store's record under `key` (namespace `shifan`). */
export function record(page, key) {
  return page.evaluate(async (key) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('shifan');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const text = await new Promise((resolve, reject) => {
      const request = db.transaction('records').objectStore('records').get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return text;
  }, key);
}

/** The reason the walks give for a not-applicable answer. */
export const NA_REASON = '本县无此项职能(测试说明)';

/**
 * Answers the card of `indicator` (from the catalog) with `status` as a person does: ticks all
 * its points (met) or the first (partly met), presses the status, or gives the not-applicable
 * reason and confirms it with Enter; waits until the card shows the status.
 */
export async function answerCard(page, indicator, status) {
  const card = `#ind-${indicator.number}`;
  switch (status) {
    case 'met':
      for (let p = 0; p < indicator.criteria.length; p++) await page.check(`${card}-p${p}`);
      break;
    case 'partly_met':
      await page.check(`${card}-p0`);
      break;
    case 'not_met':
      await page.click(`${card} [data-status="not_met"]`);
      break;
    case 'not_applicable':
      await page.click(`${card} [data-status="not_applicable"]`);
      await page.fill(`${card}-pending`, NA_REASON);
      await page.press(`${card}-pending`, 'Enter');
      break;
  }
  await page.waitForSelector(`${card}[data-status="${status}"]`);
}
