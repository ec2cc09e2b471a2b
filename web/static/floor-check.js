// The browser check: before the app loads, says in plain words when this browser is below the
// floor (Chromium 85, Firefox 79) instead of leaving a raw CompileError or an empty page.
//
// A plain classic script, written for every browser an office may still run, down to Internet
// Explorer (and a dual-core browser's "compatibility mode"): ES3 syntax only, no modules.
// The page includes it at the end of <body>, so it runs before boot.js (a module, which runs
// after parsing) and before anything downloads the app's wasm. It marks the result on <html>
// as data-floor="ok" or data-floor="below"; boot.js loads nothing when it is "below", and this
// script loads too-old.js, which says so in Chinese and English.
//
// PROBE is a tiny wasm module that uses each feature of the floor: a function returning two
// values (multi-value), memory.fill (bulk memory), i32.extend8_s (sign extension),
// i32.trunc_sat_f32_s (non-trapping float-to-int) and an exported mutable global (mutable
// globals). crates/xtask/src/floor.rs lists the same features and tests that this module uses
// every one of them (`the_page_probe_uses_every_feature`).
(function () {
  var PROBE = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    // type section: t0 = () -> (i32, i32) (multi-value), t1 = (f32) -> i32
    0x01, 0x0b, 0x02, 0x60, 0x00, 0x02, 0x7f, 0x7f, 0x60, 0x01, 0x7d, 0x01, 0x7f,
    // function section: f0 of t0, f1 of t1
    0x03, 0x03, 0x02, 0x00, 0x01,
    // memory section: one memory of one page
    0x05, 0x03, 0x01, 0x00, 0x01,
    // global section: one mutable i32, initially 0
    0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x00, 0x0b,
    // export section: the mutable global as "g" (mutable globals)
    0x07, 0x05, 0x01, 0x01, 0x67, 0x03, 0x00,
    // code section, two bodies
    0x0a, 0x19, 0x02,
    // f0: memory.fill(0, 0, 1) (bulk memory); i32.extend8_s(1) (sign extension); i32.const 1
    0x10, 0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x01, 0xfc, 0x0b, 0x00, 0x41, 0x01, 0xc0, 0x41, 0x01, 0x0b,
    // f1: i32.trunc_sat_f32_s(local 0) (non-trapping float-to-int)
    0x06, 0x00, 0x20, 0x00, 0xfc, 0x00, 0x0b
  ];

  var root = document.documentElement;

  function floorReached() {
    if (typeof WebAssembly !== 'object' || !WebAssembly || typeof WebAssembly.validate !== 'function') {
      return 'no-wasm';
    }
    if (typeof Uint8Array === 'undefined') return 'no-wasm';
    try {
      return WebAssembly.validate(new Uint8Array(PROBE)) ? 'ok' : 'old-wasm';
    } catch (e) {
      return 'old-wasm';
    }
  }

  var reason = floorReached();
  root.setAttribute('data-floor', reason === 'ok' ? 'ok' : 'below');
  if (reason !== 'ok') {
    // The message is a script of its own, fetched only here: the browsers above the floor,
    // which are nearly all, do not download it.
    root.setAttribute('data-floor-reason', reason);
    var boot = document.getElementById('boot');
    if (boot) boot.innerHTML = '浏览器版本过旧 / This browser is too old';
    var script = document.createElement('script');
    script.src = 'too-old.js';
    document.body.appendChild(script);
  } else {
    // Above the floor, the app's glue and wasm start downloading now, not after boot.js has run
    // and imported the glue, which then fetches the wasm: three fetches one after another.
    // Here, not as <link>s in the page, so that a browser below the floor downloads neither.
    // The build is the one boot.js imports (the full build on a page naming its mode); the wasm
    // is preloaded in CORS mode, the mode wasm-bindgen fetches it in, or it would be fetched
    // twice (smoke.test.mjs checks once).
    // Only where boot.js is the site's own file: the single-file edition inlines the builds,
    // and has no files beside it to fetch.
    if (!document.querySelector('script[src="boot.js"]')) return;
    var app = document.getElementById('app');
    var stem = app && app.getAttribute('data-mode') ? 'shifan_web_full' : 'shifan_web';
    preload('modulepreload', stem + '.js');
    preload('preload', stem + '_bg.wasm');
  }

  function preload(rel, href) {
    var link = document.createElement('link');
    link.setAttribute('rel', rel);
    if (rel === 'preload') {
      link.setAttribute('as', 'fetch');
      link.setAttribute('type', 'application/wasm');
      link.setAttribute('crossorigin', '');
    }
    link.setAttribute('href', href);
    document.head.appendChild(link);
  }
})();
