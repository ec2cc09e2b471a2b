//! The web app's spreadsheet writer, as its own WebAssembly module.
//!
//! The xlsx writer is several times the size of the whole self-assessment app, and only a city
//! office exporting its comparison table needs it, so the page loads this module on that click
//! instead of with the page. It takes the table as JSON (`shifan_rules::review::Table`) and
//! returns the workbook's bytes — or the CSV text, so the CSV writer stays out of the page too.

use shifan_rules::review::Table;
use wasm_bindgen::prelude::*;

/// Writes `table_json` (a serialised `shifan_rules::review::Table`) as a workbook with one sheet
/// named `sheet_name`, returning the `.xlsx` bytes.
#[wasm_bindgen]
pub fn workbook(table_json: &str, sheet_name: &str) -> Result<Vec<u8>, JsError> {
    let table: Table =
        serde_json::from_str(table_json).map_err(|e| JsError::new(&format!("table: {e}")))?;
    shifan_sheet::to_xlsx(&table, sheet_name).map_err(|e| JsError::new(&format!("xlsx: {e}")))
}

/// Writes `table_json` (a serialised `shifan_rules::review::Table`) as CSV text: UTF-8 with a
/// byte-order mark, as `Table::to_csv` writes it.
#[wasm_bindgen]
pub fn csv(table_json: &str) -> Result<String, JsError> {
    let table: Table =
        serde_json::from_str(table_json).map_err(|e| JsError::new(&format!("table: {e}")))?;
    Ok(table.to_csv())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shifan_rules::{Lang, review::comparison_table};

    #[test]
    fn a_table_round_trips_through_json_into_a_workbook() {
        let table = comparison_table(&[], &["政府职能依法全面履行"], Lang::Zh);
        let json = serde_json::to_string(&table).unwrap();
        assert_eq!(serde_json::from_str::<Table>(&json).unwrap(), table);
        // Only the success path runs natively: building a JsError needs JavaScript.
        let bytes = workbook(&json, "初审对比").unwrap_or_default();
        assert!(bytes.starts_with(b"PK"));
        let text = csv(&json).unwrap_or_default();
        assert!(text.starts_with("\u{feff}申报单位,"));
    }
}
