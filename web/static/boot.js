// Loads the app's WebAssembly. Kept in its own file so the page's Content-Security-Policy
// needs no inline script.
import init from './shifan_web.js';

init().catch((error) => {
  const boot = document.getElementById('boot');
  if (boot) boot.textContent = `加载失败 / failed to load: ${error}`;
  console.error(error);
});
