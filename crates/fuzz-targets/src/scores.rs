//! Target `scores`: the province's scores table and naming table as CSV
//! (`evidence::read_scores_csv`, `evidence::read_naming_csv`).
//!
//! The tables have no writer of their own (an evaluator's spreadsheet writes them), so instead
//! of a round trip: every row accepted carries figures that pass their own checks, and the
//! figures the ranking takes from them come out without a panic.

use shifan_rules::Lang;
use shifan_rules::evidence::{ScoreRow, read_naming_csv, read_scores_csv};
use shifan_rules::province_sample::sample_scores_csv;

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "scores",
    run,
    seeds,
};

fn run(data: &[u8]) {
    match read_scores_csv(data, 100) {
        Ok(rows) => accepted("scores", &rows),
        Err(problems) => expect::refused_with_reasons("scores", &problems),
    }
    match read_naming_csv(data) {
        Ok(rows) => accepted("naming", &rows),
        Err(problems) => expect::refused_with_reasons("naming", &problems),
    }
}

fn accepted(reader: &str, rows: &[ScoreRow]) {
    // Lines count from the header (line 1), in table order.
    assert!(
        rows.windows(2).all(|w| w[0].line < w[1].line) && rows.iter().all(|r| r.line >= 2),
        "{reader}: rows out of order"
    );
    for row in rows {
        if let Some(e) = &row.evaluation {
            assert!(e.problems().is_empty(), "{reader}: accepted {e:?}");
            assert!(
                e.value().is_some(),
                "{reader}: accepted score without a value: {e:?}"
            );
        }
        if let Some(s) = &row.survey {
            assert!(s.problems().is_empty(), "{reader}: accepted {s:?}");
            assert!(
                s.rate().is_some(),
                "{reader}: accepted survey without a rate: {s:?}"
            );
            let _ = s.describe(Lang::Zh);
        }
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let package = samples::package();
    let table = sample_scores_csv(std::slice::from_ref(&package), 1);
    let mut out = samples::damaged(&table);
    // The naming table: the same candidate column and nothing else.
    let naming: String = table
        .lines()
        .map(|l| format!("{}\r\n", l.split(',').next().unwrap_or("")))
        .collect();
    out.push(naming.into_bytes());
    // By applicant instead of fingerprint, English headers, a score over its scale.
    out.push(
        b"division_code,kind,category,evaluator,date,score,scale\n140105,comprehensive,,Shanxi University,2021-05-01,87.5,100\n140106,single-item,business-environment,Shanxi University,2021-05-02,105,100\n"
            .to_vec(),
    );
    out.push(table.into_bytes());
    out
}
