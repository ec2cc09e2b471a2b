// Measures how long after a change it is on disk: kills Chromium (SIGKILL) at several delays
// after the change and counts what the restarted browser finds, on the same profile.
//   node tests/e2e/crash-measure.mjs raw   a bare page writes one value to localStorage and one
//                                          to IndexedDB (strict durability) at the same moment
//   node tests/e2e/crash-measure.mjs app   the built county page (SHIFAN_DIST): 7 answers
// Prints one line per delay. Not a test: the figures go into the report and ARCHITECTURE.md.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { answer, answersAfterRestart, open, sleep, startOnProfile, tempProfile } from './profile.mjs';
import { startServer } from './serve.mjs';

const DELAYS = (process.env.DELAYS || '300,700,1000,3000').split(',').map(Number);
const mode = process.argv[2] || 'raw';

const RAW_PAGE = `<!doctype html><meta charset="utf-8"><main id="app"></main><script>
function idb() {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open('measure', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('records');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
window.write = async (value) => {
  const db = await idb();
  localStorage.setItem('value', value);
  const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
  tx.objectStore('records').put(value, 'value');
  tx.commit();
  await new Promise((resolve) => { tx.oncomplete = resolve; });
};
window.read = async () => {
  const db = await idb();
  const idbValue = await new Promise((resolve) => {
    const r = db.transaction('records').objectStore('records').get('value');
    r.onsuccess = () => resolve(r.result ?? null);
  });
  return { localStorage: localStorage.getItem('value'), indexedDB: idbValue };
};
document.getElementById('app').dataset.ready = 'true';
</script>`;

async function rawRun(server, delay) {
  const profile = tempProfile();
  try {
    let chromium = await startOnProfile(profile.dir);
    const page = await open(chromium.context, server.url);
    await page.evaluate(() => window.write('v1'));
    await sleep(delay);
    await chromium.kill();
    chromium = await startOnProfile(profile.dir);
    const again = await open(chromium.context, server.url);
    const found = await again.evaluate(() => window.read());
    await chromium.close();
    return `localStorage ${found.localStorage === 'v1' ? 'kept' : 'LOST'}, IndexedDB ${found.indexedDB === 'v1' ? 'kept' : 'LOST'}`;
  } finally {
    profile.remove();
  }
}

async function appRun(server, delay) {
  const profile = tempProfile();
  try {
    let chromium = await startOnProfile(profile.dir);
    const page = await open(chromium.context, server.url);
    await answer(page, 7);
    await sleep(delay);
    await chromium.kill();
    chromium = await startOnProfile(profile.dir);
    const again = await open(chromium.context, server.url);
    const statuses = await answersAfterRestart(again, 7);
    await chromium.close();
    if (!statuses) return 'draft LOST';
    return `${statuses.filter((s) => s !== 'unanswered').length}/7 answers kept`;
  } finally {
    profile.remove();
  }
}

let root;
let server;
if (mode === 'raw') {
  root = mkdtempSync(path.join(os.tmpdir(), 'shifan-measure-'));
  writeFileSync(path.join(root, 'index.html'), RAW_PAGE);
  server = await startServer(root);
} else {
  server = await startServer();
}
try {
  for (const delay of DELAYS) {
    const result = mode === 'raw' ? await rawRun(server, delay) : await appRun(server, delay);
    console.log(`${mode}: killed ${delay} ms after the change: ${result}`);
  }
} finally {
  await server.close();
  if (root) rmSync(root, { recursive: true, force: true });
}
