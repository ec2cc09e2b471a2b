// @shifan/rules in a browser page (Debian Chromium, driven by playwright-core as the other
// e2e tests are): the package's browser build, installed from its tarball, fetched from a
// static server; every function called in the page, compared with the CLI and with Node.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import * as lib from '@shifan/rules';
import { runCases } from './cases.mjs';
import { caseInput, compareWithCli, repo } from './compare.mjs';

const e2e = (file) => import(pathToFileURL(path.join(repo, 'tests/e2e', file)).href);
const { startServer, launchBrowser } = await e2e('serve.mjs');
const { OLD_ENGINES, launchOldChromium } = await e2e('engines.mjs');

let server;
let browser;
before(async () => {
  server = await startServer(process.cwd());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page in `browser`, runs every case there and checks the answers. */
async function inPage(browser) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const wasm = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push([r.url(), r.headers()['content-type']]);
  });
  await page.goto(`${server.url}page.html`);
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.getAttribute('html', 'data-ready'), 'true', await page.textContent('#status'));
  assert.deepEqual(wasm, [[`${server.url}node_modules/@shifan/rules/shifan_rules_bg.wasm`, 'application/wasm']]);
  const input = caseInput();
  const inPage = await page.evaluate((i) => window.runCases(i), input);
  compareWithCli(inPage, input);
  assert.deepEqual(inPage, runCases(lib, input), 'the page and Node give the same answers');
  assert.deepEqual(errors, []);
}

test('every function, in a browser page, answers as the CLI and Node do', () => inPage(browser));

// The browser floor (README, "Browsers"): the package's module and its .wasm run unchanged on
// the oldest engine the site supports, and one in the middle of the range.
for (const engine of OLD_ENGINES) {
  test(`the same in ${engine.name}`, async () => {
    const old = await launchOldChromium(engine);
    try {
      await inPage(old);
    } finally {
      await old.close();
    }
  });
}
