// Loads the app's WebAssembly. Kept in its own file so the page's Content-Security-Policy
// needs no inline script.
//
// The county page (index.html) loads the self-assessment build; the pages of the city review
// and training mode (review.html, training.html, which name their mode in
// <main id="app" data-mode="…">) load the full build.
//
// floor-check.js has run before this module: when it found the browser below the floor
// (<html data-floor="below">) it already shows why, and nothing is loaded here.
const full = Boolean(document.getElementById('app')?.dataset.mode);

/** The message for a load that failed although the browser passed the check, in plain words. */
const failure = (error) =>
  // A file that could not be fetched (missing, HTTP error, no connection): fetch, import() and
  // WebAssembly.instantiateStreaming fail with a TypeError, wasm-bindgen with "failed to fetch".
  error instanceof TypeError || /\bfetch/i.test(error)
    ? [
        '页面程序未能下载。请检查网络连接或文件是否完整，然后刷新页面。',
        "The page's program could not be downloaded. Check the connection, or that the files are complete, and reload the page.",
      ]
    : // Anything else: a damaged file, a security setting that forbids WebAssembly ("Wasm code
      // generation disallowed by embedder"), a failure while starting.
      [
        '浏览器未能运行本页面的程序（文件可能不完整，或安全设置禁止了 WebAssembly）。请刷新页面；如仍失败，请改用 Chrome、Edge 或 Firefox 的新版本。',
        "The browser could not run this page's program (a file may be damaged, or a security setting forbids WebAssembly). Reload the page; if it fails again, use a current Chrome, Edge or Firefox.",
      ];

/**
 * Once the app runs: the service worker (`sw.js`) keeps this page's files so that it opens
 * again without a network, and a new version of the site is offered, never forced.
 *
 * Not where there is none to have: a page opened from disk, or an engine without workers.
 */
function workOffline() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const workers = navigator.serviceWorker;
  // What this page loaded before the worker controlled it: the worker copies it from the HTTP
  // cache, so nothing is downloaded twice.
  workers.addEventListener('message', (event) => {
    const { kept, of } = event.data || {};
    if (typeof kept === 'number' && kept === of) document.documentElement.dataset.offline = 'ready';
  });
  workers.startMessages?.();
  workers.ready.then((registration) => {
    const loaded = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)];
    registration.active?.postMessage({ keep: loaded });
  });
  let asked = false;
  workers.addEventListener('controllerchange', () => {
    // This tab asked for the new version: it reloads into it (the app saves on `pagehide`).
    if (asked) location.reload();
  });
  /**
   * Shows the offer of the version `waiting` (once), if it is one: a worker that waits beside
   * an active one. The first worker of a page is no update, and its `statechange` may be seen
   * only after it has already become the active one (Firefox), so `controller` cannot tell.
   */
  const offer = (registration, waiting) => {
    const active = registration.active;
    if (waiting.state !== 'installed' || !active || active === waiting) return;
    if (document.getElementById('update')) return;
    const bar = document.createElement('div');
    bar.id = 'update';
    bar.className = 'update';
    bar.setAttribute('role', 'status');
    for (const [text, lang] of [
      ['本工具有新版本。更新前您填写的内容已自动保存。', 'zh-CN'],
      ['A new version of this tool is ready. What you entered is saved.', 'en'],
    ]) {
      const p = document.createElement('p');
      p.lang = lang;
      p.textContent = text;
      bar.append(p);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.dataset.action = 'update';
    button.textContent = '立即更新 Update now';
    button.addEventListener('click', () => {
      asked = true;
      button.disabled = true;
      waiting.postMessage({ update: true });
    });
    // Not now: the offer comes back at the next start.
    const later = document.createElement('button');
    later.type = 'button';
    later.dataset.action = 'update-later';
    later.textContent = '稍后 Later';
    later.addEventListener('click', () => {
      bar.remove();
      document.body.classList.remove('with-update');
    });
    bar.append(button, later);
    document.body.append(bar);
    // Room below the page's last button, which the offer would cover.
    document.body.classList.add('with-update');
  };
  workers
    .register('sw.js')
    .then((registration) => {
      // Asks for a new version at every start, whether or not the engine checks on its own.
      registration.update().catch(() => {});
      if (registration.waiting) offer(registration, registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => offer(registration, worker));
      });
    })
    // No worker (storage disabled, a private window of some engines): the page still works
    // while it is open, as before.
    .catch((error) => console.warn('service worker not registered:', error));
}

if (document.documentElement.dataset.floor !== 'below') {
  import(full ? './shifan_web_full.js' : './shifan_web.js')
    .then(({ default: init }) => init())
    .then(workOffline, (error) => {
      console.error(error);
      const boot = document.getElementById('boot');
      if (!boot) return;
      const [zh, en] = failure(error);
      // Not replaceChildren(): it arrives in Chromium 86, above the floor.
      boot.textContent = '';
      boot.setAttribute('role', 'alert');
      boot.classList.add('failed');
      for (const [text, lang] of [[zh, 'zh-CN'], [en, 'en']]) {
        const p = document.createElement('p');
        p.lang = lang;
        p.textContent = text;
        boot.append(p);
      }
      // The technical detail, for whoever helps the office; folded away.
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = '技术信息 / Technical details';
      const code = document.createElement('code');
      code.textContent = String(error);
      details.append(summary, code);
      boot.append(details);
    });
}
