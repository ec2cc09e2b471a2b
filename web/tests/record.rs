//! The reader of the store's records, property-tested natively: whatever a store holds, reading
//! it never panics and hides nothing — every draft record is listed, readable or as corrupt with
//! its raw text — and a draft written is read back as it was.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use shifan_rules::{CatalogSet, Draft};
use shifan_web::record::{DRAFT_PREFIX, Listing, catalog_key, draft_key};

fn valid(id: &str, updated: &str) -> String {
    let catalog = CatalogSet::builtin().iter().next().cloned().unwrap();
    let mut draft = Draft::new(id.to_string(), &catalog, updated.to_string());
    draft.division_code = "140105".to_string();
    draft.to_json()
}

/// One stored record: a valid draft, a mutated one, random text, a value that is not text, or
/// a record of another kind.
fn record() -> impl Strategy<Value = (String, Option<String>)> {
    let id = "[a-z0-9]{1,8}-[a-z0-9]{1,6}";
    prop_oneof![
        id.prop_map(|id| (draft_key(&id), Some(valid(&id, "2026-12-02T08:00:00.000Z")))),
        (id, any::<usize>(), any::<u8>()).prop_map(|(id, at, byte)| {
            let mut bytes = valid(&id, "2026-12-02T08:00:00.000Z").into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            (
                draft_key(&id),
                Some(String::from_utf8_lossy(&bytes).into_owned()),
            )
        }),
        (id, ".*").prop_map(|(id, text)| (draft_key(&id), Some(text))),
        id.prop_map(|id| (draft_key(&id), None)),
        (".*", ".*").prop_map(|(key, text)| (key, Some(text))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_draft_record_is_listed_readable_or_corrupt(
        records in proptest::collection::vec(record(), 0..6)
    ) {
        // Keys are unique in a store.
        let mut seen = std::collections::BTreeSet::new();
        let records: Vec<_> = records.into_iter().filter(|(k, _)| seen.insert(k.clone())).collect();
        let drafts = records.iter().filter(|(k, _)| k.starts_with(DRAFT_PREFIX)).count();
        let listing = Listing::read(records.clone(), &CatalogSet::builtin());
        prop_assert!(listing.read);
        prop_assert_eq!(listing.drafts.len() + listing.corrupt.len(), drafts);
        for corrupt in &listing.corrupt {
            let stored = records.iter().find(|(k, _)| *k == corrupt.key).unwrap();
            prop_assert_eq!(&corrupt.raw, stored.1.as_deref().unwrap_or(""));
            prop_assert!(!corrupt.problems.is_empty());
            prop_assert!(corrupt.file_name().ends_with("-unreadable.txt"));
        }
        for saved in &listing.drafts {
            prop_assert!(records.iter().any(|(k, _)| *k == draft_key(&saved.draft.id)));
        }
        // Newest first.
        prop_assert!(listing.drafts.windows(2).all(|w| w[0].draft.updated >= w[1].draft.updated));
    }

    #[test]
    fn a_written_draft_is_read_back_as_it_was(id in "[a-z0-9]{1,8}-[a-z0-9]{1,6}", minute in 0u8..60) {
        let updated = format!("2026-12-02T08:{minute:02}:00.000Z");
        let text = valid(&id, &updated);
        let listing = Listing::read(vec![(draft_key(&id), Some(text.clone()))], &CatalogSet::builtin());
        prop_assert!(listing.corrupt.is_empty());
        prop_assert_eq!(listing.drafts.len(), 1);
        prop_assert_eq!(listing.drafts[0].draft.to_json(), text);
    }
}

/// An office's own catalog: the reference under another id.
fn office_catalog() -> shifan_rules::Catalog {
    let mut data = shifan_rules::Catalog::reference().data().clone();
    data.id = "office-jinzhong-2026".to_string();
    data.title = "晋中市示范创建指标".to_string();
    shifan_rules::Catalog::from_data(data).unwrap()
}

/// A draft answered against [`office_catalog`].
fn office_draft(id: &str) -> String {
    let draft = Draft::new(
        id.to_string(),
        &office_catalog(),
        "2026-12-02T08:00:00.000Z".to_string(),
    );
    draft.to_json()
}

/// What reading the store's records (kept catalogs and drafts) gives: catalogs, drafts,
/// corrupt keys.
fn check(
    records: Vec<(String, Option<String>)>,
    catalogs: usize,
    drafts: &[&str],
    corrupt: &[&str],
) {
    let listing = Listing::read_store(records);
    assert_eq!(listing.catalogs.len(), catalogs, "kept catalogs");
    let ids: Vec<&str> = listing.drafts.iter().map(|d| d.draft.id.as_str()).collect();
    assert_eq!(ids, drafts, "drafts");
    let keys: Vec<&str> = listing.corrupt.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, corrupt, "corrupt records");
}

#[test]
fn a_kept_catalog_is_verified_and_its_drafts_are_read_against_it() {
    let office = office_catalog();
    let key = catalog_key(office.fingerprint());
    let draft = (draft_key("a-1"), Some(office_draft("a-1")));
    // Kept: the draft against it is listed.
    check(
        vec![(key.clone(), Some(office.to_json())), draft.clone()],
        1,
        &["a-1"],
        &[],
    );
    // Not kept: the draft cannot be read, and is shown as such.
    check(vec![draft.clone()], 0, &[], &["draft:a-1"]);
    // Under another fingerprint's key: refused, shown, and the draft is not read with it.
    let wrong = catalog_key("sha256:0000");
    check(
        vec![(wrong.clone(), Some(office.to_json())), draft.clone()],
        0,
        &[],
        &["draft:a-1", &wrong],
    );
    // Damaged text, or not text: shown, never hidden.
    let mut damaged = office.to_json();
    damaged.truncate(damaged.len() / 2);
    check(vec![(key.clone(), Some(damaged))], 0, &[], &[&key]);
    check(vec![(key.clone(), None)], 0, &[], &[&key]);
    // The set the page reads files against has it besides the built-in ones.
    let listing = Listing::read_store(vec![(key, Some(office.to_json()))]);
    assert!(
        listing
            .catalog_set()
            .resolve(office.id(), office.fingerprint())
            .is_ok()
    );
    assert!(
        listing
            .catalog_set()
            .resolve(
                shifan_rules::Catalog::reference().id(),
                shifan_rules::Catalog::reference().fingerprint()
            )
            .is_ok()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever the catalog records hold, reading them never panics and hides none: each is
    /// kept (verified, under its own fingerprint) or shown as corrupt with its raw text.
    #[test]
    fn every_catalog_record_is_kept_or_shown(
        cut in proptest::option::of(any::<usize>()),
        byte in any::<u8>(),
        key in "catalog:.{0,12}",
        text in ".*",
    ) {
        let office = office_catalog();
        let good = office.to_json();
        let mut damaged = good.clone().into_bytes();
        if let Some(cut) = cut {
            let at = cut % damaged.len();
            damaged[at] = byte;
        }
        let damaged = String::from_utf8_lossy(&damaged).into_owned();
        let records = vec![
            (catalog_key(office.fingerprint()), Some(damaged)),
            (key, Some(text)),
        ];
        let mut seen = std::collections::BTreeSet::new();
        let records: Vec<_> = records.into_iter().filter(|(k, _)| seen.insert(k.clone())).collect();
        let listing = Listing::read_store(records.clone());
        prop_assert_eq!(listing.catalogs.len() + listing.corrupt.len(), records.len());
        for kept in &listing.catalogs {
            prop_assert!(records.iter().any(|(k, _)| *k == catalog_key(kept.fingerprint())));
        }
    }
}

/// A sealed annual report of `code` on `year`, with `text` in its first part, as the annual
/// page's autosave writes it.
fn annual_report(code: &str, year: u16, text: &str, updated: &str) -> String {
    use shifan_rules::annual::{AnnualReport, ReportContent};
    let government = shifan_rules::Applicant::from_code(code, Default::default()).unwrap();
    let mut content = ReportContent::blank(government, year, false);
    content.set_text("measures", text.to_string());
    let generator = shifan_rules::Generator {
        name: "test".into(),
        version: "0".into(),
    };
    AnnualReport::build(content, generator, updated.into(), updated.into()).to_json()
}

/// One `annual:` record: a valid report under its key or another's, a mutated one, random
/// text, a value that is not text, or a record of another kind.
fn annual_record() -> impl Strategy<Value = (String, Option<String>)> {
    use shifan_web::record::annual_key;
    let code = prop::sample::select(vec!["140105", "140106", "140100", "140728"]);
    let year = 2019u16..2026;
    prop_oneof![
        (code.clone(), year.clone(), "\\PC{0,30}").prop_map(|(c, y, t)| {
            (
                annual_key(c, y),
                Some(annual_report(c, y, &t, "2026-03-01T08:00:00Z")),
            )
        }),
        (code.clone(), year.clone()).prop_map(|(c, y)| {
            (
                annual_key(c, y + 1),
                Some(annual_report(c, y, "x", "2026-03-01T08:00:00Z")),
            )
        }),
        (code.clone(), year.clone(), any::<usize>(), any::<u8>()).prop_map(|(c, y, at, byte)| {
            let mut bytes = annual_report(c, y, "一是", "2026-03-01T08:00:00Z").into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            (
                annual_key(c, y),
                Some(String::from_utf8_lossy(&bytes).into_owned()),
            )
        }),
        ("annual:.{0,12}", ".*").prop_map(|(k, t)| (k, Some(t))),
        (code, year).prop_map(|(c, y)| (annual_key(c, y), None)),
        (".*", ".*").prop_map(|(key, text)| (key, Some(text))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the store holds under `annual:`, reading it never panics and hides nothing:
    /// every such record is a report (verified, under its own key) or shown as corrupt with its
    /// raw text; the reports are newest first.
    #[test]
    fn every_annual_record_is_listed_readable_or_corrupt(
        records in proptest::collection::vec(annual_record(), 0..6)
    ) {
        use shifan_web::record::{ANNUAL_PREFIX, AnnualListing, annual_key};
        let mut seen = std::collections::BTreeSet::new();
        let records: Vec<_> = records.into_iter().filter(|(k, _)| seen.insert(k.clone())).collect();
        let annual = records.iter().filter(|(k, _)| k.starts_with(ANNUAL_PREFIX)).count();
        let listing = AnnualListing::read(records.clone());
        prop_assert_eq!(listing.reports.len() + listing.corrupt.len(), annual);
        for report in &listing.reports {
            let key = annual_key(&report.government.division_code, report.year);
            let stored = records.iter().find(|(k, _)| *k == key);
            prop_assert!(stored.is_some());
            // The same file: white space between tokens may differ (a byte mutation that
            // turns a line break into a tab changes no meaning), the content may not.
            let stored: serde_json::Value =
                serde_json::from_str(stored.unwrap().1.as_deref().unwrap_or("")).unwrap();
            prop_assert_eq!(stored, report.to_value());
        }
        for corrupt in &listing.corrupt {
            let stored = records.iter().find(|(k, _)| *k == corrupt.key).unwrap();
            prop_assert_eq!(&corrupt.raw, stored.1.as_deref().unwrap_or(""));
            prop_assert!(!corrupt.problems.is_empty());
        }
        prop_assert!(listing.reports.windows(2).all(|w| w[0].updated >= w[1].updated));
    }
}
