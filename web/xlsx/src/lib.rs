//! The web app's spreadsheet writer, as its own WebAssembly module.
//!
//! The xlsx writer is several times the size of the whole self-assessment app, and only a city
//! office exporting its comparison table needs it, so the page loads this module on that click
//! instead of with the page. It takes the table as JSON (`shifan_rules::review::Table`) and
//! returns the workbook's bytes — or the CSV text, so the CSV writer stays out of the page too.
//! For the same reason it also reads the indicator tables (CSV) a trainer loads as a catalog.

use shifan_rules::catalog::CatalogData;
use shifan_rules::review::Table;
use wasm_bindgen::prelude::*;

/// Writes `table_json` (a serialised `shifan_rules::review::Table`) as a workbook with one sheet
/// named as the table says, returning the `.xlsx` bytes.
#[wasm_bindgen]
pub fn workbook(table_json: &str) -> Result<Vec<u8>, JsError> {
    let table: Table =
        serde_json::from_str(table_json).map_err(|e| JsError::new(&format!("table: {e}")))?;
    shifan_sheet::to_xlsx(&table).map_err(|e| JsError::new(&format!("xlsx: {e}")))
}

/// Writes `table_json` (a serialised `shifan_rules::review::Table`) as CSV text: UTF-8 with a
/// byte-order mark, as `Table::to_csv` writes it.
#[wasm_bindgen]
pub fn csv(table_json: &str) -> Result<String, JsError> {
    let table: Table =
        serde_json::from_str(table_json).map_err(|e| JsError::new(&format!("table: {e}")))?;
    Ok(table.to_csv())
}

/// Reads an indicator table (CSV) named `name` as a catalog with the rules of the catalog
/// `base_json` (its indicators are not used; see `shifan_rules::import::read_table`): the
/// catalog's JSON, or `{"problems": [...]}` with every problem found. The page passes its
/// reference catalog, which keeps that catalog's text out of this module.
#[wasm_bindgen]
pub fn catalog_table(name: &str, bytes: &[u8], base_json: &str) -> String {
    let base: CatalogData = match serde_json::from_str(base_json) {
        Ok(base) => base,
        Err(e) => return serde_json::json!({ "error": e.to_string() }).to_string(),
    };
    match shifan_rules::import::read_table(name, bytes, &base) {
        Ok(catalog) => catalog.to_json(),
        Err(problems) => serde_json::json!({ "problems": problems }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shifan_rules::{Lang, review::export_table};

    #[test]
    fn a_table_round_trips_through_json_into_a_workbook() {
        let table = export_table(&[], &["政府职能依法全面履行"], Lang::Zh, "初审对比".into());
        let json = serde_json::to_string(&table).unwrap();
        assert_eq!(serde_json::from_str::<Table>(&json).unwrap(), table);
        // Only the success path runs natively: building a JsError needs JavaScript.
        let bytes = workbook(&json).unwrap_or_default();
        assert!(bytes.starts_with(b"PK"));
        let text = csv(&json).unwrap_or_default();
        assert!(text.starts_with("\u{feff}文件,申报单位,"));
    }

    #[test]
    fn a_table_becomes_a_catalog_or_its_problems() {
        let reference = shifan_rules::Catalog::reference();
        let base = reference.to_json();
        let table = shifan_rules::import::export_csv(reference);
        let json = catalog_table("本省指标表.csv", table.as_bytes(), &base);
        let catalog = shifan_rules::Catalog::from_json(json.as_bytes()).unwrap();
        assert_eq!(catalog.title(), "本省指标表");
        let failed: serde_json::Value =
            serde_json::from_str(&catalog_table("bad.csv", b"area\n", &base)).unwrap();
        assert!(failed["problems"][0]["at"]["line"].is_u64());
    }
}
