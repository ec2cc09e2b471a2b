// End-to-end: the hosted site works offline after one visit. The page is loaded once from a
// server this test owns; once its service worker (dist/sw.js, written by `cargo xtask build-web`)
// is active and controls the page, the server is STOPPED, not merely "offline" in Playwright
// (setOffline does not reach a worker's own fetches, so a network-first worker would pass it).
// Then: a reload and a fresh page in the same context load from the worker's cache, an
// indicator is answered, the application is downloaded and `shifan check` accepts it. The
// review page, visited once while online, also opens with no server.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { answerCard, artifactsDir, cliBin, distDir, indicatorsOf, launchBrowser, referenceCatalog, startServer } from './serve.mjs';

const indicators = indicatorsOf(referenceCatalog());
const byNumber = (n) => indicators.find((i) => i.number === n);

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Waits until `page` is controlled by an activated worker of its site. */
async function controlled(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated',
    undefined,
    { timeout: 60_000 },
  );
}

test('the build lists the site’s files for its worker, the widget’s and the single file’s never', () => {
  const worker = readFileSync(path.join(distDir(), 'sw.js'), 'utf8');
  const list = (name) => JSON.parse(worker.match(new RegExp(`const ${name} = (\\[.*\\]);`))[1]);
  const precache = list('PRECACHE');
  const onUse = list('ON_USE');
  assert.match(worker, /^const VERSION = "[0-9a-f]{16}";/);
  for (const file of ['index.html', 'boot.js', 'app.css', 'shifan_web.js', 'shifan_web_bg.wasm', 'manifest.webmanifest']) {
    assert.ok(precache.includes(file), `${file} is precached`);
  }
  for (const file of ['review.html', 'training.html', 'annual.html', 'shifan_web_full.js', 'shifan_web_full_bg.wasm', 'modes.css']) {
    assert.ok(onUse.includes(file), `${file} is cached on first use`);
    assert.ok(!precache.includes(file), `${file} is not downloaded on a county's first visit`);
  }
  for (const file of [...precache, ...onUse]) {
    assert.doesNotMatch(file, /widget|^embed\/|\.(br|gz)$|^sw\.js$|shifan-offline\.html/, file);
  }
  const manifest = JSON.parse(readFileSync(path.join(distDir(), 'manifest.webmanifest'), 'utf8'));
  assert.match(manifest.name, /示范.*Shifan/);
  assert.ok(manifest.icons.length > 0);
});

test('one visit, then the server is stopped: reload, a fresh page, answer, download, shifan check', async () => {
  const server = await startServer();
  const context = await browser.newContext({ acceptDownloads: true });
  let stopped = false;
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
    await controlled(page);
    // The review page, visited once online: its full build is cached on this first use.
    const review = await context.newPage();
    await review.goto(new URL('review.html', server.url).href);
    await review.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
    await review.close();

    await server.close();
    stopped = true;
    // Really gone: a request the worker does not answer fails.
    assert.equal(
      await page.evaluate((u) => fetch(u).then(() => 'answered', () => 'failed'), new URL('no-such-file', server.url).href),
      'failed',
    );

    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
    const fresh = await context.newPage();
    await fresh.goto(server.url);
    await fresh.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });

    await fresh.click('[data-action="new"]');
    await fresh.selectOption('#city', '140100');
    await fresh.selectOption('#county', '140105');
    await fresh.fill('#contact-name', '张三');
    await fresh.click('.form-end button');
    await fresh.waitForSelector('#ind-1');
    await answerCard(fresh, byNumber(1), 'met');
    await fresh.screenshot({ path: path.join(artifactsDir(), 'service-worker-offline.png') });

    fresh.on('dialog', (d) => d.accept());
    const [download] = await Promise.all([
      fresh.waitForEvent('download'),
      fresh.click('.topbar .tools button.primary:not([data-action])'),
    ]);
    const application = path.join(artifactsDir(), 'service-worker-application.json');
    await download.saveAs(application);
    const run = spawnSync(cliBin(), ['check', '--json', application], { encoding: 'utf8' });
    assert.equal(run.status, 0, `shifan check failed: ${run.stdout}${run.stderr}`);
    const [entry] = JSON.parse(run.stdout);
    assert.equal(entry.status, 'ok');
    assert.equal(entry.application.met, 1);

    // The review page, with no server: served from what its first use cached.
    const reviewAgain = await context.newPage();
    await reviewAgain.goto(new URL('review.html', server.url).href);
    await reviewAgain.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
    assert.equal(await reviewAgain.getAttribute('#app', 'data-mode'), 'review');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    if (!stopped) await server.close();
  }
});
