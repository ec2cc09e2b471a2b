//! Target `register`: a province's register with its supervision history (`read_register`):
//! what is accepted survives its writer, extends itself, and its standings and public list
//! are computed without panicking on any day.

use shifan_rules::Lang;
use shifan_rules::annual::Date;
use shifan_rules::register::{extends, read_register};
use shifan_rules::supervision::{public_list, report_standings};

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "register",
    run,
    seeds,
};

fn run(data: &[u8]) {
    match read_register(data) {
        Ok(verified) => {
            expect::stable(
                "register",
                &verified.register.to_json(),
                read_register,
                |v| v.register.to_json(),
            );
            assert_eq!(
                extends(&verified.register, &verified.register),
                Ok(()),
                "register: a register does not extend itself"
            );
            for year in [2000, 2023, 9999] {
                let today = Date {
                    year,
                    month: 12,
                    day: 31,
                };
                let _ = report_standings(&verified, today);
            }
            let list = public_list(&verified, Lang::Zh);
            assert!(
                list.rows.iter().all(|r| r.len() == list.headers.len()),
                "register: a public list row of the wrong width"
            );
        }
        Err(problems) => expect::refused_with_reasons("register", &problems),
    }
}

/// The committed register fixtures: named only, supervised, and one refused for its revisit.
fn seeds() -> Vec<Vec<u8>> {
    let supervised = include_str!("../../../tests/fixtures/province/supervised-register.json");
    let mut out = samples::damaged(supervised);
    out.push(supervised.as_bytes().to_vec());
    out.push(include_bytes!("../../../tests/fixtures/province/valid-register.json").to_vec());
    out.push(
        include_bytes!("../../../tests/fixtures/province/invalid-register-revisit-mismatch.json")
            .to_vec(),
    );
    out
}
