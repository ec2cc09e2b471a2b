//! Spreadsheet export: a [`Table`] from `shifan-rules` as an `.xlsx` workbook with Chinese (or
//! English) headers, a frozen header row, real numbers and percentages, and column widths that
//! fit Chinese text.
//!
//! A crate of its own so that only the programs that export spreadsheets carry the xlsx writer.
//! In the browser, the caller enables `rust_xlsxwriter`'s `wasm` feature (the workbook's
//! creation time then comes from JavaScript's clock).

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};
use shifan_rules::review::{Cell, Table};

/// Why a workbook could not be written.
pub type SheetError = XlsxError;

/// Display width of text in spreadsheet columns: CJK and full-width characters count two.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// Writes `table` as a one-sheet workbook named after the table's sheet (at most 31 characters
/// are kept, as Excel requires).
///
/// ```
/// use shifan_rules::{Lang, review::export_table};
/// let table = export_table(&[], &["政府职能依法全面履行"], Lang::Zh, "初审对比".into());
/// let bytes = shifan_sheet::to_xlsx(&table).unwrap();
/// assert_eq!(&bytes[..2], b"PK"); // an xlsx file is a zip archive
/// ```
pub fn to_xlsx(table: &Table) -> Result<Vec<u8>, SheetError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let name: String = table
        .sheet
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if !name.is_empty() {
        sheet.set_name(name)?;
    }
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let percent = Format::new().set_num_format("0.0%");
    let mut widths: Vec<usize> = table.headers.iter().map(|h| width(h).min(24)).collect();
    for (col, text) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, text, &header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                Cell::Text(t) => {
                    sheet.write_string(r, c, t)?;
                }
                Cell::Count(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                // Rounded down to a tenth of a percent, as everywhere in shifan, so a cell
                // never shows 90.0% for a value below the line.
                Cell::Percent(ratio) => match ratio.per_mille() {
                    Some(pm) => {
                        sheet.write_number_with_format(r, c, f64::from(pm) / 1000.0, &percent)?;
                    }
                    None => {
                        sheet.write_string(r, c, "—")?;
                    }
                },
                Cell::YesNo(_) => {
                    sheet.write_string(r, c, cell.display(table.lang))?;
                }
            }
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(width(&cell.display(table.lang)));
            }
        }
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*w as f64 + 2.0).min(60.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
    use shifan_rules::{
        Catalog, CatalogSet, Lang, read_application,
        review::{ComparisonRow, ExportRow, export_table},
    };

    #[test]
    fn workbook_holds_every_row() {
        let catalogs = CatalogSet::builtin();
        let rows: Vec<ComparisonRow> = [
            ("140105", SampleKind::Comprehensive),
            (
                "140106",
                SampleKind::SingleItem("business-environment".into()),
            ),
        ]
        .into_iter()
        .map(|(code, kind)| {
            let spec = SampleSpec::new(code, 85, kind, 1);
            let file = sample_application(Catalog::reference(), &spec).unwrap();
            ComparisonRow::of(&read_application(file.to_json().as_bytes(), &catalogs).unwrap())
        })
        .collect();
        let export: Vec<ExportRow<'_>> = rows
            .iter()
            .map(|row| ExportRow {
                file: "a.json",
                row,
                outside: false,
                duplicate: false,
                warnings: false,
                opinion: None,
            })
            .collect();
        let titles: Vec<&str> = Catalog::reference()
            .areas()
            .iter()
            .map(|a| a.title.as_str())
            .collect();
        let table = export_table(&export, &titles, Lang::Zh, "太原市初审对比".into());
        assert_eq!(table.headers.len(), 21 + 8);
        let bytes = to_xlsx(&table).unwrap();
        assert!(bytes.starts_with(b"PK"));
        // The shared strings of the workbook carry the Chinese names (stored uncompressed or
        // deflated; check the CSV form of the same table for the text instead).
        let csv = table.to_csv();
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("太原市小店区") && csv.contains("太原市迎泽区"));
        assert_eq!(csv.lines().count(), 3);
        // The single-item row has no comprehensive verdict, in the workbook's cells as in CSV.
        assert!(csv.contains(",—（单项）,"), "{csv}");
    }

    #[test]
    fn widths_count_chinese_as_two() {
        assert_eq!(width("小店区"), 6);
        assert_eq!(width("ab"), 2);
    }
}
