//! Target `session`: the city review's session as kept in browser storage
//! (`Session::from_json`).

use shifan_rules::CatalogSet;
use shifan_rules::session::Session;

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "session",
    run,
    seeds,
};

fn run(data: &[u8]) {
    let catalogs = CatalogSet::builtin();
    match Session::from_json(data, &catalogs) {
        Ok(session) => expect::stable(
            "session",
            &session.to_json(),
            |b| Session::from_json(b, &catalogs),
            Session::to_json,
        ),
        Err(problems) => expect::refused_with_reasons("session", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut session = Session::new("2026-12-01".into());
    for (i, verified) in samples::applications().into_iter().enumerate() {
        session.add(format!("县{i}.json"), verified);
    }
    let json = session.to_json();
    let mut out = samples::damaged(&json);
    out.push(json.into_bytes());
    out
}
