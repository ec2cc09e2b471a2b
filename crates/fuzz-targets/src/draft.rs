//! Target `draft`: a self-assessment in progress as kept in browser storage
//! (`Draft::from_json`).

use shifan_rules::{CatalogSet, Draft};

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "draft",
    run,
    seeds,
};

fn run(data: &[u8]) {
    let catalogs = CatalogSet::builtin();
    match Draft::from_json(data, &catalogs) {
        // A damaged record may lose its damaged answers when read; what is read is then kept.
        Ok((draft, _)) => expect::stable(
            "draft",
            &draft.to_json(),
            |b| Draft::from_json(b, &catalogs),
            |(d, _)| d.to_json(),
        ),
        Err(problems) => expect::refused_with_reasons("draft", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (i, verified) in samples::applications().iter().enumerate() {
        let json = Draft::from_verified(format!("seed-{i}"), verified).to_json();
        out.extend(samples::damaged(&json));
        out.push(json.into_bytes());
    }
    out
}
