//! Target `package`: a recommendation package (`read_package`).

use shifan_rules::CatalogSet;
use shifan_rules::package::read_package;

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "package",
    run,
    seeds,
};

fn run(data: &[u8]) {
    let catalogs = CatalogSet::builtin();
    match read_package(data, &catalogs) {
        Ok(verified) => expect::stable(
            "package",
            &verified.package.to_json(),
            |b| read_package(b, &catalogs),
            |v| v.package.to_json(),
        ),
        Err(problems) => expect::refused_with_reasons("package", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let json = samples::package().to_json();
    let mut out = samples::damaged(&json);
    out.push(json.into_bytes());
    out
}
