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

if (document.documentElement.dataset.floor !== 'below') {
  import(full ? './shifan_web_full.js' : './shifan_web.js')
    .then(({ default: init }) => init())
    .catch((error) => {
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
