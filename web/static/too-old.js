// The message of a browser below the floor (Chromium 85, Firefox 79), in Chinese and English,
// in the page's loading notice (styled by app.css). floor-check.js loads this script only when
// its check fails, and names the reason on <html data-floor-reason="no-wasm|old-wasm">.
// ES3 syntax, no modules: it must run in Internet Explorer too.
(function () {
  function add(parent, tag, text) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(text));
    parent.appendChild(el);
  }

  // The message, in Chinese and English, in the page's loading notice (styled by app.css).
  function showTooOld(reason) {
    var boot = document.getElementById('boot') || document.body;
    while (boot.firstChild) boot.removeChild(boot.firstChild);
    boot.setAttribute('role', 'alert');
    boot.className = 'boot too-old';
    boot.setAttribute('data-reason', reason);
    add(boot, 'h1', '浏览器版本过旧，无法使用本页面');
    add(
      boot,
      'p',
      '本浏览器不支持本页面需要的 WebAssembly 功能，或已将其关闭。请改用 Chrome、Edge 或 Firefox 的新版本' +
        '（Chromium 内核 85 或更新，Firefox 79 或更新）；360、QQ、搜狗等双核浏览器请切换到“极速模式”，不要用“兼容模式”。'
    );
    add(boot, 'h2', 'This browser is too old for this page');
    add(
      boot,
      'p',
      'It lacks the WebAssembly features this page needs, or has them turned off. Please use a current ' +
        'Chrome, Edge or Firefox (Chromium 85 or newer, Firefox 79 or newer); in a dual-engine browser, ' +
        'switch to its fast mode (极速模式), not compatibility mode.'
    );
  }

  showTooOld(document.documentElement.getAttribute('data-floor-reason') || 'old-wasm');
})();
