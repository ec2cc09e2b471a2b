//! Target `store`: the records read back from the browser's store (`web/src/record.rs`,
//! `Listing::read_store`), as the start page lists them.
//!
//! The annual page's records (`annual:…`, `AnnualListing::read`, each verified again by
//! `annual::read_report`) are read from the same set of records, as the annual page does.
//!
//! The input is a set of records: `key` [`UNIT`] `text`, records separated by [`RECORD`]; a
//! text that is not UTF-8 stands for a stored value that is not text. Keys are unique and come
//! back sorted, as IndexedDB gives them.

use std::collections::BTreeMap;

use shifan_rules::{Catalog, Draft};
use shifan_web::record::{
    ANNUAL_PREFIX, AnnualListing, CATALOG_PREFIX, DRAFT_PREFIX, Listing, NAMED_PREFIX,
    NamedListing, annual_key, catalog_key, draft_key,
};

use crate::{Target, samples};

pub(crate) const TARGET: Target = Target {
    name: "store",
    run,
    seeds,
};

/// Separates records (ASCII record separator).
const RECORD: u8 = 0x1e;
/// Separates a record's key from its text (ASCII unit separator).
const UNIT: u8 = 0x1f;

fn records(data: &[u8]) -> Vec<(String, Option<String>)> {
    let mut records = BTreeMap::new();
    for record in data.split(|b| *b == RECORD) {
        let (key, text) = match record.iter().position(|b| *b == UNIT) {
            Some(at) => (&record[..at], &record[at + 1..]),
            None => (record, &[][..]),
        };
        let text = std::str::from_utf8(text).ok().map(str::to_owned);
        records.insert(String::from_utf8_lossy(key).into_owned(), text);
    }
    records.into_iter().collect()
}

fn run(data: &[u8]) {
    let records = records(data);
    let listing = Listing::read_store(records.clone());
    // Nothing stored is hidden: every draft and catalog record is listed readable or corrupt,
    // once.
    for (key, _) in &records {
        let corrupt = listing.corrupt.iter().filter(|c| &c.key == key).count();
        let readable = if key.starts_with(DRAFT_PREFIX) {
            listing
                .drafts
                .iter()
                .filter(|d| draft_key(&d.draft.id) == *key)
                .count()
        } else if key.starts_with(ANNUAL_PREFIX) {
            // The annual page's listing answers for these; the start page leaves them alone.
            assert_eq!(corrupt, 0, "store: {key} is not a draft or catalog record");
            continue;
        } else if key.starts_with(CATALOG_PREFIX) {
            listing
                .catalogs
                .iter()
                .filter(|c| catalog_key(c.fingerprint()) == *key)
                .count()
        } else {
            assert_eq!(corrupt, 0, "store: {key} is not a draft or catalog record");
            continue;
        };
        assert_eq!(
            readable + corrupt,
            1,
            "store: {key} listed {readable} times readable and {corrupt} times corrupt"
        );
    }
    for corrupt in &listing.corrupt {
        crate::expect::refused_with_reasons("store", &corrupt.problems);
        // The raw text is offered as a download as it was stored.
        let stored = records.iter().find(|(k, _)| *k == corrupt.key);
        let stored = stored.and_then(|(_, t)| t.clone()).unwrap_or_default();
        assert_eq!(
            corrupt.raw, stored,
            "store: {} raw text changed",
            corrupt.key
        );
        assert!(!corrupt.file_name().is_empty());
    }
    // Most recently changed first.
    assert!(
        listing
            .drafts
            .windows(2)
            .all(|w| w[0].draft.updated >= w[1].draft.updated),
        "store: drafts out of order"
    );
    let _ = listing.catalog_set();
    annual(&records);
    named(&records);
}

/// The annual page's listing of the same records: every `annual:` record listed readable or
/// corrupt, once; a readable one under its own key; the corrupt ones with their reasons and
/// their text as stored; the reports most recently written first.
fn annual(records: &[(String, Option<String>)]) {
    let listing = AnnualListing::read(records.to_vec());
    for (key, text) in records {
        let corrupt = listing.corrupt.iter().filter(|c| &c.key == key).count();
        if !key.starts_with(ANNUAL_PREFIX) || key.starts_with(NAMED_PREFIX) {
            assert_eq!(corrupt, 0, "store: {key} is not an annual report's record");
            continue;
        }
        let readable = usize::from(listing.get(key).is_some());
        assert_eq!(
            readable + corrupt,
            1,
            "store: {key} listed {readable} times readable and {corrupt} times corrupt"
        );
        if let Some(c) = listing.corrupt.iter().find(|c| &c.key == key) {
            crate::expect::refused_with_reasons("store (annual)", &c.problems);
            assert_eq!(
                c.raw,
                text.clone().unwrap_or_default(),
                "store: {key} raw text changed"
            );
        }
    }
    assert_eq!(
        listing.reports.len(),
        records
            .iter()
            .filter(|(k, _)| listing.get(k).is_some())
            .count(),
        "store: an annual report listed twice or under no key"
    );
    assert!(
        listing
            .reports
            .windows(2)
            .all(|w| w[0].updated >= w[1].updated),
        "store: annual reports out of order"
    );
}

/// The registers a named place keeps, from the same records: every `annual:named:` record
/// listed kept or corrupt, once; a kept one under the key of its government and round; the
/// corrupt ones with their reasons and their text as stored.
fn named(records: &[(String, Option<String>)]) {
    let listing = NamedListing::read(records.to_vec());
    for (key, text) in records {
        let kept = listing.kept.iter().filter(|k| &k.key == key).count();
        let corrupt: Vec<_> = listing.corrupt.iter().filter(|c| &c.key == key).collect();
        if !key.starts_with(NAMED_PREFIX) {
            assert_eq!(
                kept + corrupt.len(),
                0,
                "store: {key} is not a kept register"
            );
            continue;
        }
        assert_eq!(
            kept + corrupt.len(),
            1,
            "store: {key} listed {kept} + {} times",
            corrupt.len()
        );
        for c in corrupt {
            crate::expect::refused_with_reasons("store (named)", &c.problems);
            assert_eq!(
                c.raw,
                text.clone().unwrap_or_default(),
                "store: {key} raw text changed"
            );
        }
    }
    for k in &listing.kept {
        assert!(
            !k.namings.is_empty(),
            "store: {} kept, naming nobody",
            k.key
        );
    }
}

fn frame(records: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (key, text)) in records.iter().enumerate() {
        if i > 0 {
            out.push(RECORD);
        }
        out.extend_from_slice(key.as_bytes());
        out.push(UNIT);
        out.extend_from_slice(text);
    }
    out
}

fn seeds() -> Vec<Vec<u8>> {
    let apps = samples::applications();
    let drafts: Vec<(String, Vec<u8>)> = apps
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let id = format!("mbx3k2f{i}-7q2kd{i}");
            (
                draft_key(&id),
                Draft::from_verified(id, v).to_json().into_bytes(),
            )
        })
        .collect();
    let catalog = Catalog::reference();
    let kept = (
        catalog_key(catalog.fingerprint()),
        catalog.to_json().into_bytes(),
    );
    let report = samples::annual_report();
    let annual = (
        annual_key(&report.government.division_code, report.year),
        report.to_json().into_bytes(),
    );
    let mut corrupt = drafts[0].clone();
    corrupt.1.truncate(corrupt.1.len() / 2);
    vec![
        frame(&drafts),
        frame(&[kept.clone(), drafts[1].clone()]),
        frame(&[
            corrupt,
            ("draft:not-text".into(), vec![0xff, 0xfe]),
            ("meta:migrated".into(), b"2026-12-01T10:00:00Z".to_vec()),
        ]),
        frame(&[annual.clone(), drafts[0].clone()]),
        // A report under another year's key, and one cut short.
        frame(&[
            (
                annual_key(&report.government.division_code, 2024),
                annual.1.clone(),
            ),
            (annual.0.clone(), annual.1[..annual.1.len() / 2].to_vec()),
        ]),
        // A named place's register, and the same under a government it does not name.
        frame(&[
            (
                "annual:named:140181-shanxi-2020-1".into(),
                REGISTER.to_vec(),
            ),
            (
                "annual:named:140105-shanxi-2020-1".into(),
                REGISTER.to_vec(),
            ),
            annual.clone(),
        ]),
    ]
}

/// A register with supervision events, as a named place keeps it.
const REGISTER: &[u8] =
    include_bytes!("../../../tests/fixtures/province/supervised-register-older.json");
