//! Target `session`: the city review's session as kept in browser storage
//! (`Session::from_json`, and `Session::from_parts`, which must read a one-record session as
//! `from_json` does, the same applications with the same opinions, and never panic on any head).

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
    let parts = Session::from_parts(data, &[], &catalogs);
    match Session::from_json(data, &catalogs) {
        Ok(session) => {
            // The same applications with the same opinions (a rejected entry's problem may be
            // worded differently: a fingerprint where a file should be is a missing file there).
            assert!(
                parts.as_ref().ok().map(Session::applications) == Some(session.applications()),
                "session: from_parts reads a one-record session differently"
            );
            expect::stable(
                "session",
                &session.to_json(),
                |b| Session::from_json(b, &catalogs),
                Session::to_json,
            )
        }
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
