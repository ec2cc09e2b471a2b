// Offline for real: once a page has loaded, the service worker (web/static/sw.js) keeps its
// files, so the page opens again with no network and with what was entered; a new build of the
// site is offered at the foot of the page and comes in only when the official takes it.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { artifactsDir, distDir, launchBrowser, startServer } from './serve.mjs';

let browser;
let server;
/** A copy of the built site with one change, as the next build deployed over it would be. */
let next;
const MARK = '/* the next build */';

/** `dir`'s sw.js with the fingerprint of `file` and the version renewed, as the build writes them. */
function reseal(dir, file) {
  const worker = path.join(dir, 'sw.js');
  const digest = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
  const text = readFileSync(worker, 'utf8');
  const line = new RegExp(`('${file.replace('.', '\\.')}': )'[0-9a-f]{64}'`);
  assert.match(text, line, `sw.js lists ${file}`);
  writeFileSync(worker, text.replace(line, `$1'${digest}'`).replace(/const VERSION = '[0-9a-f]+';/, "const VERSION = 'next';"));
}

before(async () => {
  next = mkdtempSync(path.join(os.tmpdir(), 'shifan-next-'));
  cpSync(distDir(), next, { recursive: true });
  writeFileSync(path.join(next, 'app.css'), `${readFileSync(path.join(next, 'app.css'), 'utf8')}\n${MARK}\n`);
  reseal(next, 'app.css');
  server = await startServer(distDir());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (next) rmSync(next, { recursive: true, force: true });
});

/** Starts a county draft in `page` and marks indicator 1's first point. */
async function startDraft(page) {
  await page.click('[data-action="new"]');
  await page.fill('#division-code', '140105');
  await page.click('.form-end button');
  await page.check('#ind-1-p0');
  await page.waitForSelector('#ind-1[data-status]');
  return page.getAttribute('#ind-1', 'data-status');
}

/** The style sheet the page gets now, through its worker. */
const styles = (page) => page.evaluate(() => fetch('app.css').then((r) => r.text()));

test('the county page opens again without a network, with what was entered', async () => {
  await server.serve(distDir());
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    const status = await startDraft(page);
    await page.waitForSelector('html[data-offline="ready"]');
    // The first worker of a browser is no new version: nothing is offered.
    assert.equal(await page.locator('#update').count(), 0, 'no offer on a first visit');
    await context.setOffline(true);
    const before = server.served.length;
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('#ind-1');
    assert.equal(await page.getAttribute('#ind-1', 'data-status'), status);
    assert.deepEqual(server.served.slice(before), [], 'nothing reached the server');
    // A second tab, too, as an office opens it the next morning.
    const second = await context.newPage();
    await second.goto(server.url);
    await second.waitForSelector('#app[data-ready="true"]');
    await page.screenshot({ path: path.join(artifactsDir(), 'offline-county.png') });
  } finally {
    await context.close();
  }
});

test('a new build is offered, not forced; taking it keeps the draft and works offline', async () => {
  await server.serve(distDir());
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    const status = await startDraft(page);
    await page.waitForSelector('html[data-offline="ready"]');

    await server.serve(next);
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    const offer = page.locator('#update');
    await offer.waitFor();
    assert.match(await offer.innerText(), /新版本/);
    assert.match(await offer.innerText(), /new version/);
    // Until the official takes it, the page stays the version it is.
    assert.ok(!(await styles(page)).includes(MARK), 'the old build is still served');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: path.join(artifactsDir(), 'offline-update-offer-360.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(artifactsDir(), 'offline-update-offer.png') });
    // Not now: it goes, and comes back at the next start.
    await page.click('[data-action="update-later"]');
    assert.equal(await offer.count(), 0);
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await offer.waitFor();
    assert.ok(!(await styles(page)).includes(MARK), 'still the old build');

    await Promise.all([page.waitForEvent('load'), page.click('[data-action="update"]')]);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('#ind-1');
    assert.equal(await page.getAttribute('#ind-1', 'data-status'), status, 'the draft survived the update');
    assert.ok((await styles(page)).includes(MARK), 'the new build is served');
    assert.equal(await page.locator('#update').count(), 0, 'no offer after taking it');

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    assert.ok((await styles(page)).includes(MARK), 'the new build, offline');
  } finally {
    await context.close();
  }
});

test('the site can be installed as an app: its manifest is complete', async () => {
  await server.serve(distDir());
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('html[data-offline="ready"]');
    const cdp = await context.newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'the manifest parses without a complaint');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A test context is the browser's private kind; nothing else may stand in the way.
    const blocking = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
    assert.deepEqual(blocking, [], JSON.stringify(installabilityErrors));
  } finally {
    await context.close();
  }
});
