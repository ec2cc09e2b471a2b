// End-to-end: the browser floor (issue 10). Every page runs on Chromium 85 — the floor's own
// engine, carried by the npm package chrome-aws-lambda@5.2.1 — and on Chromium 92
// (@sparticuz/chromium@92.0.0), both older than 'wasm-unsafe-eval' (97) and externref (96):
// a county starts, answers ten indicators, reloads and finds them, downloads the file, which
// `shifan check` accepts; the city review opens that file and exports a workbook (the xlsx
// module); training shows the catalog; the page still reaches no other host.
// Below the floor (no WebAssembly, or one without the floor's features; faked in Debian's
// Chromium) every page says so in Chinese and English and loads nothing; and a load that fails
// for another reason says what to do in plain words.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { OLD_ENGINES, launchOldChromium } from './engines.mjs';
import { NA_REASON, answerCard, artifactsDir, cliBin, indicatorsOf, launchBrowser, openApp, referenceCatalog, startServer } from './serve.mjs';

const catalog = referenceCatalog();
const indicators = indicatorsOf(catalog);
/** The ten indicators the county answers: the first ten a county has. */
const ten = indicators.filter((i) => i.applies_to !== 'city').slice(0, 10);

/** How indicator `k` of the ten is answered: one not applicable, one partly met, the rest met. */
const plan = (k) => (k === 3 ? 'not_applicable' : k === 6 ? 'partly_met' : 'met');

/**
 * The errors of a page on an old engine but the one it must log: engines before Chromium 97
 * do not know 'wasm-unsafe-eval' and say that they ignore it (README, "Browsers").
 */
const unexpected = (errors) => errors.filter((e) => !/invalid source: ''wasm-unsafe-eval''. It will be ignored/.test(e));

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

/** Requests that leave the local server (blob: and data: URLs stay in the page). */
function foreignRequests(page) {
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  return foreign;
}

/**
 * Clicks `selector` and returns the path of the file the browser downloads, as saved under its
 * suggested name. Playwright's download event needs Browser.downloadWillBegin (Chromium 86),
 * so the page is told through the DevTools protocol to save downloads into a folder of its
 * own, which is then watched: the very file a person would find in their downloads.
 */
async function download(page, selector, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  // A file below the bar is confirmed first (never refused): the person says OK.
  const accept = (dialog) => dialog.accept();
  page.once('dialog', accept);
  await page.click(selector);
  const deadline = Date.now() + 60_000;
  for (;;) {
    // Chromium writes `<name>.crdownload` first and renames it when done.
    const done = readdirSync(dir).filter((f) => !f.endsWith('.crdownload'));
    if (done.length === 1) return path.join(dir, done[0]);
    if (Date.now() > deadline) throw new Error(`no download in ${dir} after clicking ${selector}: ${readdirSync(dir)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answer(page, indicator, k) {
  await answerCard(page, indicator, plan(k));
}

for (const engine of OLD_ENGINES) {
  describe(`on ${engine.name}`, () => {
    let browser;
    /** The one browser context: in one process (--single-process), Chromium 85 dies on a second. */
    let context;
    let downloaded;
    before(async () => {
      browser = await launchOldChromium(engine);
      context = await browser.newContext();
      // Closing the last page would end the browser: one tab stays open while the tests open
      // and close theirs.
      await context.newPage();
    });
    after(async () => {
      await browser?.close();
    });

    test(`it is ${engine.name}, older than externref and 'wasm-unsafe-eval'`, () => {
      assert.equal(Number(browser.version().split('.')[0]), engine.major, browser.version());
    });

    test('a county starts, answers ten indicators, reloads, finds them and downloads a file shifan check accepts', async () => {
      const { page, errors } = await openApp(context, server.url);
      const foreign = foreignRequests(page);
      const loaded = [];
      page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
      try {
        assert.equal(await page.getAttribute('html', 'data-floor'), 'ok');
        await page.click('[data-action="new"]');
        await page.selectOption('#city', '140100');
        await page.selectOption('#county', '140105');
        await page.fill('#contact-name', '张三');
        await page.fill('#contact-phone', '0351-1234567');
        await page.click('.form-end button');
        await page.waitForSelector(`#ind-${ten[0].number}`);
        for (const [k, indicator] of ten.entries()) await answer(page, indicator, k);
        const met = ten.filter((_, k) => plan(k) === 'met').length;
        assert.equal(await page.locator('[data-testid="met"]').innerText(), String(met));

        await page.reload();
        await page.waitForSelector('#app[data-ready="true"]');
        await page.waitForSelector(`#ind-${ten[9].number}`);
        for (const [k, indicator] of ten.entries()) {
          const card = page.locator(`#ind-${indicator.number}`);
          assert.equal(await card.getAttribute('data-status'), plan(k), `indicator ${indicator.number} after the reload`);
        }
        assert.equal(await page.inputValue(`#ind-${ten[3].number}-reason`), NA_REASON);
        assert.equal(await page.isChecked(`#ind-${ten[6].number}-p0`), true);

        downloaded = await download(page, 'header .tools button.primary', path.join(artifactsDir(), `floor-${engine.major}-county`));
        assert.match(path.basename(downloaded), /^太原市-小店区-综合示范-\d{4}-\d{2}-\d{2}\.json$/);
        const saved = JSON.parse(readFileSync(downloaded, 'utf8'));
        assert.equal(saved.summary.total.met, met);
        const cli = cliBin();
        assert.ok(existsSync(cli), `${cli} is missing: build it with cargo build -p shifan-cli`);
        const run = spawnSync(cli, ['check', '--json', downloaded], { encoding: 'utf8' });
        assert.equal(run.status, 0, `shifan check failed: ${run.stdout}${run.stderr}`);
        const [entry] = JSON.parse(run.stdout);
        assert.equal(entry.status, 'ok');
        assert.equal(entry.application.met, met);
        assert.equal(entry.application.integrity, saved.integrity);

        // At 1280 px the draft's top bar wraps rather than cutting the name to an ellipsis
        // (Chromium 85 has no `:has()`; the bar says it has steps with a class).
        await page.setViewportSize({ width: 1280, height: 900 });
        const cut = await page.$eval('.topbar .brand-name', (e) => e.scrollWidth > e.clientWidth);
        assert.equal(cut, false, 'the brand is not cut at 1280 px');
        await page.screenshot({ path: path.join(artifactsDir(), `floor-${engine.major}-county.png`) });
        assert.deepEqual(foreign, [], 'requests to other hosts');
        assert.ok(!loaded.includes('/too-old.js'), 'the message below the floor is not downloaded');
        assert.deepEqual(unexpected(errors), [], 'page errors');
      } finally {
        await page.close();
      }
    });

    test('without a network the county page opens again, with the draft listed', async () => {
      assert.ok(downloaded, 'runs after the county walk');
      const { page } = await openApp(context, server.url);
      try {
        await page.waitForSelector('html[data-offline="ready"]');
        await context.setOffline(true);
        await page.reload();
        await page.waitForSelector('#app[data-ready="true"]');
        // The start page (a new tab), with the walk's draft to continue.
        assert.match(await page.locator('.drafts').innerText(), /小店区/);
        await page.screenshot({ path: path.join(artifactsDir(), `floor-${engine.major}-offline.png`) });
      } finally {
        await context.setOffline(false);
        await page.close();
      }
    });

    test('the page may still connect to no other host', async () => {
      const { page } = await openApp(context, server.url);
      try {
        // Another origin: the same server under another name.
        const other = server.url.replace('127.0.0.1', 'localhost');
        const outcome = await page.evaluate(async (url) => {
          const violations = [];
          document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
          let fetched;
          try {
            await fetch(url);
            fetched = 'fetched';
          } catch (e) {
            fetched = 'refused';
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
          return { fetched, violations };
        }, other);
        assert.equal(outcome.fetched, 'refused');
        assert.ok(outcome.violations.some((d) => d.startsWith('connect-src')), JSON.stringify(outcome.violations));
      } finally {
        await page.close();
      }
    });

    test('a failed load says what to do in plain words', async () => {
      const page = await context.newPage();
      try {
        // The walk left the service worker, which would serve its kept copy: without it (and
        // its cache), as on a first visit. (One context only: see `context`.)
        await page.goto(`${server.url}floor-check.js`);
        await page.evaluate(async () => {
          for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
          for (const name of await caches.keys()) await caches.delete(name);
        });
        await page.route('**/shifan_web_bg.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
        await page.goto(server.url);
        const boot = page.locator('#boot.failed');
        await boot.waitFor({ state: 'attached' });
        const plain = await boot.locator(':scope > p').allInnerTexts();
        assert.equal(plain.length, 2, `one paragraph in Chinese, one in English: ${plain}`);
        assert.match(plain[0], /未能下载/);
        assert.match(plain[1], /could not be downloaded/);
      } finally {
        await page.close();
      }
    });

    test('the city review opens the county file and exports a workbook; training shows the catalog', async () => {
      assert.ok(downloaded && existsSync(downloaded), 'runs after the county walk');
      const { page: review, errors } = await openApp(context, `${server.url}review.html`);
      try {
        await review.waitForSelector('#review-title');
        await review.setInputFiles('[data-role="review-files"]', downloaded);
        await review.waitForSelector('table.comparison tbody tr[data-code="140105"]');
        const file = await download(review, '[data-action="export-xlsx"]', path.join(artifactsDir(), `floor-${engine.major}-review`));
        assert.match(path.basename(file), /\.xlsx$/);
        assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK');
        assert.deepEqual(unexpected(errors), [], 'review page errors');
      } finally {
        await review.close();
      }
      const { page: training, errors: trainingErrors } = await openApp(context, `${server.url}training.html`);
      try {
        await training.waitForSelector('.catalog-browser');
        assert.equal(await training.locator('.entry').count(), indicators.length);
        assert.deepEqual(unexpected(trainingErrors), [], 'training page errors');
      } finally {
        await training.close();
      }
    });
  });
}

describe('below the floor (in Debian Chromium, with WebAssembly taken away)', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  /** Opens `page` with `init` run before any of the page's scripts; records what it loads. */
  async function openWith(address, init) {
    const context = await browser.newContext();
    if (init) await context.addInitScript(init);
    const tab = await context.newPage();
    const loaded = [];
    const errors = [];
    tab.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(address);
    return { context, tab, loaded, errors };
  }

  for (const [what, init, reason] of [
    ['without WebAssembly', () => delete window.WebAssembly, 'no-wasm'],
    ['when the floor’s features fail to validate', () => (WebAssembly.validate = () => false), 'old-wasm'],
  ]) {
    test(`every page says the browser is too old, in Chinese and English, ${what}`, async () => {
      for (const page of ['', 'review.html', 'training.html']) {
        const { context, tab, loaded, errors } = await openWith(server.url + page, init);
        try {
          const boot = tab.locator('#boot.too-old');
          await boot.waitFor();
          assert.equal(await tab.getAttribute('html', 'data-floor'), 'below');
          assert.equal(await boot.getAttribute('data-reason'), reason);
          const message = await boot.innerText();
          assert.match(message, /浏览器版本过旧/);
          assert.match(message, /This browser is too old/);
          assert.match(message, /Chromium 内核 85/);
          assert.match(message, /Firefox 79 or newer/);
          assert.match(message, /极速模式/);
          assert.doesNotMatch(message, /CompileError|TypeError|undefined/);
          await tab.waitForTimeout(300);
          assert.ok(!loaded.some((p) => p.endsWith('.wasm') || p.includes('shifan_web')), `${page || 'index'} loaded ${loaded}`);
          assert.equal(await tab.getAttribute('#app', 'data-ready'), null);
          assert.deepEqual(errors, [], 'page errors');
          if (!page) await tab.screenshot({ path: path.join(artifactsDir(), `floor-below-${reason}.png`) });
        } finally {
          await context.close();
        }
      }
    });
  }

  for (const [what, reply, words] of [
    ['the wasm is missing', { status: 404, contentType: 'text/plain', body: 'not found' }, [/未能下载/, /could not be downloaded/]],
    ['the wasm is damaged', { status: 200, contentType: 'application/wasm', body: 'not wasm' }, [/未能运行/, /could not run/]],
  ]) {
    test(`a failed load says what to do in plain words when ${what}`, async () => {
      const context = await browser.newContext();
      await context.route('**/shifan_web_bg.wasm', (route) => route.fulfill(reply));
      const tab = await context.newPage();
      try {
        await tab.goto(server.url);
        const boot = tab.locator('#boot.failed');
        await boot.waitFor();
        assert.equal(await tab.getAttribute('html', 'data-floor'), 'ok');
        const plain = await boot.locator(':scope > p').allInnerTexts();
        assert.equal(plain.length, 2, 'one paragraph in Chinese, one in English');
        const detail = await boot.locator('details code').textContent();
        for (const w of words) assert.ok(plain.some((p) => w.test(p)), `${w} in ${plain} (error: ${detail})`);
        assert.ok(plain.every((p) => !/Error|wasm/.test(p)), `no raw error in the message: ${plain}`);
        // The technical detail is kept, folded away, for whoever helps.
        assert.equal(await boot.locator('details').getAttribute('open'), null);
        assert.match(detail, /Error/);
      } finally {
        await context.close();
      }
    });
  }
});
