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
function failure(error) {
  const text = String(error);
  // A missing or unreachable file: fetch and import() fail with a TypeError naming it.
  if (error instanceof TypeError && /fetch|import|load|network/i.test(text)) {
    return [
      '页面程序未能下载。请检查网络或文件是否完整，然后刷新页面重试。',
      "The page's program could not be downloaded. Check the connection (or that the files are complete) and reload the page.",
    ];
  }
  // Refused compilation: a security policy or a setting of the browser forbids WebAssembly.
  if (/disallowed|CompileError|WebAssembly/i.test(text)) {
    return [
      '浏览器拒绝运行本页面的程序（可能被安全设置或管理策略禁止了 WebAssembly）。请改用 Chrome、Edge 或 Firefox 的新版本，或请管理员允许 WebAssembly。',
      "The browser refused to run this page's program (a security setting or policy may forbid WebAssembly). Use a current Chrome, Edge or Firefox, or ask your administrator to allow WebAssembly.",
    ];
  }
  return [
    '页面程序启动失败。请刷新页面重试；如仍失败，请改用 Chrome、Edge 或 Firefox 的新版本。',
    "The page's program failed to start. Reload the page to try again; if it fails again, use a current Chrome, Edge or Firefox.",
  ];
}

if (document.documentElement.dataset.floor !== 'below') {
  import(full ? './shifan_web_full.js' : './shifan_web.js')
    .then(({ default: init }) => init())
    .catch((error) => {
      console.error(error);
      const boot = document.getElementById('boot');
      if (!boot) return;
      const [zh, en] = failure(error);
      boot.replaceChildren();
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
