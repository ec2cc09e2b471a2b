// The site's service worker: it keeps the files a page has used, so that the page opens again
// without a network, and brings a new version in only when the official says so.
//
// `cargo xtask build-web` writes the site's files and their SHA-256 into FILES below (the line
// must stay exactly as it is; `crates/xtask/src/offline.rs`). A file is kept only when its bytes
// have that fingerprint, so a stale copy from the HTTP cache never mixes two versions, and the
// cache's name carries the version, so a new build starts a cache of its own.
//
// No download twice: what a page loaded before this worker controlled it is copied from the
// browser's HTTP cache (`cache: 'force-cache'`), and fetched from the network only when that
// copy is missing or not the current version.
//
// Written for the browser floor (Chromium 85, Firefox ESR): no syntax above ES2020.
'use strict';

const FILES = {}; // the site's files: written by cargo xtask build-web
const VERSION = ''; // the fingerprint of FILES: written by cargo xtask build-web

const PREFIX = 'shifan-site-';
const CACHE = PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope);

/** The site file `url` names (relative to the scope, `index.html` for the scope itself), or null. */
function siteFile(url) {
  const u = new URL(url);
  if (u.origin !== SCOPE.origin || !u.pathname.startsWith(SCOPE.pathname)) return null;
  let file;
  try {
    file = decodeURIComponent(u.pathname.slice(SCOPE.pathname.length));
  } catch {
    return null;
  }
  if (file === '') file = 'index.html';
  return Object.prototype.hasOwnProperty.call(FILES, file) ? file : null;
}

/** The one address a site file is kept under (no query, no fragment). */
const keyOf = (file) => new URL(file, SCOPE).href;

/** Whether `response` holds exactly the current version of `file`. */
async function current(file, response) {
  if (!response || !response.ok) return false;
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex === FILES[file];
}

/**
 * Puts the current version of `file` into `cache`: the HTTP cache's copy when it is current
 * (no download), else the network's. Returns whether it is kept.
 */
async function keep(cache, file) {
  for (const mode of ['force-cache', 'no-cache']) {
    let response;
    try {
      response = await fetch(new Request(keyOf(file), { cache: mode, credentials: 'same-origin' }));
    } catch {
      continue;
    }
    if (await current(file, response)) {
      await cache.put(keyOf(file), response);
      return true;
    }
  }
  return false;
}

// An update brings along every file the version before kept in this browser: unchanged ones
// copied, changed ones fetched. It fails (and the old version stays) if one cannot be had.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || name === CACHE) continue;
        const old = await caches.open(name);
        for (const request of await old.keys()) {
          const file = siteFile(request.url);
          if (!file || (await cache.match(keyOf(file)))) continue;
          const kept = await old.match(request);
          if (await current(file, kept)) await cache.put(keyOf(file), kept);
          else if (!(await keep(cache, file))) throw new Error(`${file} could not be fetched`);
        }
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page tells which files it loaded before the worker controlled it ({keep: [url, …]}) and
// hears back when they are kept ({kept: n, of: m}); {update: true} lets a waiting version in.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.update === true) {
    event.waitUntil(self.skipWaiting());
    return;
  }
  if (!Array.isArray(data.keep)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const files = [...new Set(data.keep.map((url) => siteFile(String(url))).filter(Boolean))];
      let kept = 0;
      for (const file of files) {
        if ((await cache.match(keyOf(file))) || (await keep(cache, file))) kept += 1;
      }
      if (event.source) event.source.postMessage({ kept, of: files.length, version: VERSION });
    })(),
  );
});

// A site file comes from the cache; one not kept yet (the spreadsheet module before its first
// export) from the network, and is kept once it is seen to be current.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const file = siteFile(request.url);
  if (!file) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(keyOf(file));
      if (hit) return hit;
      const response = await fetch(request);
      const copy = response.clone();
      event.waitUntil(
        (async () => {
          if (await current(file, copy)) await cache.put(keyOf(file), copy);
        })(),
      );
      return response;
    })(),
  );
});
