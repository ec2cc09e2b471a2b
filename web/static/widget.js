// <shifan-assessment>: the county self-assessment (or, with mode="review" or "training", the
// city review or training mode) as a custom element another site's page embeds with one
// module script (README, "The widget"). It renders in an open shadow root with its own style
// sheets (widget.css, and widget-modes.css for review and training, adopted as constructable
// stylesheets, or linked where the engine has none), keeps its drafts and review session in
// its own IndexedDB database, and tells its host what happens with DOM events on the element:
//   shifan-ready   once the first render is done;                       detail {}
//   shifan-change  after every change (and when a draft opens/closes);  detail {mode, draft, summary, compliance, saved}
//                  a review widget's table:                             detail {mode: 'review', files, recommended,
//                                                                               notRecommended, pending, rejected, city, saved}
//   shifan-export  when the official exports the file (cancelable: preventDefault() takes
//                  the file instead of the download);                   detail {kind, fileName, text}
//                  kind 'application' (self-assessment), 'package' (the review's recommendation package)
// Methods: openText(text), currentText(), and in review mode openTexts([{name, text}, …]), all
// resolving once the widget is ready.
//
// The self-assessment widget has a build of its own (shifan_web_widget.js and its .wasm, next
// to this file): the county page's, with the host's side added. Review and training widgets
// load the full build with the host's side (shifan_web_widget_full.js and its .wasm) instead,
// only when a widget on the page asks for one of those modes: a page of self-assessment
// widgets never downloads it. Several widgets of one build on a page share one WebAssembly
// instance, each its own Yew app.

const base = new URL('.', import.meta.url);

/** The prefix of every widget's database: a widget never opens the site's (`shifan`). */
const DB_PREFIX = 'shifan-widget:';

const MESSAGES = {
  load: [
    '自评组件未能加载。请检查网络连接，然后刷新页面。',
    'The self-assessment could not be loaded. Check the connection, then reload the page.',
  ],
  shared: [
    '本页已有另一个自评组件使用同一存储空间（namespace）。请为每个组件设置不同的 namespace 属性。',
    'Another self-assessment on this page uses the same storage namespace. Give each one its own namespace attribute.',
  ],
  catalog: [
    '自评组件未能取得指定的指标目录（catalog 属性所指的文件）。请检查地址，然后刷新页面。',
    "The self-assessment could not fetch the indicator catalog its catalog attribute names. Check the address, then reload the page.",
  ],
  mode: [
    '未知的模式（mode 属性只能是 self-assessment、review 或 training）。',
    'Unknown mode (the mode attribute is self-assessment, review or training).',
  ],
};

/** Each mode's build (the stem of its glue and wasm) and style sheets, in order. */
const MODES = {
  'self-assessment': { stem: 'shifan_web_widget', sheets: ['widget.css'] },
  review: { stem: 'shifan_web_widget_full', sheets: ['widget.css', 'widget-modes.css'] },
  training: { stem: 'shifan_web_widget_full', sheets: ['widget.css', 'widget-modes.css'] },
};

const programs = new Map();
/** A widget build, initialised once for every widget of the page that uses it. */
const loadProgram = (stem) => {
  if (!programs.has(stem)) {
    programs.set(
      stem,
      import(new URL(`${stem}.js`, base).href).then(async (m) => {
        await m.default({ module_or_path: new URL(`${stem}_bg.wasm`, base) });
        return m;
      }),
    );
  }
  return programs.get(stem);
};

const constructable =
  typeof ShadowRoot !== 'undefined' &&
  'adoptedStyleSheets' in ShadowRoot.prototype &&
  typeof CSSStyleSheet !== 'undefined' &&
  'replace' in CSSStyleSheet.prototype;
const sheets = new Map();
/** One constructable stylesheet per file, shared by every widget (no `<style>`: a CSP
 * without 'unsafe-inline' blocks it). */
const loadSheet = (name) => {
  if (!sheets.has(name)) {
    sheets.set(
      name,
      fetch(new URL(name, base))
        .then((response) => {
          if (!response.ok) throw new TypeError(`${name}: ${response.status}`);
          return response.text();
        })
        .then((text) => new CSSStyleSheet().replace(text)),
    );
  }
  return sheets.get(name);
};

/** The namespaces of the connected widgets: two never share one. */
const taken = new Map();

class ShifanAssessment extends HTMLElement {
  static get observedAttributes() {
    return ['mode', 'lang', 'namespace', 'export-label', 'catalog'];
  }

  constructor() {
    super();
    this._app = null;
    this._mounting = null;
    this._leaving = false;
    this._ns = null;
    this._readyResolve = null;
    /** Resolves when the widget's first render is done. */
    this.ready = new Promise((resolve) => {
      this._readyResolve = resolve;
    });
  }

  /** The store namespace: the `namespace` attribute, else the element's id, else `default`. */
  get namespace() {
    return (this.getAttribute('namespace') || this.id || 'default').trim();
  }

  connectedCallback() {
    // Moved (removed and put back in the same task): the app, and any save it has pending,
    // stay as they are.
    if (this._leaving) {
      this._leaving = false;
      return;
    }
    this._mount();
  }

  disconnectedCallback() {
    this._leaving = true;
    queueMicrotask(() => {
      if (this._leaving && !this.isConnected) {
        this._leaving = false;
        this._unmount();
      }
    });
  }

  attributeChangedCallback(_name, old, now) {
    if (old !== now && (this._app || this._mounting)) {
      this._unmount();
      this._mount();
    }
  }

  /** Opens a file's text (an application file or a saved draft record) in the widget:
   * `{ok: true}` or `{ok: false, problems}`. */
  async openText(text) {
    await this.ready;
    return JSON.parse(this._app.openText(String(text)));
  }

  /** Review mode: opens many files' texts at once (`[{name, text}, …]`: applications or
   * recommendation packages, as a city portal holding its counties' submissions has them):
   * `{ok: true, files, rejected: [{name, problems}, …]}`, or `{ok: false, problems: []}` when
   * the widget is not a review showing its table. */
  async openTexts(files) {
    await this.ready;
    const list = Array.from(files ?? [], (f) => ({ name: String(f?.name ?? ''), text: String(f?.text ?? '') }));
    return JSON.parse(this._app.openTexts(JSON.stringify(list)));
  }

  /** The open draft's application file as exported now: `{ok: true, fileName, text}`, or
   * `{ok: false, problems}` (no problems: no draft is open). */
  async currentText() {
    await this.ready;
    return JSON.parse(this._app.currentText());
  }

  _shadow() {
    return this.shadowRoot ?? this.attachShadow({ mode: 'open' });
  }

  _mount() {
    const shadow = this._shadow();
    shadow.textContent = '';
    const mode = this.getAttribute('mode') || 'self-assessment';
    if (!Object.prototype.hasOwnProperty.call(MODES, mode)) return this._fail(MESSAGES.mode);
    const { stem, sheets: sheetNames } = MODES[mode];
    const ns = this.namespace;
    if (taken.has(ns) && taken.get(ns) !== this) return this._fail(MESSAGES.shared);
    taken.set(ns, this);
    this._ns = ns;
    const root = document.createElement('div');
    root.className = 'shifan-root';
    const lang = this.getAttribute('lang') === 'en' ? 'en' : 'zh';
    root.lang = lang === 'en' ? 'en' : 'zh-CN';
    const mounting = Promise.all([loadProgram(stem), this._style(shadow, sheetNames), this._catalog()]).then(([m, , catalog]) => {
      if (this._mounting !== mounting) return;
      let app;
      try {
        app = new m.Widget(root, DB_PREFIX + ns, lang, this.getAttribute('export-label') ?? undefined, (name, detail) =>
          this._emit(name, detail),
          catalog,
          mode === 'self-assessment' ? undefined : mode,
        );
      } catch (problems) {
        // The catalog is not a valid one: its problems, in both languages, from shifan-rules
        // (none: the build has no such mode).
        const list = JSON.parse(String(problems));
        if (list.length === 0) return this._fail(MESSAGES.mode);
        this._fail([list.map((p) => p.message.zh).join(' '), list.map((p) => p.message.en).join(' ')]);
        return;
      }
      shadow.append(root);
      this._app = app;
    });
    this._mounting = mounting;
    mounting.catch((error) => {
      if (this._mounting !== mounting) return;
      console.error(error);
      this._fail(error.messages ?? MESSAGES.load);
    });
  }

  _unmount() {
    this._mounting = null;
    if (this._app) {
      this._app.destroy();
      this._app.free();
      this._app = null;
    }
    if (this._ns !== null && taken.get(this._ns) === this) taken.delete(this._ns);
    this._ns = null;
    if (this.shadowRoot) {
      this.shadowRoot.textContent = '';
      if (constructable) this.shadowRoot.adoptedStyleSheets = [];
    }
    this.ready = new Promise((resolve) => {
      this._readyResolve = resolve;
    });
  }

  async _style(shadow, names) {
    if (constructable) {
      shadow.adoptedStyleSheets = await Promise.all(names.map(loadSheet));
      return;
    }
    await Promise.all(
      names.map((name) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = new URL(name, base).href;
        return new Promise((resolve, reject) => {
          link.onload = resolve;
          link.onerror = () => reject(new TypeError(name));
          shadow.append(link);
        });
      }),
    );
  }

  _emit(name, detail) {
    const event = new CustomEvent(name, {
      detail: JSON.parse(detail),
      bubbles: true,
      cancelable: name === 'shifan-export',
    });
    const go = this.dispatchEvent(event);
    if (name === 'shifan-ready') this._readyResolve();
    return go;
  }

  /** The text of the catalog the `catalog` attribute names (a JSON catalog's address,
   * relative to the host's page), or undefined: the built-in reference catalog. */
  async _catalog() {
    const address = this.getAttribute('catalog');
    if (!address) return undefined;
    const response = await fetch(new URL(address, document.baseURI)).catch(() => null);
    if (!response?.ok) {
      const error = new TypeError(`catalog ${address}: ${response ? response.status : 'no response'}`);
      error.messages = MESSAGES.catalog;
      throw error;
    }
    return response.text();
  }

  /** Shows why the widget cannot run, in both languages, inside its own shadow root. */
  _fail([zh, en]) {
    const shadow = this._shadow();
    shadow.textContent = '';
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'shifan-root shifan-failed';
    for (const [text, lang] of [[zh, 'zh-CN'], [en, 'en']]) {
      const p = document.createElement('p');
      p.lang = lang;
      p.textContent = text;
      box.append(p);
    }
    shadow.append(box);
  }
}

if (!customElements.get('shifan-assessment')) customElements.define('shifan-assessment', ShifanAssessment);

export { ShifanAssessment };
