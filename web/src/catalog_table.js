// Reading an indicator table with the spreadsheet module (see files.rs), for training mode and
// the review. A file of its own, not `inline_js`: wasm-bindgen numbers inline snippets in the
// order it meets them, which differs between the builds that share `dist/snippets/`, while a
// file keeps its own name in every build.
let loading;
export function shifan_catalog_table(name, bytes, base) {
  // A copy, now: `bytes` is a view of this module's memory, which the page may grow (and so
  // detach the view) while the spreadsheet module loads.
  const table = bytes.slice();
  // Beside the build's glue (this snippet is in snippets/<crate>/src/), not the page: a
  // widget's page is its host's.
  const url = new URL('../../../xlsx/shifan_web_xlsx.js', import.meta.url).href;
  loading ??= import(url).then(async (module) => {
    await module.default();
    return module;
  });
  return loading.then((module) => module.catalog_table(name, table, base));
}
