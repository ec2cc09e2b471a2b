// Chromium on a profile directory that outlives the browser, for the crash tests
// (crash.test.mjs) and their measurement (crash-measure.mjs): the real browser process is
// started here, driven over CDP by playwright-core, and killed with SIGKILL as a crash kills it,
// then started again on the same profile.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './serve.mjs';

/** A fresh profile directory; `remove()` deletes it. */
export function tempProfile() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts headless Chromium on `profileDir` in a process group of its own and connects to it.
 * @returns {Promise<{browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext, kill: () => Promise<void>, close: () => Promise<void>}>}
 */
export async function startOnProfile(profileDir) {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ws = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 60_000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  return {
    browser,
    context,
    /** SIGKILL to the whole process group: the browser gets no chance to write anything. */
    kill: async () => {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
      await browser.close().catch(() => {});
    },
    close: async () => {
      await browser.close().catch(() => {});
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await exited;
    },
  };
}

/** Opens `url` in a new page of `context` and waits until the app has rendered. */
export async function open(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  return page;
}

/** The county page: starts a draft for 小店区 and ticks the first point of indicators 1..n. */
export async function answer(page, n) {
  await page.click('[data-action="new"]');
  await page.fill('#division-code', '140105');
  await page.click('.form-end button');
  await page.waitForSelector('#ind-1');
  for (let i = 1; i <= n; i += 1) await page.click(`#ind-${i}-p0`);
}

/** The statuses of indicators 1..n of the draft the start page lists first (opened). */
export async function answersAfterRestart(page, n) {
  const draft = page.locator('.drafts .draft:not(.corrupt) button.primary');
  if ((await draft.count()) === 0) return null;
  await draft.first().click();
  await page.waitForSelector('#ind-1');
  const statuses = [];
  for (let i = 1; i <= n; i += 1) statuses.push(await page.getAttribute(`#ind-${i}`, 'data-status'));
  return statuses;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
