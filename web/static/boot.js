// Loads the app's WebAssembly. Kept in its own file so the page's Content-Security-Policy
// needs no inline script.
//
// The county page (index.html) loads the self-assessment build; the pages of the city review
// and training mode (review.html, training.html, which name their mode in
// <main id="app" data-mode="…">) load the full build.
const full = Boolean(document.getElementById('app')?.dataset.mode);

import(full ? './shifan_web_full.js' : './shifan_web.js')
  .then(({ default: init }) => init())
  .catch((error) => {
    const boot = document.getElementById('boot');
    if (boot) boot.textContent = `加载失败 / failed to load: ${error}`;
    console.error(error);
  });
