// The embeddable widget as a host developer uses it (issue 11, part 2): the mock provincial
// portal (web/static/embed/portal.html: hostile global CSS, its own CSP) with two
// <shifan-assessment> widgets. The widget works there; neither side's styles reach the other
// (computed styles, both ways); the host receives the change events and the exported file
// (instead of a download), which `shifan check` accepts; the two widgets keep separate drafts;
// no CSP violation; nothing of the host's document is touched; moving the element keeps a
// pending save, removing it releases everything (50 cycles: no listener left, heap back within
// 10%); and the README's copy-paste example runs as written. The review and training modes:
// the mock city portal (web/static/embed/city-portal.html) preloads three submissions into a
// review widget, the office recommends one and the portal receives the recommendation package
// (which `shifan check` accepts); a training widget shows the catalog's criteria; a page of
// self-assessment widgets never requests the modes' build.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { serveExample } from './bench-widget.mjs';
import { artifactsDir, cliBin, indicatorsOf, launchBrowser, referenceCatalog, repoRoot, startServer } from './serve.mjs';

const indicators = indicatorsOf(referenceCatalog());
const PORTAL = 'embed/portal.html';
const CITY_PORTAL = 'embed/city-portal.html';
/** What only review and training widgets load: the full widget build and the modes' sheet. */
const MODES_BUILD = /shifan_web_widget_full|widget-modes\.css|shifan_web_full/;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page that records CSP violations, page errors, console errors and every request. */
async function newPage(context = browser) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A missing favicon is the browser's request, not the widget's error.
    if (m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico')) errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (dialog) => dialog.accept());
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { page, errors, requests };
}

/** Opens the portal and waits until both widgets have rendered. */
async function openPortal(context) {
  const { page, errors, requests } = await newPage(context);
  await page.goto(`${server.url}${PORTAL}`);
  await waitReady(page, '#county-a');
  await waitReady(page, '#county-b');
  return { page, errors, requests };
}

/** Waits for the widget `host`'s first render (its root inside the shadow root). */
const waitReady = (page, host) => page.waitForSelector(`${host} .shifan-root[data-ready="true"]`, { timeout: 60_000 });

/** Starts a draft in widget `w` (a locator) for `county` and goes to the indicators. */
async function startDraft(w, county) {
  await w.locator('[data-action="new"]').click();
  await w.locator('#city').selectOption('140100');
  await w.locator('#county').selectOption(county);
  await w.locator('#contact-name').fill('张三');
  await w.locator('#contact-phone').fill('0351-1234567');
  await w.locator('#contact-email').fill('fzb@example.gov.cn');
  await w.locator('.form-end button').click();
  await w.locator('#ind-1').waitFor();
}

/** Answers indicator `indicator` in widget `w` (a locator) as a person does: ticks every point
 * (met), or presses "not met"; waits until the card shows it (serve.mjs's answerCard, for a
 * locator inside a shadow root). */
async function answerCard(w, indicator, status) {
  const card = `#ind-${indicator.number}`;
  if (status === 'met') {
    for (let p = 0; p < indicator.criteria.length; p++) await w.locator(`${card}-p${p}`).check();
  } else {
    await w.locator(`${card} [data-status="${status}"]`).click();
  }
  await w.locator(`${card}[data-status="${status}"]`).waitFor();
}

/** Computed styles of the elements `selector` finds (piercing shadow roots), as a record. */
const PROPS = ['font-family', 'font-size', 'color', 'background-color', 'letter-spacing', 'line-height', 'text-transform', 'border-top-style', 'padding-left', 'outline-style', 'box-sizing', 'margin-top'];
function styles(page, selector) {
  return page.locator(selector).first().evaluate((el, props) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }, PROPS);
}

/** The keys stored in IndexedDB database `name` (none if it does not exist). */
function keysIn(page, name) {
  return page.evaluate(async (name) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes(name)) return null;
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const keys = await new Promise((resolve, reject) => {
      const r = db.transaction('records').objectStore('records').getAllKeys();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return keys.map(String);
  }, name);
}

test('the portal embeds two widgets: they work, styles cross neither way, nothing of the host is touched', async () => {
  // The portal's own look, without the widgets (no script): the reference for "nothing leaks out".
  const bare = await browser.newContext({ javaScriptEnabled: false });
  const barePage = await bare.newPage();
  await barePage.goto(`${server.url}${PORTAL}`);
  const portalAlone = {
    button: await styles(barePage, '#portal-button'),
    heading: await styles(barePage, '.portal-card h2'),
    bar: await styles(barePage, '.portal-bar'),
    main: await styles(barePage, '#app'),
  };
  await bare.close();

  // The county page's own look of the same controls: the reference for "nothing leaks in".
  const { page: county } = await newPage();
  await county.goto(server.url);
  await county.waitForSelector('#app[data-ready="true"]');
  const countyNew = await styles(county, '[data-action="new"]');
  const countyHeading = await styles(county, '.content h1, .content h2');
  await county.close();

  const context = await browser.newContext();
  const { page, errors, requests } = await openPortal(context);
  const before = await page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang, url: location.href, app: document.getElementById('app').outerHTML.length }));
  try {
    // Host → widget: the widget's controls look as on the county page, whatever the portal's
    // `* {}`, `button {}` and 20 px root say.
    assert.deepEqual(await styles(page, '#county-a [data-action="new"]'), countyNew);
    assert.deepEqual(await styles(page, '#county-a .shifan-root .content h1, #county-a .shifan-root .content h2'), countyHeading);
    // Widget → host: the portal's elements look as without the widgets.
    assert.deepEqual(await styles(page, '#portal-button'), portalAlone.button);
    assert.deepEqual(await styles(page, '.portal-card h2'), portalAlone.heading);
    assert.deepEqual(await styles(page, '.portal-bar'), portalAlone.bar);
    assert.deepEqual(await styles(page, '#app'), portalAlone.main);

    // Work in widget A: the host hears every change.
    const a = page.locator('#county-a');
    const b = page.locator('#county-b');
    await page.evaluate(() => {
      window.__changes = [];
      document.getElementById('county-a').addEventListener('shifan-change', (e) => window.__changes.push(e.detail));
    });
    await startDraft(a, '140105');
    for (const i of indicators.slice(0, 3)) await answerCard(a, i, 'met');
    await answerCard(a, indicators[3], 'not_met');
    await page.waitForFunction(() => window.__changes.at(-1)?.compliance?.met === 3 && window.__changes.at(-1).saved);
    const last = await page.evaluate(() => window.__changes.at(-1));
    assert.equal(last.mode, 'self-assessment');
    assert.equal(last.summary.total.met, 3);
    assert.equal(last.summary.total.not_met, 1);
    assert.equal(typeof last.draft, 'string');
    assert.match(await page.locator('#portal-change').innerText(), /county-a: 3\//);

    // Export with the portal's label: the portal takes the file, nothing is downloaded.
    const downloads = [];
    page.on('download', (d) => downloads.push(d));
    await a.getByRole('button', { name: '提交到门户' }).first().click();
    await page.waitForFunction(() => window.portalInbox.length === 1);
    const [sent] = await page.evaluate(() => window.portalInbox);
    assert.equal(sent.from, 'county-a');
    assert.equal(sent.kind, 'application');
    assert.match(sent.fileName, /\.json$/);
    await page.waitForTimeout(300);
    assert.equal(downloads.length, 0, 'the portal took the file: no download');
    // The host's method reads the same file.
    const current = await page.evaluate(() => document.getElementById('county-a').currentText());
    assert.equal(current.ok, true);
    assert.equal(current.text, sent.text);
    const cli = cliBin();
    if (existsSync(cli)) {
      const file = path.join(artifactsDir(), sent.fileName);
      writeFileSync(file, sent.text);
      const run = spawnSync(cli, ['check', file], { encoding: 'utf8' });
      assert.equal(run.status, 0, `shifan check refused the exported file: ${run.stdout}${run.stderr}`);
    } else {
      console.log(`# ${cli} missing: the CLI check of the exported file is skipped`);
    }

    // Separate drafts: widget B lists none; its database holds none; the site's is never opened.
    assert.equal(await b.locator('li.draft').count(), 0);
    const keysA = await keysIn(page, 'shifan-widget:portal-county-a');
    assert.equal(keysA.filter((k) => k.startsWith('draft:')).length, 1);
    const keysB = await keysIn(page, 'shifan-widget:portal-county-b');
    assert.equal((keysB ?? []).filter((k) => k.startsWith('draft:')).length, 0);
    assert.equal(await keysIn(page, 'shifan'), null, "the site's database is not a widget's");
    // B opens A's file through the host's method: now B has its own copy, A is unchanged.
    const opened = await page.evaluate((text) => document.getElementById('county-b').openText(text), sent.text);
    assert.deepEqual(opened, { ok: true });
    await b.locator('#ind-1').waitFor();
    for (let i = 0; i < 50 && !(await keysIn(page, 'shifan-widget:portal-county-b'))?.some((k) => k.startsWith('draft:')); i++) {
      await page.waitForTimeout(100);
    }
    const refused = await page.evaluate(() => document.getElementById('county-b').openText('{"format": "nope"}'));
    assert.equal(refused.ok, false);
    assert.ok(refused.problems.length > 0 && refused.problems[0].code && refused.problems[0].message.zh && refused.problems[0].message.en);

    // A reload: each widget finds its own draft again.
    await page.reload();
    await waitReady(page, '#county-a');
    await waitReady(page, '#county-b');
    assert.equal(await a.locator('li.draft').count(), 1);
    assert.equal(await b.locator('li.draft').count(), 1, "B's copy of the opened file");

    // Nothing of the host's document changed; no CSP violation; no errors.
    const now = await page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang, url: location.href, app: document.getElementById('app').outerHTML.length }));
    assert.deepEqual(now, before);
    assert.equal(await page.evaluate(() => document.getElementById('app').hasAttribute('data-ready')), false);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    // Self-assessment widgets only: the small build, never the modes' (its download budget).
    assert.ok(requests.some((u) => u.endsWith('/shifan_web_widget_bg.wasm')), 'the small build was loaded');
    assert.deepEqual(requests.filter((u) => MODES_BUILD.test(u)), [], 'the full build was not requested');
    await page.screenshot({ path: path.join(artifactsDir(), 'widget-portal.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('moving a widget keeps its pending save; removing it writes it and releases the app', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPortal(context);
  try {
    const a = page.locator('#county-a');
    await startDraft(a, '140106');
    // Answer, and move the element in the same task (inside the autosave's pause): the same app
    // goes on, its change still waiting.
    await page.evaluate(() => {
      const el = document.getElementById('county-a');
      el.shifanRoot = el.shadowRoot.querySelector('.shifan-root');
      el.shadowRoot.querySelector('#ind-1 [data-status="not_met"]').click();
      document.querySelector('.portal-card:last-child').append(el);
    });
    await a.locator('#ind-1[data-status="not_met"]').waitFor();
    assert.equal(await page.evaluate(() => document.getElementById('county-a').shadowRoot.querySelector('.shifan-root') === document.getElementById('county-a').shifanRoot), true);
    // Answer and remove in the same task: the change is written as the app is destroyed.
    await page.evaluate(() => {
      const el = document.getElementById('county-a');
      el.shadowRoot.querySelector('#ind-2 [data-status="not_met"]').click();
      el.remove();
    });
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      const el = document.createElement('shifan-assessment');
      el.id = 'county-a';
      el.setAttribute('namespace', 'portal-county-a');
      document.querySelector('.portal-card').append(el);
    });
    await waitReady(page, '#county-a');
    await a.locator('li.draft .draft-actions button.primary').first().click();
    await a.locator('#ind-2').waitFor();
    assert.equal(await a.locator('#ind-1').getAttribute('data-status'), 'not_met');
    assert.equal(await a.locator('#ind-2').getAttribute('data-status'), 'not_met');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('50 mounts and removals leave no listener of the widget and the heap within 10%', async () => {
  const context = await browser.newContext();
  const { page, errors } = await openPortal(context);
  const cdp = await context.newCDPSession(page);
  try {
    await page.evaluate(() => {
      document.getElementById('county-a').remove();
      document.getElementById('county-b').remove();
    });
    const cycle = () =>
      page.evaluate(async () => {
        const el = document.createElement('shifan-assessment');
        el.setAttribute('namespace', 'cycles');
        document.querySelector('.portal-card').append(el);
        await el.ready;
        el.remove();
        await new Promise((r) => setTimeout(r, 0));
      });
    const listeners = async () => {
      const out = {};
      for (const name of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: name });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        out[name] = listeners.map((l) => l.type).sort();
        await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      }
      return out;
    };
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    };
    await cdp.send('Performance.enable');
    // One cycle first, so that the program, its style sheet and the store's connection (loaded
    // once per page, not per widget) are in the baseline.
    await cycle();
    const listenersBefore = await listeners();
    const heapBefore = await heap();
    // While mounted, the widget does listen on the window (pagehide, for the autosave): the
    // check below is not vacuous.
    const mounted = await page.evaluate(async () => {
      const el = document.createElement('shifan-assessment');
      el.setAttribute('namespace', 'cycles');
      document.querySelector('.portal-card').append(el);
      await el.ready;
      window.__mounted = el;
    });
    void mounted;
    const whileMounted = await listeners();
    assert.ok(whileMounted.window.length > listenersBefore.window.length, `a mounted widget listens on the window: ${JSON.stringify(whileMounted)}`);
    await page.evaluate(() => {
      window.__mounted.remove();
      delete window.__mounted;
    });
    for (let i = 0; i < 50; i++) await cycle();
    const listenersAfter = await listeners();
    const heapAfter = await heap();
    assert.deepEqual(listenersAfter, listenersBefore);
    console.log(`# JS heap: ${Math.round(heapBefore / 1024)} KiB after one cycle, ${Math.round(heapAfter / 1024)} KiB after 50 more`);
    assert.ok(heapAfter <= heapBefore * 1.1, `heap grew from ${heapBefore} to ${heapAfter}`);

    // Review widgets (the full build): while one is mounted it takes dropped files on its own
    // root, not the host's window; after 10 more cycles no listener of theirs remains either.
    const reviewCycle = (keep) =>
      page.evaluate(async (keep) => {
        const el = document.createElement('shifan-assessment');
        el.setAttribute('mode', 'review');
        el.setAttribute('namespace', 'cycles-review');
        document.querySelector('.portal-card').append(el);
        await el.ready;
        if (keep) return void (window.__mounted = el);
        el.remove();
        await new Promise((r) => setTimeout(r, 0));
      }, keep);
    await reviewCycle(true);
    const whileReview = await listeners();
    for (const type of ['drop', 'dragover', 'dragleave']) {
      assert.ok(!whileReview.window.includes(type), `a review widget does not listen for ${type} on the window`);
    }
    await page.evaluate(() => {
      window.__mounted.remove();
      delete window.__mounted;
    });
    for (let i = 0; i < 10; i++) await reviewCycle(false);
    assert.deepEqual(await listeners(), listenersBefore);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the README's widget example runs as written", async () => {
  // The example sits next to widget.js, as a host that copied the site's files would have it.
  const own = await serveExample();
  const { page, errors } = await newPage();
  try {
    await page.goto(own.url);
    await waitReady(page, 'shifan-assessment');
    const w = page.locator('shifan-assessment');
    await startDraft(w, '140105');
    await answerCard(w, indicators[0], 'met');
    await page.waitForFunction(() => document.getElementById('summary').textContent.includes('1/'));
    await w.getByRole('button', { name: '提交到门户' }).first().click();
    await page.waitForFunction(() => document.getElementById('received').textContent.endsWith('.json'));
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await own.close();
  }
});

test("a widget answers against the host's own catalog; a bad or missing one is said so", async () => {
  const own = readFileSync(path.join(repoRoot, 'tests/fixtures/catalogs/jinzhong-local-2021.json'), 'utf8');
  const context = await browser.newContext();
  // The host's files, beside its page.
  await context.route('**/embed/own-catalog.json', (route) => route.fulfill({ contentType: 'application/json', body: own }));
  await context.route('**/embed/bad-catalog.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"id": "x", "areas": []}' }));
  try {
    const { page, errors } = await openPortal(context);
    await page.evaluate(() => {
      for (const [id, catalog] of [['own', 'own-catalog.json'], ['bad', 'bad-catalog.json'], ['missing', 'missing-catalog.json']]) {
        const w = document.createElement('shifan-assessment');
        w.id = id;
        w.setAttribute('namespace', id);
        w.setAttribute('catalog', catalog);
        document.body.append(w);
      }
    });
    await waitReady(page, '#own');
    const w = page.locator('#own');
    await startDraft(w, '140105');
    await answerCard(w, indicators[0], 'met');
    const current = await page.evaluate(() => document.getElementById('own').currentText());
    assert.equal(current.ok, true);
    assert.equal(JSON.parse(current.text).catalog.id, 'jinzhong-local-2021');
    // The bad one says what shifan-rules found; the missing one, that it could not be fetched.
    const failed = (id) => page.locator(`#${id} .shifan-failed`).innerText();
    await page.locator('#bad .shifan-failed').waitFor();
    assert.match(await failed('bad'), /目录/);
    await page.locator('#missing .shifan-failed').waitFor();
    assert.match(await failed('missing'), /catalog 属性/);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // The two failures log their cause for the host's developer; nothing else.
    assert.deepEqual(errors.filter((e) => !/catalog|404/.test(e)), []);
  } finally {
    await context.close();
  }
});

/** The city portal's three submissions, as `shifan sample` writes them (web/static/embed/
 * submissions/; `SHIFAN_BLESS=1` rewrites them when the samples change). */
const SUBMISSIONS = [
  ['140105-xiaodian.json', ['--county', '140105', '--met', '95', '--seed', '1']],
  ['140106-yingze.json', ['--county', '140106', '--met', '88', '--seed', '2']],
  ['140107-xinghualing.json', ['--county', '140107', '--met', '80', '--seed', '3']],
];

test("a city portal preloads three submissions into a review widget, the office recommends one, the portal takes the package", async (t) => {
  const cli = cliBin();
  if (!existsSync(cli)) {
    t.skip(`${cli} missing: build it (cargo build -p shifan-cli)`);
    return;
  }
  // The portal's files are the CLI's generated applications, byte for byte.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-city-portal-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, args] of SUBMISSIONS) {
    const generated = path.join(dir, name);
    execFileSync(cli, ['sample', ...args, '-o', generated], { stdio: 'pipe' });
    const committed = path.join(repoRoot, 'web/static/embed/submissions', name);
    if (process.env.SHIFAN_BLESS) writeFileSync(committed, readFileSync(generated));
    assert.equal(readFileSync(committed, 'utf8'), readFileSync(generated, 'utf8'), `${name} is not what shifan sample writes: rerun with SHIFAN_BLESS=1 and rebuild the site`);
  }

  // References: the portal alone (no script), and the review page's own look of its heading.
  const bare = await browser.newContext({ javaScriptEnabled: false });
  const barePage = await bare.newPage();
  await barePage.goto(`${server.url}${CITY_PORTAL}`);
  const portalAlone = { button: await styles(barePage, '#portal-button'), heading: await styles(barePage, '.portal-card h2') };
  await bare.close();
  const { page: reviewPage } = await newPage();
  await reviewPage.goto(`${server.url}review.html`);
  await reviewPage.waitForSelector('#review-title');
  const reviewHeading = await styles(reviewPage, '#review-title');
  const reviewOpen = await styles(reviewPage, '#open-title');
  await reviewPage.close();

  const context = await browser.newContext();
  t.after(() => context.close());
  const { page, errors, requests } = await newPage(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    window.__changes = [];
    document.addEventListener('shifan-change', (e) => window.__changes.push(e.detail), true);
  });
  await page.goto(`${server.url}${CITY_PORTAL}`);
  await waitReady(page, '#city-review');
  const w = page.locator('#city-review');
  const before = await page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang, cls: document.documentElement.className, url: location.href }));

  // Preloaded at once: the three files are in the table, none refused.
  await page.waitForFunction(() => window.portalPreloaded);
  assert.deepEqual(await page.evaluate(() => window.portalPreloaded), { ok: true, files: 3, rejected: [] });
  const rows = w.locator('table.comparison tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  assert.deepEqual((await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.code))).sort(), ['140105', '140106', '140107']);
  await page.waitForFunction(() => document.getElementById('portal-change').textContent.startsWith('3 files, 0 recommended, 3 pending'));

  // Styles cross neither way.
  assert.deepEqual(await styles(page, '#city-review #review-title'), reviewHeading);
  assert.deepEqual(await styles(page, '#city-review #open-title'), reviewOpen);
  assert.deepEqual(await styles(page, '#portal-button'), portalAlone.button);
  assert.deepEqual(await styles(page, '.portal-card h2'), portalAlone.heading);

  // The office fills in who reviews, recommends 小店区, and exports: the portal takes the package.
  await w.locator('#reviewer-office').fill('太原市委依法治市办');
  await w.locator('#reviewer-name').fill('李华');
  await w.locator('#review-date').fill('2026-12-01');
  await w.locator('tr[data-code="140105"] [data-role="decision"]').selectOption('recommend');
  await page.waitForFunction(() => {
    const last = window.__changes.at(-1);
    return last?.recommended === 1 && last.saved;
  });
  const last = await page.evaluate(() => window.__changes.at(-1));
  assert.deepEqual(last, { mode: 'review', files: 3, recommended: 1, notRecommended: 0, pending: 2, rejected: 0, city: 140100, saved: true });
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  const exportButton = w.locator('[data-action="export-package"]');
  assert.equal(await exportButton.innerText(), '报送省里 Send to the province');
  await exportButton.click();
  await page.waitForFunction(() => window.portalInbox.length === 1);
  const [sent] = await page.evaluate(() => window.portalInbox);
  assert.equal(sent.kind, 'package');
  assert.match(sent.fileName, /\.json$/);
  await page.waitForTimeout(300);
  assert.equal(downloads.length, 0, 'the portal took the package: no download');
  const file = path.join(artifactsDir(), sent.fileName);
  writeFileSync(file, sent.text);
  const check = spawnSync(cli, ['check', '--lang', 'en', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, `shifan check refused the package: ${check.stdout}${check.stderr}`);
  assert.match(check.stdout, /3 applications, 1 recommended/);
  assert.equal(JSON.parse(sent.text).reviewer.name, '李华');
  // From the top: the widget's sticky top bar then sits at its own top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifactsDir(), 'widget-city-portal.png'), fullPage: true });

  // The session is the widget's namespace's: another review widget beside it has its own.
  assert.ok((await keysIn(page, 'shifan-widget:city-portal-review')).includes('review:session'));
  await page.evaluate(() => {
    const other = document.createElement('shifan-assessment');
    other.id = 'other-review';
    other.setAttribute('mode', 'review');
    other.setAttribute('namespace', 'city-portal-other');
    document.querySelector('.portal-card').append(other);
  });
  await waitReady(page, '#other-review');
  const other = page.locator('#other-review');
  assert.equal(await other.locator('table.comparison tbody tr').count(), 0, 'the other review starts empty');
  const [one] = SUBMISSIONS;
  const opened = await page.evaluate(
    ([name, text]) => document.getElementById('other-review').openTexts([{ name, text }, { name: 'broken.json', text: '{' }]),
    [one[0], readFileSync(path.join(dir, one[0]), 'utf8')],
  );
  assert.equal(opened.ok, true);
  assert.equal(opened.files, 2);
  assert.deepEqual(opened.rejected.map((r) => r.name), ['broken.json']);
  assert.ok(opened.rejected[0].problems[0].code && opened.rejected[0].problems[0].message.en);
  await other.locator('table.comparison tbody tr').first().waitFor();
  assert.equal(await other.locator('table.comparison tbody tr').count(), 1);
  assert.equal(await rows.count(), 3);
  for (let i = 0; i < 50 && !(await keysIn(page, 'shifan-widget:city-portal-other'))?.includes('review:session'); i++) await page.waitForTimeout(100);
  // A self-assessment method on a review: nothing is opened.
  assert.deepEqual(await page.evaluate(() => document.getElementById('city-review').currentText()), { ok: false, problems: [] });

  // A reload: the review keeps its decision (the portal preloads the same files again: already open).
  await page.reload();
  await waitReady(page, '#city-review');
  await page.waitForFunction(() => window.portalPreloaded);
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  assert.equal(await w.locator('tr[data-code="140105"] [data-role="decision"]').inputValue(), 'recommend');

  // Nothing of the host's document changed; no CSP violation; no errors; the full build was loaded.
  const now = await page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang, cls: document.documentElement.className, url: location.href }));
  assert.deepEqual(now, before);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  assert.ok(requests.some((u) => u.endsWith('/shifan_web_widget_full_bg.wasm')));
  assert.ok(requests.some((u) => u.endsWith('/widget-modes.css')));
  assert.ok(!requests.some((u) => u.endsWith('/shifan_web_widget_bg.wasm')), 'a page of review widgets does not load the small build');
});

test('a training widget shows the catalog with its criteria; an unknown mode says so', async () => {
  const context = await browser.newContext();
  try {
    const { page, errors } = await openPortal(context);
    const before = await page.evaluate(() => ({ title: document.title, cls: document.documentElement.className, session: sessionStorage.length }));
    await page.evaluate(() => {
      for (const [id, mode] of [['trainer', 'training'], ['unknown', 'annual']]) {
        const w = document.createElement('shifan-assessment');
        w.id = id;
        w.setAttribute('mode', mode);
        w.setAttribute('namespace', id);
        document.querySelector('.portal-card').append(w);
      }
    });
    await waitReady(page, '#trainer');
    const w = page.locator('#trainer');
    await w.locator('.catalog-browser').waitFor();
    assert.equal(await w.locator('.entry').count(), indicators.length);
    const first = indicators[0];
    assert.ok((await w.locator(`#entry-${first.number}`).innerText()).includes(first.criteria[0]), 'the first indicator shows its criteria');
    assert.match(await w.locator('[data-training="banner"]').innerText(), /培训演示模式/);
    await page.locator('#unknown .shifan-failed').waitFor();
    assert.match(await page.locator('#unknown .shifan-failed').innerText(), /mode 属性/);
    // Large type goes on the widget's root, not the host's <html>; nothing in its session storage.
    // It grows what is sized in rem (a heading) as it grows the text, as on the training page,
    // where rem is the root's font size: 24 px against 16.
    const headingSize = () => w.locator('.browse-area > h3').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    const small = await headingSize();
    await w.locator('[data-action="presenter"]').click();
    await w.locator('.shifan-root.presenter').waitFor();
    const large = await headingSize();
    assert.ok(Math.abs(large / small - 1.5) < 0.01, `a heading in large type is 1.5× its size (${small} → ${large} px)`);
    const now = await page.evaluate(() => ({ title: document.title, cls: document.documentElement.className, session: sessionStorage.length }));
    assert.deepEqual(now, before);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
