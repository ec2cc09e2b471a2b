//! Target `annual`: an annual report file (`annual::read_report`), as the annual page opens
//! one and the city review takes one in. The report kept in the page's store is the same
//! sealed file, read by the same function (`store` fuzzes the listing of those records).

use shifan_rules::Lang;
use shifan_rules::annual::read_report;

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "annual",
    run,
    seeds,
};

fn run(data: &[u8]) {
    match read_report(data) {
        Ok(verified) => {
            let report = &verified.report;
            // What the page shows and publishes of an open report.
            for lang in [Lang::Zh, Lang::En] {
                let _ = report.title(lang);
                let _ = report.publish_text(lang);
                let _ = report.publish_html(lang);
            }
            let _ = (report.file_name(), report.lengths(), report.deadlines());
            let _ = report.short_fingerprint();
            expect::stable("annual", &report.to_json(), read_report, |v| {
                v.report.to_json()
            });
        }
        Err(problems) => expect::refused_with_reasons("annual", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let report = samples::annual_report();
    let json = report.to_json();
    let mut out = samples::damaged(&json);
    // Edited after export: the year changed, the integrity left as it was.
    let mut value = report.to_value();
    value["year"] = serde_json::json!(2031);
    out.push(shifan_rules::canonical::to_pretty(&value).into_bytes());
    // No self-assessment and every part empty: valid, with warnings.
    let mut blank = report.content();
    blank.self_assessment = None;
    for part in &mut blank.parts {
        part.text.clear();
    }
    let blank = shifan_rules::annual::AnnualReport::build(
        blank,
        report.generator.clone(),
        report.created.clone(),
        report.updated.clone(),
    );
    out.push(blank.to_json().into_bytes());
    out.push(json.into_bytes());
    out
}
