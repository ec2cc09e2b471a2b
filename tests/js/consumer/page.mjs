// The browser build of @shifan/rules as a page without a bundler loads it: the package's ES
// module by its path, `init()` fetching the .wasm beside it. No top-level await and no import
// map, so that the page also runs on the browser floor's engines.
import init, * as lib from './node_modules/@shifan/rules/shifan_rules.js';
import { runCases } from './cases.mjs';

init().then(
  () => {
    window.runCases = (input) => runCases(lib, input);
    document.getElementById('status').textContent = 'ready';
    document.documentElement.dataset.ready = 'true';
  },
  (e) => {
    document.getElementById('status').textContent = `failed: ${e}`;
    document.documentElement.dataset.ready = 'failed';
  },
);
