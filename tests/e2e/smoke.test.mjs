// Smoke test: the built site loads in headless Chromium, the wasm app starts and shows the
// reference catalog's title, each page loads its own build, and the static server sends the
// types browsers require.

import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';

import { artifactsDir, openApp, referenceCatalog, siteForTests } from './serve.mjs';

/** The title of the catalog built into the app. */
const catalogTitle = referenceCatalog().title;

const site = siteForTests();

test('the app starts and shows the catalog title', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    const body = await page.innerText('body');
    assert.ok(body.includes(catalogTitle), `page body lacks the catalog title ${JSON.stringify(catalogTitle)}`);
    await page.screenshot({ path: path.join(artifactsDir(), 'smoke.png'), fullPage: true });
    assert.deepEqual(errors, [], 'the page logged errors');
  } finally {
    await page.close();
  }
});

test('the county page loads its own build; the review and training pages load the full one', async () => {
  for (const [page, module, other] of [
    ['', 'shifan_web_bg.wasm', 'shifan_web_full_bg.wasm'],
    ['review.html', 'shifan_web_full_bg.wasm', 'shifan_web_bg.wasm'],
    ['training.html', 'shifan_web_full_bg.wasm', 'shifan_web_bg.wasm'],
    ['annual.html', 'shifan_web_full_bg.wasm', 'shifan_web_bg.wasm'],
    ['province.html', 'shifan_web_full_bg.wasm', 'shifan_web_bg.wasm'],
  ]) {
    const context = await site.browser.newContext();
    const loaded = [];
    context.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    const tab = await context.newPage();
    const start = site.server.served.length;
    try {
      await tab.goto(site.server.url + page);
      await tab.waitForSelector('#app[data-ready="true"]');
      // Until the service worker has kept the page's files for offline use.
      await tab.waitForSelector('html[data-offline="ready"]');
      const downloaded = site.server.served.slice(start);
      assert.ok(loaded.includes(`/${module}`), `${page || 'index'} loads ${module}: ${loaded}`);
      // floor-check.js preloads it (a preload the app cannot use would be a second download),
      // and the worker takes its copy from the HTTP cache.
      assert.equal(downloaded.filter((p) => p === `/${module}`).length, 1, `${page || 'index'} downloads ${module} once: ${downloaded}`);
      assert.ok(!loaded.includes(`/${other}`), `${page || 'index'} does not load ${other}`);
      assert.ok(!loaded.some((p) => p.startsWith('/xlsx/')), 'the spreadsheet module waits for an export');
    } finally {
      await context.close();
    }
  }
});

test('the server sends wasm, js and html with the right types', async () => {
  for (const [file, type] of [
    ['', 'text/html; charset=utf-8'],
    ['shifan_web.js', 'text/javascript'],
    ['shifan_web_bg.wasm', 'application/wasm'],
  ]) {
    const res = await fetch(site.server.url + file);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers.get('content-type'), type, file);
    assert.equal(res.headers.get('cache-control'), 'no-cache', file);
  }
});

test('the server refuses paths out of the site', async () => {
  for (const target of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/%00', '/nope.js']) {
    const status = await new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: site.server.port, path: target }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject);
    });
    assert.equal(status, 404, target);
  }
});
