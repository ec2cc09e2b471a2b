// End-to-end in the second engine: Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi (Playwright drives only its own patched Firefox builds, which cannot be
// downloaded here). Two walks, as in Chromium: a county official completes a self-assessment
// (applicant, every indicator, a reload half-way, the download checked by the `shifan` CLI),
// and the durable store's crash test (Firefox killed with SIGKILL one second after the last
// change, started again on the same profile: every answer is there).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import puppeteer from 'puppeteer-core-bidi';

import { NA_REASON, artifactsDir, cliBin, indicatorsOf, referenceCatalog, startServer } from './serve.mjs';

/** Debian's Firefox ESR (installed by `cargo xtask setup`). */
const FIREFOX_PATH = process.env.SHIFAN_FIREFOX || '/usr/bin/firefox-esr';

const indicators = indicatorsOf(referenceCatalog());
const county = indicators.filter((i) => i.applies_to !== 'city');

/** How the walk answers indicator `n`: every status, most of them partly met (one click). */
function plan(n) {
  if (n % 19 === 0) return 'not_applicable';
  if (n % 7 === 0) return 'not_met';
  if (n % 3 === 0) return 'met';
  return 'partly_met';
}

/**
 * Starts headless Firefox; with `profileDir`, on that profile (kept after the browser ends).
 * Puppeteer starts it in a process group of its own, so `kill()` can end the whole group.
 */
async function startFirefox(profileDir) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocolTimeout: 120_000,
    ...(profileDir ? { userDataDir: profileDir } : {}),
  });
  const child = browser.process();
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', resolve);
  });
  return {
    browser,
    /** SIGKILL to the whole process group: Firefox gets no chance to write anything. */
    kill: async () => {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
      browser.disconnect?.();
    },
    /** Closes it; one that does not close within 15 s (seen after a failed step) is killed,
     * so that a failure ends the run instead of holding it. */
    close: async () => {
      const closed = browser.close().then(
        () => true,
        () => false,
      );
      const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 15_000).unref());
      if (!(await Promise.race([closed, timeout])) && child.exitCode === null) {
        process.kill(-child.pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Opens `url` in a new page and waits until the app has rendered. Downloads are recorded: the
 * page makes a Blob URL of each file and hands it to a hidden link (`browser::download_blob`);
 * the link's name and the Blob behind its address are kept in `window.__downloads`, so the test
 * reads the very bytes offered (the page's CSP rightly forbids fetching the Blob URL).
 */
async function openApp(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.evaluateOnNewDocument(() => {
    window.__downloads = [];
    const blobs = new Map();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = createObjectURL.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function recordDownload() {
      if (this.download) window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
      return click.call(this);
    };
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 60_000 });
  return { page, errors };
}

/** Answers indicator `n`'s card with its planned status, as a person does. */
async function answer(page, n) {
  const card = `#ind-${n}`;
  const status = plan(n);
  switch (status) {
    case 'met': {
      const points = indicators.find((i) => i.number === n).criteria.length;
      for (let p = 0; p < points; p++) await page.click(`${card}-p${p}`);
      break;
    }
    case 'partly_met':
      await page.click(`${card}-p0`);
      break;
    case 'not_met':
      await page.click(`${card} [data-status="not_met"]`);
      break;
    case 'not_applicable':
      await page.click(`${card} [data-status="not_applicable"]`);
      await page.type(`${card}-pending`, NA_REASON);
      await page.keyboard.press('Enter');
      break;
  }
  await page.waitForSelector(`${card}[data-status="${status}"]`);
}

/** The county page: a new draft for 太原市 小店区 with a contact, up to the indicators. */
async function startDraft(page) {
  await page.click('[data-action="new"]');
  await page.select('#city', '140100');
  await page.waitForSelector('#county');
  await page.select('#county', '140105');
  await page.type('#contact-name', '张三');
  await page.type('#contact-phone', '0351-1234567');
  await page.click('.form-end button');
  await page.waitForSelector('#ind-1');
}

const statusOf = (page, n) => page.$eval(`#ind-${n}`, (el) => el.getAttribute('data-status'));
const text = (page, sel) => page.$eval(sel, (el) => el.innerText);

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

test('Firefox: a county official completes, reloads, and downloads a self-assessment the CLI accepts', async () => {
  const firefox = await startFirefox();
  try {
    const { page, errors } = await openApp(firefox.browser, server.url);
    assert.match(await text(page, 'body'), /开始新的自评/);
    await startDraft(page);

    const half = county.filter((i) => i.number <= 50);
    for (const i of half) await answer(page, i.number);
    // Reload at once: every answer is in the store.
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('#ind-50');
    for (const i of half) assert.equal(await statusOf(page, i.number), plan(i.number), `indicator ${i.number}`);
    assert.equal(await page.$eval('#ind-38-reason', (el) => el.value), NA_REASON);

    for (const i of county.filter((i) => i.number > 50)) await answer(page, i.number);
    for (const i of indicators.filter((i) => i.applies_to === 'city')) {
      assert.equal(await statusOf(page, i.number), 'excluded');
    }
    assert.equal(await text(page, '[data-testid="unanswered"]'), '0');
    await page.screenshot({ path: path.join(artifactsDir(), 'firefox-workspace.png') });

    // The download: the page's answer to the official's click, read back as bytes.
    page.once('dialog', (d) => d.accept());
    await page.click('header .tools button.primary');
    await page.waitForFunction(() => window.__downloads.length > 0);
    const offered = await page.evaluate(async () => {
      const { name, blob } = window.__downloads[0];
      return { name, text: await blob.text() };
    });
    assert.match(offered.name, /^太原市-小店区-综合示范-\d{4}-\d{2}-\d{2}\.json$/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-firefox-'));
    try {
      const file = path.join(dir, offered.name);
      writeFileSync(file, offered.text);
      const cli = cliBin();
      assert.ok(existsSync(cli), `the shifan CLI is built (${cli})`);
      const run = spawnSync(cli, ['check', '--json', file], { encoding: 'utf8' });
      assert.equal(run.status, 0, `shifan check failed: ${run.stdout}${run.stderr}`);
      const [entry] = JSON.parse(run.stdout);
      assert.equal(entry.status, 'ok');
      // Firefox's page and the native rules agree on every figure.
      assert.equal(await text(page, '[data-testid="met"]'), String(entry.application.met));
      assert.equal(await text(page, '[data-testid="applicable"]'), String(entry.application.applicable));
      assert.equal(await text(page, '[data-testid="compliance"]'), entry.application.compliance);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(errors, []);
  } finally {
    await firefox.close();
  }
});

test('Firefox: answers survive the browser being killed one second after the last change', async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'shifan-firefox-profile-'));
  try {
    let firefox = await startFirefox(profile);
    const { page } = await openApp(firefox.browser, server.url);
    await startDraft(page);
    const answered = county.slice(0, 7).map((i) => i.number);
    for (const n of answered) await answer(page, n);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await firefox.kill();

    firefox = await startFirefox(profile);
    try {
      const { page: again } = await openApp(firefox.browser, server.url);
      await again.waitForSelector('.drafts .draft:not(.corrupt) button.primary');
      await again.click('.drafts .draft:not(.corrupt) button.primary');
      await again.waitForSelector('#ind-1');
      for (const n of answered) assert.equal(await statusOf(again, n), plan(n), `indicator ${n} after the kill`);
    } finally {
      await firefox.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
