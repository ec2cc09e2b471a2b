// The spreadsheet module's writer for the review's and the province's tables (see
// review/io.rs). A file of its own, not `inline_js`: wasm-bindgen numbers inline snippets in
// the order it meets them, which differs between the builds that share `dist/snippets/`, while
// a file keeps its own name in every build.
export function shifan_sheet(json, csv) {
  // Beside the build's glue (this snippet is in snippets/<crate>/src/), not the page: a
  // widget's page is its host's.
  const url = new URL('../../../xlsx/shifan_web_xlsx.js', import.meta.url).href;
  return import(url).then(async (module) => {
    await module.default();
    return csv ? module.csv(json) : module.workbook(json);
  });
}
