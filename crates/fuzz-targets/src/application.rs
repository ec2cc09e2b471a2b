//! Target `application`: an application file (`read_application`).

use shifan_rules::{CatalogSet, read_application};

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "application",
    run,
    seeds,
};

fn run(data: &[u8]) {
    let catalogs = CatalogSet::builtin();
    match read_application(data, &catalogs) {
        Ok(verified) => expect::stable(
            "application",
            &verified.file.to_json(),
            |b| read_application(b, &catalogs),
            |v| v.file.to_json(),
        ),
        Err(problems) => expect::refused_with_reasons("application", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for verified in samples::applications() {
        let json = verified.file.to_json();
        out.extend(samples::damaged(&json));
        out.push(json.into_bytes());
    }
    out
}
