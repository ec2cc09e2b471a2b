//! Target `catalog_json`: an office's catalog file in JSON (`Catalog::from_json`), as loaded on
//! every page and kept in the store.

use shifan_rules::Catalog;

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "catalog_json",
    run,
    seeds,
};

fn run(data: &[u8]) {
    match Catalog::from_json(data) {
        Ok(catalog) => expect::stable(
            "catalog_json",
            &catalog.to_json(),
            Catalog::from_json,
            Catalog::to_json,
        ),
        Err(problems) => expect::refused_with_reasons("catalog_json", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let json = Catalog::reference().to_json();
    let mut out = samples::damaged(&json);
    out.push(json.into_bytes());
    out
}
