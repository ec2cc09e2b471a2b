// The site's service worker: the hosted site works offline after one visit.
//
// `cargo xtask build-web` (crates/xtask/src/web.rs, fn service_worker) writes web/dist/sw.js as
// three constants over this file: VERSION (a content hash of every listed file, so the worker's
// bytes, and with them its cache, change exactly when a file of the site changes), PRECACHE (the
// county page's own files, fetched at install) and ON_USE (the full build's pages and files,
// cached when first fetched, so a county downloads no more than the page itself needs).
//
// Cache-first for listed files; anything else goes to the network untouched. No rule lives here.
// Plain ES2019 for the browser floor (Chromium 85, Firefox 79).

const CACHE = 'shifan-' + VERSION;
const SCOPE = self.registration.scope;
const LISTED = new Set(PRECACHE.concat(ON_USE).map((file) => new URL(file, SCOPE).href));

self.addEventListener('install', (event) => {
  // cache: 'default' lets the browser answer from its HTTP cache what the page has just loaded
  // (a revalidation, not a second download). A new worker waits: the page asks the official.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((file) => new Request(file, { cache: 'default' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('shifan-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  // Sent by the page (boot.js) once the official agreed and the draft is saved.
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/** The cache key of a request for a listed file, or null. */
function keyOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const key = url.href === SCOPE ? new URL('index.html', SCOPE).href : url.href;
  return LISTED.has(key) ? key : null;
}

self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request);
  if (!key) return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then(
        (hit) =>
          hit ||
          fetch(event.request).then((response) => {
            if (response.ok && response.type === 'basic') cache.put(key, response.clone());
            return response;
          }),
      ),
    ),
  );
});
