import { createHash } from 'node:crypto';
import { openSync, closeSync, writeSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startServer } from './serve.mjs';
const file = path.join(os.tmpdir(), `fp-${process.pid}.bin`);
const hash = createHash('sha256'); const fd = openSync(file, 'w'); const chunk = Buffer.alloc(1024 * 1024);
for (let i = 0; i < 100; i++) { chunk.fill(i); writeSync(fd, chunk); hash.update(chunk); }
closeSync(fd); const sha256 = hash.digest('hex');
const browser = await launchBrowser();
const dists = { base: '/tmp/dist-base', floor: '/work/wt/floor/web/dist' };
const res = { base: { fp: [], ready: [] }, floor: { fp: [], ready: [] } };
for (let round = 0; round < 3; round++) for (const [name, dir] of Object.entries(dists)) {
  const server = await startServer(dir);
  for (let i = 0; i < 4; i++) {
    const ctx = await browser.newContext(); const page = await ctx.newPage();
    await page.goto(server.url); await page.waitForSelector('#app[data-ready="true"]');
    res[name].ready.push(await page.evaluate(() => performance.getEntriesByName('shifan-ready')[0]?.startTime ?? -1));
    await ctx.close();
  }
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  await page.goto(server.url); await page.waitForSelector('#app[data-ready="true"]');
  await page.click('[data-action="new"]'); await page.fill('#division-code', '140105'); await page.click('.form-end button');
  await page.click('#ind-1 .evidence > button');
  const t0 = Date.now();
  await page.setInputFiles('#ind-1 [data-role="fingerprint"]', file);
  await page.waitForSelector(`#ind-1 .evidence-form .hash:has-text("${sha256}")`, { timeout: 300_000 });
  res[name].fp.push((Date.now() - t0) / 1000);
  await ctx.close(); await server.close();
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [n, r] of Object.entries(res)) console.log(n, 'fingerprint 100MB s', r.fp.map((x) => x.toFixed(2)).join(' '), 'median', med(r.fp), '| ready ms median', med(r.ready).toFixed(0), 'all', r.ready.map((x) => x.toFixed(0)).join(' '));
await browser.close(); rmSync(file);
