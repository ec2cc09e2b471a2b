//! Target `province_session`: the province's round as kept in browser storage and exported as
//! one file (`ProvinceSession::from_json`).
//!
//! Beyond reading: what is read is what the page shows at once, so the ranking of both kinds,
//! its tables and the problems of every stored figure must come out of any accepted session
//! without a panic.

use shifan_rules::programme::KindKey;
use shifan_rules::province::ProvinceSession;
use shifan_rules::{CatalogSet, Lang};

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "province_session",
    run,
    seeds,
};

fn run(data: &[u8]) {
    let catalogs = CatalogSet::builtin();
    match ProvinceSession::from_json(data, &catalogs) {
        Ok(session) => {
            for kind in KindKey::ALL {
                let _ = session.rank(kind);
            }
            let _ = session.ranking_table(Lang::Zh, "排名".into());
            let _ = session.notice_table(Lang::En);
            for c in session.candidates() {
                let _ = session.evidence(c.integrity()).problems();
            }
            if let Some(notice) = &session.notice {
                let _ = notice.problems(session.profile().data().notice_days.value);
            }
            for rejected in &session.rejected {
                expect::refused_with_reasons(
                    "province_session (rejected file)",
                    &rejected.problems,
                );
            }
            expect::stable(
                "province_session",
                &session.to_json(),
                |b| ProvinceSession::from_json(b, &catalogs),
                ProvinceSession::to_json,
            );
        }
        Err(problems) => expect::refused_with_reasons("province_session", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let session = samples::province_session();
    let json = session.to_json();
    let mut out = samples::damaged(&json);
    // A stored score above its scale: kept as entered, its problem shown by the page.
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("its own JSON");
    if let Some(evidence) = value["evidence"].as_object_mut()
        && let Some(first) = evidence.values_mut().next()
    {
        first["evaluation"]["score"] = serde_json::json!("105");
    }
    out.push(value.to_string().into_bytes());
    // A round with nothing taken in yet: the smallest valid session.
    out.push(
        ProvinceSession::new(session.profile().clone())
            .to_json()
            .into_bytes(),
    );
    out.push(json.into_bytes());
    out
}
