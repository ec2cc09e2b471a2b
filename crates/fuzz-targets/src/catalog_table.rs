//! Target `catalog_table`: the official indicator table as CSV (`read_catalog_file` on a
//! `.csv` name, i.e. `import_csv` with the reference catalog's rules).

use shifan_rules::Catalog;
use shifan_rules::import::{export_csv, read_catalog_file};

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "catalog_table",
    run,
    seeds,
};

const NAME: &str = "本省指标表.csv";

fn run(data: &[u8]) {
    match read_catalog_file(NAME, data) {
        // What imports exports to a table that imports to the same catalog.
        Ok(catalog) => expect::stable(
            "catalog_table",
            &export_csv(&catalog),
            |b| read_catalog_file(NAME, b),
            export_csv,
        ),
        Err(problems) => expect::refused_with_reasons("catalog_table", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let table = export_csv(Catalog::reference());
    let mut out = samples::damaged(&table);
    // The same table as Excel's "CSV UTF-8" saves it: a byte-order mark and CRLF.
    out.push(format!("\u{feff}{}", table.replace('\n', "\r\n")).into_bytes());
    out.push(table.into_bytes());
    out
}
